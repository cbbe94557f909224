/**
 * The scoring rules of a debrief and a comparison (docs/MEASUREMENT.md explains each figure). These pure
 * functions are the reference: the API computes the same figures in SQL, and a property test checks
 * that both agree on random panels.
 *
 * - A scorecard's competency score is the mean of its rated criteria in that competency; "not
 *   assessed" (null) is left out, never counted as zero.
 * - A candidate's competency score is the mean over the scorecards that rated the competency, with
 *   how many back it and their spread (highest minus lowest).
 * - The overall score is the weight-normalised mean of the competency scores that have data.
 * - Disagreement: a criterion or competency whose ratings span 2 levels or more, or a panel split
 *   between yes-side and no-side recommendations.
 * - Comparison: each overall has a standard error (the SD of the scorecards' own overalls / √k, or
 *   a pooled rater SD for a single scorecard); two candidates are apart only when their gap exceeds
 *   z·√(SE_a² + SE_b²). Tiers are decided against each tier's head, never through a chain; a
 *   partially covered overall never outranks a fully covered one; rejected candidates and
 *   unacknowledged dealbreakers are listed apart (docs/MEASUREMENT.md).
 */

import type { Decision } from './decisions.js';

export type Recommendation = 'strong_no' | 'no' | 'yes' | 'strong_yes';

export interface PanelScorecard {
  id: string;
  recommendation: Recommendation | null;
  ratings: { criterionKey: string; competencyKey: string; rating: number | null }[];
}

export interface CompetencyWeight {
  key: string;
  weight: number;
}

/** A figure with how many values back it and their spread. */
export interface Stat {
  mean: number;
  count: number;
  min: number;
  max: number;
  /** max − min */
  spread: number;
}

export function stat(values: readonly number[]): Stat | null {
  if (values.length === 0) return null;
  const min = Math.min(...values);
  const max = Math.max(...values);
  return { mean: values.reduce((a, b) => a + b, 0) / values.length, count: values.length, min, max, spread: max - min };
}

/** Each competency's score on one scorecard: the mean of its rated criteria (competencies with none are absent). */
export function scorecardCompetencyScores(card: PanelScorecard): Map<string, number> {
  const byCompetency = new Map<string, number[]>();
  for (const r of card.ratings) {
    if (r.rating === null) continue;
    const list = byCompetency.get(r.competencyKey) ?? [];
    list.push(r.rating);
    byCompetency.set(r.competencyKey, list);
  }
  return new Map([...byCompetency].map(([k, v]) => [k, v.reduce((a, b) => a + b, 0) / v.length]));
}

export interface PanelScores {
  /** Per competency of the rubric, in rubric order; `stat` null when nobody assessed it. */
  competencies: { key: string; weight: number; stat: Stat | null }[];
  /** Per criterion that anyone rated: the ratings' stat. */
  criteria: { key: string; competencyKey: string; stat: Stat }[];
  /** The weight-normalised mean of competency scores with data; null when none has data. */
  overall: number | null;
  /** Each scorecard's own overall (weights renormalised over what it assessed), for the spread of the overall. */
  overallStat: Stat | null;
  tally: Record<Recommendation, number>;
}

function weightedOverall(scores: Map<string, number>, weights: readonly CompetencyWeight[]): number | null {
  let sum = 0;
  let total = 0;
  for (const w of weights) {
    const s = scores.get(w.key);
    if (s === undefined) continue;
    sum += s * w.weight;
    total += w.weight;
  }
  return total > 0 ? sum / total : null;
}

export function panelScores(cards: readonly PanelScorecard[], weights: readonly CompetencyWeight[]): PanelScores {
  const perCard = cards.map(scorecardCompetencyScores);
  const competencies = weights.map((w) => ({
    key: w.key,
    weight: w.weight,
    stat: stat(perCard.flatMap((m) => (m.has(w.key) ? [m.get(w.key)!] : []))),
  }));
  const competencyMeans = new Map(competencies.flatMap((c) => (c.stat ? [[c.key, c.stat.mean] as const] : [])));
  const byCriterion = new Map<string, { competencyKey: string; values: number[] }>();
  for (const card of cards) {
    for (const r of card.ratings) {
      if (r.rating === null) continue;
      const entry = byCriterion.get(r.criterionKey) ?? { competencyKey: r.competencyKey, values: [] };
      entry.values.push(r.rating);
      byCriterion.set(r.criterionKey, entry);
    }
  }
  const tally: Record<Recommendation, number> = { strong_no: 0, no: 0, yes: 0, strong_yes: 0 };
  for (const c of cards) if (c.recommendation) tally[c.recommendation]++;
  const ownOveralls = perCard.map((m) => weightedOverall(m, weights)).filter((v): v is number => v !== null);
  return {
    competencies,
    criteria: [...byCriterion].map(([key, v]) => ({ key, competencyKey: v.competencyKey, stat: stat(v.values)! })),
    overall: weightedOverall(competencyMeans, weights),
    overallStat: stat(ownOveralls),
    tally,
  };
}

