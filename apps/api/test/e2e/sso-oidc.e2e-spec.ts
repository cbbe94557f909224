import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type AuthSession, SESSION_COOKIE, type SsoConnection } from '@scorecard/contracts';
import { apiOf, type BodyOf } from '../support/api-client.js';
import { addMember, count, PASSWORD, signup } from '../support/factories.js';
import { IDP_CLIENT_ID, IDP_CLIENT_SECRET, type IdpAccount, TestIdp } from '../support/oidc-provider.js';
import { useMailedApp } from '../support/mail.js';
import { linkIn } from '../support/smtp.js';

const PUBLIC_URL = 'http://scorecard.test';
const REDIRECT_URI = `${PUBLIC_URL}/api/v1/auth/oidc/callback`;
const [t, smtp] = useMailedApp({ PUBLIC_URL, SECRETS_KEY: `test-secrets-key-${randomUUID()}` });
const api = apiOf(t);
let idp: TestIdp;

beforeAll(async () => {
  idp = await TestIdp.start(REDIRECT_URI);
});
afterAll(async () => {
  await idp.close();
});

/** An organization with an enabled OIDC connection to the test provider for its own email domain. */
async function ssoOrganization(over: Partial<BodyOf<'updateSsoConnection'>> = {}) {
  const admin = await signup(t);
  const domain = `corp-${randomUUID().slice(0, 8)}.test`;
  const connection = await api.as(admin).call('updateSsoConnection', { body: { ...oidcSettings(domain), ...over } });
  const emailOf = (who: string) => `${who}-${randomUUID().slice(0, 6)}@${domain}`;
  return { admin, domain, connection, emailOf, slug: connection.organizationSlug };
}

function oidcSettings(domain: string): BodyOf<'updateSsoConnection'> {
  return {
    protocol: 'oidc',
    enabled: true,
    oidcIssuer: idp.issuer,
    oidcClientId: IDP_CLIENT_ID,
    oidcClientSecret: IDP_CLIENT_SECRET,
    allowedDomains: [domain],
    defaultRole: 'recruiter',
    requireSso: false,
    breakGlassUserId: null,
  };
}

function cookieNamed(res: { headers: Record<string, unknown> }, name: string): string | null {
  const raw = (res.headers['set-cookie'] as string[] | undefined) ?? [];
  return raw.find((c) => c.startsWith(`${name}=`)) ?? null;
}

/** Starts at Scorecard, signs `account` in at the provider, and comes back to the callback like a browser. */
async function ssoSignIn(
  start: BodyOf<'startSso'>,
  account: IdpAccount,
  tamper: (callback: URL) => void = () => undefined,
) {
  const started = await t.http().post('/api/v1/auth/sso/start').send(start).expect(200);
  const stateCookie = cookieNamed(started, 'scorecard_oidc');
  expect(stateCookie).toContain('HttpOnly');
  expect(stateCookie).toContain('SameSite=Lax');
  const authorize = new URL(started.body.redirectUrl as string);
  const callback = await idp.signIn(authorize.href, account);
  expect(callback.href.startsWith(REDIRECT_URI)).toBe(true);
  tamper(callback);
  const res = await t
    .http()
    .get(`${callback.pathname}${callback.search}`)
    .set('cookie', stateCookie!.split(';')[0]!)
    .expect(302);
  const session = cookieNamed(res, SESSION_COOKIE);
  return { authorize, location: res.headers.location as string, session: session?.split(';')[0] ?? null };
}

