import { beforeAll, describe, expect, it } from '@jest/globals';
import {
  type AuthSession,
  type CandidateImport,
  CSRF_HEADER,
  CSRF_HEADER_VALUE,
  type ImportRowErrors,
  type ImportRowValues,
  SESSION_COOKIE,
} from '@scorecard/contracts';
import { addMember, bearer, count, openOpeningWithPlan, PASSWORD, signup, uniqueEmail } from '../support/factories.js';
import { useTestApp } from '../support/test-app.js';

const t = useTestApp();
let admin: AuthSession;
/** The recruiter signs in like the web app: a session cookie, and the CSRF header on writes. */
let recruiter: Record<string, string>;
let interviewer: string;

beforeAll(async () => {
  admin = await signup(t, 'Import Co');
  const member = await addMember(t, admin, 'recruiter');
  interviewer = (await addMember(t, admin, 'interviewer')).token;
  const login = await t.http().post('/api/v1/auth/login').send({ email: member.user.email, password: PASSWORD });
  const cookie = (login.headers['set-cookie'] as unknown as string[])
    .find((c) => c.startsWith(`${SESSION_COOKIE}=`))!
    .split(';')[0]!;
  recruiter = { cookie, [CSRF_HEADER]: CSRF_HEADER_VALUE };
});

type Row = { row: number; values: ImportRowValues };

async function startImport(auth = recruiter): Promise<CandidateImport> {
  const res = await t.http().post('/api/v1/candidate-imports').set(auth).send({}).expect(201);
  return res.body as CandidateImport;
}

const sendRows = (id: string, rows: Row[], auth = recruiter) =>
  t.http().post(`/api/v1/candidate-imports/${id}/rows`).set(auth).send({ rows });

const commit = (id: string, body: Record<string, unknown> = {}, auth = recruiter) =>
  t.http().post(`/api/v1/candidate-imports/${id}/commit`).set(auth).send(body);

const getImport = (id: string, auth = recruiter) => t.http().get(`/api/v1/candidate-imports/${id}`).set(auth);

/** Candidates whose email starts with a prefix, through the candidates API. */
async function listed(prefix: string) {
  const res = await t
    .http()
    .get('/api/v1/candidates')
    .query({ q: prefix, pageSize: 100, sort: 'name' })
    .set(recruiter)
    .expect(200);
  return res.body.items as { id: string; name: string; email: string }[];
}

/** A valid row with a unique email under `prefix`. */
function good(row: number, prefix: string, over: ImportRowValues = {}): Row {
  return {
    row,
    values: { name: `Person ${row}`, email: `${prefix}-${row}@example.test`, source: 'LinkedIn', ...over },
  };
}

describe('a clean import', () => {
  it('stages rows with no errors, then writes every row with its fields and tags', async () => {
    const imp = await startImport();
    expect(imp).toMatchObject({ status: 'staging', rows: 0, invalidRows: 0, errors: [], createdCount: null });
    const rows: Row[] = [
      good(1, 'clean', {
        name: 'Ada Lovelace',
        email: ' Clean-Ada@Example.TEST ',
        source: 'daily.dev',
        currentTitle: 'Staff Engineer',
        linkedin: 'https://linkedin.com/in/ada',
        internal: 'no',
        signals: 'Mentors others; technical_writing',
        desiredCodingSharePct: '60%',
        compensationCurrency: 'usd',
        compensationAmount: '200,000',
        tags: 'Rust | rust, distributed systems',
      }),
      good(2, 'clean', { source: 'referral' }),
      good(3, 'clean', { source: 'Conference' }),
    ];
    const checked = await sendRows(imp.id, rows).expect(200);
    expect(checked.body).toEqual({ received: 3, invalid: 0, errors: [] });
    const before = await count(t, 'candidates');

    const done = await commit(imp.id).expect(200);
    expect(done.body).toMatchObject({ id: imp.id, status: 'committed', rows: 3, invalidRows: 0, createdCount: 3 });
    expect(await count(t, 'candidates')).toBe(before + 3);

    const people = await listed('clean');
    expect(people.map((p) => p.email)).toEqual([
      'clean-ada@example.test',
      'clean-2@example.test',
      'clean-3@example.test',
    ]);
    const full = await t.http().get(`/api/v1/candidates/${people[0]!.id}`).set(recruiter).expect(200);
    expect(full.body).toMatchObject({
      name: 'Ada Lovelace',
      email: 'clean-ada@example.test',
      source: 'daily_dev',
      currentTitle: 'Staff Engineer',
      links: { linkedin: 'https://linkedin.com/in/ada', github: '' },
      internal: false,
      signals: ['mentoring', 'technical_writing'],
      desiredCodingSharePct: 60,
      compensationExpectation: { currency: 'USD', amountMinor: 20_000_000 },
      tags: ['distributed systems', 'rust'],
      revision: 0,
    });
    expect(full.body.createdBy).toMatchObject({ name: 'A recruiter' });
  });

  it('writes a file of several batches (1,200 rows) in one commit', async () => {
    const imp = await startImport();
    const rows = Array.from({ length: 1200 }, (_, i) => good(i + 1, 'bulk', { tags: 'bulk' }));
    for (let i = 0; i < rows.length; i += 500) await sendRows(imp.id, rows.slice(i, i + 500)).expect(200);
    const before = await count(t, 'candidates');
    const done = await commit(imp.id).expect(200);
    expect(done.body).toMatchObject({ rows: 1200, createdCount: 1200 });
    expect(await count(t, 'candidates')).toBe(before + 1200);
    const tagged = await t.http().get('/api/v1/candidates').query({ tag: 'bulk' }).set(recruiter).expect(200);
    expect(tagged.body.total).toBe(1200);
  });
});

