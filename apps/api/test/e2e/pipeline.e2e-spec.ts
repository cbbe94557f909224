import { beforeAll, describe, expect, it } from '@jest/globals';
import type { Application, AuthSession, Candidate } from '@scorecard/contracts';
import { addMember, bearer, count, signup, uniqueEmail } from '../support/factories.js';
import { useTestApp } from '../support/test-app.js';

const t = useTestApp();
let admin: AuthSession;
let recruiter: string;
let interviewer: string;
let openingId: string;

beforeAll(async () => {
  admin = await signup(t, 'Pipeline Co');
  recruiter = (await addMember(t, admin, 'recruiter')).token;
  interviewer = (await addMember(t, admin, 'interviewer')).token;
  const created = await t
    .http()
    .post('/api/v1/openings')
    .set(bearer(admin.token))
    .send({ title: 'Tech Lead, Search', level: 'senior', archetype: 'feature' })
    .expect(201);
  openingId = created.body.id;
  await t
    .http()
    .post(`/api/v1/openings/${openingId}/status`)
    .set(bearer(admin.token))
    .send({ status: 'open', revision: created.body.revision, overrideReason: 'Test opening without a full plan.' })
    .expect(400); // not ready: no hiring manager, rubric or checklist
  const rubrics = await t.http().get('/api/v1/rubrics').set(bearer(admin.token));
  const flags = await t.http().get('/api/v1/red-flag-checklists').set(bearer(admin.token));
  const ready = await t
    .http()
    .patch(`/api/v1/openings/${openingId}`)
    .set(bearer(admin.token))
    .send({
      hiringManagerId: admin.user.id,
      rubricVersionId: rubrics.body.items[0].publishedVersionId,
      checklistVersionId: flags.body.items[0].publishedVersionId,
      revision: created.body.revision,
    })
    .expect(200);
  await t
    .http()
    .post(`/api/v1/openings/${openingId}/status`)
    .set(bearer(admin.token))
    .send({ status: 'open', revision: ready.body.revision, overrideReason: 'Test opening without a full plan.' })
    .expect(200);
});

async function addCandidate(over: Record<string, unknown> = {}): Promise<Candidate> {
  const res = await t
    .http()
    .post('/api/v1/candidates')
    .set(bearer(recruiter))
    .send({ name: 'Dana Okoro', email: uniqueEmail('dana'), source: 'github', ...over })
    .expect(201);
  return res.body as Candidate;
}

async function apply(candidateId: string, token = recruiter): Promise<Application> {
  const res = await t
    .http()
    .post('/api/v1/applications')
    .set(bearer(token))
    .send({ candidateId, openingId })
    .expect(201);
  return res.body as Application;
}

const move = (a: { id: string }, body: Record<string, unknown>, token = recruiter) =>
  t
    .http()
    .post(`/api/v1/applications/${a.id}/moves`)
    .set(bearer(token))
    .send({ note: '', ...body });

