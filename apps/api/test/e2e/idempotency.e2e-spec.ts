import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from '@jest/globals';
import type { Application, Candidate } from '@scorecard/contracts';
import type { Test } from 'supertest';
import { IdempotencySweepService } from '../../src/modules/idempotency/idempotency-sweep.service.js';
import { apiOf, type EndpointName, type LooseInput } from '../support/api-client.js';
import { uniqueEmail } from '../support/factories.js';
import { type Given, given, type Member } from '../support/given.js';
import { useTestApp } from '../support/test-app.js';

const t = useTestApp();
const api = apiOf(t);
let g: Given;
let otherRecruiter: Member;

beforeAll(async () => {
  g = await given(t, 'Idempotency Co');
  otherRecruiter = await g.member({ role: 'recruiter' });
  await g.opening();
});

const newKey = () => `retry-${randomUUID()}`;
const candidateBody = (email = uniqueEmail('candidate')) => ({ name: 'Ada Okafor', email, source: 'referral' });

/** One request with an Idempotency-Key, answered whole (status, headers, body). */
function send(who: Member | { token: string }, key: string, name: EndpointName, input: LooseInput): Test {
  return api.as(who).with({ 'idempotency-key': key }).raw(name, input);
}

async function candidatesWithEmail(email: string): Promise<number> {
  const [row] = (await t.db.query(`select count(*)::int as n from candidates where email = $1`, [email])) as [
    { n: number },
  ];
  return row.n;
}

async function auditEventsOf(action: string, entityId: string): Promise<number> {
  const [row] = (await t.db.query(`select count(*)::int as n from audit_events where action = $1 and entity_id = $2`, [
    action,
    entityId,
  ])) as [{ n: number }];
  return row.n;
}

