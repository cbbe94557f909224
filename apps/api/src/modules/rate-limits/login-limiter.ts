import { Injectable } from '@nestjs/common';
import { DEFAULT_LOGIN_THROTTLE } from '@scorecard/domain';
import { AppError } from '../../common/app-error.js';
import { RateLimitStore } from './rate-limit-store.js';

/** What `attempt` counted, for `succeeded` to take back. */
export interface LoginAttempt {
  email: string;
  ip: string;
  /** The account's count once this attempt was counted (this one included). */
  accountPoints: number;
}

const accountKey = (email: string) => `login:account:${email.trim().toLowerCase()}`;
const addressKey = (ip: string) => `login:address:${ip}`;

/**
 * The sign-in limit, per account (email) and per address: password guesses and two-factor code
 * guesses both count (DEFAULT_LOGIN_THROTTLE: 5 per account and 30 per address in 15 minutes).
 * `attempt` is called before the secret is checked and counts the attempt in the same statement
 * that reads the count (RateLimitStore), so parallel guesses cannot outrun the limit: only the
 * first five counted for an account in a window are answered. `succeeded` after the secret was
 * right takes back the account's attempts up to this one (a person who signs in is never slowed
 * down by their earlier typos) and this attempt's point from the address (only failures count there).
 */
@Injectable()
export class LoginLimiter {
  constructor(private readonly store: RateLimitStore) {}

  /** Counts one attempt for the account and the address; throws `too_many_attempts` when either is over its limit. */
  async attempt(email: string, ip: string): Promise<LoginAttempt> {
    const policy = DEFAULT_LOGIN_THROTTLE;
    const counts = await this.store.consume([
      { key: accountKey(email), windowSeconds: policy.windowSeconds },
      { key: addressKey(ip), windowSeconds: policy.windowSeconds },
    ]);
    const account = counts.get(accountKey(email));
    const address = counts.get(addressKey(ip));
    const waits: number[] = [];
    if (account && account.points > policy.maxFailuresPerAccount) waits.push(account.resetSeconds);
    if (address && address.points > policy.maxFailuresPerIp) waits.push(address.resetSeconds);
    if (waits.length > 0) {
      const retryAfter = Math.max(...waits);
      const minutes = Math.ceil(retryAfter / 60);
      throw new AppError(
        'too_many_attempts',
        `Too many failed sign-ins. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
        { headers: { 'retry-after': String(retryAfter) } },
      );
    }
    return { email, ip, accountPoints: account?.points ?? 1 };
  }

  /**
   * The password was right but a two-factor code is still to come: the address gets this attempt's
   * point back (only failures count there, or everyone behind one office address would be locked
   * out by thirty two-factor sign-ins); the account's points stay until a code is right.
   */
  async passwordRight(attempt: LoginAttempt): Promise<void> {
    await this.store.refund(addressKey(attempt.ip), 1);
  }

  /**
   * The secret was right. With the attempt: the account's attempts counted up to this one are taken
   * back (attempts counted after it, in parallel, still count) and the address's point for this one.
   * Without it: the account's count starts again.
   */
  async succeeded(email: string, attempt?: LoginAttempt): Promise<void> {
    if (!attempt) return this.store.delete(accountKey(email));
    await this.store.refund(accountKey(attempt.email), attempt.accountPoints);
    await this.store.refund(addressKey(attempt.ip), 1);
  }
}
