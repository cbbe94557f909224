import { z } from 'zod';
import { Role, Uuid } from './common.js';
import { RecruiterHome, isTimeZone } from './interviews.js';

/**
 * The home pages that are work queues (issue 19): the interviewer's (their interviews and the
 * scorecards they owe) and the hiring manager's (decisions waiting, their openings, their own
 * scorecards). The recruiter's home is `RecruiterHome` (interviews.ts). Every list is capped at
 * `HOME_LIST_LIMIT` and carries the `total` of all of them.
 */

const Instant = z.iso.datetime({ offset: true });
const OpeningRef = z.object({ id: Uuid, title: z.string() });

export const InterviewerHomeQuery = z.strictObject({
  /**
   * The IANA time zone whose days "today" and "this week" follow (the browser sends its own);
   * UTC day boundaries when left out.
   */
  timeZone: z
    .string()
    .max(64, 'Use an IANA time zone such as Europe/Paris.')
    .refine(isTimeZone, 'Use an IANA time zone such as Europe/Paris.')
    .optional(),
});
export type InterviewerHomeQuery = z.infer<typeof InterviewerHomeQuery>;

export const HomeInterview = z.object({
  interviewId: Uuid,
  scorecardId: Uuid,
  candidate: z.object({ name: z.string() }),
  opening: OpeningRef,
  step: z.string(),
  startsAt: Instant,
  durationMinutes: z.number().int(),
  scorecardStatus: z.enum(['draft', 'submitted']),
});
export type HomeInterview = z.infer<typeof HomeInterview>;

/**
 * Where a draft scorecard stands: `draft` while its interview has not ended yet, `due` once it has
 * (feedback is expected now), `overdue` once `feedbackDueAt` has passed.
 */
export const ScorecardDueState = z.enum(['draft', 'due', 'overdue']);
export type ScorecardDueState = z.infer<typeof ScorecardDueState>;

export const ScorecardToWrite = z.object({
  interviewId: Uuid,
  scorecardId: Uuid,
  candidate: z.object({ name: z.string() }),
  opening: OpeningRef,
  step: z.string(),
  startsAt: Instant,
  endsAt: Instant,
  feedbackDueAt: Instant,
  state: ScorecardDueState,
});
export type ScorecardToWrite = z.infer<typeof ScorecardToWrite>;

/** The caller's live draft scorecards of scheduled interviews, earliest feedback due first. */
export const ScorecardsToWrite = z.object({
  total: z.number().int(),
  counts: z.record(ScorecardDueState, z.number().int()),
  items: z.array(ScorecardToWrite),
});
export type ScorecardsToWrite = z.infer<typeof ScorecardsToWrite>;

export const SubmittedScorecard = z.object({
  scorecardId: Uuid,
  interviewId: Uuid,
  applicationId: Uuid,
  candidate: z.object({ name: z.string() }),
  opening: OpeningRef,
  step: z.string(),
  submittedAt: Instant,
  /**
   * Whether the application's debrief is open to the caller under the independence rule: not while
   * they still owe another scorecard on the same application.
   */
  debriefOpen: z.boolean(),
});
export type SubmittedScorecard = z.infer<typeof SubmittedScorecard>;

export const InterviewerHome = z
  .object({
    /** The server's clock, so "due in 5 h" is counted from the same instant as the states. */
    now: Instant,
    /** The time zone whose days were used: the one asked for, or `UTC`. */
    timeZone: z.string(),
    /** Today is [todayStartsAt, tomorrowStartsAt); this week runs on to weekEndsAt (7 days from today's start). */
    days: z.object({ todayStartsAt: Instant, tomorrowStartsAt: Instant, weekEndsAt: Instant }),
    /** The caller's scheduled interviews today (also those already over), earliest first. */
    today: z.object({ total: z.number().int(), items: z.array(HomeInterview) }),
    /** The caller's scheduled interviews after today and before `days.weekEndsAt`, earliest first. */
    thisWeek: z.object({ total: z.number().int(), items: z.array(HomeInterview) }),
    toWrite: ScorecardsToWrite,
    /** The caller's submitted scorecards, newest first. */
    submitted: z.object({ total: z.number().int(), items: z.array(SubmittedScorecard) }),
  })
  .meta({ id: 'InterviewerHome' });
export type InterviewerHome = z.infer<typeof InterviewerHome>;

export const DecisionWaiting = z.object({
  applicationId: Uuid,
  candidate: z.object({ id: Uuid, name: z.string() }),
  opening: OpeningRef,
  /** When the application entered the debrief stage. */
  stageEnteredAt: Instant,
  /** Submitted scorecards, and the live ones expected (submitted + drafts of scheduled interviews). */
  scorecards: z.object({ submitted: z.number().int(), expected: z.number().int() }),
  /**
   * The panel's figures, by the debrief's own rules (independent ratings): where the panel
   * disagrees and the red flags ticked. Null while the caller still owes their own scorecard on
   * this application (the independence rule hides the panel's feedback until then).
   */
  panel: z
    .object({
      disagreements: z.object({
        competencies: z.number().int(),
        criteria: z.number().int(),
        recommendationSplit: z.boolean(),
      }),
      redFlags: z.object({ dealbreakers: z.number().int(), concerns: z.number().int() }),
    })
    .nullable(),
});
export type DecisionWaiting = z.infer<typeof DecisionWaiting>;

export const HiringManagerHome = z
  .object({
    now: Instant,
    /** `mine`: openings the caller is hiring manager (or recruiter) of; `all` for admins. */
    scope: z.enum(['mine', 'all']),
    /** Applications in the debrief stage of the openings in scope, longest waiting first. */
    decisions: z.object({ total: z.number().int(), items: z.array(DecisionWaiting) }),
    /** Open openings in scope, by title, with their applications per stage (as on the recruiter's home). */
    openings: RecruiterHome.shape.openings,
    /** The caller's own draft scorecards, earliest feedback due first. */
    myScorecards: ScorecardsToWrite,
    /** Only for admins: the people and the audit log of the organization. */
    admin: z
      .object({
        users: z.object({ active: z.number().int(), byRole: z.record(Role, z.number().int()) }),
        /** Audit events of the last 7 days. */
        auditEventsLastWeek: z.number().int(),
      })
      .nullable(),
  })
  .meta({ id: 'HiringManagerHome' });
export type HiringManagerHome = z.infer<typeof HiringManagerHome>;
