import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import {
  type AcceptInvitationRequest,
  type AuthSession,
  type ConfirmPasswordResetRequest,
  type CreateUserRequest,
  INVITATION_TTL_DAYS,
  type InvitationInfo,
  PASSWORD_RESET_REQUESTED_MESSAGE,
  PASSWORD_RESET_TTL_HOURS,
  type PasswordResetRequested,
  ROLE_LABELS,
  type User,
} from '@scorecard/contracts';
import { AppError } from '../../common/app-error.js';
import type { Caller } from '../../common/request-context.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/env.js';
import { Db } from '../../database/db.js';
import { hashPassword } from '../auth/password.js';
import { MailService } from '../mail/mail.service.js';
import { type QueueJob, QueueService } from '../queue/queue.service.js';
import { SessionsService } from '../sessions/sessions.service.js';
import { SignInService } from '../sign-in/sign-in.service.js';
import { SsoPolicy } from '../sso/sso-policy.service.js';
import { type FoundToken, type TokenProblem, UserTokensService } from '../tokens/user-tokens.service.js';
import type { LoginAccount } from '../users/users.repository.js';
import { UsersService } from '../users/users.service.js';

type LinkPurpose = 'invitation' | 'password_reset';

/** What a person holding a link that does not work should do, per purpose and problem. */
const PROBLEM_DETAIL: Record<LinkPurpose, Record<TokenProblem, string>> = {
  invitation: {
    token_unknown: 'This invitation link is not valid. Ask an admin of your organization to resend it.',
    token_expired: 'This invitation link has expired. Ask an admin of your organization to resend it.',
    token_used: 'This invitation was accepted already. Sign in with your email and password.',
  },
  password_reset: {
    token_unknown: 'This password-reset link is not valid. Ask for a new one.',
    token_expired: 'This password-reset link has expired (it works for 1 hour). Ask for a new one.',
    token_used: 'This password-reset link was used already. Ask for a new one if you need it.',
  },
};

/** The job the reset request leaves for the worker: only the address typed, nothing looked up. */
interface PasswordResetJob {
  email: string;
}

/**
 * Links that let a person choose their password, sent by email: the invitation of a user added
 * without a password (7 days) and the password reset (1 hour). Each link's token is one-time and
 * stored hashed (UserTokensService); using it sets the password and opens a session, like sign-in.
 */
