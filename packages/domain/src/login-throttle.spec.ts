import { describe, expect, it } from '@jest/globals';
import { evaluateLoginThrottle, type LoginThrottlePolicy } from './login-throttle.js';

const policy: LoginThrottlePolicy = { maxFailuresPerAccount: 5, maxFailuresPerIp: 30, windowSeconds: 900 };
const now = new Date('2026-11-25T12:00:00Z');
const ago = (s: number) => new Date(now.getTime() - s * 1000);
const none = { count: 0, oldest: null };

describe('evaluateLoginThrottle', () => {
  it.each([
    ['no failures: allowed', none, none, true, undefined],
    ['4 account failures: still allowed', { count: 4, oldest: ago(60) }, none, true, undefined],
    [
      '5 account failures: refused until the oldest leaves the window',
      { count: 5, oldest: ago(300) },
      none,
      false,
      600,
    ],
    ['29 failures from one IP: allowed', none, { count: 29, oldest: ago(10) }, true, undefined],
    ['30 failures from one IP: refused', none, { count: 30, oldest: ago(890) }, false, 10],
    [
      'both limits hit: the longer wait wins',
      { count: 5, oldest: ago(800) },
      { count: 40, oldest: ago(100) },
      false,
      800,
    ],
    [
      'a window that is just closing still asks for at least one second',
      { count: 5, oldest: ago(900) },
      none,
      false,
      1,
    ],
  ] as const)('%s', (_name, account, ip, allowed, wait) => {
    const verdict = evaluateLoginThrottle({ account, ip, now, policy });
    expect(verdict.allowed).toBe(allowed);
    if (!verdict.allowed) expect(verdict.retryAfterSeconds).toBe(wait);
  });
});
