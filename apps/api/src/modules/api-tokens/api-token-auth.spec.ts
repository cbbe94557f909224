import { describe, expect, it } from '@jest/globals';
import { type ApiScope, type Endpoint, endpoints, type Scorecard } from '@scorecard/contracts';
import { AppError } from '../../common/app-error.js';
import type { Caller } from '../../common/request-context.js';
import { apiTokenHash, isApiToken, newApiToken, requireTokenScope } from './api-token-auth.js';
import { withoutDraftContent } from './drafts.js';

const person: Caller = {
  sessionId: '44444444-4444-4444-8444-444444444444',
  userId: '22222222-2222-4222-8222-222222222222',
  organizationId: '11111111-1111-4111-8111-111111111111',
  organizationName: 'Acme',
  name: 'Ada',
  email: 'ada@acme.test',
  role: 'admin',
};
const machine = (scopes: ApiScope[]): Caller => ({
  ...person,
  apiToken: { id: '66666666-6666-4666-8666-666666666666', name: 'ATS', scopes },
});

const refusal = (caller: Caller, endpoint: Endpoint): string | null => {
  try {
    requireTokenScope(caller, endpoint);
    return null;
  } catch (err) {
    return err instanceof AppError ? `${err.status} ${err.code}` : String(err);
  }
};

describe('requireTokenScope', () => {
  it.each([
    ['a person signed in, on any endpoint', person, endpoints.listApiTokens, null],
    ['a token with the scope', machine(['candidates:read']), endpoints.getCandidate, null],
    [
      'a token with another scope only',
      machine(['candidates:write']),
      endpoints.getCandidate,
      '403 insufficient_scope',
    ],
    [
      'a write with only the read scope',
      machine(['candidates:read']),
      endpoints.createCandidate,
      '403 insufficient_scope',
    ],
    ['a token on the token endpoints', machine(['audit:read']), endpoints.createApiToken, '403 insufficient_scope'],
    ['a token on a home screen', machine(['interviews:read']), endpoints.getInterviewerHome, '403 insufficient_scope'],
  ] as const)('%s', (_what, caller, endpoint, expected) => {
    expect(refusal(caller, endpoint)).toBe(expected);
  });

  it('names the scope needed', () => {
    expect(() => requireTokenScope(machine([]), endpoints.moveApplication)).toThrow(/applications:write/);
  });
});

describe('API token secrets', () => {
  it('are sc_ and 43 base64url characters, told apart from session tokens by the prefix', () => {
    const { token, hash } = newApiToken();
    expect(token).toMatch(/^sc_[A-Za-z0-9_-]{43}$/);
    expect(isApiToken(token)).toBe(true);
    expect(isApiToken('Qx3n-some-session-token-value')).toBe(false);
    expect(hash.equals(apiTokenHash(token))).toBe(true);
    expect(newApiToken().token).not.toBe(token);
  });
});

describe('withoutDraftContent', () => {
  const card = (status: Scorecard['status']) =>
    ({
      id: 'x',
      status,
      revision: 3,
      ratings: [{ criterionKey: 'k', rating: 3, evidence: 'secret' }],
      redFlags: [{ flagKey: 'f', evidence: 'secret' }],
      recommendation: 'yes',
      summary: 'secret',
      notes: 'secret',
    }) as unknown as Scorecard;

  it.each([
    ['a person, their draft', person, 'draft', true],
    ['a token, a submitted scorecard', machine(['scorecards:read']), 'submitted', true],
    ['a token, a draft', machine(['scorecards:read']), 'draft', false],
  ] as const)('%s: content shown = %s', (_what, caller, status, shown) => {
    const out = withoutDraftContent(caller, card(status));
    expect(JSON.stringify(out).includes('secret')).toBe(shown);
    expect(out).toMatchObject({ id: 'x', status, revision: 3 });
  });
});
