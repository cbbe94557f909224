import { z } from 'zod';
import { StageReason } from './applications.js';
import { Stage } from './candidates.js';
import { Uuid } from './common.js';
import { DecisionKind } from './debriefs.js';
import { PersonRef } from './library.js';

/** The longest note, in characters. */
export const NOTE_MAX_CHARS = 5000;

export const CreateCandidateNoteRequest = z
  .strictObject({
    body: z
      .string()
      .trim()
      .min(1, 'Write the note first.')
      .max(NOTE_MAX_CHARS, `A note has at most ${NOTE_MAX_CHARS.toLocaleString('en-US')} characters.`),
  })
  .meta({ id: 'CreateCandidateNoteRequest' });
export type CreateCandidateNoteRequest = z.infer<typeof CreateCandidateNoteRequest>;

export const CandidateNote = z
  .object({
    id: Uuid,
    candidateId: Uuid,
    body: z.string(),
    author: PersonRef.nullable(),
    createdAt: z.iso.datetime({ offset: true }),
  })
  .meta({ id: 'CandidateNote' });
export type CandidateNote = z.infer<typeof CandidateNote>;

export const ActivityKind = z.enum([
  'application_created',
  'stage_moved',
  'interview_scheduled',
  'interview_cancelled',
  'scorecard_submitted',
  'decision_recorded',
  'note_added',
  'file_uploaded',
]);
export type ActivityKind = z.infer<typeof ActivityKind>;

const ActivityApplication = z.object({ id: Uuid, opening: z.object({ id: Uuid, title: z.string() }) });

const base = {
  /** Unique within the feed: the kind and the id of the row it comes from. */
  key: z.string(),
  at: z.iso.datetime({ offset: true }),
  /** Who did it; null when nobody is recorded (older rows, a removed account). */
  actor: PersonRef.nullable(),
};
const withApplication = { ...base, application: ActivityApplication };
const interviewDetails = z.object({
  interviewId: Uuid,
  stepName: z.string(),
  startsAt: z.iso.datetime({ offset: true }),
  interviewer: PersonRef.nullable(),
});

/**
 * One event of a candidate's activity feed. A submitted scorecard says who submitted it for which
 * step, never its ratings or recommendation.
 */
export const ActivityItem = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('application_created'), ...withApplication, details: z.object({ stage: Stage }) }),
    z.object({
      kind: z.literal('stage_moved'),
      ...withApplication,
      details: z.object({ from: Stage, to: Stage, reason: StageReason.nullable(), note: z.string() }),
    }),
    z.object({ kind: z.literal('interview_scheduled'), ...withApplication, details: interviewDetails }),
    z.object({ kind: z.literal('interview_cancelled'), ...withApplication, details: interviewDetails }),
    z.object({
      kind: z.literal('scorecard_submitted'),
      ...withApplication,
      details: z.object({ scorecardId: Uuid, interviewId: Uuid, stepName: z.string() }),
    }),
    z.object({
      kind: z.literal('decision_recorded'),
      ...withApplication,
      details: z.object({ decision: DecisionKind }),
    }),
    z.object({ kind: z.literal('note_added'), ...base, details: z.object({ noteId: Uuid, body: z.string() }) }),
    z.object({
      kind: z.literal('file_uploaded'),
      ...base,
      details: z.object({ fileId: Uuid, filename: z.string() }),
    }),
  ])
  .meta({ id: 'ActivityItem' });
export type ActivityItem = z.infer<typeof ActivityItem>;

export const ACTIVITY_PAGE_MAX = 100;

export const CandidateActivityQuery = z.strictObject({
  /** The `nextCursor` of the previous page; absent for the newest page. */
  cursor: z
    .string()
    .max(200)
    .regex(/^[A-Za-z0-9_-]+$/, 'Use the nextCursor of the previous page.')
    .optional(),
  limit: z.coerce.number().int().min(1).max(ACTIVITY_PAGE_MAX).default(20),
});
export type CandidateActivityQuery = z.infer<typeof CandidateActivityQuery>;

export const CandidateActivity = z
  .object({
    items: z.array(ActivityItem),
    /** Pass as `cursor` for the next (older) page; null on the last page. */
    nextCursor: z.string().nullable(),
  })
  .meta({ id: 'CandidateActivity' });
export type CandidateActivity = z.infer<typeof CandidateActivity>;
