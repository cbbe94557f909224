import { beforeAll, describe, expect, it } from '@jest/globals';
import { type AuthSession, SESSION_COOKIE } from '@scorecard/contracts';
import * as samlify from 'samlify';
import { SamlService } from '../../src/modules/sso/saml.service.js';
import { apiOf, pathOf } from '../support/api-client.js';
import { count, signup, uniqueEmail } from '../support/factories.js';
import { givenSamlConnection, type SamlAnswer, type SamlIdp, startSamlIdp } from '../support/saml-idp.js';
import { useTestApp } from '../support/test-app.js';

const PUBLIC_URL = 'https://scorecard.test';
const t = useTestApp({ PUBLIC_URL });

interface Org {
  admin: AuthSession;
  slug: string;
  metadata: string;
}

let idp: SamlIdp;
beforeAll(async () => {
  idp = await startSamlIdp();
});

/** An organization with a SAML connection to `idp` (or another IdP), and its SP metadata as the API publishes it. */
async function samlOrganization(
  options: Parameters<typeof givenSamlConnection>[3] & { with?: SamlIdp } = {},
): Promise<Org> {
  const admin = await signup(t);
  const { slug } = await givenSamlConnection(t, admin.organization.id, options.with ?? idp, options);
  const res = await t
    .http()
    .get(pathOf('samlMetadata', { organizationSlug: slug }))
    .expect(200);
  return { admin, slug, metadata: res.text };
}

/** What the browser does with the IdP's auto-submitting form: POST the response to our ACS. */
function postToAcs(slug: string, SAMLResponse: string, RelayState?: string) {
  return t
    .http()
    .post(pathOf('samlAcs', { organizationSlug: slug }))
    .type('form')
    .send(RelayState === undefined ? { SAMLResponse } : { SAMLResponse, RelayState });
}

async function answer(org: Org, a: SamlAnswer, from: SamlIdp = idp): Promise<string> {
  return from.respond(org.metadata, a);
}

function sessionCookie(res: { headers: Record<string, unknown> }): string | undefined {
  const raw = (res.headers['set-cookie'] as string[] | undefined) ?? [];
  return raw.find((c) => c.startsWith(`${SESSION_COOKIE}=`));
}

/** The ACS refused: a 303 to the web page that explains `code`, no session, and the reason in the log. */
async function expectRefused(
  res: { status: number; headers: Record<string, unknown> },
  code: string,
  reason: RegExp,
  SAMLResponse: string,
): Promise<void> {
  expect(res.status).toBe(303);
  expect(res.headers.location).toBe(`${PUBLIC_URL}/sso?error=${code}`);
  expect(sessionCookie(res)).toBeUndefined();
  const logged = t.logs.filter((l) => l.includes('SAML sign-in refused'));
  expect(logged.at(-1)).toMatch(reason);
  // Never the assertion itself, encoded or not.
  const xml = Buffer.from(SAMLResponse, 'base64').toString('utf8');
  const assertionId = /<saml:Assertion[^>]*\sID="([^"]+)"/.exec(xml)?.[1] ?? 'no-assertion-id';
  expect(t.logs.join('\n')).not.toContain(SAMLResponse.slice(0, 200));
  expect(t.logs.join('\n')).not.toContain(assertionId);
}

async function usersWithEmail(organizationId: string, email: string) {
  return (await t.db.query(
    `select id, name, role, password_hash from users where organization_id = $1 and email = $2`,
    [organizationId, email],
  )) as { id: string; name: string; role: string; password_hash: string | null }[];
}

