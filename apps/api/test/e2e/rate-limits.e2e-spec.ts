import { randomUUID } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import type { AuthSession } from '@scorecard/contracts';
import { bearer, count, PASSWORD, uniqueEmail } from '../support/factories.js';
import { startTestApp, useTestApp } from '../support/test-app.js';

/**
 * The general request limits (OWASP API4) with small limits: per signed-in user, per client
 * address (X-Forwarded-For, TRUST_PROXY), and per hour for sign-ups and password-reset requests.
 * Each test speaks from its own addresses, so the counts of one test never reach another.
 */
const ENV = {
  TRUST_PROXY: 'true',
  RATE_LIMIT_USER_PER_MINUTE: '5',
  RATE_LIMIT_ADDRESS_PER_MINUTE: '8',
  SIGNUP_LIMIT_PER_HOUR: '2',
};
const t = useTestApp(ENV);

let lastOctet = 0;
/** A client address no other request of this file used. */
function freshAddress(): string {
  lastOctet += 1;
  return `10.${(process.pid >> 8) & 255}.${Math.floor(lastOctet / 250)}.${(lastOctet % 250) + 1}`;
}

function signupFrom(address: string, email = uniqueEmail('limits')) {
  return t
    .http()
    .post('/api/v1/auth/signup')
    .set('x-forwarded-for', address)
    .send({ organizationName: `Org ${randomUUID().slice(0, 6)}`, name: 'Ada Admin', email, password: PASSWORD });
}

async function signedUp(): Promise<AuthSession> {
  const res = await signupFrom(freshAddress()).expect(201);
  return res.body as AuthSession;
}

function expectRateLimited(res: { status: number; headers: Record<string, string>; body: Record<string, unknown> }) {
  expect(res.status).toBe(429);
  expect(res.headers['content-type']).toContain('application/problem+json');
  expect(res.body.code).toBe('rate_limited');
  const retryAfter = Number(res.headers['retry-after']);
  expect(Number.isInteger(retryAfter)).toBe(true);
  expect(retryAfter).toBeGreaterThan(0);
}

