import { describe, expect, it } from '@jest/globals';
import { hashRecoveryCode, newRecoveryCode, newTotpSecret, normalizeRecoveryCode, totpStep } from './totp.js';

// RFC 6238 appendix B: the SHA-1 secret "12345678901234567890" (ASCII), here in base32.
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

describe('TOTP', () => {
  it('accepts the RFC 6238 test vector (T = 59 s: 94287082, its last 6 digits) and names its time step', () => {
    expect(totpStep(RFC_SECRET, '287082', 59_000)).toBe(1);
  });

  it('accepts a code one step either side of now, and no further', () => {
    // T = 1111111109 s: 07081804 (step 37037036).
    const at = 1_111_111_109_000;
    expect(totpStep(RFC_SECRET, '081804', at)).toBe(37_037_036);
    expect(totpStep(RFC_SECRET, '081804', at + 30_000)).toBe(37_037_036);
    expect(totpStep(RFC_SECRET, '081804', at - 30_000)).toBe(37_037_036);
    expect(totpStep(RFC_SECRET, '081804', at + 60_000)).toBeNull();
  });

  it('refuses anything but 6 digits', () => {
    expect(totpStep(RFC_SECRET, '94287082', 59_000)).toBeNull();
    expect(totpStep(RFC_SECRET, '28708', 59_000)).toBeNull();
    expect(totpStep(RFC_SECRET, 'abcdef', 59_000)).toBeNull();
  });

  it('makes a 20-byte base32 secret with an otpauth URI labelled <organization>:<email> and issuer Scorecard', () => {
    const s = newTotpSecret('Acme', 'ada@acme.test');
    expect(s.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(s.uri).toBe(
      `otpauth://totp/Acme%3Aada%40acme.test?issuer=Scorecard&secret=${s.secret}&algorithm=SHA1&digits=6&period=30`,
    );
    expect(s.qrSvg.startsWith('<svg')).toBe(true);
    expect(newTotpSecret('Acme', 'ada@acme.test').secret).not.toBe(s.secret);
  });
});

describe('recovery codes', () => {
  it('are readable: 4+4 characters without look-alikes', () => {
    for (let i = 0; i < 50; i++) expect(newRecoveryCode()).toMatch(/^[a-hjkmnp-z2-9]{4}-[a-hjkmnp-z2-9]{4}$/);
  });

  it('ignore case, spaces and dashes when typed, and hash per user', () => {
    expect(normalizeRecoveryCode(' K7PQ 4mzt ')).toBe('k7pq4mzt');
    expect(hashRecoveryCode('u1', 'K7PQ-4MZT').equals(hashRecoveryCode('u1', 'k7pq4mzt'))).toBe(true);
    expect(hashRecoveryCode('u1', 'k7pq-4mzt').equals(hashRecoveryCode('u2', 'k7pq-4mzt'))).toBe(false);
  });
});