describe('candidates', () => {
  it('adds a candidate with sourcing facts and tags, normalised', async () => {
    const c = await addCandidate({
      email: 'Ada.Lovelace@Example.COM',
      currentTitle: 'Senior Engineer',
      currentCompany: 'Analytical Engines',
      signals: ['open_source_maintainer', 'mentoring'],
      desiredCareerPath: 'technical',
      desiredCodingSharePct: 70,
      compensationExpectation: { currency: 'USD', amountMinor: 21_000_000 },
      tags: ['Rust', 'rust', 'distributed systems'],
      links: { github: 'https://github.com/ada' },
    });
    expect(c).toMatchObject({
      email: 'ada.lovelace@example.com',
      signals: ['open_source_maintainer', 'mentoring'],
      tags: ['distributed systems', 'rust'],
      links: { github: 'https://github.com/ada', linkedin: '' },
      compensationExpectation: { currency: 'USD', amountMinor: 21_000_000 },
      applications: [],
      revision: 0,
    });
  });

  it('an email is unique within the organization (409 email_taken, nothing written) but not across organizations', async () => {
    const c = await addCandidate();
    const before = await count(t, 'candidates');
    const dup = await t
      .http()
      .post('/api/v1/candidates')
      .set(bearer(recruiter))
      .send({ name: 'Twin', email: c.email.toUpperCase(), source: 'referral' })
      .expect(409);
    expect(dup.body.code).toBe('email_taken');
    expect(await count(t, 'candidates')).toBe(before);
    const other = await signup(t, 'Other Pipeline Co');
    await t
      .http()
      .post('/api/v1/candidates')
      .set(bearer(other.token))
      .send({ name: 'Twin', email: c.email, source: 'referral' })
      .expect(201);
  });

  it('rejects a bad link, an unknown source and extra fields, writing nothing', async () => {
    const before = await count(t, 'candidates');
    const res = await t
      .http()
      .post('/api/v1/candidates')
      .set(bearer(recruiter))
      .send({
        name: 'X',
        email: uniqueEmail(),
        source: 'myspace',
        links: { blog: 'javascript:alert(1)' },
        stage: 'offer',
      })
      .expect(400);
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['(body)', 'links.blog', 'source']);
    expect(await count(t, 'candidates')).toBe(before);
  });

  it('searches by case-insensitive prefix of name, email, title or company, and filters by source and tag', async () => {
    const tag = `t${Date.now()}`;
    const a = await addCandidate({
      name: 'Zebulon Quist',
      currentTitle: 'Staff Engineer',
      currentCompany: 'Initrode',
      tags: [tag],
    });
    const b = await addCandidate({ name: 'Yara Quist', email: uniqueEmail('yq'), source: 'conference', tags: [tag] });
    const ids = async (query: string) =>
      (await t.http().get(`/api/v1/candidates?${query}`).set(bearer(recruiter)).expect(200)).body.items.map(
        (c: { id: string }) => c.id,
      );
    expect(await ids('q=zebu')).toEqual([a.id]);
    expect(await ids('q=INITR')).toEqual([a.id]);
    expect(await ids('q=staff%20eng')).toEqual([a.id]);
    expect(await ids(`q=${encodeURIComponent(b.email.slice(0, 6))}`)).toContain(b.id);
    expect(await ids('q=quist')).toEqual([]);
    expect(await ids('q=z%25')).toEqual([]); // % and _ are plain characters, not wildcards
    expect(await ids('q=z_b')).toEqual([]);
    expect(await ids(`tag=${tag}&sort=name`)).toEqual([b.id, a.id]);
    expect(await ids(`tag=${tag}&source=conference`)).toEqual([b.id]);
  });

  it('paginates with a total, and filters by stage and opening through applications', async () => {
    const tag = `p${Date.now()}`;
    const made = [];
    for (let i = 0; i < 5; i++) made.push(await addCandidate({ tags: [tag] }));
    const page2 = await t
      .http()
      .get(`/api/v1/candidates?tag=${tag}&pageSize=2&page=2&sort=createdAt`)
      .set(bearer(recruiter))
      .expect(200);
    expect(page2.body).toMatchObject({ total: 5, page: 2, pageSize: 2 });
    expect(page2.body.items.map((c: { id: string }) => c.id)).toEqual([made[2]!.id, made[3]!.id]);
    const app = await apply(made[4]!.id);
    await move(app, { to: 'screen', revision: app.revision }).expect(200);
    const screened = await t
      .http()
      .get(`/api/v1/candidates?tag=${tag}&stage=screen&openingId=${openingId}`)
      .set(bearer(recruiter))
      .expect(200);
    expect(screened.body.items.map((c: { id: string }) => c.id)).toEqual([made[4]!.id]);
    expect(screened.body.items[0].applications).toEqual([
      { id: app.id, stage: 'screen', opening: { id: openingId, title: 'Tech Lead, Search' } },
    ]);
  });

  it('an edit based on an old revision answers 409', async () => {
    const c = await addCandidate();
    await t
      .http()
      .patch(`/api/v1/candidates/${c.id}`)
      .set(bearer(recruiter))
      .send({ location: 'Lisbon', revision: 0 })
      .expect(200);
    const stale = await t
      .http()
      .patch(`/api/v1/candidates/${c.id}`)
      .set(bearer(admin.token))
      .send({ location: 'Oslo', revision: 0 })
      .expect(409);
    expect(stale.body.code).toBe('stale_revision');
  });
});

