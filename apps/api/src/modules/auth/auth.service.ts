import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { AuthSession, LoginRequest, Me, SignupRequest } from '@scorecard/contracts';
import { DEFAULT_LOGIN_THROTTLE, evaluateLoginThrottle } from '@scorecard/domain';
import { AppError } from '../../common/app-error.js';
import type { Caller } from '../../common/request-context.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/env.js';
import { KitsService } from '../library/kits.service.js';
import { OrganizationsService } from '../organizations/organizations.service.js';
import { SessionsService } from '../sessions/sessions.service.js';
import { UsersService } from '../users/users.service.js';
import { LoginFailuresRepository } from './login-failures.repository.js';
import { burnPasswordCheck, verifyPassword } from './password.js';
import { Db } from '../../database/db.js';

export function toMe(caller: Caller): Me {
  return {
    user: { id: caller.userId, name: caller.name, email: caller.email, role: caller.role },
    organization: { id: caller.organizationId, name: caller.organizationName },
  };
}

@Injectable()
export class AuthService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly db: Db,
    private readonly orgs: OrganizationsService,
    private readonly users: UsersService,
    private readonly sessions: SessionsService,
    private readonly failures: LoginFailuresRepository,
    private readonly kits: KitsService,
  ) {}

  /** Creates an organization with its first admin and the built-in Tech Lead kit, and signs them in, all or nothing. */
  signup(input: SignupRequest): Promise<AuthSession> {
    const organizationId = randomUUID();
    return this.db.asTenant(organizationId, async () => {
      const m = this.db.manager;
      const organization = await this.orgs.create(organizationId, input.organizationName, m);
      const user = await this.users.createMember(
        {
          organizationId: organization.id,
          name: input.name,
          email: input.email,
          role: 'admin',
          password: input.password,
        },
        m,
      );
      await this.kits.installTechLeadKit(organization.id, m);
      const token = await this.sessions.open(
        { organizationId: organization.id, userId: user.id, ttlHours: this.config.sessionTtlHours },
        m,
      );
      return { token, user: { id: user.id, name: user.name, email: user.email, role: user.role }, organization };
    });
  }

  async login(input: LoginRequest, ip: string): Promise<AuthSession> {
    const policy = DEFAULT_LOGIN_THROTTLE;
    const windows = await this.failures.windows(input.email, ip, policy.windowSeconds);
    const verdict = evaluateLoginThrottle({ ...windows, now: new Date(), policy });
    if (!verdict.allowed) {
      const minutes = Math.ceil(verdict.retryAfterSeconds / 60);
      throw new AppError(
        'too_many_attempts',
        `Too many failed sign-ins. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
        { headers: { 'retry-after': String(verdict.retryAfterSeconds) } },
      );
    }
    const user = await this.users.findForLogin(input.email);
    // An invited user has no password until they accept: the same answer as a wrong one.
    const ok = user?.passwordHash
      ? await verifyPassword(user.passwordHash, input.password)
      : (await burnPasswordCheck(input.password), false);
    if (!user || !ok) {
      await this.failures.record(input.email, ip);
      throw new AppError('invalid_credentials', 'The email or password is not right.');
    }
    if (!user.active) {
      throw new AppError(
        'account_deactivated',
        'This account has been deactivated. Ask an admin of your organization.',
      );
    }
    await this.failures.clearAccount(input.email);
    const token = await this.db.asTenant(user.organizationId, () =>
      this.sessions.open({
        organizationId: user.organizationId,
        userId: user.id,
        ttlHours: this.config.sessionTtlHours,
      }),
    );
    const caller = await this.sessions.resolve(token);
    if (!caller) throw new Error('a session just opened does not resolve');
    return { token, ...toMe(caller) };
  }

  logout(caller: Caller): Promise<void> {
    return this.sessions.close(caller);
  }
}
