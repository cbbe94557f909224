import { describe, expect, it } from '@jest/globals';
import { checkMemberChange, type MemberState } from './users.js';

const admin: MemberState = { role: 'admin', active: true };
const inactiveAdmin: MemberState = { role: 'admin', active: false };
const recruiter: MemberState = { role: 'recruiter', active: true };
const interviewer: MemberState = { role: 'interviewer', active: true };

describe('checkMemberChange keeps at least one active admin', () => {
  it.each([
    ['demoting the only admin is refused', admin, recruiter, 1, false],
    ['deactivating the only admin is refused', admin, inactiveAdmin, 1, false],
    ['demoting one of two admins is allowed', admin, interviewer, 2, true],
    ['deactivating one of two admins is allowed', admin, inactiveAdmin, 2, true],
    ['renaming the only admin (same role, still active) is allowed', admin, admin, 1, true],
    ['promoting a recruiter to admin is allowed', recruiter, admin, 1, true],
    ['deactivating a non-admin is allowed even with one admin', recruiter, { ...recruiter, active: false }, 1, true],
    ['reactivating an inactive admin is allowed', inactiveAdmin, admin, 1, true],
    [
      'changing an inactive admin to interviewer is allowed',
      inactiveAdmin,
      { role: 'interviewer', active: false },
      1,
      true,
    ],
  ] as const)('%s', (_name, before, after, activeAdmins, ok) => {
    expect(checkMemberChange({ before, after, activeAdmins }).ok).toBe(ok);
  });

  it('names the reason when it refuses', () => {
    expect(checkMemberChange({ before: admin, after: recruiter, activeAdmins: 1 })).toEqual({
      ok: false,
      reason: 'last_admin',
    });
  });
});