/** Ratings spanning this many levels or more are a disagreement the panel must discuss. */
export const DISAGREEMENT_SPAN = 2;

/**
 * Scores are means of small integers, so a spread or gap that is exactly 2 (or 0.25) on paper can
 * come out a hair below it in floating point (11/3 − 5/3 = 1.9999999999999998). Thresholds compare
 * with this much slack, so the rule means what it says whichever way the figure was computed.
 */
const SCORE_EPSILON = 1e-9;

export interface Disagreements {
  criteria: string[];
  competencies: string[];
  /** Some recommend yes or strong yes while others recommend no or strong no. */
  recommendationSplit: boolean;
}

/**
 * Where the panel disagrees. A competency disagrees when the scorecards' competency scores span two
 * levels or more; a criterion when its ratings do.
 */
export function disagreements(scores: PanelScores): Disagreements {
  const yes = scores.tally.yes + scores.tally.strong_yes;
  const no = scores.tally.no + scores.tally.strong_no;
  return {
    criteria: scores.criteria.filter((c) => c.stat.spread >= DISAGREEMENT_SPAN - SCORE_EPSILON).map((c) => c.key),
    competencies: scores.competencies
      .filter((c) => c.stat !== null && c.stat.spread >= DISAGREEMENT_SPAN - SCORE_EPSILON)
      .map((c) => c.key),
    recommendationSplit: yes > 0 && no > 0,
  };
}

/** How many standard errors a gap must exceed to separate two candidates, unless the reader asks otherwise. */
export const DEFAULT_SEPARATION_Z = 1;
/** The range of `z` a reader may ask for. */
export const SEPARATION_Z_MIN = 0.5;
export const SEPARATION_Z_MAX = 3;

/** The sample standard deviation (n − 1 in the denominator); null below two values. */
export function sampleSd(values: readonly number[]): number | null {
  if (values.length < 2) return null;
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / (values.length - 1));
}

/** Each scorecard's own overall (weights renormalised over what it assessed); cards with no rating are left out. */
export function cardOveralls(cards: readonly PanelScorecard[], weights: readonly CompetencyWeight[]): number[] {
  return cards
    .map((c) => weightedOverall(scorecardCompetencyScores(c), weights))
    .filter((v): v is number => v !== null);
}

/** What a candidate's overall rests on, for its standard error: k scorecards with an overall, and their SD. */
export interface OverallEvidence {
  /** How many scorecards have an overall of their own (k). */
  cards: number;
  /** The sample SD of those scorecards' own overalls; null when k < 2. */
  cardSd: number | null;
}

/**
 * The pooled rater SD: the within-candidate SD of the scorecards' own overalls, pooled over the
 * candidates with two scorecards or more, sqrt(Σ(k − 1)s² / Σ(k − 1)). It is how far one
 * interviewer's overall typically lies from the panel's, and stands in for the spread a candidate
 * with a single scorecard cannot show. Null when no candidate has two scorecards.
 */
export function pooledRaterSd(items: readonly OverallEvidence[]): number | null {
  let num = 0;
  let df = 0;
  for (const i of items) {
    if (i.cards < 2 || i.cardSd === null) continue;
    num += (i.cards - 1) * i.cardSd ** 2;
    df += i.cards - 1;
  }
  return df > 0 ? Math.sqrt(num / df) : null;
}

/**
 * The standard error of a candidate's overall, and what it rests on:
 * - `own`: k ≥ 2 scorecards, SD of their own overalls / √k;
 * - `pooled`: one scorecard, the pooled rater SD / √1;
 * - `unknown`: one scorecard and nothing to pool, or no scorecard at all. An unknown error never
 *   separates the candidate from anyone.
 */
export interface StandardError {
  value: number | null;
  basis: 'own' | 'pooled' | 'unknown';
}

export function standardError(item: OverallEvidence, pooledSd: number | null): StandardError {
  if (item.cards >= 2 && item.cardSd !== null) return { value: item.cardSd / Math.sqrt(item.cards), basis: 'own' };
  if (item.cards === 1 && pooledSd !== null) return { value: pooledSd, basis: 'pooled' };
  return { value: null, basis: 'unknown' };
}

/**
 * Whether the evidence separates two candidates: the gap between their overalls exceeds
 * z·√(SE_a² + SE_b²). Symmetric by construction. Never when either error (or overall) is unknown.
 */
export function separable(
  a: { overall: number | null; se: number | null },
  b: { overall: number | null; se: number | null },
  z: number = DEFAULT_SEPARATION_Z,
): boolean {
  if (a.overall === null || b.overall === null || a.se === null || b.se === null) return false;
  const gap = Math.abs(a.overall - b.overall);
  return gap - z * Math.sqrt(a.se ** 2 + b.se ** 2) > SCORE_EPSILON;
}

