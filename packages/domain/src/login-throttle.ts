/**
 * Limits repeated failed sign-ins. Only failures count, and a successful sign-in clears the
 * account's failures, so a person who signs in normally is never slowed down.
 */
export interface LoginThrottlePolicy {
  /** Failures allowed for one account inside the window; the next attempt is refused. */
  readonly maxFailuresPerAccount: number;
  /** Failures allowed from one IP address inside the window, across all accounts. */
  readonly maxFailuresPerIp: number;
  readonly windowSeconds: number;
}

export const DEFAULT_LOGIN_THROTTLE: LoginThrottlePolicy = {
  maxFailuresPerAccount: 5,
  maxFailuresPerIp: 30,
  windowSeconds: 15 * 60,
};

/** Failures seen inside the window for one key, and when the oldest of them happened. */
export interface FailureWindow {
  readonly count: number;
  readonly oldest: Date | null;
}

export type ThrottleVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

function retryAfter(window: FailureWindow, policy: LoginThrottlePolicy, now: Date): number {
  const opensAt = (window.oldest ?? now).getTime() + policy.windowSeconds * 1000;
  return Math.max(1, Math.ceil((opensAt - now.getTime()) / 1000));
}

export function evaluateLoginThrottle(input: {
  account: FailureWindow;
  ip: FailureWindow;
  now: Date;
  policy?: LoginThrottlePolicy;
}): ThrottleVerdict {
  const policy = input.policy ?? DEFAULT_LOGIN_THROTTLE;
  const waits: number[] = [];
  if (input.account.count >= policy.maxFailuresPerAccount) waits.push(retryAfter(input.account, policy, input.now));
  if (input.ip.count >= policy.maxFailuresPerIp) waits.push(retryAfter(input.ip, policy, input.now));
  return waits.length === 0 ? { allowed: true } : { allowed: false, retryAfterSeconds: Math.max(...waits) };
}
