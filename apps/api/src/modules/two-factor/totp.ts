import { createHash, randomInt } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import { renderSVG } from 'uqr';

/** RFC 6238 as every authenticator app reads it: SHA-1, 6 digits, 30-second steps. */
const PERIOD = 30;
const DIGITS = 6;
/** One step either side of now, for clocks a little off and codes typed as they change. */
const WINDOW = 1;
export const ISSUER = 'Scorecard';

function totpOf(base32: string, label = 'account'): TOTP {
  return new TOTP({
    issuer: ISSUER,
    label,
    // The label is `<organization>:<email>` already; the issuer goes in its own parameter.
    issuerInLabel: false,
    algorithm: 'SHA1',
    digits: DIGITS,
    period: PERIOD,
    secret: Secret.fromBase32(base32),
  });
}

/** A new secret (20 random bytes, base32) with its `otpauth://` URI and QR code, labelled `<org>:<email>`. */
export function newTotpSecret(organizationName: string, email: string): { secret: string; uri: string; qrSvg: string } {
  const secret = new Secret({ size: 20 }).base32;
  const uri = totpOf(secret, `${organizationName}:${email}`).toString();
  return { secret, uri, qrSvg: renderSVG(uri, { border: 2 }) };
}

/** The time step `code` belongs to (within the window around `now`), or null when it is not a current code. */
export function totpStep(base32: string, code: string, now = Date.now()): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = totpOf(base32).validate({ token: code, timestamp: now, window: WINDOW });
  if (delta === null) return null;
  return TOTP.counter({ period: PERIOD, timestamp: now }) + delta;
}

/** Recovery codes use letters and digits that cannot be misread (no 0/o, 1/l/i). */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** A readable one-time recovery code, `k7pq-4mzt` (about 40 bits). */
export function newRecoveryCode(): string {
  let s = '';
  for (let i = 0; i < 8; i++) s += ALPHABET[randomInt(ALPHABET.length)];
  return `${s.slice(0, 4)}-${s.slice(4)}`;
}

/** Case, spaces and dashes do not matter when a recovery code is typed. */
export function normalizeRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** What is stored of a recovery code: SHA-256 of the user's id and the normalized code (a salt per user). */
export function hashRecoveryCode(userId: string, code: string): Buffer {
  return createHash('sha256')
    .update(`${userId}:${normalizeRecoveryCode(code)}`)
    .digest();
}
