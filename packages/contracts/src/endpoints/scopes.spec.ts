import { describe, expect, it } from '@jest/globals';
import { API_SCOPES, ApiScope, CreateApiTokenRequest } from '../api-tokens.js';
import { endpoints, type Endpoint } from '../endpoints.js';
import { TOKEN_REFUSED, TOKEN_SCOPES } from './scopes.js';

const all = Object.entries(endpoints) as [string, Endpoint][];
const refused = new Set(TOKEN_REFUSED);

describe('API token scopes', () => {
  it.each(all)('%s is classified exactly once: it names a scope, or it refuses tokens', (name) => {
    const inScopes = Object.hasOwn(TOKEN_SCOPES, name);
    expect({ name, classifications: Number(inScopes) + Number(refused.has(name)) }).toEqual({
      name,
      classifications: 1,
    });
  });

  it.each(Object.entries(TOKEN_SCOPES))(
    'the scope of %s is an endpoint of the table and a known scope',
    (name, scope) => {
      expect(Object.hasOwn(endpoints, name)).toBe(true);
      expect(ApiScope.safeParse(scope).success).toBe(true);
    },
  );

  it.each(TOKEN_REFUSED.map((n) => [n]))('%s (refusing tokens) is an endpoint of the table', (name) => {
    expect(Object.hasOwn(endpoints, name)).toBe(true);
  });

  it('lists each refusing endpoint once', () => {
    expect(TOKEN_REFUSED.length).toBe(refused.size);
  });

  it.each(all.filter(([, e]) => e.access.auth !== 'session'))(
    '%s takes no session (public or SCIM), so it is never a token endpoint',
    (name) => {
      expect(refused.has(name)).toBe(true);
    },
  );

  it.each(all.filter(([n]) => Object.hasOwn(TOKEN_SCOPES, n)))(
    '%s reads with a read scope and writes with a write scope',
    (name, e) => {
      const scope = TOKEN_SCOPES[name]!;
      if (scope === 'webhooks:manage') return;
      expect({ name, verb: scope.split(':')[1] }).toEqual({ name, verb: e.method === 'get' ? 'read' : 'write' });
    },
  );

  it.each(API_SCOPES.filter((s) => s !== 'webhooks:manage').map((s) => [s]))(
    '%s opens at least one endpoint',
    (scope) => {
      expect(Object.values(TOKEN_SCOPES)).toContain(scope);
    },
  );

  it('managing API tokens is never open to a token', () => {
    for (const name of ['listApiTokens', 'createApiToken', 'revokeApiToken']) expect(refused.has(name)).toBe(true);
  });
});

describe('creating an API token', () => {
  const soon = new Date(Date.now() + 86_400_000).toISOString();
  it.each([
    ['no scopes', { name: 'CI', scopes: [] }],
    ['an unknown scope', { name: 'CI', scopes: ['candidates:delete'] }],
    ['a scope twice', { name: 'CI', scopes: ['candidates:read', 'candidates:read'] }],
    ['an empty name', { name: '  ', scopes: ['candidates:read'] }],
    ['a name too long', { name: 'x'.repeat(121), scopes: ['candidates:read'] }],
    ['an expiry in the past', { name: 'CI', scopes: ['candidates:read'], expiresAt: '2020-01-01T00:00:00Z' }],
    [
      'an expiry more than two years ahead',
      { name: 'CI', scopes: ['candidates:read'], expiresAt: new Date(Date.now() + 800 * 86_400_000).toISOString() },
    ],
    ['an expiry that is not a date', { name: 'CI', scopes: ['candidates:read'], expiresAt: 'tomorrow' }],
  ])('refuses %s', (_what, body) => {
    expect(CreateApiTokenRequest.safeParse(body).success).toBe(false);
  });

  it.each([
    ['no expiry', { name: 'CI', scopes: ['candidates:read'] }],
    ['an expiry tomorrow', { name: 'CI', scopes: ['candidates:read', 'scorecards:write'], expiresAt: soon }],
  ])('accepts %s', (_what, body) => {
    expect(CreateApiTokenRequest.safeParse(body).success).toBe(true);
  });
});