describe('per signed-in user', () => {
  it('every answer states the policies and what is left of them, in the draft RFC structured-field form', async () => {
    const s = await signedUp();
    const address = freshAddress();
    const first = await t.http().get('/api/v1/me').set(bearer(s.token)).set('x-forwarded-for', address).expect(200);
    expect(first.headers['ratelimit-policy']).toBe('"user";q=5;w=60, "address";q=8;w=60');
    expect(first.headers['ratelimit']).toMatch(/^"user";r=4;t=\d+, "address";r=7;t=\d+$/);
    const second = await t.http().get('/api/v1/me').set(bearer(s.token)).set('x-forwarded-for', address).expect(200);
    expect(second.headers['ratelimit']).toMatch(/^"user";r=3;t=\d+, "address";r=6;t=\d+$/);
  });

  it('over the user limit, from any address: 429 rate_limited with Retry-After, and the handler does not run', async () => {
    const s = await signedUp();
    for (let i = 0; i < 5; i++) {
      await t.http().get('/api/v1/me').set(bearer(s.token)).set('x-forwarded-for', freshAddress()).expect(200);
    }
    const before = await count(t, 'candidates');
    const res = await t
      .http()
      .post('/api/v1/candidates')
      .set(bearer(s.token))
      .set('x-forwarded-for', freshAddress())
      .send({ name: 'Noor Haddad', email: uniqueEmail('candidate'), source: 'referral' });
    expectRateLimited(res);
    expect(Number(res.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(res.headers['ratelimit']).toMatch(/^"user";r=0;t=\d+, "address";r=7;t=\d+$/);
    expect(await count(t, 'candidates')).toBe(before);
  });

  it('another user is not slowed down by one who is over the limit', async () => {
    const [a, b] = [await signedUp(), await signedUp()];
    for (let i = 0; i < 6; i++)
      await t.http().get('/api/v1/me').set(bearer(a.token)).set('x-forwarded-for', freshAddress());
    await t.http().get('/api/v1/me').set(bearer(a.token)).set('x-forwarded-for', freshAddress()).expect(429);
    await t.http().get('/api/v1/me').set(bearer(b.token)).set('x-forwarded-for', freshAddress()).expect(200);
  });
});

describe('per client address', () => {
  it('anonymous requests from one address are refused after the address limit, other addresses are not', async () => {
    const address = freshAddress();
    for (let i = 0; i < 8; i++) {
      const res = await t
        .http()
        .post('/api/v1/auth/invitations/inspect')
        .set('x-forwarded-for', address)
        .send({ token: 'x' });
      expect(res.status).not.toBe(429);
      expect(res.headers['ratelimit-policy']).toBe('"address";q=8;w=60');
    }
    expectRateLimited(
      await t.http().post('/api/v1/auth/invitations/inspect').set('x-forwarded-for', address).send({ token: 'x' }),
    );
    const elsewhere = await t
      .http()
      .post('/api/v1/auth/invitations/inspect')
      .set('x-forwarded-for', freshAddress())
      .send({ token: 'x' });
    expect(elsewhere.status).not.toBe(429);
  });

  it('health and readiness are never limited and carry no limit headers', async () => {
    const address = freshAddress();
    for (let i = 0; i < 12; i++) {
      const res = await t
        .http()
        .get(i % 2 ? '/api/health' : '/api/ready')
        .set('x-forwarded-for', address)
        .expect(200);
      expect(res.headers['ratelimit']).toBeUndefined();
    }
  });

  it('two instances on one database share one count', async () => {
    const second = await startTestApp(ENV, { sameDatabaseAs: t });
    try {
      const address = freshAddress();
      const apps = [t, second];
      for (let i = 0; i < 8; i++) {
        const res = await apps[i % 2]!.http()
          .post('/api/v1/auth/invitations/inspect')
          .set('x-forwarded-for', address)
          .send({ token: 'x' });
        expect(res.status).not.toBe(429);
      }
      for (const app of apps) {
        expectRateLimited(
          await app
            .http()
            .post('/api/v1/auth/invitations/inspect')
            .set('x-forwarded-for', address)
            .send({ token: 'x' }),
        );
      }
    } finally {
      await second.close();
    }
  });
});

describe('counted in leases (a limit of 100 an address: leases of 5 points)', () => {
  const LEASED = { ...ENV, RATE_LIMIT_ADDRESS_PER_MINUTE: '100' };
  const inspect = (app: { http: typeof t.http }, address: string) =>
    app.http().post('/api/v1/auth/invitations/inspect').set('x-forwarded-for', address).send({ token: 'x' });
  const sharedPoints = async (address: string) => {
    const [row] = (await t.db.query(`select points from rate_limits where key = $1`, [`address:${address}`])) as {
      points: number;
    }[];
    return row?.points ?? 0;
  };

  it('the shared counter moves by whole leases while the headers still count every request', async () => {
    const app = await startTestApp(LEASED, { sameDatabaseAs: t });
    try {
      const address = freshAddress();
      for (let i = 1; i <= 20; i++) {
        const res = await inspect(app, address);
        expect(res.headers['ratelimit']).toMatch(new RegExp(`^"address";r=${100 - i};t=\\d+$`));
      }
      // Twenty requests took four leases of five: four statements instead of twenty.
      expect(await sharedPoints(address)).toBe(20);
      await inspect(app, address);
      expect(await sharedPoints(address)).toBe(25);
    } finally {
      await app.close();
    }
  });

  it('requests arriving together while a lease is being taken share it: a burst of 40 takes 8 leases and none is refused', async () => {
    const app = await startTestApp(LEASED, { sameDatabaseAs: t });
    try {
      const address = freshAddress();
      // All sent before the first lease is back: each taking its own lease would count 40 x 5 = 200
      // points against a quota of 100 and refuse the later half.
      const answers = await Promise.all(Array.from({ length: 40 }, () => inspect(app, address)));
      expect(answers.filter((r) => r.status === 429)).toHaveLength(0);
      // Every lease was used up before the next was taken: exactly one point per request.
      expect(await sharedPoints(address)).toBe(40);
    } finally {
      await app.close();
    }
  });

  it('two instances together never let more requests through than the quota, and both refuse once it is used', async () => {
    const apps = [await startTestApp(LEASED, { sameDatabaseAs: t }), await startTestApp(LEASED, { sameDatabaseAs: t })];
    try {
      const address = freshAddress();
      let through = 0;
      for (let i = 0; i < 120; i++) if ((await inspect(apps[i % 2]!, address)).status !== 429) through += 1;
      // At most the quota; at worst one unused lease per instance early.
      expect(through).toBeLessThanOrEqual(100);
      expect(through).toBeGreaterThanOrEqual(100 - 2 * 5);
      for (const app of apps) expectRateLimited(await inspect(app, address));
    } finally {
      await Promise.all(apps.map((a) => a.close()));
    }
  });
});

describe('sign-up and password-reset requests (SIGNUP_LIMIT_PER_HOUR)', () => {
  it('a third sign-up from one address in an hour answers 429 and creates nothing', async () => {
    const address = freshAddress();
    await signupFrom(address).expect(201);
    await signupFrom(address).expect(201);
    const before = await count(t, 'organizations');
    const res = await signupFrom(address);
    expectRateLimited(res);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(60);
    expect(Number(res.headers['retry-after'])).toBeLessThanOrEqual(3600);
    expect(await count(t, 'organizations')).toBe(before);
  });

  it('a third sign-up with one email in an hour answers 429, whatever the address and the case', async () => {
    const email = uniqueEmail('again');
    await signupFrom(freshAddress(), email).expect(201);
    await signupFrom(freshAddress(), email.toUpperCase()).expect(201);
    expectRateLimited(await signupFrom(freshAddress(), email));
  });

  it('a third password-reset request for one email in an hour answers 429', async () => {
    const email = uniqueEmail('reset');
    for (let i = 0; i < 2; i++) {
      await t
        .http()
        .post('/api/v1/auth/password-reset')
        .set('x-forwarded-for', freshAddress())
        .send({ email })
        .expect(202);
    }
    const res = await t
      .http()
      .post('/api/v1/auth/password-reset')
      .set('x-forwarded-for', freshAddress())
      .send({ email });
    expectRateLimited(res);
  });

  it('a third password-reset request from one address in an hour answers 429, for any email', async () => {
    const address = freshAddress();
    for (let i = 0; i < 2; i++) {
      await t
        .http()
        .post('/api/v1/auth/password-reset')
        .set('x-forwarded-for', address)
        .send({ email: uniqueEmail('reset') })
        .expect(202);
    }
    const res = await t
      .http()
      .post('/api/v1/auth/password-reset')
      .set('x-forwarded-for', address)
      .send({ email: uniqueEmail('reset') });
    expectRateLimited(res);
  });
});
