import { z } from 'zod';
import { PageQuery, Uuid, paginated } from './common.js';
import { CandidateLinks } from './candidates.js';
import { Competency, PersonRef, RedFlagItem } from './library.js';
import { ScorecardStatus } from './interviews.js';
import { EXPECTATIONS, PlanStepKind } from './openings.js';

export const Recommendation = z.enum(['strong_no', 'no', 'yes', 'strong_yes']);
export type Recommendation = z.infer<typeof Recommendation>;
export const RECOMMENDATION_LABELS: Record<Recommendation, string> = {
  strong_no: 'Strong no',
  no: 'No',
  yes: 'Yes',
  strong_yes: 'Strong yes',
};

const evidence = z.string().trim().max(4000, 'Use at most 4000 characters.');

export const RatingInput = z.strictObject({
  criterionKey: Uuid,
  /** 1 to 4 on the anchored scale, or null for "not assessed" (which is not a zero). */
  rating: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.null()], {
    error: 'A rating is 1, 2, 3 or 4, or not assessed.',
  }),
  evidence: evidence.default(''),
});
export type RatingInput = z.infer<typeof RatingInput>;

export const RedFlagInput = z.strictObject({ flagKey: Uuid, evidence: evidence.default('') });
export type RedFlagInput = z.infer<typeof RedFlagInput>;

const ScorecardContentFields = {
  /** One entry per answered criterion; a criterion left out is not answered yet. */
  ratings: z.array(RatingInput).max(240),
  /** The red flags the interviewer saw, each with evidence. */
  redFlags: z.array(RedFlagInput).max(50),
  recommendation: Recommendation.nullable(),
  summary: z.string().trim().max(4000, 'Use at most 4000 characters.'),
  /** The interviewer's working notes, kept with the scorecard. */
  notes: z.string().max(20_000, 'Use at most 20,000 characters.'),
};

function noRepeats(v: { ratings: RatingInput[]; redFlags: RedFlagInput[] }, ctx: z.RefinementCtx) {
  const seen = new Set<string>();
  v.ratings.forEach((r, i) => {
    if (seen.has(r.criterionKey)) {
      ctx.addIssue({ code: 'custom', path: ['ratings', i, 'criterionKey'], message: 'This criterion is rated twice.' });
    }
    seen.add(r.criterionKey);
  });
  const flags = new Set<string>();
  v.redFlags.forEach((f, i) => {
    if (flags.has(f.flagKey)) {
      ctx.addIssue({ code: 'custom', path: ['redFlags', i, 'flagKey'], message: 'This red flag is ticked twice.' });
    }
    flags.add(f.flagKey);
  });
}

export const SaveScorecardRequest = z
  .strictObject({
    ...ScorecardContentFields,
    /** The revision the author last saw; an older one answers 409 instead of overwriting. */
    revision: z.number().int().min(0),
  })
  .superRefine(noRepeats)
  .meta({ id: 'SaveScorecardRequest' });
export type SaveScorecardRequest = z.infer<typeof SaveScorecardRequest>;

/**
 * `confirmContradiction`: the author confirms a recommendation that contradicts the mean of their own
 * ratings (otherwise 422 `recommendation_contradicts_ratings`); the confirmation is recorded.
 */
const confirmContradiction = z.boolean().optional();

export const SubmitScorecardRequest = z.strictObject({ revision: z.number().int().min(0), confirmContradiction });
export type SubmitScorecardRequest = z.infer<typeof SubmitScorecardRequest>;

export const AmendScorecardRequest = z
  .strictObject({
    ...ScorecardContentFields,
    reason: z.string().trim().min(1, 'Say why you are amending it.').max(1000, 'Use at most 1000 characters.'),
    revision: z.number().int().min(0),
    confirmContradiction,
  })
  .superRefine(noRepeats)
  .meta({ id: 'AmendScorecardRequest' });
export type AmendScorecardRequest = z.infer<typeof AmendScorecardRequest>;

export const ScorecardRating = z.object({
  criterionKey: Uuid,
  competencyKey: Uuid,
  rating: z.number().int().min(1).max(4).nullable(),
  evidence: z.string(),
  /**
   * False only for an old rating on a question its interview did not ask: kept on the card for the
   * record, read-only, and counted in no figure.
   */
  asked: z.boolean(),
});
export type ScorecardRating = z.infer<typeof ScorecardRating>;

/** A rating as an amendment found it: what the scorecard said before the change. */
export const AmendedRating = ScorecardRating.pick({
  criterionKey: true,
  competencyKey: true,
  rating: true,
  evidence: true,
});
export type AmendedRating = z.infer<typeof AmendedRating>;

export const Amendment = z.object({
  by: PersonRef,
  at: z.iso.datetime({ offset: true }),
  reason: z.string(),
  /**
   * The scorecard's content just before this amendment: the first amendment's original is the first
   * submission (docs/MEASUREMENT.md), each later one what the previous amendment left.
   */
  original: z.object({
    ratings: z.array(AmendedRating),
    recommendation: Recommendation.nullable(),
    summary: z.string(),
  }),
  /**
   * Whether the author had already read the panel's feedback on this application (its debrief, its
   * scorecards or a comparison including it) when amending; null for amendments made before such
   * reads were recorded.
   */
  afterFeedback: z.boolean().nullable(),
});
export type Amendment = z.infer<typeof Amendment>;