describe('Idempotency-Key on createCandidate', () => {
  it('ten parallel retries with one key create one candidate, answer ten times the same, and audit once', async () => {
    const key = newKey();
    const body = candidateBody();
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => send(g.recruiter, key, 'createCandidate', { body })),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(201));
    const ids = new Set(answers.map((a) => (a.body as Candidate).id));
    expect(ids.size).toBe(1);
    // One request acted; the nine others waited for it and replayed its answer.
    expect(answers.filter((a) => a.headers['idempotent-replayed'] === 'true')).toHaveLength(9);
    expect(await candidatesWithEmail(body.email)).toBe(1);
    expect(await auditEventsOf('createCandidate', [...ids][0]!)).toBe(1);
  });

  it('a retry after the first answer replays it (same status and body) with Idempotent-Replayed', async () => {
    const key = newKey();
    const body = candidateBody();
    const first = await send(g.recruiter, key, 'createCandidate', { body }).expect(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    const again = await send(g.recruiter, key, 'createCandidate', { body }).expect(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(first.body);
    expect(await candidatesWithEmail(body.email)).toBe(1);
    expect(await auditEventsOf('createCandidate', (first.body as Candidate).id)).toBe(1);
  });

  it('the same body with its fields in another order is the same request', async () => {
    const key = newKey();
    const { name, email, source } = candidateBody();
    const first = await send(g.recruiter, key, 'createCandidate', { body: { name, email, source } }).expect(201);
    const again = await send(g.recruiter, key, 'createCandidate', { body: { source, email, name } }).expect(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect((again.body as Candidate).id).toBe((first.body as Candidate).id);
  });

  it('the same key with another body answers 422 idempotency_key_reused and creates nothing', async () => {
    const key = newKey();
    await send(g.recruiter, key, 'createCandidate', { body: candidateBody() }).expect(201);
    const other = candidateBody();
    const res = await send(g.recruiter, key, 'createCandidate', { body: other }).expect(422);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 422, code: 'idempotency_key_reused' });
    expect((res.body as { detail: string }).detail).toMatch(/another request/);
    expect(await candidatesWithEmail(other.email)).toBe(0);
  });

  it('another caller with the same key acts on its own', async () => {
    const key = newKey();
    const mine = await send(g.recruiter, key, 'createCandidate', { body: candidateBody() }).expect(201);
    const body = candidateBody();
    const theirs = await send(otherRecruiter, key, 'createCandidate', { body }).expect(201);
    expect(theirs.headers['idempotent-replayed']).toBeUndefined();
    expect((theirs.body as Candidate).id).not.toBe((mine.body as Candidate).id);
    expect(await candidatesWithEmail(body.email)).toBe(1);
  });

  it('a first attempt refused by validation does not keep the key: the next request with it acts', async () => {
    const key = newKey();
    const refused = await send(g.recruiter, key, 'createCandidate', { body: { name: '', source: 'referral' } });
    expect(refused.status).toBe(400);
    const body = candidateBody();
    const res = await send(g.recruiter, key, 'createCandidate', { body }).expect(201);
    expect(res.headers['idempotent-replayed']).toBeUndefined();
    expect(await candidatesWithEmail(body.email)).toBe(1);
  });

  it('a first attempt that fails in its handler (404) keeps nothing: the next request with the key acts', async () => {
    const key = newKey();
    const note = { body: 'Met at the meetup.' };
    await send(g.recruiter, key, 'addCandidateNote', { params: { id: randomUUID() }, body: note }).expect(404);
    const rows = (await t.db.query(`select 1 from idempotency_keys where key = $1`, [key])) as unknown[];
    expect(rows).toHaveLength(0);
    const candidate = await g.candidate();
    const res = await send(g.recruiter, key, 'addCandidateNote', { params: { id: candidate.id }, body: note });
    expect(res.status).toBe(201);
    expect(res.headers['idempotent-replayed']).toBeUndefined();
  });

  it('a key older than 24 hours acts again, and the hourly sweep deletes such keys', async () => {
    const key = newKey();
    const candidate = await g.candidate();
    const input = { params: { id: candidate.id }, body: { body: 'Strong on incident reviews.' } };
    const first = await send(g.recruiter, key, 'addCandidateNote', input).expect(201);
    await t.db.query(`update idempotency_keys set created_at = now() - interval '25 hours' where key = $1`, [key]);
    const later = await send(g.recruiter, key, 'addCandidateNote', input).expect(201);
    expect(later.headers['idempotent-replayed']).toBeUndefined();
    expect((later.body as { id: string }).id).not.toBe((first.body as { id: string }).id);
    const [{ n: notes }] = (await t.db.query(`select count(*)::int as n from candidate_notes where candidate_id = $1`, [
      candidate.id,
    ])) as [{ n: number }];
    expect(notes).toBe(2);

    // Within 24 hours the replaced key replays; once older, the sweep removes it.
    await send(g.recruiter, key, 'addCandidateNote', input)
      .expect(201)
      .then((r) => expect(r.headers['idempotent-replayed']).toBe('true'));
    await t.db.query(`update idempotency_keys set created_at = now() - interval '25 hours' where key = $1`, [key]);
    const fresh = newKey();
    await send(g.recruiter, fresh, 'addCandidateNote', input).expect(201);
    await t.app.get(IdempotencySweepService).sweep();
    const left = (await t.db.query(`select key from idempotency_keys where key = any($1)`, [[key, fresh]])) as {
      key: string;
    }[];
    expect(left.map((r) => r.key)).toEqual([fresh]);
  });

  it('keeps the answer sealed: the stored row does not show the candidate’s details', async () => {
    const key = newKey();
    const body = { ...candidateBody(), name: `Zanele Sealed ${randomUUID().slice(0, 6)}` };
    await send(g.recruiter, key, 'createCandidate', { body }).expect(201);
    const [row] = (await t.db.query(
      `select principal, operation, response_status, response_body from idempotency_keys where key = $1`,
      [key],
    )) as [{ principal: string; operation: string; response_status: number; response_body: string }];
    expect(row).toMatchObject({
      principal: `user:${g.recruiter.user.id}`,
      operation: 'createCandidate',
      response_status: 201,
    });
    expect(row.response_body).not.toContain(body.name);
    expect(row.response_body).not.toContain(body.email);
  });
});

