import { describe, expect, it } from '@jest/globals';
import {
  CreateCandidateRequest,
  CreateUserRequest,
  EmptyBody,
  LoginRequest,
  SaveRubricDraftRequest,
  UpdateCandidateRequest,
} from '@scorecard/contracts';
import { z } from 'zod';
import { changedFieldNames, isSecretField, withoutSecrets } from './audit-fields.js';

describe('isSecretField', () => {
  it.each([
    ['password', true],
    ['newPassword', true],
    ['token', true],
    ['apiToken', true],
    ['clientSecret', true],
    ['credentials.passwordHash', true],
    ['SECRET', true],
    ['name', false],
    ['email', false],
    ['content.competencies', false],
  ])('%j is a secret: %s', (path, secret) => {
    expect(isSecretField(path)).toBe(secret);
  });

  it('withoutSecrets drops secrets, blanks and repeats, keeping the order', () => {
    expect(withoutSecrets(['name', 'password', 'email', '', 'name', 'sso.token'])).toEqual(['name', 'email']);
  });
});

describe('changedFieldNames names the fields a request set, never values or secrets', () => {
  it('a new user: every field but the password', () => {
    const sent = { name: 'Ada', email: 'ada@example.test', role: 'recruiter', password: 'correct-horse-battery' };
    expect(changedFieldNames(CreateUserRequest, sent)).toEqual(['name', 'email', 'role']);
  });

  it('a sign-in: the email only', () => {
    expect(changedFieldNames(LoginRequest, { email: 'a@b.test', password: 'x' })).toEqual(['email']);
  });

  it('fields the schema fills with defaults were not sent, so they are not named', () => {
    const sent = { name: 'Dana', email: 'dana@example.test', source: 'referral' };
    expect(changedFieldNames(CreateCandidateRequest, sent)).toEqual(['name', 'email', 'source']);
  });

  it('an update names what it changes, not the revision it was based on', () => {
    expect(changedFieldNames(UpdateCandidateRequest, { phone: '+1 555', revision: 3 })).toEqual(['phone']);
  });

  it('a nested object is named one level down', () => {
    const sent = { links: { github: 'https://github.com/dana', blog: '' }, notes: 'x' };
    expect(changedFieldNames(UpdateCandidateRequest, { ...sent, revision: 1 })).toEqual([
      'links.github',
      'links.blog',
      'notes',
    ]);
    expect(changedFieldNames(SaveRubricDraftRequest, { content: { competencies: [] }, revision: 0 })).toEqual([
      'content.competencies',
    ]);
  });

  it('a nested secret is left out, and an empty nested object is named itself', () => {
    const schema = z.strictObject({
      sso: z.strictObject({ issuer: z.string(), clientSecret: z.string() }),
      prefs: z.strictObject({ theme: z.string().optional() }),
    });
    expect(changedFieldNames(schema, { sso: { issuer: 'x', clientSecret: 'y' }, prefs: {} })).toEqual([
      'sso.issuer',
      'prefs',
    ]);
  });

  it('keys the schema does not declare are never named (a map key can be data, such as an email)', () => {
    const schema = z.strictObject({ scores: z.record(z.string(), z.number()), note: z.string() });
    expect(changedFieldNames(schema, { scores: { 'ada@example.test': 3 }, note: 'n', extra: 1 })).toEqual([
      'scores',
      'note',
    ]);
  });

  it('null sets a field (it is named); no body, or a body that is not an object, names nothing', () => {
    expect(changedFieldNames(UpdateCandidateRequest, { desiredCodingSharePct: null, revision: 1 })).toEqual([
      'desiredCodingSharePct',
    ]);
    expect(changedFieldNames(EmptyBody.optional(), undefined)).toEqual([]);
    expect(changedFieldNames(undefined, { a: 1 })).toEqual([]);
    expect(changedFieldNames(CreateUserRequest, ['name'])).toEqual([]);
  });
});
