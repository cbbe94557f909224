import { Inject, Injectable } from '@nestjs/common';
import type { AuthSession, EndpointName } from '@scorecard/contracts';
import type { EntityManager } from 'typeorm';
import type { Caller } from '../../common/request-context.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/env.js';
import { Db } from '../../database/db.js';
import { AuditService } from '../audit/audit.service.js';
import { SessionsService } from '../sessions/sessions.service.js';
import { UsersService } from '../users/users.service.js';

export function toMe(caller: Caller): Pick<AuthSession, 'user' | 'organization'> {
  return {
    user: { id: caller.userId, name: caller.name, email: caller.email, role: caller.role },
    organization: { id: caller.organizationId, name: caller.organizationName },
  };
}

/** How a sign-in was proven; recorded as the audit event's operation. */
export type SignInAction =
  Extract<EndpointName, 'signup' | 'login' | 'acceptInvitation' | 'confirmPasswordReset'> | (string & {});

export interface SignInInput {
  organizationId: string;
  userId: string;
  /** The audit log's operation: the endpoint that signed in (`login`, `completeSso`, …). */
  action: SignInAction;
  requestId?: string | null;
  /** The request body's field names, for the audit event (secrets are dropped by the audit log). */
  changedFields?: readonly string[];
  /** What the sign-in acted on, for the audit event; a session unless told otherwise. */
  entity?: { type: string; id: string };
  /** Run before the session opens, in the same transaction (set a password, end other sessions). */
  before?: (m: EntityManager) => Promise<void>;
}

/**
 * The last step of every way in (password, two-factor code, SSO, invitation, password reset,
 * sign-up): opens the session, marks the user signed in and writes the audit event, in one
 * transaction as the user's organization, so a sign-in is never recorded without happening or
 * the other way round. The answer says when the session ends.
 */
@Injectable()
export class SignInService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly db: Db,
    private readonly sessions: SessionsService,
    private readonly users: UsersService,
    private readonly audit: AuditService,
  ) {}

  async complete(input: SignInInput): Promise<AuthSession> {
    const run = async (m: EntityManager) => {
      await input.before?.(m);
      const opened = await this.sessions.open(
        { organizationId: input.organizationId, userId: input.userId, ttlHours: this.config.sessionTtlHours },
        m,
      );
      await this.users.markSignedIn(input.organizationId, input.userId, m);
      await this.audit.record(
        {
          organizationId: input.organizationId,
          actorUserId: input.userId,
          action: input.action,
          entityType: input.entity?.type ?? 'session',
          entityId: input.entity?.id ?? opened.id,
          changedFields: input.changedFields ?? [],
          requestId: input.requestId ?? null,
        },
        m,
      );
      return opened;
    };
    // Inside the organization's block already (sign-up creates it first), this joins its transaction.
    const opened = await this.db.asTenant(input.organizationId, () => run(this.db.manager));
    const caller = await this.sessions.resolve(opened.token);
    if (!caller) throw new Error('a session just opened does not resolve');
    return { token: opened.token, expiresAt: opened.expiresAt.toISOString(), ...toMe(caller) };
  }
}
