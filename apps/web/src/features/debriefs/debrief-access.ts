import type { Debrief, Role, SessionUser } from '@scorecard/contracts';

/** Admins, recruiters and hiring managers run the pipeline and compare candidates. */
export function isHiringTeam(role: Role): boolean {
  return role === 'admin' || role === 'recruiter' || role === 'hiring_manager';
}

/** The opening's hiring manager, or an admin, records the decision (the API checks it again). */
export function canDecide(user: SessionUser, debrief: Debrief): boolean {
  if (user.role === 'admin') return true;
  return user.role === 'hiring_manager' && debrief.application.opening.hiringManager?.id === user.id;
}
