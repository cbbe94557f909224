import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  type CandidateExport,
  DEFAULT_SELF_ID_DIMENSIONS,
  ROLES,
  type Role,
  SELF_ID_LINK_TTL_DAYS,
  type SelfIdDimension,
} from '@scorecard/contracts';
import { apiOf } from '../support/api-client.js';
import { bearer, signup, uniqueEmail } from '../support/factories.js';
import { buildOrg, listen, type OrgFixture } from '../support/org-fixture.js';
import { documentOperations, send, validRequest } from '../support/operations.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Voluntary self-identification (issue 24 §3): the questions, the candidate's link, answering,
 * changing and withdrawing through it, and the promise that one person's answers leave the API by no
 * route but the candidate's own data export.
 */

let t: TestApp;
let base: string;
let o: OrgFixture;
const api = () => apiOf(t);
const as = (role: Role) => api().as(o.members[role]);

/** A category whose key and label appear nowhere else, so any response carrying them is a leak. */
const MARKER = { key: 'zq_marker_answer', label: 'Zq Marker Answer' };
const DIMENSIONS: SelfIdDimension[] = [
  ...DEFAULT_SELF_ID_DIMENSIONS,
  {
    key: 'veteran',
    label: 'Veteran status',
    question: 'Have you served in the armed forces?',
    categories: [{ key: 'not_veteran', label: 'No' }, MARKER],
  },
];

/** Answers as the API takes them, from question key → answer. */
const ans = (answers: Record<string, string>) =>
  Object.entries(answers).map(([question, answer]) => ({ question, answer }));

const tokenOf = (url: string) => new URL(url).pathname.split('/').pop()!;

async function newLink(candidateId: string, sendEmail = false) {
  return as('recruiter').call('createSelfIdLink', { params: { id: candidateId }, body: { sendEmail } });
}

const answersOf = async (candidateId: string) =>
  (await t.db.query(
    `select dimension_key, category_key from self_id_answers where candidate_id = $1 order by dimension_key`,
    [candidateId],
  )) as { dimension_key: string; category_key: string }[];

beforeAll(async () => {
  t = await startTestApp();
  base = await listen(t);
  o = await buildOrg(t, 'Self-ID Co');
  await as('admin').call('updateSelfIdSettings', { body: { dimensions: DIMENSIONS } });
}, 180_000);
afterAll(async () => {
  await t?.close();
});

describe('the questions (admins)', () => {
  it('are the EEO-1 categories until an admin changes them', async () => {
    const fresh = await signup(t, 'Defaults Co');
    const settings = await api().as(fresh).call('getSelfIdSettings');
    expect(settings).toEqual({ dimensions: DEFAULT_SELF_ID_DIMENSIONS, updatedAt: null, updatedBy: null });
    expect(settings.dimensions[0]!.categories.map((c) => c.label)).toEqual([
      'Hispanic or Latino',
      'White',
      'Black or African American',
      'Native Hawaiian or Other Pacific Islander',
      'Asian',
      'American Indian or Alaska Native',
      'Two or More Races',
    ]);
  });

  it('are replaced as a whole and say who changed them', async () => {
    const settings = await as('admin').call('getSelfIdSettings');
    expect(settings.dimensions).toEqual(DIMENSIONS);
    expect(settings.updatedBy).toEqual({ id: o.members.admin.user.id, name: o.members.admin.user.name });
  });

  it('refuse two categories with one key, or the reserved "prefer_not_to_say", and change nothing', async () => {
    const twice = structuredClone(DIMENSIONS);
    twice[1]!.categories.push({ key: 'female', label: 'Woman' });
    const res = await as('admin')
      .raw('updateSelfIdSettings', { body: { dimensions: twice } })
      .expect(400);
    expect(res.body).toMatchObject({ code: 'validation_failed', errors: [{ path: 'dimensions.1.categories' }] });
    const reserved = structuredClone(DIMENSIONS);
    reserved[1]!.categories.push({ key: 'prefer_not_to_say', label: 'Prefer not to say' });
    await as('admin')
      .raw('updateSelfIdSettings', { body: { dimensions: reserved } })
      .expect(400);
    expect((await as('admin').call('getSelfIdSettings')).dimensions).toEqual(DIMENSIONS);
  });
});

