import { z } from 'zod';
import { RejectionReason } from './applications.js';
import { CandidateSource, DesiredCareerPath, Stage } from './candidates.js';
import { Uuid } from './common.js';
import { CompetencyCategory, PersonRef, Severity } from './library.js';
import { CareerPath } from './openings.js';
import { Scorecard } from './scorecards.js';

/** A figure with how many values back it and their spread (highest minus lowest). */
export const Stat = z
  .object({
    mean: z.number(),
    count: z.number().int(),
    min: z.number(),
    max: z.number(),
    spread: z.number(),
  })
  .meta({ id: 'Stat' });
export type Stat = z.infer<typeof Stat>;

export const RecommendationTally = z.object({
  strong_no: z.number().int(),
  no: z.number().int(),
  yes: z.number().int(),
  strong_yes: z.number().int(),
});
export type RecommendationTally = z.infer<typeof RecommendationTally>;

export const DecisionKind = z.enum(['hire', 'no_hire', 'hold']);
export type DecisionKind = z.infer<typeof DecisionKind>;
export const DECISION_LABELS: Record<DecisionKind, string> = { hire: 'Hire', no_hire: 'No hire', hold: 'Hold' };

export const Decision = z
  .object({
    id: Uuid,
    decision: DecisionKind,
    rationale: z.string(),
    by: PersonRef,
    at: z.iso.datetime({ offset: true }),
    /** The decider acknowledged dealbreaker red flags to hire anyway. */
    acknowledgedDealbreakers: z.boolean(),
  })
  .meta({ id: 'Decision' });
export type Decision = z.infer<typeof Decision>;

/** A no hire rejects the candidate: the timeline records why, never a silent "Other". */
export const NO_HIRE_REASON_REQUIRED = 'Choose the rejection reason for a no hire.';

export const DecideRequest = z
  .strictObject({
    decision: DecisionKind,
    rationale: z
      .string()
      .trim()
      .min(1, 'Give the rationale for the decision.')
      .max(4000, 'Use at most 4000 characters.'),
    /** Needed to hire when an interviewer flagged a dealbreaker. */
    acknowledgeDealbreakers: z.boolean().default(false),
    /** Why, for the rejection a no hire records in the timeline: required with a no hire, refused otherwise. */
    rejectionReason: RejectionReason.optional(),
    /** The application revision the decider saw; a moved application answers 409. */
    revision: z.number().int().min(0),
  })
  .superRefine((v, ctx) => {
    if (v.rejectionReason && v.decision !== 'no_hire') {
      ctx.addIssue({ code: 'custom', path: ['rejectionReason'], message: 'Only a no hire takes a rejection reason.' });
    }
    if (!v.rejectionReason && v.decision === 'no_hire') {
      ctx.addIssue({ code: 'custom', path: ['rejectionReason'], message: NO_HIRE_REASON_REQUIRED });
    }
  })
  .meta({ id: 'DecideRequest' });
export type DecideRequest = z.infer<typeof DecideRequest>;

/**
 * Which ratings the figures read: each scorecard as first submitted (the default: independent
 * judgements, before anyone read the panel's feedback), or with later amendments applied. Ratings on
 * criteria a step did not ask count in neither.
 */
export const RatingsView = z.enum(['independent', 'with_amendments']);
export type RatingsView = z.infer<typeof RatingsView>;
export const RATINGS_VIEW_LABELS: Record<RatingsView, string> = {
  independent: 'independent ratings, as first submitted',
  with_amendments: 'with amendments',
};

export const DebriefQuery = z.strictObject({
  /** `with_amendments` is for the hiring team (admin, hiring manager, recruiter); interviewers get 403. */
  ratings: RatingsView.default('independent'),
});
export type DebriefQuery = z.infer<typeof DebriefQuery>;

/**
 * One cell of the interviewer-by-criterion grid: one interviewer's rating of one criterion, as the
 * debrief's view reads it (first submission, or with amendments).
 */
export const DebriefGridCell = z
  .object({
    /**
     * `rated`: a rating of 1 to 4; `not_assessed`: asked, and marked "not assessed" (not a zero);
     * `not_asked`: this interviewer's step did not ask the question (no rating, counts in nothing).
     */
    status: z.enum(['rated', 'not_assessed', 'not_asked']),
    rating: z.number().int().min(1).max(4).nullable(),
    /** The evidence the interviewer wrote for this rating, in the same view; '' when none. */
    evidence: z.string(),
    /**
     * The rating in the other view when it differs from this one: what it was amended to (in the
     * independent view) or what was first submitted (in the amended view); null when the same.
     */
    other: z.object({ rating: z.number().int().min(1).max(4).nullable() }).nullable(),
  })
  .meta({ id: 'DebriefGridCell' });