describe('a file with bad rows', () => {
  let existingEmail: string;
  let imp: CandidateImport;
  const badRows = (): Row[] => [
    good(1, 'mixed'),
    good(2, 'mixed', { email: 'not-an-email' }),
    good(3, 'mixed', { source: 'Carrier pigeon' }),
    good(4, 'mixed', { name: '   ' }),
    good(5, 'mixed', { email: 'MIXED-1@example.test' }),
    good(6, 'mixed', { email: existingEmail }),
    good(7, 'mixed', { compensationAmount: '150000' }),
    good(8, 'mixed'),
  ];

  beforeAll(async () => {
    existingEmail = uniqueEmail('existing');
    await t
      .http()
      .post('/api/v1/candidates')
      .set(recruiter)
      .send({ name: 'Already Here', email: existingEmail, source: 'github' })
      .expect(201);
    imp = await startImport();
  });

  it('reports each bad row’s errors under the CSV field, before anything is written', async () => {
    const res = await sendRows(imp.id, badRows()).expect(200);
    const body = res.body as ImportRowErrors;
    expect(body.received).toBe(8);
    expect(body.invalid).toBe(6);
    expect(body.errors).toEqual([
      { row: 2, path: 'email', message: 'Enter a valid email address.' },
      { row: 3, path: 'source', message: expect.stringContaining('Use one of: Internal promotion') },
      { row: 4, path: 'name', message: 'Enter a name.' },
      { row: 5, path: 'email', message: 'Row 1 has the same email.' },
      { row: 6, path: 'email', message: 'A candidate with this email already exists.' },
      { row: 7, path: 'compensationCurrency', message: 'Use a three-letter currency code, for example USD.' },
    ]);
    const staged = await getImport(imp.id).expect(200);
    expect(staged.body).toMatchObject({ status: 'staging', rows: 8, invalidRows: 6, createdCount: null });
    expect((staged.body as CandidateImport).errors.map((e) => e.row)).toEqual([2, 3, 4, 5, 6, 7]);
    expect(await listed('mixed')).toEqual([]);
  });

  it('sending the same batch again is idempotent: same answer, same staged rows', async () => {
    const again = await sendRows(imp.id, badRows()).expect(200);
    expect((again.body as ImportRowErrors).invalid).toBe(6);
    expect((again.body as ImportRowErrors).errors.map((e) => [e.row, e.path])).toEqual([
      [2, 'email'],
      [3, 'source'],
      [4, 'name'],
      [5, 'email'],
      [6, 'email'],
      [7, 'compensationCurrency'],
    ]);
    const staged = await getImport(imp.id).expect(200);
    expect(staged.body).toMatchObject({ rows: 8, invalidRows: 6 });
  });

  it('a default commit is all or nothing: 422 import_has_errors and not one candidate written', async () => {
    const [candidates, tags] = [await count(t, 'candidates'), await count(t, 'candidate_tags')];
    const res = await commit(imp.id).expect(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body).toMatchObject({
      code: 'import_has_errors',
      detail: '6 rows have errors. Fix them and upload again, or skip them.',
    });
    expect(await count(t, 'candidates')).toBe(candidates);
    expect(await count(t, 'candidate_tags')).toBe(tags);
    expect((await getImport(imp.id).expect(200)).body).toMatchObject({ status: 'staging', createdCount: null });
  });

  it('skipInvalid writes only the valid rows; a second commit answers 409 and more rows are refused', async () => {
    const before = await count(t, 'candidates');
    const res = await commit(imp.id, { skipInvalid: true }).expect(200);
    expect(res.body).toMatchObject({ status: 'committed', rows: 8, invalidRows: 6, createdCount: 2 });
    expect(await count(t, 'candidates')).toBe(before + 2);
    expect((await listed('mixed')).map((p) => p.email)).toEqual(['mixed-1@example.test', 'mixed-8@example.test']);

    const twice = await commit(imp.id, { skipInvalid: true }).expect(409);
    expect(twice.body.code).toBe('invalid_transition');
    const more = await sendRows(imp.id, [good(9, 'mixed')]).expect(409);
    expect(more.body.code).toBe('invalid_transition');
    expect(await count(t, 'candidates')).toBe(before + 2);
  });

  it('an import whose every row has errors writes nothing, even when skipping', async () => {
    const only = await startImport();
    await sendRows(only.id, [good(1, 'allbad', { source: '' })]).expect(200);
    const res = await commit(only.id, { skipInvalid: true }).expect(422);
    expect(res.body).toMatchObject({
      code: 'import_has_errors',
      detail: 'No row can be imported: every row has errors.',
    });
    const empty = await startImport();
    expect((await commit(empty.id).expect(422)).body.code).toBe('import_has_errors');
  });
});

