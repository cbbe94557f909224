import type { Role } from '@scorecard/contracts';

/** Admins and hiring managers design rubrics and checklists; recruiters read them. */
export function canEditLibrary(role: Role): boolean {
  return role === 'admin' || role === 'hiring_manager';
}

export function canReadLibrary(role: Role): boolean {
  return role !== 'interviewer';
}
