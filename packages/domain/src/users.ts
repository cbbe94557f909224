export type Role = 'admin' | 'recruiter' | 'hiring_manager' | 'interviewer';

export interface MemberState {
  readonly role: Role;
  readonly active: boolean;
}

export type MemberChangeVerdict = { ok: true } | { ok: false; reason: 'last_admin' };

/**
 * An organization must always keep at least one active admin, or nobody could manage it again.
 * Decides whether changing `before` into `after` is allowed, given how many active admins the
 * organization has now (including `before` if it is one).
 */
export function checkMemberChange(input: {
  before: MemberState;
  after: MemberState;
  activeAdmins: number;
}): MemberChangeVerdict {
  const { before, after, activeAdmins } = input;
  const wasActiveAdmin = before.active && before.role === 'admin';
  const staysActiveAdmin = after.active && after.role === 'admin';
  if (wasActiveAdmin && !staysActiveAdmin && activeAdmins <= 1) {
    return { ok: false, reason: 'last_admin' };
  }
  return { ok: true };
}
