import { Injectable } from '@nestjs/common';
import type { AuthSession, SsoProtocol } from '@scorecard/contracts';
import { AppError } from '../../common/app-error.js';
import { Db } from '../../database/db.js';
import { SignInService } from '../sign-in/sign-in.service.js';
import { UsersService } from '../users/users.service.js';
import { SsoConnectionsRepository } from './sso-connections.repository.js';

/** Who the identity provider vouched for, after its answer was verified (OIDC ID token, SAML assertion). */
export interface FederatedIdentity {
  protocol: SsoProtocol;
  email: string;
  /** The display name the provider gave, if any. */
  name?: string | null;
}

const ssoFailed = (detail: string) => new AppError('sso_failed', detail);

/**
 * The end of every SSO sign-in, OIDC or SAML, once the provider's answer is verified: checks the
 * connection is on and the email's domain allowed, finds the member or creates them just in time
 * with the connection's default role, and signs them in, all in one transaction as the organization.
 * A deactivated member stays out (`account_deactivated`), whatever the provider says.
 */
@Injectable()
export class FederatedSignInService {
  constructor(
    private readonly db: Db,
    private readonly connections: SsoConnectionsRepository,
    private readonly users: UsersService,
    private readonly signIn: SignInService,
  ) {}

  complete(
    organizationId: string,
    identity: FederatedIdentity,
    audit: { action: string; requestId: string | null },
  ): Promise<AuthSession> {
    return this.db.asTenant(organizationId, async () => {
      const connection = await this.connections.find(organizationId);
      if (!connection?.enabled || connection.protocol !== identity.protocol) {
        throw ssoFailed('Single sign-on is not turned on for this organization. Sign in with your password.');
      }
      const email = identity.email.trim().toLowerCase();
      const domain = email.slice(email.lastIndexOf('@') + 1);
      if (!email.includes('@') || !connection.allowed_domains.includes(domain)) {
        throw ssoFailed(
          `Your identity provider signed you in as ${email}, but this organization accepts only ` +
            `${connection.allowed_domains.map((d) => `@${d}`).join(', ') || 'no domain yet'}. Ask an admin.`,
        );
      }
      let user = await this.users.findByEmail(organizationId, email);
      if (user && !user.active) {
        throw new AppError(
          'account_deactivated',
          'This account has been deactivated. Ask an admin of your organization.',
        );
      }
      if (user?.status === 'invited') await this.users.endInvitation(organizationId, user.id);
      user ??= await this.users.createMember({
        organizationId,
        name: identity.name?.trim() || email.slice(0, email.indexOf('@')),
        email,
        role: connection.default_role,
        federated: true,
      });
      return this.signIn.complete({
        organizationId,
        userId: user.id,
        action: audit.action,
        requestId: audit.requestId,
      });
    });
  }
}