describe('a candidate’s link', () => {
  it('is created to copy: a URL with a 64-character token, working for 30 days, and no email', async () => {
    const c = o.candidates.unapplied.id;
    const before = Date.now();
    const link = await newLink(c);
    expect(link.url).toMatch(/\/self-id\/[A-Za-z0-9_-]{64}$/);
    expect(link.emailed).toBe(false);
    const days = (new Date(link.expiresAt).getTime() - before) / 86_400_000;
    expect(days).toBeGreaterThan(SELF_ID_LINK_TTL_DAYS - 0.01);
    expect(days).toBeLessThan(SELF_ID_LINK_TTL_DAYS + 0.01);
    const emails = await t.db.query(`select 1 from emails where candidate_id = $1 and kind = 'self_id'`, [c]);
    expect(emails).toHaveLength(0);
    // Stored as a hash only.
    const [row] = (await t.db.query(`select token_hash from self_id_links where candidate_id = $1`, [c])) as {
      token_hash: Buffer;
    }[];
    expect(row!.token_hash.toString('utf8')).not.toContain(tokenOf(link.url));
    const status = await as('hiring_manager').call('getSelfIdLink', { params: { id: c } });
    expect(status.link).toMatchObject({
      expiresAt: link.expiresAt,
      emailedAt: null,
      createdBy: { name: o.members.recruiter.user.name },
    });
  });

  it('is emailed to the candidate when asked: a self_id email in the Email log, whose link an admin cannot read', async () => {
    const c = o.candidates.interviewing.id;
    const link = await newLink(c, true);
    expect(link.emailed).toBe(true);
    const [email] = (await t.db.query(
      `select id, to_address, recipient_id, text_body from emails where candidate_id = $1 and kind = 'self_id'`,
      [c],
    )) as { id: string; to_address: string; recipient_id: string | null; text_body: string }[];
    expect(email!.recipient_id).toBeNull();
    expect(email!.to_address).toContain(o.marker);
    expect(email!.text_body).toContain(link.url);
    const logged = await as('admin').call('getEmail', { params: { id: email!.id } });
    expect(logged.kind).toBe('self_id');
    expect(logged.text).not.toContain(tokenOf(link.url));
    expect(logged.text).toContain('/self-id/[hidden: only the recipient may see it]');
    expect((await as('recruiter').call('getSelfIdLink', { params: { id: c } })).link?.emailedAt).not.toBeNull();
  });

  it('replaces the earlier link: the old token stops working', async () => {
    const c = o.candidates.applied.id;
    const first = await newLink(c);
    const second = await newLink(c);
    const res = await api()
      .anonymous.raw('getSelfIdForm', { body: { token: tokenOf(first.url) } })
      .expect(400);
    expect(res.body).toMatchObject({ code: 'token_unknown' });
    await api().anonymous.call('getSelfIdForm', { body: { token: tokenOf(second.url) } });
  });

  it('is refused for another organization’s candidate (404) and changes nothing', async () => {
    const other = await signup(t, 'Other Co');
    const theirs = await api()
      .as(other)
      .call('createCandidate', { body: { name: 'Their Candidate', email: uniqueEmail('theirs'), source: 'referral' } });
    await as('recruiter')
      .raw('createSelfIdLink', { params: { id: theirs.id }, body: {} })
      .expect(404);
    expect(await t.db.query(`select 1 from self_id_links where candidate_id = $1`, [theirs.id])).toEqual([]);
  });
});

