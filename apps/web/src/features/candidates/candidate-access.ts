import type { Role } from '@scorecard/contracts';

/** Admins, recruiters and hiring managers run the pipeline; interviewers see only their interviews. */
export function canUseCandidates(role: Role): boolean {
  return role === 'admin' || role === 'recruiter' || role === 'hiring_manager';
}
