import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ActivityItem, AuthSession, CandidateActivity, CandidateNote, Interview } from '@scorecard/contracts';
import { bearer, count, signup } from '../support/factories.js';
import { buildOrg, must, type OrgFixture } from '../support/org-fixture.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let o: OrgFixture;
let other: AuthSession;
let otherCandidateId: string;

const HOUR = 3_600_000;

beforeAll(async () => {
  t = await startTestApp();
  o = await buildOrg(t, 'Activity Co');
  other = await signup(t, 'Other Co');
  const c = await must<{ id: string }>(t, other.token, 'post', '/api/v1/candidates', 201, {
    name: 'Their Candidate',
    email: 'their-candidate@example.test',
    source: 'referral',
  });
  otherCandidateId = c.id;
}, 120_000);
afterAll(async () => {
  await t.close();
});

const token = (role: keyof OrgFixture['members']) => o.members[role].token;
const addNote = (candidateId: string, body: unknown, who = token('recruiter')) =>
  t
    .http()
    .post(`/api/v1/candidates/${candidateId}/notes`)
    .set(bearer(who))
    .send(body as object);
const feed = (candidateId: string, query: Record<string, string> = {}, who = token('recruiter')) =>
  t.http().get(`/api/v1/candidates/${candidateId}/activity`).query(query).set(bearer(who));

/** Every item of the feed, page after page of `limit`. */
async function allPages(candidateId: string, limit: number, who = token('recruiter')): Promise<ActivityItem[]> {
  const items: ActivityItem[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 100; i++) {
    const res = await feed(candidateId, { limit: String(limit), ...(cursor ? { cursor } : {}) }, who).expect(200);
    const body = res.body as CandidateActivity;
    expect(body.items.length).toBeLessThanOrEqual(limit);
    items.push(...body.items);
    cursor = body.nextCursor;
    if (!cursor) return items;
  }
  throw new Error('the feed never ended');
}

describe('notes', () => {
  it('recruiters, hiring managers and admins add a note, trimmed, with its author and time', async () => {
    for (const role of ['recruiter', 'hiring_manager', 'admin'] as const) {
      const res = await addNote(o.candidates.applied.id, { body: `  A note by ${role}  ` }, token(role)).expect(201);
      const note = res.body as CandidateNote;
      expect(note).toMatchObject({
        candidateId: o.candidates.applied.id,
        body: `A note by ${role}`,
        author: { id: o.members[role].user.id, name: o.members[role].user.name },
      });
      expect(Date.now() - Date.parse(note.createdAt)).toBeLessThan(60_000);
    }
  });

  it('refuses an empty, a blank and an over-long note, and an unknown field, changing nothing', async () => {
    const before = await count(t, 'candidate_notes');
    for (const body of [
      {},
      { body: '' },
      { body: '   \n ' },
      { body: 'x'.repeat(5001) },
      { body: 'ok', author: 'me' },
    ]) {
      const res = await addNote(o.candidates.applied.id, body).expect(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body.code).toBe('validation_failed');
    }
    expect(await count(t, 'candidate_notes')).toBe(before);
    await addNote(o.candidates.applied.id, { body: 'x'.repeat(5000) }).expect(201);
  });

  it('an interviewer may not add notes or read the feed (403), and nothing is written', async () => {
    const before = await count(t, 'candidate_notes');
    const res = await addNote(o.candidates.applied.id, { body: 'Interviewer note' }, token('interviewer')).expect(403);
    expect(res.body.code).toBe('forbidden');
    await feed(o.candidates.applied.id, {}, token('interviewer')).expect(403);
    expect(await count(t, 'candidate_notes')).toBe(before);
  });

  it('another organization’s candidate, or an unknown one, is 404 both ways, and nothing is written', async () => {
    const before = await count(t, 'candidate_notes');
    await addNote(otherCandidateId, { body: 'Sneaky' }).expect(404);
    await addNote('00000000-0000-4000-8000-000000000000', { body: 'Nobody' }).expect(404);
    await addNote(o.candidates.applied.id, { body: 'Theirs' }, other.token).expect(404);
    await feed(otherCandidateId).expect(404);
    await feed(o.candidates.applied.id, {}, other.token).expect(404);
    expect(await count(t, 'candidate_notes')).toBe(before);
    const theirs = await feed(otherCandidateId, {}, other.token).expect(200);
    expect((theirs.body as CandidateActivity).items).toEqual([]);
  });

  it('the export lists a candidate’s notes; erasure deletes them, and an erased candidate takes no more', async () => {
    const id = o.candidates.erasable.id;
    await addNote(id, { body: 'Before erasure' }).expect(201);
    const exported = await must<{ notes: { body: string; author: { id: string } | null }[] }>(
      t,
      token('admin'),
      'get',
      `/api/v1/candidates/${id}/export`,
      200,
    );
    expect(exported.notes).toEqual([
      expect.objectContaining({
        body: 'Before erasure',
        author: expect.objectContaining({ id: o.members.recruiter.user.id }),
      }),
    ]);
    await must(t, token('admin'), 'post', `/api/v1/candidates/${id}/erase`, 200, {
      confirm: o.candidates.erasable.name,
    });
    const [{ n }] = await t.db.query(`select count(*)::int as n from candidate_notes where candidate_id = $1`, [id]);
    expect(n).toBe(0);
    const res = await addNote(id, { body: 'After erasure' }).expect(409);
    expect(res.body.code).toBe('invalid_transition');
  });
});

