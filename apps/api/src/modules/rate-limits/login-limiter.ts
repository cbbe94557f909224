import { Injectable } from '@nestjs/common';
import { DEFAULT_LOGIN_THROTTLE, evaluateLoginThrottle } from '@scorecard/domain';
import { AppError } from '../../common/app-error.js';
import { LoginFailuresRepository } from './login-failures.repository.js';

/**
 * The sign-in limit, per account (email) and per address: password guesses and two-factor code
 * guesses both count. `attempt` is called before the secret is checked; `succeeded` after it was right.
 */
@Injectable()
export class LoginLimiter {
  constructor(private readonly failures: LoginFailuresRepository) {}

  /** Counts one attempt for the account and the address; throws `too_many_attempts` when either is over its limit. */
  async attempt(email: string, ip: string): Promise<void> {
    const policy = DEFAULT_LOGIN_THROTTLE;
    const windows = await this.failures.windows(email, ip, policy.windowSeconds);
    const verdict = evaluateLoginThrottle({ ...windows, now: new Date(), policy });
    if (!verdict.allowed) {
      const minutes = Math.ceil(verdict.retryAfterSeconds / 60);
      throw new AppError(
        'too_many_attempts',
        `Too many failed sign-ins. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
        { headers: { 'retry-after': String(verdict.retryAfterSeconds) } },
      );
    }
    await this.failures.record(email, ip);
  }

  /** The secret was right: the account's count starts again. */
  async succeeded(email: string): Promise<void> {
    await this.failures.clearAccount(email);
  }
}
