import type { QueryPageCopy } from '@/components/ui/PageStates';
import { CandidateNotFound } from './CandidateNotFound';
import { NoCandidatesAccess } from './NoCandidatesAccess';

/** The candidate page and its edit page load the same candidate: the same words while it loads or fails. */
export const CANDIDATE_COPY: Omit<QueryPageCopy, 'title'> = {
  loading: 'Loading the candidate…',
  failed: 'Couldn’t load this candidate',
};

/** Closed to roles that don't follow candidates; "not found" for a malformed or unknown id. */
export function candidateGates(allowed: boolean, id: string | null) {
  return {
    noAccess: { allowed, page: <NoCandidatesAccess /> },
    notFound: { found: id !== null, page: <CandidateNotFound /> },
  };
}