describe('the activity feed', () => {
  let cancelled: Interview;
  let fileId: string;
  let noteId: string;

  beforeAll(async () => {
    // The interviewing candidate: a note, a file, and one of their interviews cancelled.
    const candidateId = o.candidates.interviewing.id;
    noteId = (
      (await addNote(candidateId, { body: 'Strong on systems; ask about mentoring.' }).expect(201))
        .body as CandidateNote
    ).id;
    const upload = await t
      .http()
      .post(`/api/v1/candidates/${candidateId}/files`)
      .set(bearer(token('recruiter')))
      .attach('file', Buffer.from('plain text CV\n'), { filename: 'cv.txt', contentType: 'text/plain' });
    expect(upload.status).toBe(201);
    fileId = upload.body.id as string;
    const pending = o.pending[1]!;
    cancelled = await must<Interview>(t, token('recruiter'), 'post', `/api/v1/interviews/${pending.id}/cancel`, 200, {
      revision: pending.revision,
    });
  });

  it('shows every kind of event, newest first, with actors and application refs', async () => {
    const items = await allPages(o.candidates.interviewing.id, 100);
    const kinds = new Set(items.map((i) => i.kind));
    for (const kind of [
      'application_created',
      'stage_moved',
      'interview_scheduled',
      'interview_cancelled',
      'note_added',
      'file_uploaded',
    ]) {
      expect(kinds).toContain(kind);
    }
    for (let i = 1; i < items.length; i++) {
      expect(Date.parse(items[i - 1]!.at)).toBeGreaterThanOrEqual(Date.parse(items[i]!.at));
    }
    expect(items[0]).toMatchObject({ kind: 'interview_cancelled' });
    const cancel = items.find((i) => i.kind === 'interview_cancelled')!;
    expect(cancel).toMatchObject({
      actor: { id: o.members.recruiter.user.id },
      application: { id: o.applications.interviewing.id, opening: { id: o.opening.id } },
      details: { interviewId: cancelled.id, interviewer: { id: o.members.interviewer.user.id } },
    });
    expect(items.find((i) => i.kind === 'note_added')).toMatchObject({
      details: { noteId, body: 'Strong on systems; ask about mentoring.' },
      actor: { id: o.members.recruiter.user.id },
    });
    expect(items.find((i) => i.kind === 'file_uploaded')).toMatchObject({ details: { fileId, filename: 'cv.txt' } });
    const moves = items.filter((i) => i.kind === 'stage_moved');
    expect(moves.map((m) => m.kind === 'stage_moved' && [m.details.from, m.details.to])).toEqual([
      ['screen', 'interviews'],
      ['applied', 'screen'],
    ]);
    expect(items.at(-1)).toMatchObject({ kind: 'application_created', details: { stage: 'applied' } });
    // Scheduled twice, one of them cancelled since.
    expect(items.filter((i) => i.kind === 'interview_scheduled')).toHaveLength(2);
  });

  it('shows submitted scorecards with who and which step, never ratings, and decisions', async () => {
    const items = await allPages(o.candidates.debriefed.id, 100);
    const submitted = items.filter((i) => i.kind === 'scorecard_submitted');
    expect(submitted.map((s) => s.actor?.id).sort()).toEqual(
      Object.values(o.members)
        .map((m) => m.user.id)
        .sort(),
    );
    for (const s of submitted) {
      expect(Object.keys(s.details).sort()).toEqual(['interviewId', 'scorecardId', 'stepName']);
    }
    const text = JSON.stringify(items);
    expect(text).not.toMatch(/recommendation|rating|Evidence|Summary|strong_/i);
    expect(items.filter((i) => i.kind === 'decision_recorded')).toEqual([
      expect.objectContaining({
        details: { decision: 'hold' },
        actor: expect.objectContaining({ id: o.members.hiring_manager.user.id }),
      }),
    ]);
  });

  it('pages without gaps or duplicates, whatever the page size, in the same order as one page', async () => {
    const candidateId = o.candidates.debriefed.id;
    // Several events at the very same instant: the cursor's (kind, id) tie-break keeps them apart.
    await t.db.query(
      `insert into candidate_notes (organization_id, candidate_id, body, author_id, created_at)
       select $1, $2, 'Same instant ' || g, $3, '2026-01-01T00:00:00.123456Z' from generate_series(1, 5) g`,
      [o.organizationId, candidateId, o.members.recruiter.user.id],
    );
    const whole = await allPages(candidateId, 100);
    expect(whole.length).toBeGreaterThan(15);
    for (const limit of [1, 2, 3, 7]) {
      const paged = await allPages(candidateId, limit);
      expect(paged.map((i) => i.key)).toEqual(whole.map((i) => i.key));
    }
    expect(new Set(whole.map((i) => i.key)).size).toBe(whole.length);
  });

  it('refuses a cursor it did not write and a limit out of range', async () => {
    for (const query of <Record<string, string>[]>[
      { cursor: 'bm90LWEtY3Vyc29y' },
      { cursor: 'a b' },
      { limit: '0' },
      { limit: '101' },
    ]) {
      const res = await feed(o.candidates.debriefed.id, query).expect(400);
      expect(res.body.code).toBe('validation_failed');
    }
  });

  it('keeps other people’s scorecards and the decision out while the viewer has a draft on the application', async () => {
    // The hiring manager gets a second interview on the debriefed application: a live draft.
    const hm = o.members.hiring_manager;
    await must(t, token('recruiter'), 'post', `/api/v1/applications/${o.applications.debriefed.id}/interviews`, 201, {
      stepKey: o.opening.steps[0]!.key,
      interviewerId: hm.user.id,
      startsAt: new Date(Date.now() + 24 * HOUR).toISOString(),
    });
    const theirs = await allPages(o.candidates.debriefed.id, 100, hm.token);
    const submitted = theirs.filter((i) => i.kind === 'scorecard_submitted');
    expect(submitted.map((s) => s.actor?.id)).toEqual([hm.user.id]);
    expect(theirs.some((i) => i.kind === 'decision_recorded')).toBe(false);
    // Everyone else still sees the whole panel.
    const recruiters = await allPages(o.candidates.debriefed.id, 100);
    expect(recruiters.filter((i) => i.kind === 'scorecard_submitted')).toHaveLength(4);
    expect(recruiters.some((i) => i.kind === 'decision_recorded')).toBe(true);
  });

  it('never shows another organization’s events', async () => {
    await addNote(otherCandidateId, { body: 'Their own note' }, other.token).expect(201);
    const items = await allPages(o.candidates.interviewing.id, 100);
    const ids = new Set<string>();
    const [{ ids: foreign }] = await t.db.query(
      `select array_agg(id::text) as ids from (
         select id from candidate_notes where organization_id <> $1
         union all select id from application_moves where organization_id <> $1) x`,
      [o.organizationId],
    );
    for (const i of items) ids.add(i.key.split(':')[1]!);
    for (const id of (foreign as string[] | null) ?? []) expect(ids.has(id)).toBe(false);
  });
});