export type DebriefGridCell = z.infer<typeof DebriefGridCell>;

/**
 * Every submitted scorecard's ratings side by side: one column per scorecard of an assessment step
 * (interviewer and step, in submission order), one row per criterion of the rubric (in rubric order,
 * grouped by competency); `cells[i]` belongs to `columns[i]`. Disagreement marks are the rows'
 * criteria in `disagreements.criteria`.
 */
export const DebriefGrid = z
  .object({
    columns: z.array(z.object({ scorecardId: Uuid, interviewer: PersonRef, step: z.string() })),
    rows: z.array(z.object({ competencyKey: Uuid, criterionKey: Uuid, cells: z.array(DebriefGridCell) })),
  })
  .meta({ id: 'DebriefGrid' });
export type DebriefGrid = z.infer<typeof DebriefGrid>;

/**
 * In the order the panel reads it, the order that limits anchoring (docs/MEASUREMENT.md): what to
 * discuss first, the evidence gaps, the scores, the scorecards, and the decisions last.
 */
export const Debrief = z
  .object({
    application: z.object({
      id: Uuid,
      stage: Stage,
      revision: z.number().int(),
      candidate: z.object({ id: Uuid, name: z.string(), currentTitle: z.string(), currentCompany: z.string() }),
      opening: z.object({ id: Uuid, title: z.string(), hiringManager: PersonRef.nullable() }),
    }),
    rubricVersion: z.object({ id: Uuid, name: z.string(), version: z.number().int() }).nullable(),
    /** Which ratings every figure below reads. */
    ratingsView: RatingsView,
    /** A dealbreaker red flag is ticked on a submitted scorecard. */
    dealbreaker: z.boolean(),
    /** What the panel must discuss first. */
    disagreements: z.object({
      competencies: z.array(Uuid),
      criteria: z.array(Uuid),
      recommendationSplit: z.boolean(),
    }),
    /**
     * Competencies of the rubric, in rubric order, with fewer than two independent ratings (fewer
     * than two scorecards rated them in their first submission), whatever the view: not enough
     * evidence to score them yet.
     */
    evidenceGaps: z.array(z.object({ competencyKey: Uuid, name: z.string(), ratings: z.number().int() })),
    /** The weight-normalised mean of competency scores with data, with the spread of the scorecards' own overalls. */
    overall: z.object({ score: z.number().nullable(), stat: Stat.nullable() }),
    /** In rubric order. `stat` is null when nobody assessed the competency. */
    competencies: z.array(
      z.object({
        key: Uuid,
        name: z.string(),
        category: CompetencyCategory,
        weight: z.number(),
        stat: Stat.nullable(),
        disagreement: z.boolean(),
        criteria: z.array(z.object({ key: Uuid, title: z.string(), stat: Stat.nullable(), disagreement: z.boolean() })),
      }),
    ),
    /** Competency keys nobody assessed. */
    unassessed: z.array(Uuid),
    tally: RecommendationTally,
    /** Red flags ticked on submitted scorecards, with who saw them and their evidence. */
    redFlags: z.array(
      z.object({
        flagKey: Uuid,
        description: z.string(),
        severity: Severity,
        seenBy: z.array(z.object({ scorecardId: Uuid, interviewer: PersonRef, evidence: z.string() })),
      }),
    ),
    /** The interviewer-by-criterion grid of the submitted scorecards, in the view's ratings. */
    grid: DebriefGrid,
    /** Submitted scorecards as they stand, with their amendments (each with the content it replaced). */
    scorecards: z.array(Scorecard),
    /** Scheduled interviews whose scorecard is not submitted yet. */
    pending: z.array(
      z.object({
        interviewId: Uuid,
        interviewer: PersonRef,
        step: z.string(),
        feedbackDueAt: z.iso.datetime({ offset: true }),
        overdue: z.boolean(),
      }),
    ),
    /** Every decision, newest first; the first is the current one. */
    decisions: z.array(Decision),
  })
  .meta({ id: 'Debrief' });
