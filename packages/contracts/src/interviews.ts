import { z } from 'zod';
import { PageQuery, Uuid, paginated } from './common.js';
import { webLink } from './web-link.js';
import { PersonRef } from './library.js';
import { Stage } from './candidates.js';
import { InterviewTraining } from './qualification.js';

const Instant = z.iso.datetime({ offset: true, message: 'Use an ISO 8601 date and time with a time zone.' });
const Duration = z.number().int('Whole minutes.').min(10, 'At least 10 minutes.').max(480, 'At most 8 hours.');

/** Whether `zone` is an IANA time zone this runtime knows ("Europe/Berlin"). */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone.length > 0 && zone.length <= 64;
  } catch {
    return false;
  }
}

/** The interviewer's time zone (IANA), in which the interview is shown beside the reader's own. */
export const TimeZone = z
  .string()
  .trim()
  .refine(isTimeZone, 'Choose a time zone from the list, for example Europe/Berlin.');

/** A room or an address. */
export const InterviewLocation = z.string().trim().max(300, 'Use at most 300 characters.');

/**
 * A video link, as every link in the product (`webLink`): "meet.example.com/abc" is completed to
 * "https://meet.example.com/abc"; anything but an http or https address is refused. Empty: none.
 */
export const VideoLink = webLink(2000);

export const ScheduleInterviewRequest = z
  .strictObject({
    /** The plan step of the application's opening this interview covers. */
    stepKey: Uuid,
    interviewerId: Uuid,
    startsAt: Instant,
    /** Defaults to the plan step's duration. */
    durationMinutes: Duration.optional(),
    /** Defaults to 24 hours after the interview ends. */
    feedbackDueAt: Instant.optional(),
    /** The interviewer's time zone (IANA); the start is an instant either way. */
    timeZone: TimeZone.optional(),
    /** A room or address; empty or left out: none. */
    location: InterviewLocation.optional(),
    /** A video link; completed with https:// when typed without. */
    videoLink: VideoLink.optional(),
  })
  .meta({ id: 'ScheduleInterviewRequest' });
export type ScheduleInterviewRequest = z.infer<typeof ScheduleInterviewRequest>;

export const UpdateInterviewRequest = z
  .strictObject({
    /** A new interviewer: their draft scorecard replaces the old one, and the assignment history grows. */
    interviewerId: Uuid.optional(),
    startsAt: Instant.optional(),
    durationMinutes: Duration.optional(),
    /** When the time changes and this is left out, feedback is due 24 hours after the new end. */
    feedbackDueAt: Instant.optional(),
    timeZone: TimeZone.optional(),
    /** Empty clears it. */
    location: InterviewLocation.optional(),
    /** Empty clears it. */
    videoLink: VideoLink.optional(),
    /** The revision the editor saw; an older one answers 409. */
    revision: z.number().int().min(0),
  })
  .meta({ id: 'UpdateInterviewRequest' });
export type UpdateInterviewRequest = z.infer<typeof UpdateInterviewRequest>;

export const CancelInterviewRequest = z.strictObject({ revision: z.number().int().min(0) });
export type CancelInterviewRequest = z.infer<typeof CancelInterviewRequest>;

export const InterviewStatus = z.enum(['scheduled', 'cancelled']);
export type InterviewStatus = z.infer<typeof InterviewStatus>;

export const ScorecardStatus = z.enum(['draft', 'submitted']);
export type ScorecardStatus = z.infer<typeof ScorecardStatus>;

export const InterviewAssignment = z.object({
  interviewer: PersonRef,
  by: PersonRef.nullable(),
  at: z.iso.datetime({ offset: true }),
});
export type InterviewAssignment = z.infer<typeof InterviewAssignment>;