export const Scorecard = z
  .object({
    id: Uuid,
    interviewId: Uuid,
    applicationId: Uuid,
    interviewer: PersonRef,
    step: z.string(),
    /** A candidate's questions scorecard holds notes and a summary only, and counts in no figure. */
    stepKind: PlanStepKind,
    rubricVersionId: Uuid,
    checklistVersionId: Uuid.nullable(),
    status: ScorecardStatus,
    ratings: z.array(ScorecardRating),
    redFlags: z.array(z.object({ flagKey: Uuid, evidence: z.string() })),
    recommendation: Recommendation.nullable(),
    summary: z.string(),
    /** Only the author sees their notes; others get an empty string. */
    notes: z.string(),
    revision: z.number().int(),
    submittedAt: z.iso.datetime({ offset: true }).nullable(),
    /** When the author confirmed a recommendation that contradicts their own ratings; null if never. */
    contradictionConfirmedAt: z.iso.datetime({ offset: true }).nullable(),
    /** Imported from another system (POST /api/v1/scorecard-imports), not written here; left out of calibration by default. */
    imported: z.boolean(),
    /**
     * A trainee's scorecard (a shadow, or the trainee leading a reverse shadow; issue 24 §5): kept and
     * shown, labelled, and counted in no figure.
     */
    shadow: z.boolean(),
    amendments: z.array(Amendment),
    updatedAt: z.iso.datetime({ offset: true }),
  })
  .meta({ id: 'Scorecard' });
export type Scorecard = z.infer<typeof Scorecard>;

export const ScorecardList = z.object({ items: z.array(Scorecard) }).meta({ id: 'ScorecardList' });
export type ScorecardList = z.infer<typeof ScorecardList>;

/** Everything an interviewer needs for one interview, and their own scorecard. */
export const InterviewKit = z
  .object({
    interview: z.object({
      id: Uuid,
      step: z.string(),
      stepKind: PlanStepKind,
      startsAt: z.iso.datetime({ offset: true }),
      durationMinutes: z.number().int(),
      feedbackDueAt: z.iso.datetime({ offset: true }),
      status: z.enum(['scheduled', 'cancelled']),
    }),
    opening: z.object({ id: Uuid, title: z.string() }),
    /**
     * The candidate's basics. When the opening hides CV details from interviewers, only the name
     * is given and `detailsHidden` is true.
     */
    candidate: z.object({
      /** Null when details are hidden; otherwise it opens the candidate's files (their CV). */
      id: Uuid.nullable(),
      name: z.string(),
      detailsHidden: z.boolean(),
      currentTitle: z.string().nullable(),
      currentCompany: z.string().nullable(),
      location: z.string().nullable(),
      links: CandidateLinks.nullable(),
    }),
    /**
     * The competencies this interview asks, from the scorecard's rubric version, each with only the
     * criteria (questions) it asks: exactly what the scorecard rates.
     */
    competencies: z.array(Competency),
    /** The questions chosen for this step (criterion keys), in the plan's order. */
    questionKeys: z.array(Uuid),
    /**
     * Criteria the scorecard holds old ratings on although the interview did not ask them (kept for
     * the record, read-only, in no figure), with their names for showing them.
     */
    unaskedCriteria: z.array(z.object({ key: Uuid, title: z.string(), competency: z.string() })),
    /** The red flags to watch for, from the opening's checklist version. */
    redFlags: z.array(RedFlagItem),
    /**
     * The closing step's kit (null for assessment steps): what tech-lead candidates expect to hear
     * about, each with what the opening's hiring manager wrote about it.
     */
    candidateQuestions: z
      .object({
        topics: z.array(
          z.object({
            key: z.enum(EXPECTATIONS),
            label: z.string(),
            /** What candidates expect on this topic, and what breaks their trust. */
            guidance: z.string(),
            /** The opening's own answer, as the hiring manager filled it in ('' when not yet). */
            opening: z.string(),
          }),
        ),
        codingSharePct: z.number().int().nullable(),
      })
      .nullable(),
    scorecard: Scorecard,
  })
  .meta({ id: 'InterviewKit' });
export type InterviewKit = z.infer<typeof InterviewKit>;

export const MyInterviewsQuery = PageQuery.extend({
  /** upcoming: not started yet; awaiting: started, feedback not submitted; submitted: done. */
  view: z.enum(['upcoming', 'awaiting', 'submitted']).default('awaiting'),
});
export type MyInterviewsQuery = z.infer<typeof MyInterviewsQuery>;

export const MyInterview = z.object({
  interviewId: Uuid,
  scorecardId: Uuid,
  candidate: z.object({ name: z.string() }),
  opening: z.object({ id: Uuid, title: z.string() }),
  step: z.string(),
  startsAt: z.iso.datetime({ offset: true }),
  durationMinutes: z.number().int(),
  feedbackDueAt: z.iso.datetime({ offset: true }),
  scorecardStatus: ScorecardStatus,
  submittedAt: z.iso.datetime({ offset: true }).nullable(),
  overdue: z.boolean(),
});
export type MyInterview = z.infer<typeof MyInterview>;

export const MyInterviewList = paginated(MyInterview)
  .extend({
    /** How many are in each view, and how many awaiting ones are past due: the in-app reminder. */
    counts: z.object({
      upcoming: z.number().int(),
      awaiting: z.number().int(),
      submitted: z.number().int(),
      overdue: z.number().int(),
    }),
  })
  .meta({ id: 'MyInterviewList' });
export type MyInterviewList = z.infer<typeof MyInterviewList>;
