import type { InterviewKit, Recommendation, SaveScorecardRequest, Scorecard } from '@scorecard/contracts';
import { recommendationContradiction, scorecardIssues, type ScorecardIssue } from '@scorecard/domain';

/** A level on the anchored scale, or "not assessed" (which is not a zero). */
export type RatingChoice = 1 | 2 | 3 | 4 | 'not_assessed';

/**
 * The scorecard as the form holds it. Unlike the request, it keeps what the request cannot carry
 * yet: evidence typed before a rating is chosen, and the evidence of a red flag ticked off again.
 */
export type DraftContent = {
  ratings: Record<string, { choice: RatingChoice | null; evidence: string }>;
  redFlags: Record<string, { ticked: boolean; evidence: string }>;
  recommendation: Recommendation | null;
  summary: string;
  notes: string;
};

export type ScorecardBody = Omit<SaveScorecardRequest, 'revision'>;

type KitShape = Pick<InterviewKit, 'competencies' | 'redFlags'>;

export function kitCriteria(kit: KitShape) {
  return kit.competencies.flatMap((c) => c.criteria.map((criterion) => ({ ...criterion, competency: c })));
}

export function emptyDraft(): DraftContent {
  return { ratings: {}, redFlags: {}, recommendation: null, summary: '', notes: '' };
}

/** The form holds the asked ratings only: an old rating on an unasked question is shown apart, read-only. */
export function draftFromScorecard(scorecard: Scorecard): DraftContent {
  const draft = emptyDraft();
  for (const r of scorecard.ratings) {
    if (!r.asked) continue;
    const choice = r.rating === null ? 'not_assessed' : (r.rating as 1 | 2 | 3 | 4);
    draft.ratings[r.criterionKey] = { choice, evidence: r.evidence };
  }
  for (const f of scorecard.redFlags) draft.redFlags[f.flagKey] = { ticked: true, evidence: f.evidence };
  draft.recommendation = scorecard.recommendation;
  draft.summary = scorecard.summary;
  draft.notes = scorecard.notes;
  return draft;
}

/** The content the API takes: answered criteria and ticked flags, in the kit's order. */
export function toBody(draft: DraftContent, kit: KitShape): ScorecardBody {
  const ratings: ScorecardBody['ratings'] = [];
  for (const c of kitCriteria(kit)) {
    const r = draft.ratings[c.key];
    if (!r || r.choice === null) continue;
    ratings.push({ criterionKey: c.key, rating: r.choice === 'not_assessed' ? null : r.choice, evidence: r.evidence });
  }
  const redFlags: ScorecardBody['redFlags'] = [];
  for (const f of kit.redFlags) {
    const flag = draft.redFlags[f.key];
    if (flag?.ticked) redFlags.push({ flagKey: f.key, evidence: flag.evidence });
  }
  return {
    ratings,
    redFlags,
    recommendation: draft.recommendation,
    summary: draft.summary,
    notes: draft.notes,
  };
}

export function sameBody(a: ScorecardBody, b: ScorecardBody): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** True when the request carries everything the form holds (no evidence waiting for its rating). */
export function bodyCoversDraft(draft: DraftContent): boolean {
  return !Object.values(draft.ratings).some((r) => r.choice === null && r.evidence.trim() !== '');
}

/** Whether the step is the closing one for the candidate's questions (notes and a summary only). */
export function isCandidateQuestions(kit: Pick<InterviewKit, 'interview'>): boolean {
  return kit.interview.stepKind === 'candidate_questions';
}

/** What is missing before submitting, by the same rule the API applies (`@scorecard/domain`). */
export function draftIssues(draft: DraftContent, kit: KitShape & Pick<InterviewKit, 'interview'>): ScorecardIssue[] {
  const body = toBody(draft, kit);
  return scorecardIssues(
    body,
    kitCriteria(kit).map((c) => ({ key: c.key, title: c.title })),
    kit.redFlags.map((f) => ({ key: f.key, description: f.description })),
    { needsRecommendation: !isCandidateQuestions(kit) },
  );
}

/** The contradiction the API would refuse without confirmation, by the same rule (`@scorecard/domain`). */
export function draftContradiction(draft: DraftContent, kit: KitShape) {
  const body = toBody(draft, kit);
  return recommendationContradiction(
    body.recommendation,
    body.ratings.map((r) => r.rating),
  );
}

// Element ids of the fields an issue points at, so each listed issue can focus its field.
export const ratingInputId = (criterionKey: string, choice: RatingChoice) => `rating-${criterionKey}-${choice}`;
export const evidenceId = (criterionKey: string) => `evidence-${criterionKey}`;
export const flagEvidenceId = (flagKey: string) => `flag-evidence-${flagKey}`;
export const recommendationId = (value: Recommendation) => `recommendation-${value}`;

/** The element an issue's path (`ratings.<key>`, `ratings.<key>.evidence`, `redFlags.<key>.evidence`, `recommendation`) points at. */
export function fieldIdForIssue(path: string, draft: DraftContent): string | null {
  const parts = path.split('.');
  if (parts[0] === 'recommendation') return recommendationId(draft.recommendation ?? 'strong_no');
  if (parts[0] === 'ratings' && parts[1]) {
    if (parts[2] === 'evidence') return evidenceId(parts[1]);
    const choice = draft.ratings[parts[1]]?.choice ?? 1;
    return ratingInputId(parts[1], choice);
  }
  if (parts[0] === 'redFlags' && parts[1]) return flagEvidenceId(parts[1]);
  return null;
}

/** Issues by path, for the message beside each field. */
export function issuesByPath(issues: readonly ScorecardIssue[]): Map<string, string> {
  return new Map(issues.map((i) => [i.path, i.message]));
}

export function answeredCount(draft: DraftContent, kit: KitShape): { answered: number; total: number } {
  const criteria = kitCriteria(kit);
  return {
    answered: criteria.filter((c) => {
      const choice = draft.ratings[c.key]?.choice;
      return choice !== undefined && choice !== null;
    }).length,
    total: criteria.length,
  };
}
