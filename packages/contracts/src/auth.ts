import { z } from 'zod';
import { Role, Uuid } from './common.js';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

export const Email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, 'An email address has at most 254 characters.')
  .pipe(z.email('Enter a valid email address.'));

export const Password = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters.`)
  .max(PASSWORD_MAX_LENGTH, `Use at most ${PASSWORD_MAX_LENGTH} characters.`);

export const PersonName = z.string().trim().min(1, 'Enter a name.').max(120, 'A name has at most 120 characters.');

export const OrganizationName = z
  .string()
  .trim()
  .min(2, 'An organization name has at least 2 characters.')
  .max(120, 'An organization name has at most 120 characters.');

export const SignupRequest = z
  .strictObject({ organizationName: OrganizationName, name: PersonName, email: Email, password: Password })
  .meta({ id: 'SignupRequest' });
export type SignupRequest = z.infer<typeof SignupRequest>;

/** An organization's short name, as in its SSO addresses: `acme`, `acme-robotics`. */
export const OrganizationSlug = z
  .string()
  .trim()
  .toLowerCase()
  .regex(
    /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/,
    'An organization short name has 1 to 63 lowercase letters, digits and hyphens, and starts and ends with a letter or digit.',
  );

export const LoginRequest = z.strictObject({
  email: Email,
  password: z.string().min(1, 'Enter your password.').max(PASSWORD_MAX_LENGTH),
  /** Needed only when the email has accounts in several organizations that this password fits. */
  organization: OrganizationSlug.optional(),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

export const SessionUser = z.object({
  id: Uuid,
  name: z.string(),
  email: z.string(),
  role: Role,
});
export type SessionUser = z.infer<typeof SessionUser>;

export const OrganizationSummary = z.object({ id: Uuid, name: z.string() });
export type OrganizationSummary = z.infer<typeof OrganizationSummary>;

export const Me = z.object({ user: SessionUser, organization: OrganizationSummary }).meta({ id: 'Me' });
export type Me = z.infer<typeof Me>;

export const AuthSession = Me.extend({
  /** Opaque bearer token; the same session is also set as an HttpOnly cookie. */
  token: z.string(),
  /** When the session ends (SESSION_TTL_HOURS after sign-in): sign in again after that. */
  expiresAt: z.iso.datetime(),
}).meta({ id: 'AuthSession' });
export type AuthSession = z.infer<typeof AuthSession>;

/**
 * The password was right and the account has two-factor sign-in: send a code with this challenge
 * (`completeTwoFactorLogin`) before it expires to get the session.
 */
export const TwoFactorChallenge = z
  .object({
    twoFactorRequired: z.literal(true),
    challenge: z.string(),
    expiresAt: z.iso.datetime(),
    /** The organization requires two-factor sign-in and the account has none yet: set it up with this challenge first. */
    setupRequired: z.boolean(),
  })
  .meta({ id: 'TwoFactorChallenge' });
export type TwoFactorChallenge = z.infer<typeof TwoFactorChallenge>;

export const LoginResponse = z.union([AuthSession, TwoFactorChallenge]).meta({ id: 'LoginResponse' });
export type LoginResponse = z.infer<typeof LoginResponse>;

export const EmptyBody = z.strictObject({});