describe('duplicates across batches', () => {
  it('a row repeating the email of a row staged in an earlier batch is an error, whichever batch came first', async () => {
    const imp = await startImport();
    await sendRows(imp.id, [good(1, 'batches')]).expect(200);
    const later = await sendRows(imp.id, [good(2, 'batches', { email: 'batches-1@example.test' })]).expect(200);
    expect(later.body.errors).toEqual([{ row: 2, path: 'email', message: 'Row 1 has the same email.' }]);

    // Out of order: row 20 arrives before row 10 with the same email; row 20 becomes the duplicate.
    await sendRows(imp.id, [good(20, 'batches', { email: 'batches-10@example.test' })]).expect(200);
    const early = await sendRows(imp.id, [good(10, 'batches')]).expect(200);
    expect(early.body.errors).toEqual([]);
    const staged = (await getImport(imp.id).expect(200)).body as CandidateImport;
    expect(staged.errors).toEqual([
      { row: 2, path: 'email', message: 'Row 1 has the same email.' },
      { row: 20, path: 'email', message: 'Row 10 has the same email.' },
    ]);
    expect(staged).toMatchObject({ rows: 4, invalidRows: 2 });
  });

  it('an email added by someone else after staging fails the commit with 409 email_taken, nothing written', async () => {
    const imp = await startImport();
    await sendRows(imp.id, [good(1, 'race'), good(2, 'race')]).expect(200);
    await t
      .http()
      .post('/api/v1/candidates')
      .set(bearer(admin.token))
      .send({ name: 'Quick Admin', email: 'race-2@example.test', source: 'referral' })
      .expect(201);
    const before = await count(t, 'candidates');
    const res = await commit(imp.id).expect(409);
    expect(res.body.code).toBe('email_taken');
    expect(await count(t, 'candidates')).toBe(before);
    expect((await getImport(imp.id).expect(200)).body.status).toBe('staging');
  });
});

describe('validation, roles and isolation', () => {
  it('a row with a field that is not a candidate field is a 400, and nothing is staged', async () => {
    const imp = await startImport();
    const res = await sendRows(imp.id, [{ row: 1, values: { name: 'X', salaryBand: 'L7' } as ImportRowValues }]).expect(
      400,
    );
    expect(res.body.code).toBe('validation_failed');
    expect(res.body.errors[0].path).toBe('rows.0.values');
    await sendRows(
      imp.id,
      Array.from({ length: 501 }, (_, i) => good(i + 1, 'toomany')),
    ).expect(400);
    await sendRows(imp.id, []).expect(400);
    expect((await getImport(imp.id).expect(200)).body.rows).toBe(0);
  });

  it('a cookie-authenticated write without the CSRF header is refused', async () => {
    const res = await t.http().post('/api/v1/candidate-imports').set('cookie', recruiter.cookie!).send({}).expect(403);
    expect(res.body.code).toBe('csrf_failed');
  });

  it('an interviewer cannot import (403)', async () => {
    const imp = await startImport();
    const auth = bearer(interviewer);
    expect((await t.http().post('/api/v1/candidate-imports').set(auth).send({}).expect(403)).body.code).toBe(
      'forbidden',
    );
    await getImport(imp.id, auth).expect(403);
    await sendRows(imp.id, [good(1, 'interviewer')], auth).expect(403);
    await commit(imp.id, {}, auth).expect(403);
  });

  it('another organization’s import is not found (404), and stays untouched', async () => {
    const imp = await startImport();
    await sendRows(imp.id, [good(1, 'isolated')]).expect(200);
    const other = bearer((await signup(t, 'Other Import Co')).token);
    for (const res of [
      await getImport(imp.id, other),
      await sendRows(imp.id, [good(2, 'isolated')], other),
      await commit(imp.id, {}, other),
      await getImport('00000000-0000-4000-8000-000000000000'),
    ]) {
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('not_found');
    }
    expect((await getImport(imp.id).expect(200)).body).toMatchObject({ status: 'staging', rows: 1 });
  });

  it('starting an import forgets the organization’s imports abandoned for more than a day', async () => {
    const old = await startImport();
    await sendRows(old.id, [good(1, 'abandoned')]).expect(200);
    await t.db.query(`update candidate_imports set created_at = now() - interval '25 hours' where id = $1`, [old.id]);
    await startImport();
    await getImport(old.id).expect(404);
    const [row] = (await t.db.query(`select count(*)::int as n from candidate_import_rows where import_id = $1`, [
      old.id,
    ])) as { n: number }[];
    expect(row!.n).toBe(0);
  });
});

