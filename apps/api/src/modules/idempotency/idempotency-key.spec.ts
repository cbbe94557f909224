import { describe, expect, it } from '@jest/globals';
import { canonicalJson, isValidIdempotencyKey, principalOf, requestFingerprint } from './idempotency-key.js';

describe('isValidIdempotencyKey', () => {
  it.each([
    ['a UUID', '3f2b8c1e-9d4a-4f6b-8e2a-1c5d7e9f0a2b', true],
    ['one character', 'x', true],
    ['255 visible characters', '!'.repeat(255), true],
    ['every visible ASCII character', Array.from({ length: 94 }, (_, i) => String.fromCharCode(33 + i)).join(''), true],
    ['empty', '', false],
    ['256 characters', 'a'.repeat(256), false],
    ['a space', 'a b', false],
    ['a tab', 'a\tb', false],
    ['a non-ASCII letter', 'clé', false],
    ['a header sent twice (an array)', ['a', 'b'], false],
    ['absent', undefined, false],
  ])('%s → %s', (_label, value, valid) => {
    expect(isValidIdempotencyKey(value)).toBe(valid);
  });
});

describe('principalOf', () => {
  it.each([
    ['a session', { userId: 'u1' }, 'user:u1'],
    ['an API token', { userId: 'u1', apiToken: { id: 't1' } }, 'token:t1'],
  ])('%s → %s', (_label, caller, principal) => {
    expect(principalOf(caller)).toBe(principal);
  });
});

describe('canonicalJson', () => {
  it.each([
    [
      'sorts object keys at every depth',
      { b: 1, a: { d: [2, { z: 1, y: 2 }], c: null } },
      '{"a":{"c":null,"d":[2,{"y":2,"z":1}]},"b":1}',
    ],
    ['leaves undefined fields out', { a: undefined, b: 'x' }, '{"b":"x"}'],
    ['reads undefined as null', undefined, 'null'],
    ['keeps array order', [3, 1, 2], '[3,1,2]'],
    ['escapes strings as JSON does', { 'k"': 'a\nb' }, '{"k\\"":"a\\nb"}'],
    ['writes a date as JSON does', { at: new Date('2026-01-02T03:04:05.000Z') }, '{"at":"2026-01-02T03:04:05.000Z"}'],
  ])('%s', (_label, value, json) => {
    expect(canonicalJson(value)).toBe(json);
  });
});

describe('requestFingerprint', () => {
  const base = {
    method: 'post',
    path: '/api/v1/candidates',
    params: {},
    query: {},
    body: { name: 'A', email: 'a@x.test' },
  };
  const hex = (r: typeof base) => requestFingerprint(r).toString('hex');

  it('is the same for the same body with its fields in another order', () => {
    expect(hex({ ...base, body: { email: 'a@x.test', name: 'A' } })).toBe(hex(base));
  });

  it.each([
    ['another body', { ...base, body: { name: 'B', email: 'a@x.test' } }],
    ['another path', { ...base, path: '/api/v1/openings' }],
    ['another path parameter', { ...base, params: { id: '1' } }],
    ['another query', { ...base, query: { dryRun: 'true' } }],
    ['another method', { ...base, method: 'patch' }],
  ])('differs for %s', (_label, other) => {
    expect(hex(other)).not.toBe(hex(base));
  });
});
