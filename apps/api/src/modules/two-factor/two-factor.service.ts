import { Injectable } from '@nestjs/common';
import type {
  DisableTwoFactorRequest,
  RecoveryCodes,
  TwoFactorChallenge,
  TwoFactorLoginRequest,
  TwoFactorLoginResponse,
  TwoFactorPolicy,
  TwoFactorSetup,
  TwoFactorStatus,
} from '@scorecard/contracts';
import { AppError } from '../../common/app-error.js';
import type { Caller } from '../../common/request-context.js';
import { SecretBox } from '../../common/secret-box.js';
import { Db } from '../../database/db.js';
import { verifyPassword } from '../auth/password.js';
import { LoginLimiter } from '../rate-limits/login-limiter.js';
import { SignInService } from '../sign-in/sign-in.service.js';
import { UserTokensService, type FoundToken } from '../tokens/user-tokens.service.js';
import type { LoginAccount } from '../users/users.repository.js';
import { TwoFactorRepository, type TwoFactorAccount } from './two-factor.repository.js';
import { hashRecoveryCode, newRecoveryCode, newTotpSecret, totpStep } from './totp.js';

/** How long the step between password and code lasts. */
export const CHALLENGE_TTL_SECONDS = 5 * 60;
export const RECOVERY_CODE_COUNT = 10;

const invalidCode = () =>
  new AppError('invalid_code', 'That code is not right, or was used already. Try the next code from your app.');

const WRONG_CODE = 'That code is not right, or was used already. Enter the code your app shows now.';

/**
 * A wrong code or password on the signed-in user's own settings: a field error (400), not 401,
 * which would say the session itself is not accepted.
 */
const wrongField = (path: 'code' | 'password', message: string) =>
  new AppError('validation_failed', message, { errors: [{ path, message }] });

const tokenProblems = {
  token_unknown: 'This sign-in step is not known. Sign in again with your password.',
  token_expired: 'This sign-in step has expired. Sign in again with your password.',
  token_used: 'This sign-in step was completed already. Sign in again with your password.',
} as const;

/**
 * Two-factor sign-in for password accounts: TOTP (RFC 6238) and one-time recovery codes. The secret
 * is kept sealed (SecretBox); a time step is accepted once (`two_factor_last_step`); recovery codes
 * are kept hashed. Code guesses at sign-in count toward the sign-in limit like password guesses.
 */
@Injectable()
export class TwoFactorService {
  constructor(
    private readonly db: Db,
    private readonly repo: TwoFactorRepository,
    private readonly box: SecretBox,
    private readonly tokens: UserTokensService,
    private readonly limiter: LoginLimiter,
    private readonly signIn: SignInService,
  ) {}

  /**
   * The challenge to answer with a code when the account has two-factor sign-in on, or must set it
   * up (its organization requires it); null otherwise, and always for accounts without a password.
   */
  async challengeFor(account: LoginAccount): Promise<TwoFactorChallenge | null> {
    if (account.passwordHash === null) return null;
    return this.db.asTenant(account.organizationId, async () => {
      const setupRequired = !account.twoFactorEnabled;
      if (setupRequired && !(await this.repo.organizationRequires(account.organizationId))) return null;
      const challenge = await this.tokens.issue({
        organizationId: account.organizationId,
        userId: account.id,
        purpose: 'two_factor_challenge',
        ttlSeconds: CHALLENGE_TTL_SECONDS,
        data: { email: account.email, setupRequired },
        replace: true,
      });
      const expiresAt = new Date(Date.now() + CHALLENGE_TTL_SECONDS * 1000).toISOString();
      return { twoFactorRequired: true as const, challenge, expiresAt, setupRequired };
    });
  }

  async status(caller: Caller): Promise<TwoFactorStatus> {
    const a = await this.mine(caller);
    const enabled = a.enabledAt !== null;
    const available = a.passwordHash !== null;
    return {
      enabled,
      enabledAt: a.enabledAt?.toISOString() ?? null,
      recoveryCodesLeft: enabled ? await this.repo.recoveryCodesLeft(a.organizationId, a.id) : 0,
      required: available && a.organizationRequires,
      available,
    };
  }

