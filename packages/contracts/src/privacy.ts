import { z } from 'zod';
import { StageMove } from './applications.js';
import { Candidate, Stage } from './candidates.js';
import { FieldError } from './errors.js';
import { Uuid } from './common.js';
import { Decision } from './debriefs.js';
import { InterviewStatus } from './interviews.js';
import { PersonRef, Severity } from './library.js';
import { MeetingRecord } from './meetings.js';
import { Recommendation } from './scorecards.js';
import { ExportedSelfId } from './self-id.js';

/** What an erased candidate is called everywhere. */
export const ERASED_CANDIDATE_NAME = 'Erased candidate';

const at = z.iso.datetime({ offset: true });

/**
 * Erasing asks for the candidate's full name, typed exactly as it is stored (surrounding spaces
 * aside), so a candidate is never erased by a slip.
 */
export const EraseCandidateRequest = z.strictObject({
  confirm: z.string().trim().min(1, 'Type the candidate’s full name to confirm.').max(200),
});
export type EraseCandidateRequest = z.infer<typeof EraseCandidateRequest>;

export const ExportedInterview = z.object({
  id: Uuid,
  step: z.string(),
  interviewer: PersonRef,
  startsAt: at,
  durationMinutes: z.number().int(),
  feedbackDueAt: at,
  status: InterviewStatus,
  createdAt: at,
  /** Who was assigned when, first assignment first (reassigning keeps the history). */
  assignments: z.array(z.object({ interviewer: PersonRef, by: PersonRef.nullable(), at })),
});
export type ExportedInterview = z.infer<typeof ExportedInterview>;

export const ExportedScorecard = z.object({
  id: Uuid,
  interviewId: Uuid,
  interviewer: PersonRef,
  /** `void`: a draft left behind when its interview was reassigned or cancelled. */
  status: z.enum(['draft', 'submitted', 'void']),
  rubricVersionId: Uuid,
  checklistVersionId: Uuid.nullable(),
  ratings: z.array(
    z.object({
      criterionKey: Uuid,
      competencyKey: Uuid,
      /** The criterion's title and its competency's name in the rubric version scored against. */
      criterion: z.string().nullable(),
      competency: z.string().nullable(),
      rating: z.number().int().min(1).max(4).nullable(),
      evidence: z.string(),
    }),
  ),
  redFlags: z.array(
    z.object({
      flagKey: Uuid,
      description: z.string().nullable(),
      severity: Severity.nullable(),
      evidence: z.string(),
    }),
  ),
  recommendation: Recommendation.nullable(),
  summary: z.string(),
  /** The interviewer's private notes. */
  notes: z.string(),
  submittedAt: at.nullable(),
  createdAt: at,
  updatedAt: at,
  /** Each amendment with the content it replaced, as it was stored. */
  amendments: z.array(z.object({ by: PersonRef, at, reason: z.string(), original: z.unknown() })),
});
export type ExportedScorecard = z.infer<typeof ExportedScorecard>;

export const ExportedApplication = z.object({
  id: Uuid,
  opening: z.object({ id: Uuid, title: z.string() }),
  stage: Stage,
  stageEnteredAt: at,
  createdAt: at,
  updatedAt: at,
  /** The stage history, oldest first. */
  moves: z.array(StageMove),
  interviews: z.array(ExportedInterview),
  scorecards: z.array(ExportedScorecard),
  /** Oldest first. */
  decisions: z.array(Decision),
});
export type ExportedApplication = z.infer<typeof ExportedApplication>;

/** A staged or committed CSV import row that carried the candidate's email. */
export const ExportedImportRow = z.object({
  importId: Uuid,
  importStatus: z.enum(['staging', 'committed']),
  importedAt: at,
  row: z.number().int(),
  email: z.string().nullable(),
  /** The row as checked, or null when it had errors. */
  candidate: z.record(z.string(), z.unknown()).nullable(),
  errors: z.array(FieldError),
});
export type ExportedImportRow = z.infer<typeof ExportedImportRow>;

/** A file attached to the candidate, as listed in an export. */
export const ExportedFile = z.object({
  id: Uuid,
  filename: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  uploadedAt: at,
  uploadedBy: PersonRef.nullable(),
});
export type ExportedFile = z.infer<typeof ExportedFile>;

/** A note written about the candidate, as listed in an export. */
export const ExportedNote = z.object({
  id: Uuid,
  body: z.string(),
  author: PersonRef.nullable(),
  createdAt: at,
});
export type ExportedNote = z.infer<typeof ExportedNote>;

/**
 * Everything the organization holds about one candidate, for a subject access request. Audit
 * events are the rows of the audit log about the candidate or their applications, as stored.
 */
export const CandidateExport = z
  .object({
    format: z.literal('scorecard.candidate-export.v1'),
    exportedAt: at,
    exportedBy: PersonRef,
    organization: z.object({ id: Uuid, name: z.string() }),
    candidate: Candidate,
    applications: z.array(ExportedApplication),
    importRows: z.array(ExportedImportRow),
    /** Files attached to the candidate (their content is downloaded one by one). */
    files: z.array(ExportedFile),
    /** Notes written about the candidate, oldest first. */
    notes: z.array(ExportedNote),
    /** The candidate's voluntary self-identification answers, if any (only ever in their own export). */
    selfIdentification: ExportedSelfId,
    /** The finished debrief meetings on their applications, oldest first: both rounds' votes and the movement. */
    meetings: z.array(MeetingRecord),
    auditEvents: z.array(z.record(z.string(), z.unknown())),
  })
  .meta({ id: 'CandidateExport' });
export type CandidateExport = z.infer<typeof CandidateExport>;