describe('OpenID Connect sign-in against a real provider', () => {
  it('sends the browser to the provider with the code flow, PKCE S256, state and nonce', async () => {
    const org = await ssoOrganization();
    const res = await t
      .http()
      .post('/api/v1/auth/sso/start')
      .send({ email: org.emailOf('ann') })
      .expect(200);
    const url = new URL(res.body.redirectUrl as string);
    expect(url.origin).toBe(idp.issuer);
    expect(Object.fromEntries(url.searchParams)).toEqual(
      expect.objectContaining({
        client_id: IDP_CLIENT_ID,
        redirect_uri: REDIRECT_URI,
        response_type: 'code',
        scope: 'openid email profile',
        code_challenge_method: 'S256',
        state: expect.any(String),
        nonce: expect.any(String),
        code_challenge: expect.any(String),
      }),
    );
    // The pending sign-in is sealed: neither the state nor the verifier can be read from the cookie.
    const cookie = cookieNamed(res, 'scorecard_oidc')!;
    expect(cookie).not.toContain(url.searchParams.get('state')!);
    expect(cookie).toContain('Path=/api/v1/auth/oidc');
  });

  it('creates the account just in time with the default role, signs it in, and finds the same account next time', async () => {
    const org = await ssoOrganization();
    const email = org.emailOf('jit');
    const before = await count(t, 'users');
    const first = await ssoSignIn({ email, returnTo: '/openings' }, { email: email.toUpperCase(), name: 'Jit Person' });
    expect(first.location).toBe('/openings');
    expect(first.session).not.toBeNull();
    const me = await t.http().get('/api/v1/me').set('cookie', first.session!).expect(200);
    expect(me.body.user).toEqual(expect.objectContaining({ email, name: 'Jit Person', role: 'recruiter' }));
    expect(me.body.organization.id).toBe(org.admin.organization.id);
    expect(await count(t, 'users')).toBe(before + 1);
    const [row] = await t.db.query(`select password_hash from users where id = $1`, [me.body.user.id]);
    expect(row.password_hash).toBeNull();

    const second = await ssoSignIn({ organization: org.slug }, { email, name: 'Jit Person' });
    expect(second.location).toBe('/');
    const again = await t.http().get('/api/v1/me').set('cookie', second.session!).expect(200);
    expect(again.body.user.id).toBe(me.body.user.id);
    expect(await count(t, 'users')).toBe(before + 1);
    const events = await t.db.query(
      `select count(*)::int as n from audit_events where actor_user_id = $1 and action = 'oidcCallback'`,
      [me.body.user.id],
    );
    expect(events[0].n).toBe(2);
  });

  it('signs in an existing member with their role, whatever the default role', async () => {
    const org = await ssoOrganization();
    const email = org.emailOf('hm');
    await api
      .as(org.admin)
      .call('createUser', { body: { name: 'Hal Manager', email, role: 'hiring_manager', password: PASSWORD } });
    const { session } = await ssoSignIn({ email }, { email });
    const me = await t.http().get('/api/v1/me').set('cookie', session!).expect(200);
    expect(me.body.user).toEqual(expect.objectContaining({ email, role: 'hiring_manager', name: 'Hal Manager' }));
  });

  /** The log line of the last refused sign-in: the reason, so each test proves it failed for its own. */
  function lastRefusal(): string {
    return t.logs.filter((l) => l.includes('sign-in refused')).at(-1) ?? '(no refusal logged)';
  }

  async function expectRefused(
    run: (
      org: Awaited<ReturnType<typeof ssoOrganization>>,
      email: string,
    ) => Promise<{ location: string; session: string | null }>,
    error: string,
  ) {
    const org = await ssoOrganization();
    const email = org.emailOf('eve');
    const users = await count(t, 'users');
    const sessions = await count(t, 'sessions');
    const { location, session } = await run(org, email);
    expect(location).toBe(`/sso?error=${error}`);
    expect(session).toBeNull();
    expect(await count(t, 'users')).toBe(users);
    expect(await count(t, 'sessions')).toBe(sessions);
  }

  it('refuses an ID token issued to another client (wrong audience)', async () => {
    idp.misbehave('other-audience');
    try {
      await expectRefused((_, email) => ssoSignIn({ email }, { email }), 'sso_failed');
    } finally {
      idp.reset();
    }
    expect(lastRefusal()).toMatch(/claim aud/);
  });

  it('refuses an expired ID token (a provider whose clock is two hours behind)', async () => {
    idp.misbehave('expired');
    try {
      await expectRefused((_, email) => ssoSignIn({ email }, { email }), 'sso_failed');
    } finally {
      idp.reset();
    }
    expect(lastRefusal()).toMatch(/claim exp/);
  });

  it('refuses an ID token signed with a key the provider’s JWKS does not publish (bad signature)', async () => {
    idp.misbehave('foreign-key');
    try {
      await expectRefused((_, email) => ssoSignIn({ email }, { email }), 'sso_failed');
    } finally {
      idp.reset();
    }
    expect(lastRefusal()).toMatch(/key|signature/i);
  });

  it('refuses an email outside the allowed domains', async () => {
    await expectRefused(
      (org, _) => ssoSignIn({ organization: org.slug }, { email: `eve-${randomUUID().slice(0, 6)}@elsewhere.test` }),
      'domain_not_allowed',
    );
  });

  it('refuses an email the provider says is not verified', async () => {
    await expectRefused((_, email) => ssoSignIn({ email }, { email, emailVerified: false }), 'sso_failed');
  });

  it('refuses a callback whose state does not match the pending sign-in, and one without the pending-sign-in cookie', async () => {
    await expectRefused(
      (_, email) => ssoSignIn({ email }, { email }, (cb) => cb.searchParams.set('state', 'forged-state')),
      'sso_failed',
    );
    const res = await t.http().get('/api/v1/auth/oidc/callback?code=abc&state=xyz').expect(302);
    expect(res.headers.location).toBe('/sso?error=expired');
    expect(cookieNamed(res, SESSION_COOKIE)).toBeNull();
  });

  it('keeps a deactivated member out, whatever the provider says', async () => {
    const org = await ssoOrganization();
    const email = org.emailOf('gone');
    const user = await api
      .as(org.admin)
      .call('createUser', { body: { name: 'Gone Soon', email, role: 'interviewer', password: PASSWORD } });
    await api.as(org.admin).call('updateUser', { params: { id: user.id }, body: { active: false } });
    const sessions = await count(t, 'sessions');
    const { location, session } = await ssoSignIn({ email }, { email });
    expect(location).toBe('/sso?error=account_deactivated');
    expect(session).toBeNull();
    expect(await count(t, 'sessions')).toBe(sessions);
  });

  it('does not start at a disabled connection, an unknown domain or slug (404 sso_not_configured), and refuses a callback once the connection is off', async () => {
    const org = await ssoOrganization({ enabled: false, requireSso: false });
    for (const body of [
      { email: org.emailOf('x') },
      { organization: org.slug },
      { email: 'a@nowhere-sso.test' },
      { organization: 'no-such-org-here' },
    ]) {
      const res = await t.http().post('/api/v1/auth/sso/start').send(body).expect(404);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body.code).toBe('sso_not_configured');
    }
    const on = await ssoOrganization();
    const email = on.emailOf('late');
    await expectRefused(async () => {
      const started = await t.http().post('/api/v1/auth/sso/start').send({ email }).expect(200);
      const callback = await idp.signIn(started.body.redirectUrl as string, { email });
      await api.as(on.admin).call('updateSsoConnection', { body: { ...oidcSettings(on.domain), enabled: false } });
      const res = await t
        .http()
        .get(`${callback.pathname}${callback.search}`)
        .set('cookie', cookieNamed(started, 'scorecard_oidc')!.split(';')[0]!)
        .expect(302);
      return { location: res.headers.location as string, session: cookieNamed(res, SESSION_COOKIE) };
    }, 'sso_not_configured');
  });

  it('validates the start request', async () => {
    const neither = await t.http().post('/api/v1/auth/sso/start').send({}).expect(400);
    expect(neither.body.errors[0].message).toMatch(/work email or your organization/);
    await t.http().post('/api/v1/auth/sso/start').send({ email: 'a@b.test', returnTo: '//evil.test/x' }).expect(400);
    await t
      .http()
      .post('/api/v1/auth/sso/start')
      .send({ email: 'a@b.test', returnTo: 'https://evil.test' })
      .expect(400);
  });
});