  /** A new pending secret for the caller; two-factor sign-in stays off until `enable` confirms a code. */
  async setup(caller: Caller): Promise<TwoFactorSetup> {
    const a = await this.mine(caller);
    if (a.passwordHash === null) {
      throw new AppError(
        'conflict',
        'Two-factor sign-in is for password accounts; you sign in through your identity provider.',
      );
    }
    if (a.enabledAt)
      throw new AppError('conflict', 'Two-factor sign-in is on already. Turn it off first to use a new app.');
    return this.newPendingSecret(a);
  }

  /** Turns two-factor sign-in on with a code from the pending secret; answers the recovery codes, once. */
  async enable(caller: Caller, code: string, ip: string): Promise<RecoveryCodes> {
    const a = await this.mine(caller, true);
    if (a.enabledAt) throw new AppError('conflict', 'Two-factor sign-in is on already.');
    if (!a.sealedSecret) throw new AppError('conflict', 'Start the set-up first: scan the QR code, then enter a code.');
    await this.checkTotp(a, code, ip);
    await this.repo.enable(a.organizationId, a.id);
    return { recoveryCodes: await this.newRecoveryCodes(a) };
  }

  async regenerateRecoveryCodes(caller: Caller, code: string, ip: string): Promise<RecoveryCodes> {
    const a = await this.mine(caller, true);
    if (!a.enabledAt) throw new AppError('conflict', 'Two-factor sign-in is off: there are no recovery codes.');
    await this.checkTotp(a, code, ip);
    return { recoveryCodes: await this.newRecoveryCodes(a) };
  }

  /** Turns two-factor sign-in off (with the password or a current code); refused while the organization requires it. */
  async disable(caller: Caller, body: DisableTwoFactorRequest, ip: string): Promise<void> {
    const a = await this.mine(caller, true);
    if (!a.enabledAt && !a.sealedSecret) return;
    if (a.organizationRequires && a.passwordHash !== null) {
      throw new AppError('forbidden', 'Your organization requires two-factor sign-in: it cannot be turned off.');
    }
    if (a.enabledAt) {
      if (body.code !== undefined) await this.checkTotp(a, body.code, ip);
      else await this.checkPassword(a, body.password ?? '', ip);
    }
    await this.repo.disable(a.organizationId, a.id);
  }

  async policy(caller: Caller): Promise<TwoFactorPolicy> {
    return { required: await this.repo.organizationRequires(caller.organizationId) };
  }

  async setPolicy(caller: Caller, policy: TwoFactorPolicy): Promise<TwoFactorPolicy> {
    await this.repo.setOrganizationRequires(caller.organizationId, policy.required);
    return this.policy(caller);
  }

  /** At sign-in, for a `setupRequired` challenge: a new pending secret to confirm with `completeLogin`. */
  async setupLogin(challenge: string): Promise<TwoFactorSetup> {
    const found = await this.usableChallenge(challenge);
    if (found.data.setupRequired !== true) {
      throw new AppError('conflict', 'Two-factor sign-in is set up for this account already: enter a code.');
    }
    return this.db.asTenant(found.organizationId, async () => {
      const a = await this.account(found.organizationId, found.userId, true);
      if (a.enabledAt)
        throw new AppError('conflict', 'Two-factor sign-in is set up for this account already: enter a code.');
      return this.newPendingSecret(a);
    });
  }

