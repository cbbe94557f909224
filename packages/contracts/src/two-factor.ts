import { z } from 'zod';
import { AuthSession } from './auth.js';

// Two-factor sign-in for password accounts: TOTP enrolment, recovery codes, the code step of sign-in.

/** A 6-digit code from an authenticator app (spaces allowed, as apps show `123 456`). */
export const TotpCode = z
  .string()
  .transform((s) => s.replace(/\s+/g, ''))
  .pipe(z.string().regex(/^\d{6}$/, 'Enter the 6-digit code from your authenticator app.'));

/**
 * What proves the second factor at sign-in: a 6-digit code, or one of the recovery codes
 * (`k7pq-4mzt`, letters and digits, case and dashes ignored).
 */
export const TwoFactorCode = z
  .string()
  .trim()
  .min(1, 'Enter the code from your authenticator app or a recovery code.')
  .max(32, 'A code has at most 32 characters.');

export const TwoFactorStatus = z
  .object({
    /** Whether two-factor sign-in is on for the signed-in user. */
    enabled: z.boolean(),
    enabledAt: z.iso.datetime().nullable(),
    /** Recovery codes not used yet (0 when two-factor sign-in is off). */
    recoveryCodesLeft: z.number().int().min(0),
    /** The organization requires it of this account (a password account): it cannot be turned off. */
    required: z.boolean(),
    /** The account signs in with a password: two-factor sign-in applies (SSO accounts use their provider's). */
    available: z.boolean(),
  })
  .meta({ id: 'TwoFactorStatus' });
export type TwoFactorStatus = z.infer<typeof TwoFactorStatus>;

/** A new TOTP secret to add to an authenticator app; shown at set-up only. */
export const TwoFactorSetup = z
  .object({
    /** The secret in base32, for typing into the app by hand. */
    secret: z.string(),
    /** `otpauth://totp/...`, what the QR code holds. */
    uri: z.string(),
    /** The QR code as SVG markup. */
    qrSvg: z.string(),
  })
  .meta({ id: 'TwoFactorSetup' });
export type TwoFactorSetup = z.infer<typeof TwoFactorSetup>;

export const EnableTwoFactorRequest = z.strictObject({ code: TotpCode }).meta({ id: 'EnableTwoFactorRequest' });
export type EnableTwoFactorRequest = z.input<typeof EnableTwoFactorRequest>;

export const RegenerateRecoveryCodesRequest = z
  .strictObject({ code: TotpCode })
  .meta({ id: 'RegenerateRecoveryCodesRequest' });
export type RegenerateRecoveryCodesRequest = z.input<typeof RegenerateRecoveryCodesRequest>;

/** Ten one-time recovery codes, shown once: each signs in once instead of a code from the app. */
export const RecoveryCodes = z.object({ recoveryCodes: z.array(z.string()) }).meta({ id: 'RecoveryCodes' });
export type RecoveryCodes = z.infer<typeof RecoveryCodes>;

/** Turning two-factor sign-in off needs the password or a current code. */
export const DisableTwoFactorRequest = z
  .strictObject({
    password: z.string().min(1, 'Enter your password.').max(256).optional(),
    code: TotpCode.optional(),
  })
  .refine((b) => b.password !== undefined || b.code !== undefined, {
    message: 'Enter your password or a code from your authenticator app.',
    path: ['password'],
  })
  .meta({ id: 'DisableTwoFactorRequest' });
export type DisableTwoFactorRequest = z.input<typeof DisableTwoFactorRequest>;

export const TwoFactorPolicy = z
  .strictObject({
    /** Password accounts must use two-factor sign-in (those without it set it up at their next sign-in). */
    required: z.boolean(),
  })
  .meta({ id: 'TwoFactorPolicy' });
export type TwoFactorPolicy = z.infer<typeof TwoFactorPolicy>;

const Challenge = z.string().min(1).max(200);

export const TwoFactorLoginSetupRequest = z
  .strictObject({ challenge: Challenge })
  .meta({ id: 'TwoFactorLoginSetupRequest' });
export type TwoFactorLoginSetupRequest = z.infer<typeof TwoFactorLoginSetupRequest>;

export const TwoFactorLoginRequest = z
  .strictObject({ challenge: Challenge, code: TwoFactorCode })
  .meta({ id: 'TwoFactorLoginRequest' });
export type TwoFactorLoginRequest = z.infer<typeof TwoFactorLoginRequest>;

/** The session; after set-up at sign-in (a `setupRequired` challenge), also the recovery codes, shown once. */
export const TwoFactorLoginResponse = AuthSession.extend({
  recoveryCodes: z.array(z.string()).optional(),
}).meta({ id: 'TwoFactorLoginResponse' });
export type TwoFactorLoginResponse = z.infer<typeof TwoFactorLoginResponse>;
