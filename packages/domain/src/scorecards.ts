/**
 * Scorecard rules: what a complete scorecard needs, which keys a scorecard may rate, when a
 * recommendation contradicts its own ratings, and who may see a panel's feedback before discussing it.
 */
import { formatFixed } from './rounding.js';

export type Rating = 1 | 2 | 3 | 4 | null;

export interface ScorecardContent {
  ratings: { criterionKey: string; rating: Rating; evidence: string }[];
  redFlags: { flagKey: string; evidence: string }[];
  recommendation: string | null;
}

export interface ScorecardIssue {
  path: string;
  message: string;
}

/** Ratings at either end of the scale are the ones a debrief leans on, so they need evidence. */
export const RATINGS_NEEDING_EVIDENCE: readonly Rating[] = [1, 4];

/**
 * What is missing before a scorecard can be submitted: a rating or "not assessed" for every
 * criterion its interview asked (`criteria`: the asked ones only), evidence for ratings 1 and 4 and
 * for every ticked red flag, and an overall recommendation. In the criteria's order, then red flags,
 * then recommendation. The closing step for the candidate's questions rates nothing and recommends
 * nothing (`needsRecommendation: false`).
 */
export function scorecardIssues(
  content: ScorecardContent,
  criteria: readonly { key: string; title: string }[],
  flags: readonly { key: string; description: string }[],
  options: { needsRecommendation?: boolean } = {},
): ScorecardIssue[] {
  const issues: ScorecardIssue[] = [];
  const byKey = new Map(content.ratings.map((r) => [r.criterionKey, r]));
  for (const c of criteria) {
    const r = byKey.get(c.key);
    const name = c.title.trim() || 'this criterion';
    if (!r) {
      issues.push({ path: `ratings.${c.key}`, message: `Rate “${name}”, or mark it not assessed.` });
    } else if (RATINGS_NEEDING_EVIDENCE.includes(r.rating) && !r.evidence.trim()) {
      issues.push({
        path: `ratings.${c.key}.evidence`,
        message: `Add the evidence for rating “${name}” ${r.rating}: ratings 1 and 4 need it.`,
      });
    }
  }
  const flagNames = new Map(flags.map((f) => [f.key, f.description]));
  for (const f of content.redFlags) {
    if (!f.evidence.trim()) {
      const name =
        flagNames
          .get(f.flagKey)
          ?.trim()
          .replace(/[.!?]+$/, '') || 'this red flag';
      issues.push({ path: `redFlags.${f.flagKey}.evidence`, message: `Add the evidence for the red flag “${name}”.` });
    }
  }
  if (options.needsRecommendation !== false && !content.recommendation) {
    issues.push({ path: 'recommendation', message: 'Choose an overall recommendation.' });
  }
  return issues;
}

/**
 * Ratings a scorecard may not hold: a rating is the rating of an answer that was asked, so any
 * criterion the interview did not ask (`askedKeys`: its questions) is refused, whether it belongs
 * to the rubric or not. Each issue's path names the offending rating.
 */
export function unaskedRatings(
  content: Pick<ScorecardContent, 'ratings'>,
  askedKeys: ReadonlySet<string>,
): ScorecardIssue[] {
  const issues: ScorecardIssue[] = [];
  content.ratings.forEach((r, i) => {
    if (!askedKeys.has(r.criterionKey)) {
      issues.push({
        path: `ratings.${i}.criterionKey`,
        message:
          askedKeys.size === 0
            ? 'This interview asked no rubric questions, so it takes no ratings.'
            : 'This question was not asked in this interview: rate only the questions it asked.',
      });
    }
  });
  return issues;
}

/**
 * Keys a scorecard may not use: criteria its interview did not ask (see `unaskedRatings`) and red
 * flags outside the opening's checklist.
 */
export function unknownScorecardKeys(
  content: Pick<ScorecardContent, 'ratings' | 'redFlags'>,
  askedKeys: ReadonlySet<string>,
  flagKeys: ReadonlySet<string>,
): ScorecardIssue[] {
  const issues: ScorecardIssue[] = unaskedRatings(content, askedKeys);
  content.redFlags.forEach((f, i) => {
    if (!flagKeys.has(f.flagKey)) {
      issues.push({ path: `redFlags.${i}.flagKey`, message: 'This red flag is not on the opening’s checklist.' });
    }
  });
  return issues;
}

export type RecommendationValue = 'strong_no' | 'no' | 'yes' | 'strong_yes';

/**
 * When a recommendation contradicts the mean of its author's own asked ratings (1-4, "not assessed"
 * left out): a yes-side recommendation on low ratings or a no-side one on high ratings. The
 * thresholds leave the middle of the scale alone: a "yes" on a 2.0-2.5 mean is a judgement call, a
 * "strong yes" under 2.5 is not.
 */
export const CONTRADICTION_THRESHOLDS: Record<RecommendationValue, { below?: number; above?: number }> = {
  strong_yes: { below: 2.5 },
  yes: { below: 2.0 },
  no: { above: 3.0 },
  strong_no: { above: 3.0 },
};

const RECOMMENDATION_WORDS: Record<RecommendationValue, string> = {
  strong_no: 'Strong no',
  no: 'No',
  yes: 'Yes',
  strong_yes: 'Strong yes',
};

export interface RecommendationContradiction {
  mean: number;
  message: string;
}

/**
 * Whether `recommendation` contradicts `ratings` (the author's asked ratings; null is "not
 * assessed"), and why. No recommendation or no rating: no contradiction.
 */
export function recommendationContradiction(
  recommendation: RecommendationValue | string | null,
  ratings: readonly (number | null)[],
): RecommendationContradiction | null {
  if (!recommendation || !(recommendation in CONTRADICTION_THRESHOLDS)) return null;
  const rated = ratings.filter((r): r is number => r !== null);
  if (rated.length === 0) return null;
  const mean = rated.reduce((a, b) => a + b, 0) / rated.length;
  const rec = recommendation as RecommendationValue;
  const { below, above } = CONTRADICTION_THRESHOLDS[rec];
  const shown = formatFixed(mean, 2);
  if (below !== undefined && mean < below) {
    return {
      mean,
      message: `“${RECOMMENDATION_WORDS[rec]}” with your ratings averaging ${shown} (under ${formatFixed(below, 1)}): confirm that this is your recommendation, or change it or your ratings.`,
    };
  }
  if (above !== undefined && mean > above) {
    return {
      mean,
      message: `“${RECOMMENDATION_WORDS[rec]}” with your ratings averaging ${shown} (over ${formatFixed(above, 1)}): confirm that this is your recommendation, or change it or your ratings.`,
    };
  }
  return null;
}

export type PanelRole = 'admin' | 'recruiter' | 'hiring_manager' | 'interviewer';

/**
 * Independence before discussion. Someone with an unsubmitted scorecard for an application sees
 * nobody else's feedback on it, whatever their role. Interviewers see the panel's feedback only for
 * applications they interviewed and submitted for. Admins, recruiters and hiring managers who are
 * not waiting on their own scorecard see everything.
 */
export function canSeePanelFeedback(input: {
  role: PanelRole;
  /** Live scorecards of the caller for the application, by status. */
  ownDrafts: number;
  ownSubmitted: number;
}): boolean {
  if (input.ownDrafts > 0) return false;
  if (input.role === 'interviewer') return input.ownSubmitted > 0;
  return true;
}