describe('applications and stage moves', () => {
  it('applying twice to the same opening answers 409 already_applied', async () => {
    const c = await addCandidate();
    await apply(c.id);
    const res = await t
      .http()
      .post('/api/v1/applications')
      .set(bearer(recruiter))
      .send({ candidateId: c.id, openingId })
      .expect(409);
    expect(res.body.code).toBe('already_applied');
  });

  it('moves forward and records every move with who, when, from, to and why', async () => {
    const app = await apply((await addCandidate()).id);
    const screened = (
      await move(app, { to: 'screen', revision: app.revision, note: 'Strong GitHub history' }).expect(200)
    ).body;
    const inInterviews = (await move(screened, { to: 'interviews', revision: screened.revision }).expect(200)).body;
    expect(inInterviews.stage).toBe('interviews');
    expect(inInterviews.history.map((h: { from: string | null; to: string }) => `${h.from}>${h.to}`)).toEqual([
      'null>applied',
      'applied>screen',
      'screen>interviews',
    ]);
    expect(inInterviews.history[1]).toMatchObject({
      note: 'Strong GitHub history',
      by: { name: 'A recruiter' },
      reason: null,
    });
  });

  it.each([
    [
      'an offer before the debrief',
      { to: 'offer' },
      'An offer follows the debrief: move the application to debrief first.',
    ],
    ['rejecting without a reason', { to: 'rejected' }, 'Moving to rejected needs a reason.'],
    ['hiring before the offer', { to: 'hired' }, 'Only an application at the offer stage can be hired.'],
  ])('refuses %s with 422 and a clear message, changing nothing', async (_name, body, message) => {
    const app = await apply((await addCandidate()).id);
    const res = await move(app, { ...body, revision: app.revision }).expect(422);
    expect(res.body).toMatchObject({ code: 'stage_move_refused', detail: message });
    const after = await t.http().get(`/api/v1/applications/${app.id}`).set(bearer(recruiter)).expect(200);
    expect(after.body).toMatchObject({ stage: 'applied', revision: app.revision });
    expect(after.body.history).toHaveLength(1);
  });

  it('rejecting needs a reason from the rejection list; once rejected the application is final', async () => {
    const app = await apply((await addCandidate()).id);
    const wrongList = await move(app, {
      to: 'rejected',
      reason: 'accepted_other_offer',
      revision: app.revision,
    }).expect(400);
    expect(wrongList.body.errors).toEqual([{ path: 'reason', message: 'Choose a rejection reason.' }]);
    const rejected = (
      await move(app, {
        to: 'rejected',
        reason: 'leadership_gap',
        note: 'No mentoring examples',
        revision: app.revision,
      }).expect(200)
    ).body;
    expect(rejected.history.at(-1)).toMatchObject({
      to: 'rejected',
      reason: 'leadership_gap',
      note: 'No mentoring examples',
    });
    const back = await move(rejected, { to: 'applied', revision: rejected.revision }).expect(422);
    expect(back.body.detail).toBe('The application is rejected; that is final.');
  });

  it('offers every stage the rules allow: forward past the screen up to the debrief, back to any earlier stage', async () => {
    const app = await apply((await addCandidate()).id);
    const skipped = (await move(app, { to: 'debrief', revision: app.revision }).expect(200)).body;
    expect(skipped.history.at(-1)).toMatchObject({ from: 'applied', to: 'debrief' });
    const back = (await move(skipped, { to: 'applied', revision: skipped.revision }).expect(200)).body;
    const interviews = (await move(back, { to: 'interviews', revision: back.revision }).expect(200)).body;
    expect(interviews.stage).toBe('interviews');
    expect(interviews.history.map((h: { to: string }) => h.to)).toEqual([
      'applied',
      'debrief',
      'applied',
      'interviews',
    ]);
  });

  it('undo: the mover takes back their own latest move within the window, recorded as a move naming the one undone', async () => {
    const app = await apply((await addCandidate()).id);
    const screened = (await move(app, { to: 'screen', revision: app.revision }).expect(200)).body;
    const rejected = (
      await move(screened, { to: 'rejected', reason: 'skills_gap', revision: screened.revision }).expect(200)
    ).body as Application;
    const rejection = rejected.history.at(-1)!;
    // Someone else cannot undo it, nor can it go anywhere but back where it came from; nothing changes.
    const other = await move(
      rejected,
      { to: 'screen', undoOf: rejection.id, revision: rejected.revision },
      admin.token,
    );
    expect(other.status).toBe(422);
    expect(other.body).toMatchObject({
      code: 'stage_move_refused',
      detail: 'Only the person who made a move can undo it.',
    });
    const elsewhere = await move(rejected, { to: 'applied', undoOf: rejection.id, revision: rejected.revision });
    expect(elsewhere.status).toBe(422);
    expect(elsewhere.body.detail).toBe('Undoing that move returns the application to screen.');
    const undone = (
      await move(rejected, { to: 'screen', undoOf: rejection.id, revision: rejected.revision }).expect(200)
    ).body as Application;
    expect(undone.stage).toBe('screen');
    expect(undone.revision).toBe(rejected.revision + 1);
    expect(undone.history.map((h) => `${h.from}>${h.to}`)).toEqual([
      'null>applied',
      'applied>screen',
      'screen>rejected',
      'rejected>screen',
    ]);
    expect(undone.history.at(-1)).toMatchObject({ undoes: rejection.id, reason: null, by: { name: 'A recruiter' } });
    expect(undone.history.slice(0, 3).every((h) => h.undoes === null)).toBe(true);
    // An undo is not undone, and the rejection is no longer the latest move.
    const again = await move(undone, { to: 'rejected', undoOf: undone.history.at(-1)!.id, revision: undone.revision });
    expect(again.body.detail).toBe('An undo can’t be undone; move the application instead.');
    const stale = await move(undone, { to: 'rejected', undoOf: rejection.id, revision: undone.revision });
    expect(stale.body.detail).toBe('Only the latest move can be undone; the application has moved since.');
  });

  it('undo is refused after the window, with nothing changed', async () => {
    const app = await apply((await addCandidate()).id);
    const screened = (await move(app, { to: 'screen', revision: app.revision }).expect(200)).body as Application;
    // Both moves back in time, in order: the move to screen is the latest, 31 seconds ago.
    await t.db.query(
      `update application_moves set moved_at = now() - case when id = $2 then interval '31 seconds' else interval '40 seconds' end
        where application_id = $1`,
      [app.id, screened.history.at(-1)!.id],
    );
    const late = await move(screened, {
      to: 'applied',
      undoOf: screened.history.at(-1)!.id,
      revision: screened.revision,
    });
    expect(late.status).toBe(422);
    expect(late.body.detail).toBe('A move can be undone for 30 seconds; move the application instead.');
    const after = await t.http().get(`/api/v1/applications/${app.id}`).set(bearer(recruiter)).expect(200);
    expect(after.body).toMatchObject({ stage: 'screen', revision: screened.revision });
    expect(after.body.history).toHaveLength(2);
  });

  it('two recruiters moving the same application at once: one wins, the other gets 409 and nothing is overwritten', async () => {
    const app = await apply((await addCandidate()).id);
    const [r1, r2] = await Promise.all([
      move(app, { to: 'screen', revision: app.revision }),
      move(app, { to: 'withdrawn', reason: 'personal', revision: app.revision }, admin.token),
    ]);
    expect([r1.status, r2.status].sort()).toEqual([200, 409]);
    const loser = r1.status === 409 ? r1 : r2;
    expect(loser.body.code).toBe('stale_revision');
    const after = await t.http().get(`/api/v1/applications/${app.id}`).set(bearer(recruiter)).expect(200);
    expect(after.body.history).toHaveLength(2);
    expect(after.body.revision).toBe(app.revision + 1);
  });

  it('nobody can apply to an opening that is not open (422)', async () => {
    const draft = await t
      .http()
      .post('/api/v1/openings')
      .set(bearer(admin.token))
      .send({ title: 'Draft role', level: 'mid', archetype: 'feature' });
    const res = await t
      .http()
      .post('/api/v1/applications')
      .set(bearer(recruiter))
      .send({ candidateId: (await addCandidate()).id, openingId: draft.body.id })
      .expect(422);
    expect(res.body.detail).toBe('“Draft role” is not open, so nobody can apply to it.');
  });
});