describe('the candidate’s page (no session)', () => {
  let token: string;
  let candidateId: string;
  beforeAll(async () => {
    candidateId = o.candidates.debriefed.id;
    token = tokenOf((await newLink(candidateId)).url);
  });

  it('shows the organization and its questions, and no answers on file yet', async () => {
    const form = await api().anonymous.call('getSelfIdForm', { body: { token } });
    expect(form.organizationName).toContain('Self-ID Co');
    expect(form.dimensions).toEqual(DIMENSIONS);
    expect(form.answeredAt).toBeNull();
  });

  it('saves answers as category keys; "prefer not to say" stores nothing', async () => {
    const receipt = await api().anonymous.call('submitSelfId', {
      body: { token, answers: ans({ race_ethnicity: 'prefer_not_to_say', sex: 'female', veteran: MARKER.key }) },
    });
    expect(receipt.answeredAt).not.toBeNull();
    expect(await answersOf(candidateId)).toEqual([
      { dimension_key: 'sex', category_key: 'female' },
      { dimension_key: 'veteran', category_key: MARKER.key },
    ]);
  });

  it('never sends the answers back: the page says only when they were saved', async () => {
    const res = await api().anonymous.raw('getSelfIdForm', { body: { token } }).expect(200);
    expect(res.body.answeredAt).not.toBeNull();
    expect(Object.keys(res.body).sort()).toEqual(['answeredAt', 'dimensions', 'expiresAt', 'organizationName']);
    const { dimensions: _questions, ...rest } = res.body as Record<string, unknown>;
    expect(JSON.stringify(rest)).not.toContain('female');
  });

  it('lets the candidate change the answers: the new ones replace the old', async () => {
    await api().anonymous.call('submitSelfId', {
      body: { token, answers: ans({ race_ethnicity: 'asian', sex: 'female' }) },
    });
    expect(await answersOf(candidateId)).toEqual([
      { dimension_key: 'race_ethnicity', category_key: 'asian' },
      { dimension_key: 'sex', category_key: 'female' },
    ]);
  });

  it('refuses a category not offered or a question not asked, naming the field, and changes nothing', async () => {
    const res = await api()
      .anonymous.raw('submitSelfId', { body: { token, answers: ans({ sex: 'white', shoe_size: 'large' }) } })
      .expect(400);
    expect(res.body).toMatchObject({ code: 'validation_failed' });
    expect((res.body.errors as { path: string }[]).map((e) => e.path).sort()).toEqual([
      'answers.0.answer',
      'answers.1.question',
    ]);
    expect(await answersOf(candidateId)).toEqual([
      { dimension_key: 'race_ethnicity', category_key: 'asian' },
      { dimension_key: 'sex', category_key: 'female' },
    ]);
  });

  it('lets the candidate withdraw: every answer is deleted, and the link still works', async () => {
    const receipt = await api().anonymous.call('withdrawSelfId', { body: { token } });
    expect(receipt.answeredAt).toBeNull();
    expect(await answersOf(candidateId)).toEqual([]);
    expect((await api().anonymous.call('getSelfIdForm', { body: { token } })).answeredAt).toBeNull();
  });

  it('answers 400 token_unknown for a token of no link, a malformed one, or another organization’s forged id', async () => {
    const forged = Buffer.concat([
      Buffer.from(o.organizationId.replace(/-/g, ''), 'hex'),
      Buffer.alloc(32, 7),
    ]).toString('base64url');
    for (const bad of [forged, 'not-a-token', 'x'.repeat(64)]) {
      const res = await api()
        .anonymous.raw('getSelfIdForm', { body: { token: bad } })
        .expect(400);
      expect(res.body).toMatchObject({ code: 'token_unknown' });
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      await api()
        .anonymous.raw('submitSelfId', { body: { token: bad, answers: ans({ sex: 'male' }) } })
        .expect(400);
    }
  });

  it('answers 400 token_expired once the link has expired, and saves nothing', async () => {
    const c = o.candidates.erasable.id;
    const link = await newLink(c);
    await t.db.query(`update self_id_links set expires_at = now() - interval '1 minute' where candidate_id = $1`, [c]);
    const res = await api()
      .anonymous.raw('submitSelfId', { body: { token: tokenOf(link.url), answers: ans({ sex: 'male' }) } })
      .expect(400);
    expect(res.body).toMatchObject({ code: 'token_expired' });
    expect(res.body.detail).toMatch(/expired/);
    expect(await answersOf(c)).toEqual([]);
  });

  it('refuses a body with unexpected fields (400) before looking at the token', async () => {
    await api()
      .anonymous.raw('submitSelfId', { body: { token, answers: ans({}), candidateId: o.candidates.applied.id } })
      .expect(400);
  });
});

