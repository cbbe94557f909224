import type { Role } from '@scorecard/contracts';

export type HomeKind = 'interviewer' | 'hiring_manager' | 'recruiter';

/**
 * Which home a role starts on: recruiters the recruiter's (openings, stuck, overdue), hiring
 * managers and admins the hiring manager's (decisions waiting first; admins with their own section),
 * interviewers theirs (interviews and the scorecards they owe).
 */
export function homeFor(role: Role): HomeKind {
  switch (role) {
    case 'recruiter':
      return 'recruiter';
    case 'hiring_manager':
    case 'admin':
      return 'hiring_manager';
    case 'interviewer':
      return 'interviewer';
  }
}
