import { AuthSession, EmptyBody } from '../auth.js';
import { IdParams } from '../common.js';
import {
  AcceptInvitationRequest,
  ConfirmPasswordResetRequest,
  InspectInvitationRequest,
  InvitationInfo,
  PasswordResetRequest,
  PasswordResetRequested,
} from '../invitations.js';
import { User } from '../users.js';
import { admins, endpointGroup } from './endpoint.js';

/**
 * Invitations (an admin adds a user without a password: `createUser`) and password resets: links
 * sent by email whose one-time token lets a person choose their password and signs them in.
 */
export const invitationEndpoints = endpointGroup({
  resendInvitation: {
    method: 'post',
    path: '/api/v1/users/:id/invitation',
    summary: 'Send an invited user a new invitation link; the previous link stops working',
    tag: 'users',
    access: admins,
    params: IdParams,
    body: EmptyBody.optional(),
    status: 200,
    response: User,
  },
  revokeInvitation: {
    method: 'delete',
    path: '/api/v1/users/:id/invitation',
    summary: 'Withdraw an open invitation: the link stops working and the user is deactivated',
    tag: 'users',
    access: admins,
    params: IdParams,
    body: EmptyBody.optional(),
    status: 200,
    response: User,
  },
  inspectInvitation: {
    method: 'post',
    path: '/api/v1/auth/invitations/inspect',
    summary: 'Who an invitation link is for (organization, name, email), before accepting it',
    tag: 'auth',
    access: { auth: 'public' },
    body: InspectInvitationRequest,
    status: 200,
    response: InvitationInfo,
  },
  acceptInvitation: {
    method: 'post',
    path: '/api/v1/auth/invitations/accept',
    summary: 'Accept an invitation: choose a password and sign in',
    tag: 'auth',
    access: { auth: 'public' },
    body: AcceptInvitationRequest,
    status: 200,
    response: AuthSession,
    auditEntity: 'user',
    auditedByHandler: true,
  },
  requestPasswordReset: {
    method: 'post',
    path: '/api/v1/auth/password-reset',
    summary: 'Email a password-reset link, if the address has an account (the answer is the same either way)',
    tag: 'auth',
    access: { auth: 'public' },
    body: PasswordResetRequest,
    status: 202,
    response: PasswordResetRequested,
  },
  confirmPasswordReset: {
    method: 'post',
    path: '/api/v1/auth/password-reset/confirm',
    summary: 'Choose a new password with a reset link: ends every other session and signs in',
    tag: 'auth',
    access: { auth: 'public' },
    body: ConfirmPasswordResetRequest,
    status: 200,
    response: AuthSession,
    auditEntity: 'user',
    auditedByHandler: true,
  },
});
