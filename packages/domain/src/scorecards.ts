/**
 * Scorecard rules: what a complete scorecard needs, which keys a scorecard may rate, and who may
 * see a panel's feedback before discussing it.
 */

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
 * criterion of the step's focus competencies, evidence for ratings 1 and 4 and for every ticked red
 * flag, and an overall recommendation. In the criteria's order, then red flags, then recommendation.
 */
export function scorecardIssues(
  content: ScorecardContent,
  criteria: readonly { key: string; title: string }[],
  flags: readonly { key: string; description: string }[],
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
  if (!content.recommendation) {
    issues.push({ path: 'recommendation', message: 'Choose an overall recommendation.' });
  }
  return issues;
}

/**
 * Keys a scorecard may not use: criteria outside the step's focus competencies (or from another
 * rubric) and red flags outside the opening's checklist.
 */
export function unknownScorecardKeys(
  content: Pick<ScorecardContent, 'ratings' | 'redFlags'>,
  criterionKeys: ReadonlySet<string>,
  flagKeys: ReadonlySet<string>,
): ScorecardIssue[] {
  const issues: ScorecardIssue[] = [];
  content.ratings.forEach((r, i) => {
    if (!criterionKeys.has(r.criterionKey)) {
      issues.push({
        path: `ratings.${i}.criterionKey`,
        message: 'This criterion is not one of this interview’s focus competencies.',
      });
    }
  });
  content.redFlags.forEach((f, i) => {
    if (!flagKeys.has(f.flagKey)) {
      issues.push({ path: `redFlags.${i}.flagKey`, message: 'This red flag is not on the opening’s checklist.' });
    }
  });
  return issues;
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
