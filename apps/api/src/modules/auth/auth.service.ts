import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { AuthSession, LoginRequest, LoginResponse, Me, SignupRequest } from '@scorecard/contracts';
import { AppError } from '../../common/app-error.js';
import type { Caller } from '../../common/request-context.js';
import { Db } from '../../database/db.js';
import { KitsService } from '../library/kits.service.js';
import { OrganizationsService } from '../organizations/organizations.service.js';
import { LoginLimiter } from '../rate-limits/login-limiter.js';
import { SessionsService } from '../sessions/sessions.service.js';
import { SignInService, toMe as signedInAs } from '../sign-in/sign-in.service.js';
import { SsoPolicy } from '../sso/sso-policy.service.js';
import { TwoFactorService } from '../two-factor/two-factor.service.js';
import type { LoginAccount } from '../users/users.repository.js';
import { UsersService } from '../users/users.service.js';
import { burnPasswordCheck, verifyPassword } from './password.js';

export function toMe(caller: Caller): Me {
  return signedInAs(caller);
}

const invalidCredentials = () => new AppError('invalid_credentials', 'The email or password is not right.');

@Injectable()
export class AuthService {
  constructor(
    private readonly db: Db,
    private readonly orgs: OrganizationsService,
    private readonly users: UsersService,
    private readonly sessions: SessionsService,
    private readonly limiter: LoginLimiter,
    private readonly kits: KitsService,
    private readonly signIn: SignInService,
    private readonly sso: SsoPolicy,
    private readonly twoFactor: TwoFactorService,
  ) {}

  /**
   * Creates an organization with its first admin and the built-in Tech Lead kit, and signs them in,
   * all or nothing (the audit event too). An email with an account elsewhere is no obstacle: emails
   * are unique per organization, so the answer never tells whether an address is known.
   */
  signup(input: SignupRequest, requestId: string | null): Promise<AuthSession> {
    const organizationId = randomUUID();
    return this.db.asTenant(organizationId, async () => {
      const m = this.db.manager;
      const organization = await this.orgs.create(organizationId, input.organizationName, m);
      const user = await this.users.createMember(
        { organizationId, name: input.name, email: input.email, role: 'admin', password: input.password },
        m,
      );
      await this.kits.installTechLeadKit(organization.id, m);
      return this.signIn.complete({
        organizationId,
        userId: user.id,
        action: 'signup',
        requestId,
        changedFields: Object.keys(input),
        entity: { type: 'organization', id: organizationId },
      });
    });
  }

  /**
   * Email and password, then (when the account has it) a two-factor challenge instead of a session.
   * The attempt is counted before the password is checked, so parallel guesses cannot outrun the limit.
   */
  async login(input: LoginRequest, ip: string, requestId: string | null): Promise<LoginResponse> {
    const attempt = await this.limiter.attempt(input.email, ip);
    const account = await this.passwordAccount(input);
    if (!account.active) {
      throw new AppError(
        'account_deactivated',
        'This account has been deactivated. Ask an admin of your organization.',
      );
    }
    await this.sso.assertPasswordSignIn(account);
    // With two-factor on, the password alone takes nothing back: the code step does once a code is
    // right. Otherwise re-entering the password would reset the count of wrong codes.
    const challenge = await this.twoFactor.challengeFor(account);
    if (challenge) {
      await this.limiter.passwordRight(attempt);
      return challenge;
    }
    await this.limiter.succeeded(input.email, attempt);
    return this.signIn.complete({
      organizationId: account.organizationId,
      userId: account.id,
      action: 'login',
      requestId,
      changedFields: Object.keys(input),
    });
  }

  logout(caller: Caller): Promise<void> {
    return this.sessions.close(caller);
  }

  /**
   * The account the password fits. An email can have an account in several organizations: each one
   * with a password is checked; when it fits more than one and none was named, the caller is asked
   * to choose (`organization_required`, with the choices; only someone who knows the password sees them).
   */
  private async passwordAccount(input: LoginRequest): Promise<LoginAccount> {
    const accounts = (await this.users.findForLogin(input.email)).filter(
      (a) => a.passwordHash !== null && (input.organization === undefined || a.organizationSlug === input.organization),
    );
    if (accounts.length === 0) {
      // Unknown, or invited without a password yet: the same answer, at the same cost, as a wrong password.
      await burnPasswordCheck(input.password);
      throw invalidCredentials();
    }
    const fits: LoginAccount[] = [];
    for (const a of accounts) if (await verifyPassword(a.passwordHash as string, input.password)) fits.push(a);
    const live = fits.filter((a) => a.active);
    if (fits.length === 0) throw invalidCredentials();
    if (live.length > 1) {
      throw new AppError('organization_required', 'This email has accounts in several organizations. Choose one.', {
        organizations: live.map((a) => ({ slug: a.organizationSlug, name: a.organizationName })),
      });
    }
    return live[0] ?? (fits[0] as LoginAccount);
  }
}