describe('who can see one person’s answers', () => {
  let candidateId: string;
  beforeAll(async () => {
    candidateId = o.candidates.debriefed.id;
    const token = tokenOf((await newLink(candidateId)).url);
    await api().anonymous.call('submitSelfId', {
      body: { token, answers: ans({ sex: 'female', veteran: MARKER.key }) },
    });
  });

  const leaks = (text: string) => text.includes(MARKER.key) || text.includes(MARKER.label);

  // Every GET the role may call, with the fixture's own objects (the debriefed candidate, whose
  // application every member interviewed), must not carry the marker answer. Streams are left out
  // (they carry events, and self-identification emits none).
  const GETS = documentOperations().filter((op) => op.method === 'GET' && !op.public && !op.stream);

  it.each(['interviewer', 'recruiter', 'hiring_manager'] as const)(
    'no GET the %s can call carries the answer; the report is refused or only counts',
    async (role) => {
      expect(GETS.length).toBeGreaterThan(40);
      const allowed: string[] = [];
      for (const op of GETS) {
        const req = await validRequest(op.operationId, o, { org: o, role });
        const reply = await send(base, op, req, o.members[role].token);
        if (reply.status === 200) allowed.push(op.operationId);
        if (op.operationId === 'getAdverseImpact' && reply.status === 200) {
          // The hiring manager's report names categories, never a person: one answer is too few to report.
          const marker = (
            reply.json!.transitions as { groups: { key: string; reportable: boolean; rate: unknown }[] }[]
          )
            .flatMap((s) => s.groups)
            .filter((g) => g.key === MARKER.key);
          for (const g of marker) expect(g).toMatchObject({ reportable: false, rate: null });
          continue;
        }
        expect({ op: op.operationId, leaks: leaks(reply.text) }).toEqual({ op: op.operationId, leaks: false });
      }
      // The walk reached the candidate's data where the role may see it.
      if (role !== 'interviewer') expect(allowed).toEqual(expect.arrayContaining(['getCandidate', 'getDebrief']));
      else expect(allowed).toEqual(expect.arrayContaining(['getDebrief', 'listMyInterviews']));
    },
    120_000,
  );

  it('the adverse-impact report is refused to interviewers and recruiters (403)', async () => {
    for (const role of ['interviewer', 'recruiter'] as const) {
      const res = await t.http().get('/api/v1/analytics/adverse-impact').set(bearer(o.members[role].token)).expect(403);
      expect(res.body).toMatchObject({ code: 'forbidden' });
    }
  });

  it('the candidate’s own data export (admins) carries the answers with their labels', async () => {
    const exported = (await as('admin').call('exportCandidate', { params: { id: candidateId } })) as CandidateExport;
    expect(
      exported.selfIdentification.answers.map((a) => [a.dimension, a.dimensionLabel, a.category, a.categoryLabel]),
    ).toEqual([
      ['sex', 'Sex', 'female', 'Female'],
      ['veteran', 'Veteran status', MARKER.key, MARKER.label],
    ]);
  });

  it('a removed category keeps its key: the export shows it without a label', async () => {
    await as('admin').call('updateSelfIdSettings', { body: { dimensions: DEFAULT_SELF_ID_DIMENSIONS } });
    try {
      const exported = await as('admin').call('exportCandidate', { params: { id: candidateId } });
      expect(exported.selfIdentification.answers.find((a) => a.dimension === 'veteran')).toMatchObject({
        category: MARKER.key,
        dimensionLabel: null,
        categoryLabel: null,
      });
    } finally {
      await as('admin').call('updateSelfIdSettings', { body: { dimensions: DIMENSIONS } });
    }
  });

  it('no other role can export it', async () => {
    for (const role of ROLES.filter((r) => r !== 'admin')) {
      await as(role)
        .raw('exportCandidate', { params: { id: candidateId } })
        .expect(403);
    }
  });

  it('erasing the candidate deletes the answers and the link', async () => {
    const c = await api()
      .as(o.members.recruiter)
      .call('createCandidate', {
        body: { name: 'Erin Erasable', email: uniqueEmail('erin'), source: 'referral' },
      });
    const token = tokenOf((await newLink(c.id)).url);
    await api().anonymous.call('submitSelfId', { body: { token, answers: ans({ sex: 'male' }) } });
    expect(await answersOf(c.id)).toHaveLength(1);
    await as('admin').call('eraseCandidate', { params: { id: c.id }, body: { confirm: 'Erin Erasable' } });
    expect(await answersOf(c.id)).toEqual([]);
    expect(await t.db.query(`select 1 from self_id_links where candidate_id = $1`, [c.id])).toEqual([]);
    await api().anonymous.raw('getSelfIdForm', { body: { token } }).expect(400);
    // And no new link for someone erased.
    const res = await as('recruiter')
      .raw('createSelfIdLink', { params: { id: c.id }, body: {} })
      .expect(409);
    expect(res.body).toMatchObject({ code: 'invalid_transition' });
  });
});