describe('pipeline board', () => {
  it('has a column per stage with full counts and at most cardsPerColumn cards, oldest in stage first', async () => {
    const before = await t.http().get(`/api/v1/openings/${openingId}/board`).set(bearer(recruiter)).expect(200);
    const applied0 = before.body.columns.find((c: { stage: string }) => c.stage === 'applied').count;
    await apply((await addCandidate()).id);
    await apply((await addCandidate()).id);
    const board = await t
      .http()
      .get(`/api/v1/openings/${openingId}/board?cardsPerColumn=1`)
      .set(bearer(recruiter))
      .expect(200);
    expect(board.body.columns.map((c: { stage: string }) => c.stage)).toEqual([
      'applied',
      'screen',
      'interviews',
      'debrief',
      'offer',
      'hired',
      'rejected',
      'withdrawn',
    ]);
    const applied = board.body.columns[0];
    expect(applied.count).toBe(applied0 + 2);
    expect(applied.cards).toHaveLength(1);
    const full = await t.http().get(`/api/v1/openings/${openingId}/board`).set(bearer(recruiter)).expect(200);
    const times = full.body.columns[0].cards.map((c: { stageEnteredAt: string }) => c.stageEnteredAt);
    expect(times).toEqual([...times].sort());
    expect(applied.cards[0]).toEqual(full.body.columns[0].cards[0]);
    expect(board.body.opening).toEqual({ id: openingId, title: 'Tech Lead, Search', status: 'open' });
  });

  it('marks cards longer than the organization’s stuck limit in an active stage; the limit is a setting', async () => {
    const settings = await t.http().get('/api/v1/organization/settings').set(bearer(recruiter)).expect(200);
    expect(settings.body.stuckDays).toBe(7);
    const old = await apply((await addCandidate({ name: 'Old Card' })).id);
    const fresh = await apply((await addCandidate({ name: 'Fresh Card' })).id);
    const gone = await apply((await addCandidate({ name: 'Old Rejected' })).id);
    await move(gone, { to: 'rejected', reason: 'skills_gap', revision: gone.revision }).expect(200);
    await t.db.query(
      `update applications set stage_entered_at = now() - interval '8 days' where id = any($1::uuid[])`,
      [[old.id, gone.id]],
    );
    const stuckOf = async () => {
      const board = await t.http().get(`/api/v1/openings/${openingId}/board`).set(bearer(recruiter)).expect(200);
      const cards = board.body.columns.flatMap((c: { cards: { applicationId: string; stuck: boolean }[] }) => c.cards);
      const of = (id: string) => cards.find((c: { applicationId: string }) => c.applicationId === id).stuck;
      return { stuckDays: board.body.stuckDays, old: of(old.id), fresh: of(fresh.id), gone: of(gone.id) };
    };
    expect(await stuckOf()).toEqual({ stuckDays: 7, old: true, fresh: false, gone: false });
    await t.http().patch('/api/v1/organization/settings').set(bearer(recruiter)).send({ stuckDays: 10 }).expect(403);
    const bad = await t.http().patch('/api/v1/organization/settings').set(bearer(admin.token)).send({ stuckDays: 0 });
    expect(bad.status).toBe(400);
    const changed = await t
      .http()
      .patch('/api/v1/organization/settings')
      .set(bearer(admin.token))
      .send({ stuckDays: 10 })
      .expect(200);
    expect(changed.body).toMatchObject({ stuckDays: 10, calibrationMinUnits: settings.body.calibrationMinUnits });
    expect(await stuckOf()).toEqual({ stuckDays: 10, old: false, fresh: false, gone: false });
    await t.http().patch('/api/v1/organization/settings').set(bearer(admin.token)).send({ stuckDays: 7 }).expect(200);
  });
});

