import { z } from 'zod';
import { Email, Password } from './auth.js';

/**
 * A one-time link's secret as it arrives in a request body (never in a URL path, so it stays out
 * of access logs). Its shape is checked by the API; a malformed one is simply unknown.
 */
export const LinkToken = z.string().trim().min(1, 'The link has no token.').max(200, 'The link is not valid.');

export const InspectInvitationRequest = z.strictObject({ token: LinkToken }).meta({ id: 'InspectInvitationRequest' });
export type InspectInvitationRequest = z.infer<typeof InspectInvitationRequest>;

/** Who an open invitation is for, shown before they choose a password. */
export const InvitationInfo = z
  .object({ organizationName: z.string(), name: z.string(), email: z.string() })
  .meta({ id: 'InvitationInfo' });
export type InvitationInfo = z.infer<typeof InvitationInfo>;

export const AcceptInvitationRequest = z
  .strictObject({ token: LinkToken, password: Password })
  .meta({ id: 'AcceptInvitationRequest' });
export type AcceptInvitationRequest = z.infer<typeof AcceptInvitationRequest>;

export const PasswordResetRequest = z.strictObject({ email: Email }).meta({ id: 'PasswordResetRequest' });
export type PasswordResetRequest = z.infer<typeof PasswordResetRequest>;

/** The one answer to a reset request, whether or not the address has an account. */
export const PASSWORD_RESET_REQUESTED_MESSAGE =
  'If an account exists for this address, we sent it a link to choose a new password. The link works for 1 hour.';

export const PasswordResetRequested = z
  .object({ message: z.literal(PASSWORD_RESET_REQUESTED_MESSAGE) })
  .meta({ id: 'PasswordResetRequested' });
export type PasswordResetRequested = z.infer<typeof PasswordResetRequested>;

export const ConfirmPasswordResetRequest = z
  .strictObject({ token: LinkToken, password: Password })
  .meta({ id: 'ConfirmPasswordResetRequest' });
export type ConfirmPasswordResetRequest = z.infer<typeof ConfirmPasswordResetRequest>;

/** How long the links sent by email work. */
export const INVITATION_TTL_DAYS = 7;
export const PASSWORD_RESET_TTL_HOURS = 1;