describe('require SSO', () => {
  it('refuses password sign-in with 403 sso_required for everyone but the break-glass admin', async () => {
    const org = await ssoOrganization();
    const member = await addMember(t, org.admin, 'interviewer');
    await api.as(org.admin).call('updateSsoConnection', {
      body: { ...oidcSettings(org.domain), requireSso: true, breakGlassUserId: org.admin.user.id },
    });
    const refused = await t
      .http()
      .post('/api/v1/auth/login')
      .send({ email: member.user.email, password: PASSWORD })
      .expect(403);
    expect(refused.body.code).toBe('sso_required');
    expect(cookieNamed(refused, SESSION_COOKIE)).toBeNull();
    const admin = await t
      .http()
      .post('/api/v1/auth/login')
      .send({ email: org.admin.user.email, password: PASSWORD })
      .expect(200);
    expect((admin.body as AuthSession).user.id).toBe(org.admin.user.id);
    // SSO still signs the member in.
    const other = org.emailOf('sso-only');
    expect((await ssoSignIn({ email: other }, { email: other })).session).not.toBeNull();
  });

  it('refuses a password chosen through an invitation or reset link (it would sign in), except for the break-glass admin', async () => {
    const org = await ssoOrganization();
    await api.as(org.admin).call('updateSsoConnection', {
      body: { ...oidcSettings(org.domain), requireSso: true, breakGlassUserId: org.admin.user.id },
    });
    const invitee = org.emailOf('invitee');
    await api.as(org.admin).call('createUser', { body: { name: 'Ivy Invitee', email: invitee, role: 'interviewer' } });
    const invitation = await smtp.waitFor(invitee, (m) => m.text.includes('/accept-invitation?token='));
    const token = new URL(linkIn(invitation.text, `${PUBLIC_URL}/accept-invitation?token=`)).searchParams.get('token')!;
    const refused = await api.anonymous
      .raw('acceptInvitation', { body: { token, password: 'a-new-passphrase-here' } })
      .expect(403);
    expect(refused.body.code).toBe('sso_required');
    const [row] = await t.db.query(`select password_hash from users where email = $1`, [invitee]);
    expect(row.password_hash).toBeNull();

    await api.anonymous.raw('requestPasswordReset', { body: { email: org.admin.user.email } }).expect(202);
    const reset = await smtp.waitFor(org.admin.user.email, (m) => m.subject === 'Reset your Scorecard password');
    const resetToken = new URL(linkIn(reset.text, `${PUBLIC_URL}/reset-password?token=`)).searchParams.get('token')!;
    await api.anonymous
      .raw('confirmPasswordReset', { body: { token: resetToken, password: 'a-new-passphrase-here' } })
      .expect(200);
  });

  it('cannot be turned on without an enabled connection and an active admin as break-glass', async () => {
    const org = await ssoOrganization();
    const recruiter = await addMember(t, org.admin, 'recruiter');
    const stranger = await signup(t);
    const cases: [Partial<BodyOf<'updateSsoConnection'>>, string][] = [
      [{ requireSso: true, breakGlassUserId: null }, 'breakGlassUserId'],
      [{ requireSso: true, enabled: false, breakGlassUserId: org.admin.user.id }, 'requireSso'],
      [{ requireSso: true, breakGlassUserId: recruiter.user.id }, 'breakGlassUserId'],
      [{ requireSso: true, breakGlassUserId: stranger.user.id }, 'breakGlassUserId'],
    ];
    for (const [over, path] of cases) {
      const res = await api
        .as(org.admin)
        .raw('updateSsoConnection', { body: { ...oidcSettings(org.domain), ...over } })
        .expect(400);
      expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    const [row] = await t.db.query(`select require_sso from organizations where id = $1`, [org.admin.organization.id]);
    expect(row.require_sso).toBe(false);
  });
});

describe('connection settings', () => {
  it('answers an unconfigured connection with the addresses the provider needs', async () => {
    const admin = await signup(t);
    const c = await api.as(admin).call('getSsoConnection');
    expect(c).toEqual(
      expect.objectContaining({
        configured: false,
        enabled: false,
        clientSecretSet: false,
        oidcRedirectUri: REDIRECT_URI,
        samlAcsUrl: `${PUBLIC_URL}/api/v1/auth/saml/${c.organizationSlug}/acs`,
        samlMetadataUrl: `${PUBLIC_URL}/api/v1/auth/saml/${c.organizationSlug}/metadata`,
      }),
    );
  });

  it('never returns the client secret, stores it sealed, and keeps it when a save leaves it out', async () => {
    const org = await ssoOrganization();
    const all = JSON.stringify(org.connection);
    expect(all).not.toContain(IDP_CLIENT_SECRET);
    expect(org.connection.clientSecretSet).toBe(true);
    const [row] = await t.db.query(`select oidc_client_secret from sso_connections where organization_id = $1`, [
      org.admin.organization.id,
    ]);
    expect(row.oidc_client_secret).toMatch(/^v1\./);
    expect(row.oidc_client_secret).not.toContain(IDP_CLIENT_SECRET);
    const { oidcClientSecret: _, ...withoutSecret } = oidcSettings(org.domain);
    const kept = await api
      .as(org.admin)
      .call('updateSsoConnection', { body: { ...withoutSecret, defaultRole: 'interviewer' } });
    expect(kept.clientSecretSet).toBe(true);
    const [after] = await t.db.query(`select oidc_client_secret from sso_connections where organization_id = $1`, [
      org.admin.organization.id,
    ]);
    expect(after.oidc_client_secret).toBe(row.oidc_client_secret);
    // And sign-in still works with the kept secret.
    const email = org.emailOf('kept');
    expect((await ssoSignIn({ email }, { email })).session).not.toBeNull();
    const texts = [t.logs.join(''), JSON.stringify(await t.db.query(`select * from audit_events`))];
    for (const text of texts) expect(text).not.toContain(IDP_CLIENT_SECRET);
  });

  it('is for admins only, and another organization sees only its own', async () => {
    const org = await ssoOrganization();
    for (const role of ['recruiter', 'hiring_manager', 'interviewer'] as const) {
      const m = await addMember(t, org.admin, role);
      await api.as(m).raw('getSsoConnection').expect(403);
      await api
        .as(m)
        .raw('updateSsoConnection', { body: oidcSettings('taken.test') })
        .expect(403);
    }
    await api.anonymous.raw('getSsoConnection').expect(401);
    const stranger = await signup(t);
    const theirs = await api.as(stranger).call('getSsoConnection');
    expect(theirs.configured).toBe(false);
    expect(theirs.oidcIssuer).toBeNull();
    const mine = await api.as(org.admin).call('getSsoConnection');
    expect(mine.allowedDomains).toEqual([org.domain]);
  });

  it('validates with clear messages and changes nothing when it refuses', async () => {
    const org = await ssoOrganization();
    const before = (await api.as(org.admin).call('getSsoConnection')) as SsoConnection;
    const bad: [unknown, string, RegExp][] = [
      [{ allowedDomains: ['@corp.test'] }, 'allowedDomains.0', /domain such as example.com/],
      [{ oidcIssuer: 'not a url' }, 'oidcIssuer', /http\(s\) address/],
      [{ oidcIssuer: null }, 'oidcIssuer', /issuer URL/],
      [{ allowedDomains: [] }, 'allowedDomains', /at least one email domain/],
      [{ protocol: 'saml' }, 'samlEntryPoint', /sign-in URL/],
      [{ defaultRole: 'owner' }, 'defaultRole', /./],
      [{ extra: 1 }, 'extra', /./],
    ];
    for (const [over, path, message] of bad) {
      const res = await api
        .as(org.admin)
        .raw('updateSsoConnection', { body: { ...oidcSettings(org.domain), ...(over as object) } })
        .expect(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      const errors = res.body.errors as { path: string; message: string }[];
      expect({ path, message: errors.find((e) => e.path === path)?.message ?? JSON.stringify(errors) }).toEqual({
        path,
        message: expect.stringMatching(message),
      });
    }
    const fresh = await signup(t);
    const { oidcClientSecret: _, ...noSecret } = oidcSettings('fresh.test');
    const res = await api.as(fresh).raw('updateSsoConnection', { body: noSecret }).expect(400);
    expect(res.body.errors[0].path).toBe('oidcClientSecret');
    expect(await api.as(org.admin).call('getSsoConnection')).toEqual(before);
  });
});