export type Debrief = z.infer<typeof Debrief>;

export const ComparisonQuery = z.strictObject({
  /** 2 to 8 application ids of the opening, comma-separated. */
  applicationIds: z
    .string()
    .transform((s) =>
      s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .pipe(
      z
        .array(Uuid)
        .min(2, 'Pick at least 2 applications.')
        .max(8, 'Pick at most 8 applications.')
        .refine((ids) => new Set(ids).size === ids.length, 'Pick each application once.'),
    ),
  /**
   * How many standard errors a gap must exceed to separate two candidates: 1 by default; 0.5 to 3.
   * Larger is stricter (more candidates share a tier).
   */
  z: z.coerce
    .number('Use a number from 0.5 to 3.')
    .min(0.5, 'Use a number from 0.5 to 3.')
    .max(3, 'Use a number from 0.5 to 3.')
    .default(1),
  /** Which ratings the figures read; the independent first submissions by default. */
  ratings: RatingsView.default('independent'),
});
export type ComparisonQuery = z.infer<typeof ComparisonQuery>;

export const ComparisonRow = z.object({
  applicationId: Uuid,
  candidate: z.object({
    id: Uuid,
    name: z.string(),
    source: CandidateSource,
    desiredCodingSharePct: z.number().int().nullable(),
    desiredCareerPath: DesiredCareerPath,
    compensationExpectation: z.object({ currency: z.string(), amountMinor: z.number().int() }).nullable(),
  }),
  stage: Stage,
  /** By competency key; null when nobody assessed it. */
  competencies: z.record(z.string(), Stat.nullable()),
  overall: z.object({ score: z.number().nullable(), stat: Stat.nullable() }),
  tally: RecommendationTally,
  scorecards: z.number().int(),
  redFlags: z.object({ concerns: z.number().int(), dealbreakers: z.number().int() }),
  /**
   * How the candidate's wishes fit the opening: coding share gap in points, career path match, and
   * where their compensation expectation falls against the opening's band (null when unknown or in
   * another currency).
   */
  fit: z.object({
    codingShareGap: z.number().int().nullable(),
    careerPathMatch: z.boolean().nullable(),
    compensation: z.enum(['under', 'within', 'over']).nullable(),
  }),
  /**
   * The standard error of the overall: `own` = SD of the scorecards' own overalls / √k (k ≥ 2);
   * `pooled` = the pooled rater SD, for a single scorecard; `unknown` = nothing to pool (such a
   * candidate is never separated from anyone).
   */
  standardError: z.object({ value: z.number().nullable(), basis: z.enum(['own', 'pooled', 'unknown']) }),
  /** The share (0 to 1) of the rubric's weight the scorecards cover; `partial` below 1. */
  coverage: z.object({ share: z.number(), partial: z.boolean() }),
  /**
   * 1 is the top. A tier holds its head (the highest overall left) and everyone the evidence cannot
   * separate from the head. Null when listed apart or without scores.
   */
  tier: z.number().int().nullable(),
  /** Listed apart, below the tiers, and why: a rejection decision or an unacknowledged dealbreaker. */
  apart: z
    .object({ reason: z.enum(['rejected', 'withdrawn', 'no_hire', 'dealbreaker']), message: z.string() })
    .nullable(),
});
export type ComparisonRow = z.infer<typeof ComparisonRow>;

export const Comparison = z
  .object({
    opening: z.object({
      id: Uuid,
      title: z.string(),
      codingSharePct: z.number().int().nullable(),
      careerPath: CareerPath,
      /** The opening's base-salary band, in minor units. */
      compensation: z.object({ currency: z.string(), minMinor: z.number().int(), maxMinor: z.number().int() }),
    }),
    competencies: z.array(z.object({ key: Uuid, name: z.string(), weight: z.number() })),
    /** The z the separation rule used. */
    z: z.number(),
    /** Which ratings the figures read. */
    ratingsView: RatingsView,
    /** The pooled rater SD a one-scorecard candidate's error rests on; null when no candidate has two scorecards. */
    pooledRaterSd: z.number().nullable(),
    /** In display order: tier by tier (fully covered before partial), then those apart, then those without scores. */
    rows: z.array(ComparisonRow),
  })
  .meta({ id: 'Comparison' });
export type Comparison = z.infer<typeof Comparison>;
