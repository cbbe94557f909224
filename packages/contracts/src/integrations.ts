import { z } from 'zod';
import { Stage } from './candidates.js';
import { Uuid } from './common.js';
import { DecisionKind, RecommendationTally, Stat } from './debriefs.js';
import { CompetencyCategory, PersonRef, Severity } from './library.js';
import { Recommendation, RedFlagInput, Scorecard } from './scorecards.js';

/**
 * Scorecards that travel (docs/INTEGRATIONS.md): historical scorecards imported from another
 * system, and an application's decision packet as one JSON document that maps onto the common
 * unified-ATS scorecard model.
 */

const evidence = z.string().trim().max(4000, 'Use at most 4000 characters.');

/** The earliest submission time an import takes: anything older is a typo. */
const EARLIEST_IMPORT = Date.parse('2000-01-01T00:00:00Z');

export const ImportedRatingInput = z.strictObject({
  criterionKey: Uuid,
  /** 1 to 4 on the anchored scale: an import carries the criteria that were rated, nothing "not assessed". */
  rating: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)], {
    error: 'A rating is 1, 2, 3 or 4.',
  }),
  evidence: evidence.default(''),
});
export type ImportedRatingInput = z.infer<typeof ImportedRatingInput>;

/**
 * A historical scorecard from another system. It becomes a submitted scorecard of `interviewerId`
 * on a new, past interview of the application for the plan step `stepKey` (an assessment step of
 * the opening's plan), scored on the opening's current rubric version: that interview asked exactly
 * the criteria rated here, which must be criteria of that rubric version. It is marked imported
 * (`source`, `externalId`), and calibration leaves it out unless asked.
 */