describe('pipeline board, paged per column', () => {
  type Card = { applicationId: string; stage: string; stageEnteredAt: string };
  type Column = { stage: string; count: number; cards: Card[]; nextCursor: string | null };
  const column = (stage: string, query: Record<string, string | number>, token = recruiter) =>
    t.http().get(`/api/v1/openings/${openingId}/board/columns/${stage}`).query(query).set(bearer(token));
  const board = async (cardsPerColumn: number) =>
    (
      await t
        .http()
        .get(`/api/v1/openings/${openingId}/board?cardsPerColumn=${cardsPerColumn}`)
        .set(bearer(recruiter))
        .expect(200)
    ).body as { columns: Column[] };
  /** Every card of a column, page by page from the board's first page; the pages' ids in order. */
  const walk = async (stage: string, first: number, limit: number) => {
    const start = (await board(first)).columns.find((c) => c.stage === stage)!;
    const pages = [start.cards.map((c) => c.applicationId)];
    let cursor = start.nextCursor;
    while (cursor) {
      const page = (await column(stage, { after: cursor, limit }).expect(200)).body as Column;
      expect(page.count).toBe(start.count);
      pages.push(page.cards.map((c) => c.applicationId));
      cursor = page.nextCursor;
    }
    return { count: start.count, pages };
  };

  it('the board answers each column’s first cards, its full count and a cursor only when more follow', async () => {
    for (let i = 0; i < 3; i++) await apply((await addCandidate()).id);
    const few = await board(2);
    const all = await board(500);
    for (const [i, c] of few.columns.entries()) {
      const full = all.columns[i]!;
      expect(c.count).toBe(full.cards.length);
      expect(c.cards).toEqual(full.cards.slice(0, 2));
      expect(c.nextCursor === null).toBe(full.cards.length <= 2);
    }
    expect(few.columns[0]!.nextCursor).not.toBeNull();
    // The default first page is what the web asks for.
    const byDefault = (await t.http().get(`/api/v1/openings/${openingId}/board`).set(bearer(recruiter)).expect(200))
      .body as { cardsPerColumn: number };
    expect(byDefault.cardsPerColumn).toBe(30);
  });

  it('next pages cover every card of a column exactly once, oldest in stage first, ties (same microsecond) by id', async () => {
    const made: Application[] = [];
    for (let i = 0; i < 7; i++) made.push(await apply((await addCandidate()).id));
    // Four cards entered the stage in the same microsecond: the cursor must still tell them apart.
    await t.db.query(
      `update applications set stage_entered_at = '2026-01-01T00:00:00.123456Z' where id = any($1::uuid[])`,
      [made.slice(0, 4).map((a) => a.id)],
    );
    const full = (await board(500)).columns[0]!;
    const { count, pages } = await walk('applied', 2, 3);
    expect(pages.flat()).toEqual(full.cards.map((c) => c.applicationId));
    expect(new Set(pages.flat()).size).toBe(count);
    expect(pages.slice(1, -1).every((p) => p.length === 3)).toBe(true);
    const times = full.cards.map((c) => c.stageEnteredAt);
    expect(times).toEqual([...times].sort());
    const tied = full.cards.filter((c) => made.slice(0, 4).some((a) => a.id === c.applicationId));
    expect(tied.map((c) => c.applicationId)).toEqual(
      made
        .slice(0, 4)
        .map((a) => a.id)
        .sort(),
    );
  });

  it('a card moved while someone pages is not shown twice and no other card is skipped', async () => {
    const made: Application[] = [];
    for (let i = 0; i < 4; i++) made.push(await apply((await addCandidate()).id));
    const first = (await board(2)).columns[0]!;
    const before = (await board(500)).columns[0]!.cards.map((c) => c.applicationId);
    // The first card shown moves on, and a card of a later page too: neither shifts the pages.
    const shown = first.cards[0]!.applicationId;
    const later = before[4]!;
    for (const id of [shown, later]) {
      const a = (await t.http().get(`/api/v1/applications/${id}`).set(bearer(recruiter)).expect(200))
        .body as Application;
      await move(a, { to: 'screen', revision: a.revision }).expect(200);
    }
    const rest: string[] = [];
    let cursor = first.nextCursor;
    while (cursor) {
      const page = (await column('applied', { after: cursor, limit: 2 }).expect(200)).body as Column;
      rest.push(...page.cards.map((c) => c.applicationId));
      cursor = page.nextCursor;
    }
    expect(rest).toEqual(before.slice(2).filter((id) => id !== later));
    // Moved into a column, a card entered it now: it comes last, on the column's last page.
    const screen = await walk('screen', 1, 200);
    expect(screen.pages.flat().slice(-2)).toEqual([shown, later]);
  });

  it('refuses a cursor it did not write, one of another column, and a bad limit or stage (400, problem+json)', async () => {
    const applied = (await board(1)).columns[0]!;
    expect(applied.nextCursor).not.toBeNull();
    const cases: [string, Record<string, string | number>][] = [
      ['applied', { after: 'not-a-cursor' }],
      ['applied', { after: Buffer.from('["applied","yesterday","x"]').toString('base64url') }],
      ['screen', { after: applied.nextCursor! }],
      ['applied', { after: 'a b' }],
      ['applied', { limit: 0 }],
      ['applied', { limit: 201 }],
      ['applied', { page: 2 }],
      ['nowhere', {}],
    ];
    for (const [stage, query] of cases) {
      const res = await column(stage, query).expect(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body.code).toBe('validation_failed');
    }
    const res = await column('screen', { after: applied.nextCursor! }).expect(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ path: 'after' })]);
    const page = (await column('applied', { after: applied.nextCursor!, limit: 1 }).expect(200)).body as Column;
    expect(page.cards[0]!.applicationId).not.toBe(applied.cards[0]!.applicationId);
  });

  it('an interviewer may not read a column (403); another organization gets 404 for it', async () => {
    await column('applied', {}, interviewer).expect(403);
    const other = await signup(t, 'Column Peeker Co');
    const res = await column('applied', {}, other.token).expect(404);
    expect(res.body.code).toBe('not_found');
    const unknown = await t
      .http()
      .get(`/api/v1/openings/00000000-0000-4000-8000-000000000000/board/columns/applied`)
      .set(bearer(recruiter))
      .expect(404);
    expect(unknown.body.code).toBe('not_found');
  });
});