describe('Idempotency-Key on other operations', () => {
  it('ten parallel retries of a stage move move the application once', async () => {
    const application = await g.application();
    const key = newKey();
    const input = { params: { id: application.id }, body: { to: 'screen', note: '', revision: application.revision } };
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => send(g.recruiter, key, 'moveApplication', input)),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(200));
    expect(new Set(answers.map((a) => (a.body as Application).revision)).size).toBe(1);
    expect((answers[0]!.body as Application).stage).toBe('screen');
    const [{ n: moves }] = (await t.db.query(
      `select count(*)::int as n from application_moves where application_id = $1 and to_stage = 'screen'`,
      [application.id],
    )) as [{ n: number }];
    expect(moves).toBe(1);
    expect(await auditEventsOf('moveApplication', application.id)).toBe(1);
  });

  it('the same key on another operation answers 422 and does nothing', async () => {
    const key = newKey();
    await send(g.recruiter, key, 'createCandidate', { body: candidateBody() }).expect(201);
    const candidate = await g.candidate();
    const res = await send(g.recruiter, key, 'addCandidateNote', {
      params: { id: candidate.id },
      body: { body: 'Should not be written.' },
    }).expect(422);
    expect(res.body).toMatchObject({ code: 'idempotency_key_reused' });
    expect((res.body as { detail: string }).detail).toContain('createCandidate');
    const [{ n }] = (await t.db.query(`select count(*)::int as n from candidate_notes where candidate_id = $1`, [
      candidate.id,
    ])) as [{ n: number }];
    expect(n).toBe(0);
  });

  it.each([
    ['empty', ''],
    ['with a space', 'two words'],
    ['256 characters long', 'k'.repeat(256)],
    ['not ASCII', 'clé'],
  ])('an Idempotency-Key %s answers 400 invalid_idempotency_key and creates nothing', async (_label, key) => {
    const body = candidateBody();
    const res = await send(g.recruiter, key, 'createCandidate', { body }).expect(400);
    expect(res.body).toMatchObject({ status: 400, code: 'invalid_idempotency_key' });
    expect(await candidatesWithEmail(body.email)).toBe(0);
  });

  it('a key of 255 visible characters is accepted', async () => {
    const key = `!${'~'.repeat(222)}${randomUUID().replace(/-/g, '')}`;
    expect(key).toHaveLength(255);
    await send(g.recruiter, key, 'createCandidate', { body: candidateBody() }).expect(201);
  });
});

describe('Idempotency-Key with an API token', () => {
  it('a token’s keys are its own: the token replays its first answer, its creator with the same key acts', async () => {
    const created = await api.as(g.admin).call('createApiToken', {
      body: { name: `Idempotent ATS ${randomUUID().slice(0, 6)}`, scopes: ['candidates:write', 'candidates:read'] },
    });
    const token = { user: g.admin.user, token: created.token };
    const key = newKey();
    const body = candidateBody();
    const answers = await Promise.all(Array.from({ length: 3 }, () => send(token, key, 'createCandidate', { body })));
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201]);
    expect(new Set(answers.map((a) => (a.body as Candidate).id)).size).toBe(1);
    expect(await candidatesWithEmail(body.email)).toBe(1);
    const [row] = (await t.db.query(`select principal from idempotency_keys where key = $1`, [key])) as [
      { principal: string },
    ];
    expect(row.principal).toBe(`token:${created.id}`);
    // The admin who made the token is another caller for keys.
    await send(g.admin, key, 'createCandidate', { body: candidateBody() })
      .expect(201)
      .then((r) => expect(r.headers['idempotent-replayed']).toBeUndefined());
  });
});
