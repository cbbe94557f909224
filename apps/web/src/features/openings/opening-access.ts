import type { Role } from '@scorecard/contracts';

/** Admins, hiring managers and recruiters read openings; interviewers see only their own interviews. */
export function canReadOpenings(role: Role): boolean {
  return role === 'admin' || role === 'hiring_manager' || role === 'recruiter';
}

/** Admins and hiring managers define openings and their interview plans. */
export function canEditOpenings(role: Role): boolean {
  return role === 'admin' || role === 'hiring_manager';
}