describe('roles and organizations', () => {
  it('an interviewer cannot read or change candidates or applications', async () => {
    const c = await addCandidate();
    const app = await apply(c.id);
    await t.http().get('/api/v1/candidates').set(bearer(interviewer)).expect(403);
    await t.http().get(`/api/v1/candidates/${c.id}`).set(bearer(interviewer)).expect(403);
    await t.http().get(`/api/v1/applications/${app.id}`).set(bearer(interviewer)).expect(403);
    await move(app, { to: 'screen', revision: app.revision }, interviewer).expect(403);
    await t.http().get(`/api/v1/openings/${openingId}/board`).set(bearer(interviewer)).expect(403);
  });

  it('another organization gets 404 for every candidate and application route and changes nothing', async () => {
    const c = await addCandidate();
    const app = await apply(c.id);
    const other = await signup(t, 'Poacher Co');
    const o = bearer(other.token);
    const calls = [
      t.http().get(`/api/v1/candidates/${c.id}`).set(o),
      t.http().patch(`/api/v1/candidates/${c.id}`).set(o).send({ name: 'Stolen', revision: 0 }),
      t.http().get(`/api/v1/applications/${app.id}`).set(o),
      t
        .http()
        .post(`/api/v1/applications/${app.id}/moves`)
        .set(o)
        .send({ to: 'screen', note: '', revision: app.revision }),
      t.http().get(`/api/v1/openings/${openingId}/board`).set(o),
    ];
    for (const res of await Promise.all(calls)) expect(res.status).toBe(404);
    const foreignApply = await t
      .http()
      .post('/api/v1/applications')
      .set(o)
      .send({ candidateId: c.id, openingId })
      .expect(404);
    expect(foreignApply.body.code).toBe('not_found');
    const list = await t.http().get('/api/v1/candidates').set(o).expect(200);
    expect(list.body.total).toBe(0);
    const after = await t.http().get(`/api/v1/applications/${app.id}`).set(bearer(recruiter)).expect(200);
    expect(after.body).toMatchObject({ stage: 'applied', revision: app.revision });
  });
});