describe('import results: who was added, and apply all to an opening', () => {
  it('lists the added candidates in row order, then applies them all, reporting who had applied already', async () => {
    const opening = await openOpeningWithPlan(t, admin, 'Tech Lead, Apply All');
    const imp = await startImport();
    await sendRows(imp.id, [good(1, 'applyall'), good(2, 'applyall'), good(3, 'applyall')]).expect(200);

    // Nothing to apply before the import is committed.
    const early = await t
      .http()
      .post(`/api/v1/candidate-imports/${imp.id}/applications`)
      .set(recruiter)
      .send({ openingId: opening.id })
      .expect(409);
    expect(early.body.code).toBe('invalid_transition');

    await commit(imp.id).expect(200);
    const added = await t
      .http()
      .get(`/api/v1/candidate-imports/${imp.id}/candidates`)
      .query({ pageSize: 2 })
      .set(recruiter)
      .expect(200);
    expect(added.body).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(added.body.items.map((c: { row: number; email: string }) => [c.row, c.email])).toEqual([
      [1, 'applyall-1@example.test'],
      [2, 'applyall-2@example.test'],
    ]);
    const all = await listed('applyall');
    const second = all.find((c) => c.email === 'applyall-2@example.test')!;
    expect(added.body.items[1].id).toBe(second.id);

    // One of them already applied.
    await t
      .http()
      .post('/api/v1/applications')
      .set(bearer(admin.token))
      .send({ candidateId: second.id, openingId: opening.id })
      .expect(201);
    const moves = await count(t, 'application_moves');
    const res = await t
      .http()
      .post(`/api/v1/candidate-imports/${imp.id}/applications`)
      .set(recruiter)
      .send({ openingId: opening.id })
      .expect(200);
    expect(res.body).toMatchObject({ opening: { id: opening.id }, applied: 2, alreadyApplied: 1, erased: 0 });
    expect(res.body.results.map((r: { name: string; outcome: string }) => [r.name, r.outcome])).toEqual([
      ['Person 1', 'applied'],
      ['Person 2', 'already_applied'],
      ['Person 3', 'applied'],
    ]);
    expect(await count(t, 'application_moves')).toBe(moves + 2);
    const [{ n }] = await t.db.query(`select count(*)::int as n from applications where opening_id = $1`, [opening.id]);
    expect(n).toBe(3);

    // Again: everyone has applied now, nothing new is written.
    const again = await t
      .http()
      .post(`/api/v1/candidate-imports/${imp.id}/applications`)
      .set(recruiter)
      .send({ openingId: opening.id })
      .expect(200);
    expect(again.body).toMatchObject({ applied: 0, alreadyApplied: 3 });
    expect(await count(t, 'application_moves')).toBe(moves + 2);
  });

  it('refuses a missing or foreign opening, an interviewer and another organization, changing nothing', async () => {
    const imp = await startImport();
    await sendRows(imp.id, [good(1, 'applyrefused')]).expect(200);
    await commit(imp.id).expect(200);
    const apps = await count(t, 'applications');
    const send = (body: object, auth: Record<string, string> = recruiter) =>
      t.http().post(`/api/v1/candidate-imports/${imp.id}/applications`).set(auth).send(body);

    expect((await send({}).expect(400)).body.code).toBe('validation_failed');
    expect((await send({ openingId: 'nope' }).expect(400)).body.code).toBe('validation_failed');
    const stranger = await signup(t, 'Stranger Co');
    const theirs = await openOpeningWithPlan(t, stranger, 'Their opening');
    const foreign = await send({ openingId: theirs.id }).expect(400);
    expect(foreign.body.errors).toEqual([expect.objectContaining({ path: 'openingId' })]);
    await send({ openingId: theirs.id }, bearer(stranger.token)).expect(404);
    await t.http().get(`/api/v1/candidate-imports/${imp.id}/candidates`).set(bearer(stranger.token)).expect(404);
    await send({ openingId: theirs.id }, bearer(interviewer)).expect(403);
    expect(await count(t, 'applications')).toBe(apps);
  });
});
