import { beforeEach, describe, expect, it } from '@jest/globals';
import { DEFAULT_LOGIN_THROTTLE } from '@scorecard/domain';
import { PASSWORD, signup, uniqueEmail } from '../support/factories.js';
import { LoginLimiter } from '../../src/modules/rate-limits/login-limiter.js';
import { useTestApp } from '../support/test-app.js';

const t = useTestApp();

/** Sends every sign-in at once and tallies the answers by status. */
async function inParallel(bodies: { email: string; password: string }[]): Promise<Record<number, number>> {
  const answers = await Promise.all(bodies.map((b) => t.http().post('/api/v1/auth/login').send(b)));
  const tally: Record<number, number> = {};
  for (const a of answers) tally[a.status] = (tally[a.status] ?? 0) + 1;
  return tally;
}

describe('the sign-in limit under concurrency', () => {
  beforeEach(async () => {
    await t.db.query(`delete from rate_limits where key like 'login:%'`);
  });

  it('50 wrong passwords sent at once for one account: exactly the documented 5 are checked, the other 45 answer 429', async () => {
    const s = await signup(t);
    const tally = await inParallel(
      Array.from({ length: 50 }, (_, i) => ({ email: s.user.email, password: `wrong-password-${i}` })),
    );
    expect(tally).toEqual({ 401: DEFAULT_LOGIN_THROTTLE.maxFailuresPerAccount, 429: 45 });
  });

  it('49 wrong passwords and the right one at once: no more than 5 guesses are answered other than 429', async () => {
    const s = await signup(t);
    const bodies = Array.from({ length: 50 }, (_, i) => ({
      email: s.user.email,
      password: i === 7 ? PASSWORD : `wrong-password-${i}`,
    }));
    const tally = await inParallel(bodies);
    expect(tally[401] ?? 0).toBeLessThanOrEqual(DEFAULT_LOGIN_THROTTLE.maxFailuresPerAccount);
    expect((tally[401] ?? 0) + (tally[200] ?? 0)).toBeLessThanOrEqual(DEFAULT_LOGIN_THROTTLE.maxFailuresPerAccount + 1);
    expect(tally[429]).toBeGreaterThanOrEqual(50 - DEFAULT_LOGIN_THROTTLE.maxFailuresPerAccount - 1);
  });

  it('50 sign-ins at once from one address for 50 different emails: exactly the documented 30 are checked', async () => {
    const tally = await inParallel(
      Array.from({ length: 50 }, () => ({ email: uniqueEmail('spray'), password: 'guess-password-1' })),
    );
    expect(tally).toEqual({ 401: DEFAULT_LOGIN_THROTTLE.maxFailuresPerIp, 429: 20 });
  });

  it('the refusal says when to come back: Retry-After within the 15-minute window', async () => {
    const s = await signup(t);
    await inParallel(Array.from({ length: 6 }, (_, i) => ({ email: s.user.email, password: `wrong-password-${i}` })));
    const res = await t.http().post('/api/v1/auth/login').send({ email: s.user.email, password: PASSWORD }).expect(429);
    expect(res.body.code).toBe('too_many_attempts');
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(res.headers['retry-after'])).toBeLessThanOrEqual(DEFAULT_LOGIN_THROTTLE.windowSeconds);
  });

  it('a right password that still needs a two-factor code costs its address nothing: one office address is never locked out', async () => {
    const limiter = t.app.get(LoginLimiter);
    const ip = '198.51.100.30';
    // More two-factor sign-ins from one address than the address limit, each with a right password.
    for (let i = 0; i <= DEFAULT_LOGIN_THROTTLE.maxFailuresPerIp + 5; i++) {
      await limiter.passwordRight(await limiter.attempt(uniqueEmail('office'), ip));
    }
    // Wrong passwords from there still count, up to the limit.
    for (let i = 0; i < DEFAULT_LOGIN_THROTTLE.maxFailuresPerIp; i++) await limiter.attempt(uniqueEmail('guess'), ip);
    await expect(limiter.attempt(uniqueEmail('guess'), ip)).rejects.toMatchObject({ code: 'too_many_attempts' });
  });
});