export const ImportScorecardRequest = z
  .strictObject({
    applicationId: Uuid,
    /** A member of the organization: who wrote the scorecard. */
    interviewerId: Uuid,
    /** The step of the opening's interview plan the scorecard is for (an assessment step). */
    stepKey: Uuid,
    /** The system it comes from, e.g. `greenhouse`. */
    source: z.string().trim().min(1, 'Name the system it comes from.').max(100, 'Use at most 100 characters.'),
    /**
     * Its id in that system: unique in the organization. Importing the same id again answers the
     * scorecard imported the first time (`created: false`) and changes nothing.
     */
    externalId: z.string().trim().min(1, 'Give its id in the other system.').max(200, 'Use at most 200 characters.'),
    /** When its author submitted it there: in the past. */
    submittedAt: z.iso
      .datetime({ offset: true })
      .refine((v) => Date.parse(v) <= Date.now(), 'A historical scorecard was submitted in the past.')
      .refine((v) => Date.parse(v) >= EARLIEST_IMPORT, 'Use a submission time after 2000-01-01.'),
    /** One entry per rated criterion of the opening's rubric version. */
    ratings: z.array(ImportedRatingInput).min(1, 'Rate at least one criterion.').max(240),
    /** Red flags of the opening's checklist the interviewer saw, each with evidence. */
    redFlags: z.array(RedFlagInput).max(50).default([]),
    recommendation: Recommendation,
    summary: z.string().trim().max(4000, 'Use at most 4000 characters.'),
  })
  .superRefine((v, ctx) => {
    const seen = new Set<string>();
    v.ratings.forEach((r, i) => {
      if (seen.has(r.criterionKey)) {
        ctx.addIssue({
          code: 'custom',
          path: ['ratings', i, 'criterionKey'],
          message: 'This criterion is rated twice.',
        });
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
  })
  .meta({ id: 'ImportScorecardRequest' });
export type ImportScorecardRequest = z.infer<typeof ImportScorecardRequest>;

export const ScorecardImport = z
  .object({
    /** False when a scorecard with this `externalId` was imported before: that one is answered, unchanged. */
    created: z.boolean(),
    scorecard: Scorecard,
  })
  .meta({ id: 'ScorecardImport' });
export type ScorecardImport = z.infer<typeof ScorecardImport>;

/** The overall recommendation of the common unified-ATS scorecard model (Merge's `overall_recommendation`). */
export const UnifiedRecommendation = z.enum(['definitely_no', 'no', 'yes', 'strong_yes', 'no_decision']);
export type UnifiedRecommendation = z.infer<typeof UnifiedRecommendation>;

const UNIFIED: Record<Recommendation, UnifiedRecommendation> = {
  strong_no: 'definitely_no',
  no: 'no',
  yes: 'yes',
  strong_yes: 'strong_yes',
};

/** Our recommendation in the unified-ATS model; none (a candidate's questions step) is `no_decision`. */
export function unifiedRecommendation(r: Recommendation | null): UnifiedRecommendation {
  return r === null ? 'no_decision' : UNIFIED[r];
}

export const DECISION_PACKET_SCHEMA = 'scorecard.decision-packet';
export const DECISION_PACKET_VERSION = 1;

export const DecisionPacketScorecard = z.object({
  id: Uuid,
  /** The interview it is the feedback of (Merge: `interview`). */
  interviewId: Uuid,
  step: z.string(),
  /**
   * `email` to match the user in another system: given to admins (and so to their API tokens), as
   * only admins see members' emails in the member list; null for everyone else.
   */
  interviewer: z.object({ id: Uuid, name: z.string(), email: z.string().nullable() }),
  submittedAt: z.iso.datetime({ offset: true }),
  /** Imported from another system (`importSource`), not written here. */
  imported: z.boolean(),
  importSource: z.string().nullable(),
  /** `recommendation` in the unified-ATS model. */
  overallRecommendation: UnifiedRecommendation,
  /** Ours: null for a candidate's questions step, which recommends nothing. */
  recommendation: Recommendation.nullable(),
  summary: z.string(),
  /** Amended after it was submitted: the content below is the current one. */
  amended: z.boolean(),
  /** The criteria its interview asked, in rubric order, as the scorecard stands. */
  ratings: z.array(
    z.object({
      competencyKey: Uuid,
      competency: z.string(),
      criterionKey: Uuid,
      criterion: z.string(),
      /** 1 to 4, or null for "not assessed". */
      rating: z.number().int().min(1).max(4).nullable(),
      evidence: z.string(),
    }),
  ),
  redFlags: z.array(z.object({ flagKey: Uuid, description: z.string(), severity: Severity, evidence: z.string() })),
});
export type DecisionPacketScorecard = z.infer<typeof DecisionPacketScorecard>;

/**
 * An application's decision packet, version 1: a stable document for other systems. Fields are
 * only ever added within a version; a change that removes or renames one gets a new `version`.
 * The figures are the debrief's (independent ratings, as first submitted); submitted scorecards
 * only, never drafts; read under the same independence rule as the debrief.
 */
export const DecisionPacket = z
  .object({
    schema: z.literal(DECISION_PACKET_SCHEMA),
    version: z.literal(DECISION_PACKET_VERSION),
    generatedAt: z.iso.datetime({ offset: true }),
    application: z.object({ id: Uuid, stage: Stage }),
    candidate: z.object({ id: Uuid, name: z.string() }),
    opening: z.object({ id: Uuid, title: z.string(), hiringManager: PersonRef.nullable() }),
    /** The opening's rubric version the scorecards are scored on; null when it has none. */
    rubric: z
      .object({
        versionId: Uuid,
        name: z.string(),
        version: z.number().int(),
        competencies: z.array(
          z.object({
            key: Uuid,
            name: z.string(),
            category: CompetencyCategory,
            weight: z.number(),
            criteria: z.array(z.object({ key: Uuid, title: z.string() })),
          }),
        ),
      })
      .nullable(),
    /** Submitted scorecards, first submitted first. */
    scorecards: z.array(DecisionPacketScorecard),
    /** The debrief's figures over the submitted scorecards, as first submitted. */
    figures: z.object({
      /** Weight-normalised mean of the competency scores with data (1 to 4), with the scorecards' spread. */
      overall: z.object({ score: z.number().nullable(), stat: Stat.nullable() }),
      competencies: z.array(z.object({ key: Uuid, stat: Stat.nullable(), disagreement: z.boolean() })),
      recommendations: RecommendationTally,
      recommendationSplit: z.boolean(),
      /** A dealbreaker red flag is ticked on a submitted scorecard. */
      dealbreaker: z.boolean(),
      scorecards: z.number().int(),
      importedScorecards: z.number().int(),
    }),
    /** The current hiring decision (the latest); null before any. */
    decision: z
      .object({
        outcome: DecisionKind,
        decidedBy: PersonRef,
        decidedAt: z.iso.datetime({ offset: true }),
        rationale: z.string(),
      })
      .nullable(),
  })
  .meta({ id: 'DecisionPacket' });
export type DecisionPacket = z.infer<typeof DecisionPacket>;