describe('SAML service provider metadata', () => {
  it('publishes the entity id (the metadata URL), the HTTP-POST ACS, signed assertions wanted and the email NameID format, readable by a real IdP', async () => {
    const org = await samlOrganization();
    const res = await t
      .http()
      .get(pathOf('samlMetadata', { organizationSlug: org.slug }))
      .expect(200);
    expect(res.headers['content-type']).toMatch(/^application\/samlmetadata\+xml/);
    const entityId = `${PUBLIC_URL}/api/v1/auth/saml/${org.slug}/metadata`;
    const acs = `${PUBLIC_URL}/api/v1/auth/saml/${org.slug}/acs`;
    expect(res.text).toContain(`entityID="${entityId}"`);
    expect(res.text).toContain('WantAssertionsSigned="true"');
    expect(res.text).toMatch(
      new RegExp(
        `<AssertionConsumerService[^>]*Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST"[^>]*Location="${acs}"`,
      ),
    );
    expect(res.text).toContain('<NameIDFormat>urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress</NameIDFormat>');
    // samlify, as an IdP would, reads the same from it.
    const sp = samlify.ServiceProvider({ metadata: res.text });
    expect(sp.entityMeta.getEntityID()).toBe(entityId);
    expect(sp.entityMeta.getAssertionConsumerService('post')).toBe(acs);
    expect(sp.entityMeta.isWantAssertionsSigned()).toBe(true);
  });

  it('answers 404 problem+json for an unknown organization and for one without a SAML connection', async () => {
    const unknown = await t
      .http()
      .get(pathOf('samlMetadata', { organizationSlug: 'no-such-org-here' }))
      .expect(404);
    expect(unknown.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(unknown.body).toMatchObject({ status: 404, code: 'sso_not_configured' });

    const plain = await signup(t);
    const [row] = (await t.db.query(`select slug from organizations where id = $1`, [plain.organization.id])) as {
      slug: string;
    }[];
    const none = await t
      .http()
      .get(pathOf('samlMetadata', { organizationSlug: row!.slug }))
      .expect(404);
    expect(none.body).toMatchObject({ status: 404, code: 'sso_not_configured' });
  });
});

describe('signing in through the assertion consumer service', () => {
  it('creates the account just in time with the default role, signs in with a cookie, redirects to the RelayState; the next sign-in finds the same account', async () => {
    const org = await samlOrganization({ defaultRole: 'recruiter' });
    const email = uniqueEmail('saml');
    const first = await postToAcs(
      org.slug,
      await answer(org, { nameId: email, attributes: { givenName: 'Sam', surname: 'Lovelace' } }),
      '/openings?tab=open',
    ).expect(303);
    expect(first.headers.location).toBe(`${PUBLIC_URL}/openings?tab=open`);
    const cookie = sessionCookie(first);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');

    const me = await t.http().get('/api/v1/me').set('cookie', cookie!.split(';')[0]!).expect(200);
    expect(me.body).toMatchObject({
      user: { email, name: 'Sam Lovelace', role: 'recruiter' },
      organization: { id: org.admin.organization.id },
    });
    const [created] = await usersWithEmail(org.admin.organization.id, email);
    expect(created).toMatchObject({ role: 'recruiter', password_hash: null });

    // The sign-in is audited as the ACS, in the sign-in's own transaction.
    const events = (await t.db.query(
      `select action, entity_type from audit_events where organization_id = $1 and actor_user_id = $2`,
      [org.admin.organization.id, created!.id],
    )) as { action: string; entity_type: string }[];
    expect(events).toContainEqual({ action: 'samlAcs', entity_type: 'session' });

    // Again, with a new assertion and another name: the same account, not a second one.
    const second = await postToAcs(org.slug, await answer(org, { nameId: email.toUpperCase() })).expect(303);
    expect(second.headers.location).toBe(`${PUBLIC_URL}/`);
    expect(sessionCookie(second)).toBeDefined();
    expect(await usersWithEmail(org.admin.organization.id, email)).toHaveLength(1);
    const sessions = (await t.db.query(`select count(*)::int as n from sessions where user_id = $1`, [
      created!.id,
    ])) as {
      n: number;
    }[];
    expect(sessions[0]!.n).toBe(2);
  });

  it('takes the email from the email attribute when the NameID is not an email, and the name from displayName', async () => {
    const org = await samlOrganization();
    const email = uniqueEmail('entra');
    await postToAcs(
      org.slug,
      await answer(org, {
        nameId: 'a1b2c3d4-opaque-id',
        nameIdFormat: 'persistent',
        attributes: {
          'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress': email,
          'http://schemas.microsoft.com/identity/claims/displayname': 'Ada Entra',
        },
      }),
    ).expect(303);
    const [user] = await usersWithEmail(org.admin.organization.id, email);
    expect(user).toMatchObject({ name: 'Ada Entra', role: 'interviewer' });
  });

  it('signs in from an AuthnRequest it sent (SP-initiated): the request names our entity id and ACS, the answer carries InResponseTo', async () => {
    const org = await samlOrganization();
    const url = await t.app.get(SamlService).authorizeUrl(org.admin.organization.id, org.slug, '/interviews');
    expect(url.startsWith(`${idp.ssoUrl}?`)).toBe(true);
    expect(new URL(url).searchParams.get('RelayState')).toBe('/interviews');
    const request = await idp.readRequest(org.metadata, url);
    expect(request.issuer).toBe(`${PUBLIC_URL}/api/v1/auth/saml/${org.slug}/metadata`);
    expect(request.assertionConsumerServiceUrl).toBe(`${PUBLIC_URL}/api/v1/auth/saml/${org.slug}/acs`);

    const email = uniqueEmail('sp-initiated');
    const res = await postToAcs(
      org.slug,
      await answer(org, { nameId: email, inResponseTo: request.id }),
      '/interviews',
    ).expect(303);
    expect(res.headers.location).toBe(`${PUBLIC_URL}/interviews`);
    expect(sessionCookie(res)).toBeDefined();
  });

  it('never redirects off-site: a RelayState that is not a path of the web app goes to /', async () => {
    const org = await samlOrganization();
    for (const relay of ['https://evil.example/phish', '//evil.example/x', '/\\evil.example', 'javascript:alert(1)']) {
      const res = await postToAcs(org.slug, await answer(org, { nameId: uniqueEmail('relay') }), relay).expect(303);
      expect(res.headers.location).toBe(`${PUBLIC_URL}/`);
    }
  });
});

describe('refusing an assertion the service provider must not trust', () => {
  it('refuses an assertion for another audience', async () => {
    const org = await samlOrganization();
    const email = uniqueEmail('audience');
    const response = await answer(org, { nameId: email, audience: 'https://other-sp.example/metadata' });
    await expectRefused(await postToAcs(org.slug, response), 'sso_failed', /audience/i, response);
    expect(await usersWithEmail(org.admin.organization.id, email)).toEqual([]);
  });

  it('refuses an expired assertion (outside the one-minute clock skew)', async () => {
    const org = await samlOrganization();
    const email = uniqueEmail('expired');
    const response = await answer(org, { nameId: email, issuedAtMinutes: -10, validForMinutes: 5 });
    await expectRefused(await postToAcs(org.slug, response), 'sso_failed', /expired/i, response);
    expect(await usersWithEmail(org.admin.organization.id, email)).toEqual([]);
  });

  it('refuses an assertion not yet valid', async () => {
    const org = await samlOrganization();
    const response = await answer(org, { nameId: uniqueEmail('early'), issuedAtMinutes: 5 });
    await expectRefused(await postToAcs(org.slug, response), 'sso_failed', /not yet valid/i, response);
  });

  it('refuses an assertion signed by another key, even under the right issuer', async () => {
    const org = await samlOrganization();
    const impostor = await startSamlIdp(idp.entityId);
    const email = uniqueEmail('forged');
    const response = await answer(org, { nameId: email }, impostor);
    await expectRefused(await postToAcs(org.slug, response), 'sso_failed', /signature/i, response);
    expect(await usersWithEmail(org.admin.organization.id, email)).toEqual([]);
  });

  it('refuses a genuine assertion whose signed content was changed (the email swapped after signing)', async () => {
    const org = await samlOrganization();
    const genuine = uniqueEmail('genuine');
    const victim = uniqueEmail('victim');
    const xml = Buffer.from(await answer(org, { nameId: genuine }), 'base64').toString('utf8');
    expect(xml).toContain(`>${genuine}</saml:NameID>`);
    const tampered = Buffer.from(xml.replace(`>${genuine}<`, `>${victim}<`)).toString('base64');
    await expectRefused(await postToAcs(org.slug, tampered), 'sso_failed', /signature/i, tampered);
    expect(await usersWithEmail(org.admin.organization.id, victim)).toEqual([]);
  });

  it('refuses an unsigned assertion', async () => {
    const org = await samlOrganization();
    const xml = Buffer.from(await answer(org, { nameId: uniqueEmail('unsigned') }), 'base64').toString('utf8');
    const unsigned = Buffer.from(xml.replace(/<ds:Signature[\s\S]*?<\/ds:Signature>/, '')).toString('base64');
    await expectRefused(await postToAcs(org.slug, unsigned), 'sso_failed', /signature/i, unsigned);
  });

  it('refuses an assertion addressed to another ACS (Recipient) or response Destination', async () => {
    const org = await samlOrganization();
    const recipient = await answer(org, {
      nameId: uniqueEmail('recipient'),
      recipient: 'https://other-sp.example/acs',
    });
    await expectRefused(await postToAcs(org.slug, recipient), 'sso_failed', /Recipient/, recipient);
    const destination = await answer(org, {
      nameId: uniqueEmail('destination'),
      destination: 'https://other-sp.example/acs',
    });
    await expectRefused(await postToAcs(org.slug, destination), 'sso_failed', /Destination/, destination);
  });

  it('refuses an assertion from another issuer than the configured IdP entity id', async () => {
    const org = await samlOrganization();
    await t.db.query(
      `update sso_connections set saml_idp_issuer = 'https://another-idp.example/saml' where organization_id = $1`,
      [org.admin.organization.id],
    );
    const response = await answer(org, { nameId: uniqueEmail('issuer') });
    await expectRefused(await postToAcs(org.slug, response), 'sso_failed', /issuer/i, response);
  });

  it('refuses a replayed assertion: the same SAMLResponse posted twice signs in once', async () => {
    const org = await samlOrganization();
    const email = uniqueEmail('replay');
    const response = await answer(org, { nameId: email });
    const first = await postToAcs(org.slug, response).expect(303);
    expect(first.headers.location).toBe(`${PUBLIC_URL}/`);
    expect(sessionCookie(first)).toBeDefined();
    await expectRefused(await postToAcs(org.slug, response), 'sso_failed', /replay/i, response);

    const [user] = await usersWithEmail(org.admin.organization.id, email);
    const sessions = (await t.db.query(`select count(*)::int as n from sessions where user_id = $1`, [user!.id])) as {
      n: number;
    }[];
    expect(sessions[0]!.n).toBe(1);
    // Kept until it expires: its NotOnOrAfter (five minutes) plus the clock skew.
    const [kept] = (await t.db.query(`select expires_at from saml_assertions where organization_id = $1`, [
      org.admin.organization.id,
    ])) as { expires_at: Date }[];
    const left = new Date(kept!.expires_at).getTime() - Date.now();
    expect(left).toBeGreaterThan(5 * 60_000);
    expect(left).toBeLessThanOrEqual(6 * 60_000 + 5_000);
  });

  it('refuses every copy but one of an assertion posted many times at once', async () => {
    const org = await samlOrganization();
    const email = uniqueEmail('race');
    const response = await answer(org, { nameId: email });
    const answers = await Promise.all(Array.from({ length: 8 }, () => postToAcs(org.slug, response)));
    expect(answers.filter((r) => sessionCookie(r) !== undefined)).toHaveLength(1);
    expect(answers.filter((r) => r.headers.location === `${PUBLIC_URL}/sso?error=sso_failed`)).toHaveLength(7);
    expect(await usersWithEmail(org.admin.organization.id, email)).toHaveLength(1);
  });

  it('refuses an email outside the allowed domains, creating nobody', async () => {
    const org = await samlOrganization({ allowedDomains: ['acme.example'] });
    const users = await count(t, 'users');
    const response = await answer(org, { nameId: uniqueEmail('outsider') });
    await expectRefused(await postToAcs(org.slug, response), 'sso_failed', /accepts only @acme\.example/, response);
    expect(await count(t, 'users')).toBe(users);
    // The refusal rolled back with the sign-in: the assertion id was not spent.
    expect(
      await t.db.query(`select assertion_id from saml_assertions where organization_id = $1`, [
        org.admin.organization.id,
      ]),
    ).toEqual([]);
  });

  it('refuses a deactivated member, whatever the identity provider says', async () => {
    const org = await samlOrganization();
    const email = uniqueEmail('leaver');
    await postToAcs(org.slug, await answer(org, { nameId: email })).expect(303);
    const [user] = await usersWithEmail(org.admin.organization.id, email);
    await apiOf(t)
      .as(org.admin)
      .call('updateUser', { params: { id: user!.id }, body: { active: false } });
    const response = await answer(org, { nameId: email });
    await expectRefused(await postToAcs(org.slug, response), 'account_deactivated', /deactivated/, response);
  });

  it('answers an unknown organization, or a SAML connection turned off, with sso_not_configured', async () => {
    const org = await samlOrganization();
    const response = await answer(org, { nameId: uniqueEmail('nowhere') });
    await expectRefused(
      await postToAcs('no-such-org-here', response),
      'sso_not_configured',
      /no enabled SAML/,
      response,
    );

    await t.db.query(`update sso_connections set enabled = false where organization_id = $1`, [
      org.admin.organization.id,
    ]);
    await expectRefused(await postToAcs(org.slug, response), 'sso_not_configured', /no enabled SAML/, response);
  });

  it('answers 400 problem+json to a post without a SAMLResponse, changing nothing', async () => {
    const org = await samlOrganization();
    const sessions = await count(t, 'sessions');
    const res = await t
      .http()
      .post(pathOf('samlAcs', { organizationSlug: org.slug }))
      .type('form')
      .send({ RelayState: '/' })
      .expect(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.errors).toContainEqual(expect.objectContaining({ path: 'SAMLResponse' }));
    expect(await count(t, 'sessions')).toBe(sessions);
  });
});