@Injectable()
export class InvitationsService implements OnModuleInit {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly db: Db,
    private readonly users: UsersService,
    private readonly tokens: UserTokensService,
    private readonly mail: MailService,
    private readonly queue: QueueService,
    private readonly sessions: SessionsService,
    private readonly signIn: SignInService,
    private readonly ssoPolicy: SsoPolicy,
  ) {}

  onModuleInit(): void {
    this.queue.register<PasswordResetJob>('passwordReset', (job) => this.sendPasswordReset(job));
  }

  /** Adds a user; without a password they are invited by email, in the same transaction. */
  async createUser(caller: Caller, input: CreateUserRequest): Promise<User> {
    const user = await this.users.create(caller, input);
    if (input.password === undefined) await this.sendInvitation(caller, user);
    return user;
  }

  /** A new invitation link (the previous one stops working); a revoked invitation is reopened. */
  async resend(caller: Caller, id: string): Promise<User> {
    await this.users.findInvitee(caller.organizationId, id);
    const user = await this.users.markInvited(caller.organizationId, id);
    await this.sendInvitation(caller, user);
    return user;
  }

  /** Withdraws an open invitation: its link stops working and the user is deactivated. */
  async revoke(caller: Caller, id: string): Promise<User> {
    await this.users.findInvitee(caller.organizationId, id);
    await this.tokens.revoke(caller.organizationId, id, 'invitation');
    return this.users.update(caller, id, { active: false });
  }

  async inspect(token: string): Promise<InvitationInfo> {
    const found = await this.usableToken(token, 'invitation');
    return this.db.asTenant(found.organizationId, async () => {
      const person = await this.mail.recipient(found.organizationId, found.userId);
      if (!person?.active) throw this.problem('invitation', 'token_unknown');
      return { organizationName: person.organization_name, name: person.name, email: person.email };
    });
  }

  accept(input: AcceptInvitationRequest, requestId: string | null): Promise<AuthSession> {
    return this.setPasswordWithLink('invitation', input, requestId);
  }

  /**
   * Always the same answer, at the same speed: the request only leaves a job with the address;
   * the worker decides whether anything is sent.
   */
  async requestPasswordReset(email: string): Promise<PasswordResetRequested> {
    await this.queue.send('passwordReset', { email } satisfies PasswordResetJob);
    return { message: PASSWORD_RESET_REQUESTED_MESSAGE };
  }

  confirmPasswordReset(input: ConfirmPasswordResetRequest, requestId: string | null): Promise<AuthSession> {
    return this.setPasswordWithLink('password_reset', input, requestId);
  }

  /**
   * The reset email, for each active account of the address that has a password (one per
   * organization). Nothing for an unknown address, a deactivated member, or an invited one (their
   * way in is the invitation, which admins control).
   */
  private async sendPasswordReset(job: QueueJob<PasswordResetJob>): Promise<void> {
    const accounts = await this.users.findForLogin(job.data.email);
    for (const user of accounts) if (user.active && user.passwordHash) await this.sendPasswordResetTo(user);
  }

  private async sendPasswordResetTo(user: LoginAccount): Promise<void> {
    await this.db.asTenant(user.organizationId, async () => {
      const token = await this.tokens.issue({
        organizationId: user.organizationId,
        userId: user.id,
        purpose: 'password_reset',
        ttlSeconds: PASSWORD_RESET_TTL_HOURS * 3600,
        replace: true,
      });
      await this.mail.enqueue({
        organizationId: user.organizationId,
        kind: 'password_reset',
        recipientId: user.id,
        subject: 'Reset your Scorecard password',
        content: {
          heading: 'Choose a new password',
          paragraphs: [
            `Someone asked to reset the password of ${user.email} in ${user.organizationName}. If it was you, choose a new password with the button below.`,
            `The link works once, for ${PASSWORD_RESET_TTL_HOURS} hour. Choosing a new password signs you out everywhere else.`,
            'If you did not ask, ignore this email: your password stays as it is.',
          ],
          action: { label: 'Choose a new password', url: this.mail.link(`/reset-password?token=${token}`) },
          reason: 'You get this because a password reset was requested for your Scorecard account.',
        },
      });
    });
  }

  /** Issues the invitation token (replacing any earlier one) and its email, in the current transaction. */
  private async sendInvitation(caller: Caller, user: User): Promise<void> {
    const token = await this.tokens.issue({
      organizationId: caller.organizationId,
      userId: user.id,
      purpose: 'invitation',
      ttlSeconds: INVITATION_TTL_DAYS * 24 * 3600,
      replace: true,
    });
    const org = caller.organizationName;
    await this.mail.enqueue({
      organizationId: caller.organizationId,
      kind: 'invitation',
      recipientId: user.id,
      subject: `${caller.name} invited you to ${org} on Scorecard`,
      content: {
        heading: `Join ${org} on Scorecard`,
        paragraphs: [
          `${caller.name} invited you to join ${org} on Scorecard as ${ROLE_LABELS[user.role].toLowerCase()}.`,
          `Choose your password to sign in. The link works once, for ${INVITATION_TTL_DAYS} days.`,
        ],
        details: [
          ['Name', user.name],
          ['Email', user.email],
        ],
        action: { label: 'Accept the invitation', url: this.mail.link(`/accept-invitation?token=${token}`) },
        reason: `You get this because an admin of ${org} added you. If you did not expect it, ignore this email.`,
      },
    });
  }

  /**
   * Sets the password of the link's user and signs them in, all or nothing: the token is consumed
   * (a second use, even a concurrent one, answers token_used), an invitation ends, and a reset ends
   * every other session of the user.
   */
  private async setPasswordWithLink(
    purpose: LinkPurpose,
    input: { token: string; password: string },
    requestId: string | null,
  ): Promise<AuthSession> {
    const found = await this.usableToken(input.token, purpose);
    const passwordHash = await hashPassword(input.password);
    const { organizationId, userId } = found;
    return this.signIn.complete({
      organizationId,
      userId,
      action: purpose === 'invitation' ? 'acceptInvitation' : 'confirmPasswordReset',
      requestId,
      entity: { type: 'user', id: userId },
      before: async () => {
        const person = await this.mail.recipient(organizationId, userId);
        if (!person?.active) throw this.problem(purpose, 'token_unknown');
        // An organization that requires SSO lets only its break-glass admin in with a password.
        await this.ssoPolicy.assertPasswordAllowed(organizationId, userId);
        if (!(await this.tokens.consume(found))) {
          // Used by a concurrent request since it was checked, or expired in between.
          const expired = found.expiresAt !== null && found.expiresAt <= new Date();
          throw this.problem(purpose, expired ? 'token_expired' : 'token_used');
        }
        await this.users.setPassword(organizationId, userId, passwordHash);
        if (purpose === 'password_reset') await this.sessions.closeAllOfUser(organizationId, userId);
      },
    });
  }

  /** The token if it can be used now; otherwise the 400 problem that says why. */
  private async usableToken(token: string, purpose: LinkPurpose): Promise<FoundToken> {
    const found = await this.tokens.find(token, purpose);
    const problem = this.tokens.problem(found);
    if (problem || !found) throw this.problem(purpose, problem ?? 'token_unknown');
    return found;
  }

  private problem(purpose: LinkPurpose, code: TokenProblem): AppError {
    return new AppError(code, PROBLEM_DETAIL[purpose][code]);
  }
}