export const Interview = z
  .object({
    id: Uuid,
    applicationId: Uuid,
    /** The plan step it covers, as it was when scheduled; `kind` copied from the step. */
    step: z.object({ key: Uuid, name: z.string(), kind: z.enum(['assessment', 'candidate_questions']) }),
    interviewer: PersonRef,
    startsAt: z.iso.datetime({ offset: true }),
    durationMinutes: z.number().int(),
    endsAt: z.iso.datetime({ offset: true }),
    feedbackDueAt: z.iso.datetime({ offset: true }),
    /** The interviewer's time zone when it was scheduled (IANA); null for interviews from before. */
    timeZone: z.string().nullable(),
    location: z.string().nullable(),
    videoLink: z.string().nullable(),
    status: InterviewStatus,
    /** The current interviewer's scorecard; null once the interview is cancelled. */
    scorecard: z
      .object({ id: Uuid, status: ScorecardStatus, submittedAt: z.iso.datetime({ offset: true }).nullable() })
      .nullable(),
    /** Every interviewer assigned so far, oldest first; the last is the current one. */
    assignments: z.array(InterviewAssignment),
    /** Its seat in a training pairing (issue 24 §5); null for an ordinary interview. */
    training: InterviewTraining.nullable(),
    revision: z.number().int(),
    createdAt: z.iso.datetime({ offset: true }),
  })
  .meta({ id: 'Interview' });
export type Interview = z.infer<typeof Interview>;

export const InterviewList = paginated(Interview);
export type InterviewList = z.infer<typeof InterviewList>;
export const InterviewListQuery = PageQuery;

/** The recruiter's home: their open openings, stuck applications and overdue scorecards. */
export const RecruiterHomeQuery = z.strictObject({
  /**
   * An application is stuck when it has sat in an active stage for more than this many days.
   * Left out: the organization's stuck limit (`stuckDays` in its settings, 7 by default), which the
   * pipeline board uses too.
   */
  stuckDays: z.coerce.number().int().min(1, 'At least 1 day.').max(365, 'At most 365 days.').optional(),
  /** `mine`: openings where the caller is the recruiter or hiring manager; `all`: every open opening. */
  scope: z.enum(['mine', 'all']).default('mine'),
});
export type RecruiterHomeQuery = z.infer<typeof RecruiterHomeQuery>;

const OpeningRef = z.object({ id: Uuid, title: z.string() });
const CandidateRef = z.object({ id: Uuid, name: z.string() });

export const HOME_LIST_LIMIT = 50;

export const RecruiterHome = z
  .object({
    stuckDays: z.number().int(),
    scope: z.enum(['mine', 'all']),
    openings: z.array(
      z.object({
        id: Uuid,
        title: z.string(),
        hiringManager: PersonRef.nullable(),
        recruiter: PersonRef.nullable(),
        counts: z.record(Stage, z.number().int()),
        active: z.number().int(),
      }),
    ),
    /** Oldest first, at most 50; `total` counts them all. */
    stuck: z.object({
      total: z.number().int(),
      items: z.array(
        z.object({
          applicationId: Uuid,
          candidate: CandidateRef,
          opening: OpeningRef,
          stage: Stage,
          stageEnteredAt: z.iso.datetime({ offset: true }),
        }),
      ),
    }),
    /** Draft scorecards past their feedback due time, most overdue first, at most 50. */
    overdue: z.object({
      total: z.number().int(),
      items: z.array(
        z.object({
          scorecardId: Uuid,
          interviewId: Uuid,
          applicationId: Uuid,
          candidate: CandidateRef,
          opening: OpeningRef,
          step: z.string(),
          interviewer: PersonRef,
          feedbackDueAt: z.iso.datetime({ offset: true }),
          /** When someone last pressed "remind now" for it (null: never); another is possible an hour later. */
          lastRemindedAt: z.iso.datetime({ offset: true }).nullable(),
        }),
      ),
    }),
  })
  .meta({ id: 'RecruiterHome' });
export type RecruiterHome = z.infer<typeof RecruiterHome>;
