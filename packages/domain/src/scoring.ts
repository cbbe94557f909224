/**
 * The scoring rules of a debrief and a comparison (see PRODUCT.md, "Scoring rules"). These pure
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
 */

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
  const cardOveralls = perCard.map((m) => weightedOverall(m, weights)).filter((v): v is number => v !== null);
  return {
    competencies,
    criteria: [...byCriterion].map(([key, v]) => ({ key, competencyKey: v.competencyKey, stat: stat(v.values)! })),
    overall: weightedOverall(competencyMeans, weights),
    overallStat: stat(cardOveralls),
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

/** Two overall scores closer than this cannot be told apart, whatever the spread. */
export const NEAR_TIE_MIN = 0.25;

/**
 * Whether two candidates are too close to separate: their overall scores differ by less than half
 * the larger of their overall spreads, or by less than 0.25 of a level.
 */
export function tooCloseToSeparate(
  a: { overall: number; spread: number },
  b: { overall: number; spread: number },
): boolean {
  const gap = Math.abs(a.overall - b.overall);
  return gap < NEAR_TIE_MIN - SCORE_EPSILON || gap < Math.max(a.spread, b.spread) / 2 - SCORE_EPSILON;
}

export interface RankInput {
  id: string;
  overall: number | null;
  spread: number;
}

/**
 * Ranks candidates by overall score (highest first; those without data last). Each gets a rank
 * number; a candidate too close to the one above shares its rank and is marked `tiedWithAbove`.
 */
export function rankCandidates(
  items: readonly RankInput[],
): { id: string; rank: number | null; tiedWithAbove: boolean }[] {
  const scored = items
    .filter((i) => i.overall !== null)
    .sort((a, b) => b.overall! - a.overall! || (a.id < b.id ? -1 : 1));
  const out: { id: string; rank: number | null; tiedWithAbove: boolean }[] = [];
  scored.forEach((item, i) => {
    const above = scored[i - 1];
    const tied =
      above !== undefined &&
      tooCloseToSeparate(
        { overall: above.overall!, spread: above.spread },
        { overall: item.overall!, spread: item.spread },
      );
    out.push({ id: item.id, rank: tied ? out[i - 1]!.rank : i + 1, tiedWithAbove: tied });
  });
  for (const item of items) if (item.overall === null) out.push({ id: item.id, rank: null, tiedWithAbove: false });
  return out;
}

export type Decision = 'hire' | 'no_hire' | 'hold';

/** Where a decision moves the application: hire to offer, no hire to rejected; hold stays put. */
export function stageForDecision(decision: Decision): 'offer' | 'rejected' | null {
  return decision === 'hire' ? 'offer' : decision === 'no_hire' ? 'rejected' : null;
}

/**
 * Whether a decision may be recorded: only from the debrief stage (or a held decision's stage), and
 * hiring over a dealbreaker red flag needs an explicit acknowledgement.
 */
export function checkDecision(input: {
  decision: Decision;
  stage: string;
  dealbreakers: number;
  acknowledgedDealbreakers: boolean;
}): { ok: true } | { ok: false; message: string; code: 'invalid_transition' | 'dealbreaker_not_acknowledged' } {
  if (input.stage !== 'debrief') {
    return { ok: false, code: 'invalid_transition', message: 'A decision is made at the debrief stage.' };
  }
  if (input.decision === 'hire' && input.dealbreakers > 0 && !input.acknowledgedDealbreakers) {
    return {
      ok: false,
      code: 'dealbreaker_not_acknowledged',
      message:
        input.dealbreakers === 1
          ? 'An interviewer flagged a dealbreaker. Acknowledge it to hire anyway.'
          : `Interviewers flagged ${input.dealbreakers} dealbreakers. Acknowledge them to hire anyway.`,
    };
  }
  return { ok: true };
}

/**
 * How a candidate's wishes fit an opening: the gap in coding share (candidate minus opening, in
 * points; null when either is unknown), and whether the career paths match (null when the opening
 * is open to any path or the candidate is undecided).
 */
export function expectationFit(
  candidate: { desiredCodingSharePct: number | null; desiredCareerPath: string },
  opening: { codingSharePct: number | null; careerPath: string },
): { codingShareGap: number | null; careerPathMatch: boolean | null } {
  const codingShareGap =
    candidate.desiredCodingSharePct === null || opening.codingSharePct === null
      ? null
      : candidate.desiredCodingSharePct - opening.codingSharePct;
  const careerPathMatch =
    opening.careerPath === 'open' || candidate.desiredCareerPath === 'undecided'
      ? null
      : opening.careerPath === candidate.desiredCareerPath;
  return { codingShareGap, careerPathMatch };
}

/** Characters that make a spreadsheet read a cell as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV cell: quoted when needed, and prefixed with an apostrophe when it begins with `=`, `+`,
 * `-` or `@`, so a spreadsheet never runs it as a formula.
 */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let s = String(value);
  if (typeof value !== 'number' && FORMULA_START.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