/** The weight of the rubric the candidate's scorecards cover: Σ weights of competencies with data / Σ weights. */
export function coverageShare(weights: readonly CompetencyWeight[], withData: ReadonlySet<string>): number {
  const total = weights.reduce((a, w) => a + w.weight, 0);
  if (total <= 0) return 0;
  return weights.reduce((a, w) => a + (withData.has(w.key) ? w.weight : 0), 0) / total;
}

/** Below this share the overall is partial (the slack absorbs floating point in the sum of weights). */
export function isPartialCoverage(share: number): boolean {
  return share < 1 - SCORE_EPSILON;
}

export type ApartReason = 'rejected' | 'withdrawn' | 'no_hire' | 'dealbreaker';

/**
 * Why a candidate is listed apart from the tiers, or null: the application was rejected or
 * withdrawn, the latest decision is no hire, or an interviewer flagged a dealbreaker that no hire
 * decision acknowledged. The first that applies, in that order.
 */
export function apartReason(input: {
  stage: string;
  latestDecision: Decision | null;
  dealbreakers: number;
  dealbreakersAcknowledged: boolean;
}): { reason: ApartReason; message: string } | null {
  if (input.stage === 'rejected') return { reason: 'rejected', message: 'Rejected.' };
  if (input.stage === 'withdrawn') return { reason: 'withdrawn', message: 'Withdrew from the process.' };
  if (input.latestDecision === 'no_hire') return { reason: 'no_hire', message: 'The decision is no hire.' };
  if (input.dealbreakers > 0 && !input.dealbreakersAcknowledged) {
    return {
      reason: 'dealbreaker',
      message:
        input.dealbreakers === 1
          ? 'An interviewer flagged a dealbreaker nobody has acknowledged.'
          : `Interviewers flagged ${input.dealbreakers} dealbreakers nobody has acknowledged.`,
    };
  }
  return null;
}

export interface TierInput extends OverallEvidence {
  id: string;
  /** The weighted overall; null without any rating. */
  overall: number | null;
  /** The share of the rubric's weight the scorecards cover, 0 to 1. */
  coverage: number;
  apart: { reason: ApartReason; message: string } | null;
}

export interface TierResult {
  id: string;
  /** 1 is the top; null when listed apart or without scores. */
  tier: number | null;
  se: StandardError;
  partial: boolean;
}

/**
 * Tiers over `items` (sorted by overall, highest first): the first tier holds the leader and
 * everyone the evidence cannot separate from the leader; the next tier starts at the first
 * candidate left and holds everyone left it cannot separate from that one; and so on. Membership is
 * always decided against the tier's head, never through a chain of neighbours.
 */
function tiersOf(
  items: readonly { id: string; overall: number; se: number | null }[],
  z: number,
  firstTier: number,
): Map<string, number> {
  const out = new Map<string, number>();
  let remaining = [...items];
  let tier = firstTier;
  while (remaining.length > 0) {
    const head = remaining[0]!;
    const members = remaining.filter((c) => c === head || !separable(head, c, z));
    for (const m of members) out.set(m.id, tier);
    remaining = remaining.filter((c) => !members.includes(c));
    tier++;
  }
  return out;
}

/**
 * The comparison's order and tiers (see MEASUREMENT.md): candidates listed apart (rejection,
 * no-hire decision, unacknowledged dealbreaker) are left out of the tiers; the fully covered
 * candidates are tiered first, then the partially covered ones, whose tiers come after, so a
 * partial overall never outranks a full one; candidates without any score come last. Returned in
 * display order: tiers, then apart (by overall), then those without scores.
 */
export function compareCandidates(items: readonly TierInput[], z: number = DEFAULT_SEPARATION_Z): TierResult[] {
  // Sorted first, so the pooled error (a floating-point sum) is the same whatever the input order.
  const sorted = [...items].sort(
    (a, b) => (b.overall ?? -Infinity) - (a.overall ?? -Infinity) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const pooled = pooledRaterSd(sorted.filter((i) => i.overall !== null));
  const rows = sorted.map((i) => ({
    ...i,
    se: standardError(i, pooled),
    partial: isPartialCoverage(i.coverage),
  }));
  const scored = rows.filter((r) => r.overall !== null && r.apart === null);
  const asTierItem = (r: (typeof rows)[number]) => ({ id: r.id, overall: r.overall!, se: r.se.value });
  const full = scored.filter((r) => !r.partial);
  const partial = scored.filter((r) => r.partial);
  const tiers = tiersOf(full.map(asTierItem), z, 1);
  const next = Math.max(0, ...tiers.values()) + 1;
  for (const [id, t] of tiersOf(partial.map(asTierItem), z, next)) tiers.set(id, t);
  const result = (r: (typeof rows)[number]): TierResult => ({
    id: r.id,
    tier: tiers.get(r.id) ?? null,
    se: r.se,
    partial: r.partial,
  });
  const tiered = scored.map(result).sort((a, b) => a.tier! - b.tier!);
  const apart = rows.filter((r) => r.apart !== null).map(result);
  const unscored = rows.filter((r) => r.overall === null && r.apart === null).map(result);
  return [...tiered, ...apart, ...unscored];
}