  /**
   * The code step of sign-in: the attempt counts toward the sign-in limit first, then the code (or a
   * recovery code) is checked, the challenge used up and the session opened, in one transaction. A
   * `setupRequired` challenge's code confirms the pending secret: two-factor sign-in is turned on
   * and the answer carries the recovery codes too. A wrong code leaves the challenge usable.
   */
  async completeLogin(
    input: TwoFactorLoginRequest,
    ip: string,
    requestId: string | null,
  ): Promise<TwoFactorLoginResponse> {
    const found = await this.usableChallenge(input.challenge);
    const email = typeof found.data.email === 'string' ? found.data.email : found.userId;
    const attempt = await this.limiter.attempt(email, ip);
    const answer = await this.db.asTenant(found.organizationId, async () => {
      const a = await this.account(found.organizationId, found.userId, true);
      if (!a.active) {
        throw new AppError(
          'account_deactivated',
          'This account has been deactivated. Ask an admin of your organization.',
        );
      }
      const settingUp = a.enabledAt === null;
      if (settingUp && !a.sealedSecret) {
        throw new AppError(
          'two_factor_setup_required',
          'Your organization requires two-factor sign-in: set it up first.',
        );
      }
      if (!(await this.codeFits(a, input.code, !settingUp))) throw invalidCode();
      if (!(await this.tokens.consume(found))) throw new AppError('token_used', tokenProblems.token_used);
      let recoveryCodes: string[] | undefined;
      if (settingUp) {
        await this.repo.enable(a.organizationId, a.id);
        recoveryCodes = await this.newRecoveryCodes(a);
      }
      const session = await this.signIn.complete({
        organizationId: a.organizationId,
        userId: a.id,
        action: 'completeTwoFactorLogin',
        requestId,
        changedFields: ['challenge', 'code'],
      });
      return recoveryCodes ? { ...session, recoveryCodes } : session;
    });
    await this.limiter.succeeded(email, attempt);
    return answer;
  }

  private async usableChallenge(challenge: string): Promise<FoundToken> {
    const found = await this.tokens.find(challenge, 'two_factor_challenge');
    const problem = this.tokens.problem(found);
    if (problem || !found) throw new AppError(problem ?? 'token_unknown', tokenProblems[problem ?? 'token_unknown']);
    return found;
  }

  private async newPendingSecret(a: TwoFactorAccount): Promise<TwoFactorSetup> {
    const setup = newTotpSecret(a.organizationName, a.email);
    await this.repo.setPendingSecret(a.organizationId, a.id, this.box.seal(setup.secret));
    return setup;
  }

  private async newRecoveryCodes(a: TwoFactorAccount): Promise<string[]> {
    const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
    await this.repo.replaceRecoveryCodes(
      a.organizationId,
      a.id,
      codes.map((c) => hashRecoveryCode(a.id, c)),
    );
    return codes;
  }

  /** Whether `code` is a current TOTP code not used before (its step is then used up) or, when allowed, an unused recovery code. */
  private async codeFits(a: TwoFactorAccount, code: string, allowRecovery: boolean): Promise<boolean> {
    const digits = code.replace(/\s+/g, '');
    if (/^\d{6}$/.test(digits)) {
      if (!a.sealedSecret) return false;
      const step = totpStep(this.box.open(a.sealedSecret), digits);
      return step !== null && (await this.repo.useStep(a.organizationId, a.id, step));
    }
    if (!allowRecovery) return false;
    return this.repo.useRecoveryCode(a.organizationId, a.id, hashRecoveryCode(a.id, code));
  }

  /**
   * A current code, for changes to the signed-in user's two-factor sign-in. A stolen session must not
   * be able to guess it: each attempt counts toward the sign-in limit, outside the request's
   * transaction so a refused attempt still counts.
   */
  private async checkTotp(a: TwoFactorAccount, code: string, ip: string): Promise<void> {
    const attempt = await this.db.outside(() => this.limiter.attempt(a.email, ip));
    if (!(await this.codeFits(a, code, false))) throw wrongField('code', WRONG_CODE);
    await this.db.outside(() => this.limiter.succeeded(a.email, attempt));
  }

  private async checkPassword(a: TwoFactorAccount, password: string, ip: string): Promise<void> {
    const attempt = await this.db.outside(() => this.limiter.attempt(a.email, ip));
    if (a.passwordHash === null || !(await verifyPassword(a.passwordHash, password))) {
      throw wrongField('password', 'That password is not right.');
    }
    await this.db.outside(() => this.limiter.succeeded(a.email, attempt));
  }

  private mine(caller: Caller, forUpdate = false): Promise<TwoFactorAccount> {
    return this.db.asTenant(caller.organizationId, () => this.account(caller.organizationId, caller.userId, forUpdate));
  }

  private async account(organizationId: string, userId: string, forUpdate: boolean): Promise<TwoFactorAccount> {
    const a = await this.repo.account(organizationId, userId, forUpdate);
    if (!a) throw new AppError('token_unknown', tokenProblems.token_unknown);
    return a;
  }
}
