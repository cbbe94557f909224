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
    /** Why, for the rejection a no hire records in the timeline; `other` when not given. */
    rejectionReason: RejectionReason.optional(),
    /** The application version the decider saw; a moved application answers 409. */
    version: z.number().int().min(0),
  })
  .superRefine((v, ctx) => {
    if (v.rejectionReason && v.decision !== 'no_hire') {
      ctx.addIssue({ code: 'custom', path: ['rejectionReason'], message: 'Only a no hire takes a rejection reason.' });
    }
  })
  .meta({ id: 'DecideRequest' });
export type DecideRequest = z.infer<typeof DecideRequest>;

export const Debrief = z
  .object({
    application: z.object({
      id: Uuid,
      stage: Stage,
      version: z.number().int(),
      candidate: z.object({ id: Uuid, name: z.string(), currentTitle: z.string(), currentCompany: z.string() }),
      opening: z.object({ id: Uuid, title: z.string(), hiringManager: PersonRef.nullable() }),
    }),
    rubricVersion: z.object({ id: Uuid, name: z.string(), version: z.number().int() }).nullable(),
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
    /** What the panel must discuss first. */
    disagreements: z.object({
      competencies: z.array(Uuid),
      criteria: z.array(Uuid),
      recommendationSplit: z.boolean(),
    }),
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
    dealbreaker: z.boolean(),
    /** Competency keys nobody assessed. */
    unassessed: z.array(Uuid),
    /** Submitted scorecards, with their amendments. */
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
  }),
  stage: Stage,
  /** By competency key; null when nobody assessed it. */
  competencies: z.record(z.string(), Stat.nullable()),
  overall: z.object({ score: z.number().nullable(), stat: Stat.nullable() }),
  tally: RecommendationTally,
  scorecards: z.number().int(),
  redFlags: z.object({ concerns: z.number().int(), dealbreakers: z.number().int() }),
  /** How the candidate's wishes fit the opening: coding share gap in points, and career path match. */
  fit: z.object({
    codingShareGap: z.number().int().nullable(),
    careerPathMatch: z.boolean().nullable(),
  }),
  /** 1 = best overall; candidates too close to separate given their spread share a rank. */
  rank: z.number().int().nullable(),
  tiedWithAbove: z.boolean(),
});
export type ComparisonRow = z.infer<typeof ComparisonRow>;

export const Comparison = z
  .object({
    opening: z.object({
      id: Uuid,
      title: z.string(),
      codingSharePct: z.number().int().nullable(),
      careerPath: CareerPath,
    }),
    competencies: z.array(z.object({ key: Uuid, name: z.string(), weight: z.number() })),
    rows: z.array(ComparisonRow),
  })
  .meta({ id: 'Comparison' });
export type Comparison = z.infer<typeof Comparison>;
