import { describe, expect, it } from '@jest/globals';
import { z } from 'zod';
import { Email, LoginRequest, SignupRequest } from './auth.js';
import { endpoints, type Endpoint } from './endpoints.js';
import { UpdateCandidateRequest } from './candidates.js';
import { UpdateUserRequest, UserListQuery } from './users.js';

// SCIM bodies (RFC 7643) carry attributes identity providers send that we ignore (locale, enterprise
// extension…): they accept them, and the SCIM service reads only the attributes it maps.
const withBody = (Object.entries(endpoints) as [string, Endpoint][]).filter(
  ([, e]) => e.body && e.access.auth !== 'scim',
);

const patchBodies = (Object.entries(endpoints) as [string, Endpoint][]).filter(
  ([, e]) => e.method === 'patch' && e.body instanceof z.ZodObject,
);

describe('request schemas', () => {
  it.each(patchBodies)('%s fills in no defaults, so a field left out of a change stays as it is', (_name, e) => {
    for (const [field, schema] of Object.entries((e.body as z.ZodObject).shape)) {
      const inner = schema instanceof z.ZodOptional ? schema.unwrap() : schema;
      expect({ field, hasDefault: inner instanceof z.ZodDefault }).toEqual({ field, hasDefault: false });
    }
  });

  it('a candidate change carries only the fields sent', () => {
    expect(UpdateCandidateRequest.parse({ notes: 'Met at the meetup', revision: 3 })).toEqual({
      notes: 'Met at the meetup',
      revision: 3,
    });
  });

  it.each(withBody)('%s refuses fields it does not know (no mass assignment)', (_name, e) => {
    const result = (e.body as z.ZodType).safeParse({ organizationId: '00000000-0000-4000-8000-000000000000' });
    expect(result.success).toBe(false);
    expect(result.error?.issues.some((i) => i.code === 'unrecognized_keys')).toBe(true);
  });

  it.each([
    ['  Ada@Example.COM ', 'ada@example.com'],
    ['bob@acme.test', 'bob@acme.test'],
  ])('an email %j is trimmed and lower-cased to %j', (input, output) => {
    expect(Email.parse(input)).toBe(output);
  });

  it.each(['', 'no-at-sign', 'a@', `${'x'.repeat(250)}@a.io`])('%j is not an email', (input) => {
    expect(Email.safeParse(input).success).toBe(false);
  });

  it('a sign-up password needs 12 characters; sign-in takes any non-empty one', () => {
    const base = { organizationName: 'Acme', name: 'A', email: 'a@b.test' };
    expect(SignupRequest.safeParse({ ...base, password: 'x'.repeat(11) }).success).toBe(false);
    expect(SignupRequest.safeParse({ ...base, password: 'x'.repeat(12) }).success).toBe(true);
    expect(LoginRequest.safeParse({ email: 'a@b.test', password: 'short' }).success).toBe(true);
    expect(LoginRequest.safeParse({ email: 'a@b.test', password: '' }).success).toBe(false);
  });

  it('a user update must change something', () => {
    expect(UpdateUserRequest.safeParse({}).success).toBe(false);
    expect(UpdateUserRequest.safeParse({ active: false }).success).toBe(true);
  });

  it('list queries default to page 1 of 25 and cap the page size at 100', () => {
    expect(UserListQuery.parse({})).toEqual({ page: 1, pageSize: 25 });
    expect(UserListQuery.safeParse({ pageSize: '101' }).success).toBe(false);
    expect(UserListQuery.parse({ active: 'false', role: 'admin' })).toMatchObject({ active: false, role: 'admin' });
  });
});
