import type { Role } from '@scorecard/contracts';

/** Admins, recruiters and hiring managers get the recruiter home; interviewers keep the plain one. */
export function hasRecruiterHome(role: Role): boolean {
  return role === 'admin' || role === 'recruiter' || role === 'hiring_manager';
}
