import type { Scorecard } from '@scorecard/contracts';
import type { Caller } from '../../common/request-context.js';

/**
 * API tokens never read drafts. A scorecard that is not submitted reaches a token caller without
 * its content (no ratings, red flags, recommendation, summary or notes), but with its id, status
 * and revision, so a machine acting as the author can still save and submit it. Submitted
 * scorecards, and everything a person signed in sees, pass unchanged.
 */
export function withoutDraftContent<S extends Scorecard>(caller: Caller, card: S): S {
  if (!caller.apiToken || card.status === 'submitted') return card;
  return { ...card, ratings: [], redFlags: [], recommendation: null, summary: '', notes: '' };
}
