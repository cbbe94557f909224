import { beforeAll, describe, expect, it } from '@jest/globals';
import type {
  AuthSession,
  BoardCard,
  InterviewKit,
  MyInterviewList,
  RubricDetail,
  Scorecard,
} from '@scorecard/contracts';
import { bearer, rubricContent, signup, type FocusedOpening } from '../support/factories.js';
import { flagOf, given, type Given, type Member } from '../support/given.js';
import { useTestApp } from '../support/test-app.js';
import { HOUR, hoursFromNow } from '../support/time.js';

const t = useTestApp();
let g: Given;
let admin: AuthSession;
let recruiter: string;
let ana: Member, ben: Member, carl: Member, hm: Member;
let opening: FocusedOpening;
/** Another opening, given a closing candidate's questions step below (made up front: later tests add draft rubrics). */
let closing: FocusedOpening;
let other: AuthSession;

beforeAll(async () => {
  g = await given(t, 'Scorecards Co');
  admin = g.session;
  recruiter = g.recruiter.token;
  [ana, ben, carl] = (await g.members(3)) as [Member, Member, Member];
  hm = await g.member({ role: 'hiring_manager' });
  opening = await g.opening();
  closing = await g.opening({ title: 'With closing step' });
  other = await signup(t, 'Elsewhere Co');
});

const CANDIDATE = {
  name: 'Noor Haddad',
  currentTitle: 'Staff Engineer',
  currentCompany: 'Acme',
  location: 'Lisbon',
  links: { linkedin: '', github: 'https://github.com/noor', blog: '', talks: '' },
};

const newApplication = async (plan = opening) => (await g.application({ opening: plan, candidate: CANDIDATE })).id;

/** Schedules the first step (by default three hours ago, so feedback is awaited and not yet due). */
const schedule = (
  application: string,
  interviewer: Member,
  { stepKey, ...times }: { startsAt?: string; feedbackDueAt?: string; stepKey?: string } = {},
) => g.scheduledInterview({ application, interviewer, ...times, extra: stepKey ? { stepKey } : {} });

/** The scorecard routes, as supertest requests (a test chains the status it expects). */
const api = {
  kit: (token: string, id: string) => g.api.as({ token }).raw('getInterviewKit', { params: { id } }),
  get: (token: string, id: string) => g.api.as({ token }).raw('getScorecard', { params: { id } }),
  save: (token: string, id: string, body: object) => g.api.as({ token }).raw('saveScorecard', { params: { id }, body }),
  submit: (token: string, id: string, revision: number) =>
    g.api.as({ token }).raw('submitScorecard', { params: { id }, body: { revision } }),
  amend: (token: string, id: string, body: object) =>
    g.api.as({ token }).raw('amendScorecard', { params: { id }, body }),
  list: (token: string, id: string) => g.api.as({ token }).raw('listApplicationScorecards', { params: { id } }),
  mine: (token: string, query: Record<string, string | number> = {}) =>
    g.api.as({ token }).raw('listMyInterviews', { query }),
};

/** The criteria of the first step's focus competencies, in rubric order. */
const criteria = () => opening.focus.flatMap((c) => c.criteria);
const dealbreaker = () => flagOf(opening, 'dealbreaker');
const concern = () => flagOf(opening, 'concern');

/** A complete scorecard: a 4 with evidence, then 3s and "not assessed" without evidence. */
function complete(over: Record<string, unknown> = {}) {
  const [first, ...rest] = criteria();
  return {
    ratings: [
      { criterionKey: first!.key, rating: 4, evidence: 'Walked through a migration they led, with numbers.' },
      ...rest.map((c, i) => ({ criterionKey: c.key, rating: i % 2 === 0 ? 3 : null, evidence: '' })),
    ],
    redFlags: [],
    recommendation: 'yes',
    summary: 'A clear, grounded lead.',
    notes: 'My private notes.',
    ...over,
  };
}

async function current(member: Member, id: string): Promise<Scorecard> {
  return (await api.get(member.token, id).expect(200)).body as Scorecard;
}

/** Saves a complete scorecard (with overrides) and submits it. */
async function fillAndSubmit(member: Member, id: string, over: Record<string, unknown> = {}): Promise<Scorecard> {
  const { revision } = await current(member, id);
  const saved = await api.save(member.token, id, { ...complete(over), revision }).expect(200);
  return (await api.submit(member.token, id, saved.body.revision as number).expect(200)).body as Scorecard;
}

async function ratingRows(scorecardId: string) {
  return (await t.db.query(
    `select criterion_key, competency_key, rating, evidence from scorecard_ratings where scorecard_id = $1
      order by criterion_key`,
    [scorecardId],
  )) as { criterion_key: string; competency_key: string; rating: number | null; evidence: string }[];
}

describe('my interviews', () => {
  it('lists upcoming, awaiting (overdue marked, soonest due first) and submitted, with counts for all three and the overdue', async () => {
    const dave = await g.member();
    const app = await newApplication();
    const upcoming = await schedule(app, dave, { startsAt: hoursFromNow(48) });
    const dueSoon = await schedule(app, dave, { startsAt: hoursFromNow(-2), feedbackDueAt: hoursFromNow(20) });
    const overdue = await schedule(app, dave, { startsAt: hoursFromNow(-30) });
    const done = await schedule(app, dave, { startsAt: hoursFromNow(-50) });
    await fillAndSubmit(dave, done.scorecard!.id);
    const cancelled = await schedule(app, dave, { startsAt: hoursFromNow(-40) });
    await t
      .http()
      .post(`/api/v1/interviews/${cancelled.id}/cancel`)
      .set(bearer(recruiter))
      .send({ revision: cancelled.revision })
      .expect(200);
    const handedOver = await schedule(app, dave, { startsAt: hoursFromNow(-40) });
    await t
      .http()
      .patch(`/api/v1/interviews/${handedOver.id}`)
      .set(bearer(recruiter))
      .send({ interviewerId: carl.user.id, revision: handedOver.revision })
      .expect(200);

    const awaiting = (await api.mine(dave.token).expect(200)).body as MyInterviewList;
    expect(awaiting.counts).toEqual({ upcoming: 1, awaiting: 2, submitted: 1, overdue: 1 });
    expect(awaiting.total).toBe(2);
    expect(awaiting.items.map((i) => [i.interviewId, i.overdue])).toEqual([
      [overdue.id, true],
      [dueSoon.id, false],
    ]);
    expect(awaiting.items[0]).toMatchObject({
      scorecardId: overdue.scorecard!.id,
      candidate: { name: CANDIDATE.name },
      opening: { id: opening.id, title: 'Tech Lead, Test' },
      step: 'System design',
      durationMinutes: 60,
      feedbackDueAt: overdue.feedbackDueAt,
      scorecardStatus: 'draft',
      submittedAt: null,
    });

    const up = (await api.mine(dave.token, { view: 'upcoming' }).expect(200)).body as MyInterviewList;
    expect(up.items.map((i) => [i.interviewId, i.overdue])).toEqual([[upcoming.id, false]]);
    const sub = (await api.mine(dave.token, { view: 'submitted' }).expect(200)).body as MyInterviewList;
    expect(sub.items).toEqual([
      expect.objectContaining({ interviewId: done.id, scorecardStatus: 'submitted', overdue: false }),
    ]);
    expect(sub.items[0]!.submittedAt).not.toBeNull();

    const page2 = (await api.mine(dave.token, { view: 'awaiting', page: 2, pageSize: 1 }).expect(200))
      .body as MyInterviewList;
    expect(page2).toMatchObject({ total: 2, page: 2, pageSize: 1 });
    expect(page2.items.map((i) => i.interviewId)).toEqual([dueSoon.id]);
  });

  it('answers empty lists and zero counts to someone without interviews', async () => {
    const res = await api.mine(admin.token).expect(200);
    expect(res.body).toEqual({
      items: [],
      total: 0,
      page: 1,
      pageSize: expect.any(Number),
      counts: { upcoming: 0, awaiting: 0, submitted: 0, overdue: 0 },
    });
  });
});

describe('interview kit', () => {
  it('gives the interviewer the focus competencies with anchors and probes, the questions, the red flags, the candidate and their own scorecard', async () => {
    const app = await newApplication();
    const i = await schedule(app, ana);
    const kit = (await api.kit(ana.token, i.id).expect(200)).body as InterviewKit;
    expect(kit.interview).toMatchObject({ id: i.id, step: 'System design', durationMinutes: 60, status: 'scheduled' });
    expect(kit.opening).toEqual({ id: opening.id, title: 'Tech Lead, Test' });
    expect(kit.candidate).toEqual({ ...CANDIDATE, id: expect.any(String), detailsHidden: false });
    // The id opens the candidate's files to this interviewer: the opening shows candidate details.
    const application = (await t.http().get(`/api/v1/applications/${app}`).set(bearer(recruiter)).expect(200)).body;
    expect(kit.candidate.id).toBe(application.candidate.id);
    await t.http().get(`/api/v1/candidates/${kit.candidate.id}/files`).set(bearer(ana.token)).expect(200);
    expect(kit.competencies).toEqual(opening.focus);
    expect(kit.competencies).toHaveLength(2);
    for (const cr of kit.competencies.flatMap((c) => c.criteria)) {
      expect(cr.anchors).toHaveLength(4);
      expect(cr.anchors.every((a) => a.length > 0)).toBe(true);
      expect(cr.prompt.length).toBeGreaterThan(0);
    }
    expect(kit.competencies.flatMap((c) => c.criteria).some((cr) => cr.probes.length > 0)).toBe(true);
    expect(kit.questionKeys).toEqual(opening.questionKeys);
    expect(kit.redFlags).toEqual(opening.redFlags);
    expect(kit.redFlags.some((f) => f.severity === 'dealbreaker')).toBe(true);
    expect(kit.scorecard).toMatchObject({
      id: i.scorecard!.id,
      interviewer: { id: ana.user.id },
      rubricVersionId: opening.rubricVersionId,
      checklistVersionId: opening.checklistVersionId,
      status: 'draft',
      ratings: [],
      notes: '',
      revision: 0,
    });

    await api.save(ana.token, i.scorecard!.id, { ...complete(), revision: 0 }).expect(200);
    const again = (await api.kit(ana.token, i.id).expect(200)).body as InterviewKit;
    expect(again.scorecard.notes).toBe('My private notes.');
    expect(again.scorecard.ratings.map((r) => r.criterionKey)).toEqual(criteria().map((c) => c.key));
  });

  it('shows only the candidate’s name when the opening hides CV details from interviewers', async () => {
    const hidden = await g.opening({ title: 'Hidden CV', hideCandidateDetails: true });
    const app = await newApplication(hidden);
    const i = await schedule(app, ana, { stepKey: hidden.steps[0]!.key });
    const kit = (await api.kit(ana.token, i.id).expect(200)).body as InterviewKit;
    expect(kit.candidate).toEqual({
      id: null,
      name: CANDIDATE.name,
      detailsHidden: true,
      currentTitle: null,
      currentCompany: null,
      location: null,
      links: null,
    });
  });

  it('is only for the interview’s current interviewer: others get 403, a cancelled interview 404', async () => {
    const app = await newApplication();
    const i = await schedule(app, ana);
    for (const token of [ben.token, admin.token, recruiter]) {
      const res = await api.kit(token, i.id).expect(403);
      expect(res.body.detail).toBe('Only the interviewer of this interview can open its kit.');
    }
    const moved = await t
      .http()
      .patch(`/api/v1/interviews/${i.id}`)
      .set(bearer(recruiter))
      .send({ interviewerId: ben.user.id, revision: i.revision })
      .expect(200);
    await api.kit(ana.token, i.id).expect(403);
    const kit = (await api.kit(ben.token, i.id).expect(200)).body as InterviewKit;
    expect(kit.scorecard.interviewer.id).toBe(ben.user.id);
    await t
      .http()
      .post(`/api/v1/interviews/${i.id}/cancel`)
      .set(bearer(recruiter))
      .send({ revision: moved.body.revision })
      .expect(200);
    await api.kit(ben.token, i.id).expect(404);
  });
});

describe('saving, submitting and amending', () => {
  it('saves a draft, submits it, and keeps the exact rubric version', async () => {
    const i = await schedule(await newApplication(), ana);
    const id = i.scorecard!.id;
    const saved = (await api.save(ana.token, id, { ...complete(), revision: 0 }).expect(200)).body as Scorecard;
    expect(saved).toMatchObject({
      status: 'draft',
      revision: 1,
      recommendation: 'yes',
      summary: 'A clear, grounded lead.',
      notes: 'My private notes.',
      rubricVersionId: opening.rubricVersionId,
      submittedAt: null,
    });
    const competencyOf = new Map(opening.focus.flatMap((c) => c.criteria.map((cr) => [cr.key, c.key])));
    expect(saved.ratings).toHaveLength(criteria().length);
    for (const r of saved.ratings) expect(r.competencyKey).toBe(competencyOf.get(r.criterionKey));
    expect(await ratingRows(id)).toHaveLength(criteria().length);

    const submitted = (await api.submit(ana.token, id, 1).expect(200)).body as Scorecard;
    expect(submitted).toMatchObject({ status: 'submitted', revision: 2, ratings: saved.ratings });
    expect(submitted.submittedAt).not.toBeNull();
  });

  it('refuses to submit an incomplete scorecard (422 listing exactly what is missing), and it stays a draft', async () => {
    const i = await schedule(await newApplication(), ana);
    const id = i.scorecard!.id;
    const [first, second, ...rest] = criteria();
    await api
      .save(ana.token, id, {
        ...complete(),
        revision: 0,
        ratings: [
          { criterionKey: first!.key, rating: 1, evidence: '  ' },
          { criterionKey: second!.key, rating: 2, evidence: '' },
        ],
        redFlags: [{ flagKey: concern().key, evidence: '' }],
        recommendation: null,
      })
      .expect(200);
    const draft = await current(ana, id);
    const res = await api.submit(ana.token, id, draft.revision).expect(422);
    expect(res.body.code).toBe('scorecard_incomplete');
    expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual([
      `ratings.${first!.key}.evidence`,
      ...rest.map((c) => `ratings.${c.key}`),
      `redFlags.${concern().key}.evidence`,
      'recommendation',
    ]);
    expect(await current(ana, id)).toMatchObject({ status: 'draft', revision: draft.revision, submittedAt: null });
  });

  it.each([
    ['a 4 without evidence', 4, false, 'ratings.{c}.evidence'],
    ['a 1 without evidence', 1, false, 'ratings.{c}.evidence'],
    ['a red flag without evidence', 3, true, 'redFlags.{f}.evidence'],
  ])('needs evidence for %s', async (_label, rating, flag, path) => {
    const i = await schedule(await newApplication(), ana);
    const id = i.scorecard!.id;
    const [first, ...rest] = criteria();
    const body = complete({
      ratings: [
        { criterionKey: first!.key, rating, evidence: '' },
        ...rest.map((c) => ({ criterionKey: c.key, rating: 2, evidence: '' })),
      ],
      redFlags: flag ? [{ flagKey: concern().key, evidence: '' }] : [],
    });
    await api.save(ana.token, id, { ...body, revision: 0 }).expect(200);
    const res = await api.submit(ana.token, id, 1).expect(422);
    expect(res.body.errors).toEqual([
      expect.objectContaining({ path: path.replace('{c}', first!.key).replace('{f}', concern().key) }),
    ]);
  });

  it('accepts 2s and 3s without evidence, and "not assessed" is an answer', async () => {
    const i = await schedule(await newApplication(), ana);
    const card = await fillAndSubmit(ana, i.scorecard!.id, {
      ratings: criteria().map((c, n) => ({ criterionKey: c.key, rating: [2, 3, null][n % 3], evidence: '' })),
    });
    expect(card.status).toBe('submitted');
    expect(card.ratings.filter((r) => r.rating === null).length).toBeGreaterThan(0);
  });

  it('submitting twice is harmless: the second answers the same scorecard, whatever revision it names', async () => {
    const i = await schedule(await newApplication(), ana);
    const first = await fillAndSubmit(ana, i.scorecard!.id);
    for (const revision of [first.revision, 0]) {
      const again = (await api.submit(ana.token, first.id, revision).expect(200)).body as Scorecard;
      expect(again).toEqual(first);
    }
  });

  it('a save based on an old revision answers 409 and changes nothing', async () => {
    const i = await schedule(await newApplication(), ana);
    const id = i.scorecard!.id;
    await api.save(ana.token, id, { ...complete(), revision: 0 }).expect(200);
    const before = await ratingRows(id);
    const res = await api
      .save(ana.token, id, { ...complete({ summary: 'From the other tab', ratings: [] }), revision: 0 })
      .expect(409);
    expect(res.body.code).toBe('stale_revision');
    expect(await current(ana, id)).toMatchObject({ revision: 1, summary: 'A clear, grounded lead.' });
    expect(await ratingRows(id)).toEqual(before);
    await api.submit(ana.token, id, 0).expect(409);
  });

  it('a submitted scorecard no longer saves (409), and the database itself refuses to change it', async () => {
    const i = await schedule(await newApplication(), ana);
    const card = await fillAndSubmit(ana, i.scorecard!.id);
    const res = await api
      .save(ana.token, card.id, { ...complete({ summary: 'Changed my mind' }), revision: card.revision })
      .expect(409);
    expect(res.body).toMatchObject({
      code: 'invalid_transition',
      detail: 'Submitted scorecards change only through an amendment.',
    });
    await expect(t.db.query(`update scorecards set summary = 'edited' where id = $1`, [card.id])).rejects.toThrow(
      'a submitted scorecard cannot change',
    );
    await expect(t.db.query(`update scorecards set status = 'void' where id = $1`, [card.id])).rejects.toThrow(
      'a submitted scorecard cannot change',
    );
    await expect(
      t.db.query(`update scorecards set application_id = application_id, interview_id = interview_id where id = $1`, [
        card.id,
      ]),
    ).rejects.toThrow('a submitted scorecard cannot change');
    await expect(t.db.query(`delete from scorecards where id = $1`, [card.id])).rejects.toThrow(
      'a submitted scorecard cannot change',
    );
    await expect(
      t.db.query(`update scorecard_ratings set rating = 1 where scorecard_id = $1`, [card.id]),
    ).rejects.toThrow('only a draft scorecard');
    await expect(t.db.query(`delete from scorecard_ratings where scorecard_id = $1`, [card.id])).rejects.toThrow(
      'only a draft scorecard',
    );
    await expect(
      t.db.query(
        `insert into scorecard_red_flags (organization_id, scorecard_id, flag_key, evidence)
         select organization_id, id, $2, 'late' from scorecards where id = $1`,
        [card.id, concern().key],
      ),
    ).rejects.toThrow('only a draft scorecard');
    expect(await current(ana, card.id)).toEqual(card);
  });

  it('an amendment by the author, with a reason, replaces the content, keeps the original, and records who, when and why', async () => {
    const i = await schedule(await newApplication(), ana);
    const card = await fillAndSubmit(ana, i.scorecard!.id);
    const originalRows = await ratingRows(card.id);
    const [first, ...rest] = criteria();
    const res = await api
      .amend(ana.token, card.id, {
        ...complete({
          ratings: [
            { criterionKey: first!.key, rating: 3, evidence: '' },
            ...rest.map((c) => ({ criterionKey: c.key, rating: 2, evidence: '' })),
          ],
          redFlags: [{ flagKey: concern().key, evidence: 'Talked only about their own code.' }],
          recommendation: 'no',
          summary: 'On reflection, not ready.',
        }),
        reason: 'I mixed up two candidates’ answers.',
        revision: card.revision,
      })
      .expect(200);
    const amended = res.body as Scorecard;
    expect(amended).toMatchObject({
      status: 'submitted',
      submittedAt: card.submittedAt,
      revision: card.revision + 1,
      recommendation: 'no',
      summary: 'On reflection, not ready.',
      redFlags: [{ flagKey: concern().key, evidence: 'Talked only about their own code.' }],
    });
    expect(amended.ratings[0]).toMatchObject({ criterionKey: first!.key, rating: 3 });
    expect(amended.amendments).toEqual([
      {
        by: { id: ana.user.id, name: ana.user.name },
        at: expect.any(String),
        reason: 'I mixed up two candidates’ answers.',
        // What it replaced (the first submission), and Ana had read no one else's feedback.
        original: {
          ratings: originalRows.map((r) => ({
            criterionKey: r.criterion_key,
            competencyKey: r.competency_key,
            rating: r.rating,
            evidence: r.evidence,
          })),
          recommendation: 'yes',
          summary: 'A clear, grounded lead.',
        },
        afterFeedback: false,
      },
    ]);
    expect(Date.parse(amended.amendments[0]!.at)).toBeGreaterThanOrEqual(Date.parse(card.submittedAt!));

    const [stored] = (await t.db.query(
      `select amended_by, reason, original from scorecard_amendments where scorecard_id = $1`,
      [card.id],
    )) as { amended_by: string; reason: string; original: Record<string, unknown> }[];
    expect(stored!.amended_by).toBe(ana.user.id);
    expect(stored!.original).toEqual({
      ratings: originalRows.map((r) => ({
        criterionKey: r.criterion_key,
        competencyKey: r.competency_key,
        rating: r.rating,
        evidence: r.evidence,
      })),
      redFlags: [],
      recommendation: 'yes',
      summary: 'A clear, grounded lead.',
    });
    // Others see the amendment history too.
    const seen = (await api.get(recruiter, card.id).expect(200)).body as Scorecard;
    expect(seen.amendments).toEqual(amended.amendments);
    expect(seen.notes).toBe('');
  });

  it('refuses amendments of drafts, stale ones, incomplete ones and ones without a reason, saving nothing', async () => {
    const i = await schedule(await newApplication(), ana);
    const id = i.scorecard!.id;
    const draft = await api.amend(ana.token, id, { ...complete(), reason: 'Typo', revision: 0 }).expect(409);
    expect(draft.body.code).toBe('invalid_transition');
    const card = await fillAndSubmit(ana, id);
    const stale = await api
      .amend(ana.token, id, { ...complete(), reason: 'Typo', revision: card.revision - 1 })
      .expect(409);
    expect(stale.body.code).toBe('stale_revision');
    const partial = await api
      .amend(ana.token, id, { ...complete({ recommendation: null }), reason: 'Typo', revision: card.revision })
      .expect(422);
    expect(partial.body.errors).toEqual([expect.objectContaining({ path: 'recommendation' })]);
    await api.amend(ana.token, id, { ...complete(), reason: ' ', revision: card.revision }).expect(400);
    expect(await current(ana, id)).toEqual(card);
    const rows = (await t.db.query(`select 1 from scorecard_amendments where scorecard_id = $1`, [id])) as unknown[];
    expect(rows).toHaveLength(0);
  });

  it('only the author saves, submits or amends: another interviewer, the recruiter and the admin get 403', async () => {
    const i = await schedule(await newApplication(), ana);
    const id = i.scorecard!.id;
    await api.save(ana.token, id, { ...complete(), revision: 0 }).expect(200);
    const before = await current(ana, id);
    for (const token of [ben.token, recruiter, admin.token]) {
      const res = await api.save(token, id, { ...complete({ summary: 'Not mine' }), revision: 1 }).expect(403);
      expect(res.body.code).toBe('forbidden');
      await api.submit(token, id, 1).expect(403);
    }
    const card = await fillAndSubmit(ana, id);
    for (const token of [ben.token, recruiter, admin.token]) {
      await api.amend(token, id, { ...complete(), reason: 'Because', revision: card.revision }).expect(403);
    }
    expect((await current(ana, id)).summary).toBe(before.summary);
    expect((await current(ana, id)).amendments).toEqual([]);
  });
});

describe('validation: bad keys are refused and nothing is saved', () => {
  let id: string;
  let saved: Scorecard;
  let otherRubricCriterion: string;

  beforeAll(async () => {
    const i = await schedule(await newApplication(), ana);
    id = i.scorecard!.id;
    saved = (await api.save(ana.token, id, { ...complete(), revision: 0 }).expect(200)).body as Scorecard;
    const rubric = await t
      .http()
      .post('/api/v1/rubrics')
      .set(bearer(admin.token))
      .send({ name: 'Another rubric', content: rubricContent() })
      .expect(201);
    otherRubricCriterion = (rubric.body as RubricDetail).draft!.content.competencies[0]!.criteria[0]!.key;
  });

  const rating = (criterionKey: string, value: unknown = 3) => [{ criterionKey, rating: value, evidence: 'x' }];

  it.each<[string, () => Record<string, unknown>, string]>([
    [
      'an unknown criterion',
      () => ({ ratings: rating('00000000-0000-4000-8000-000000000000') }),
      'ratings.0.criterionKey',
    ],
    ['a criterion of another rubric', () => ({ ratings: rating(otherRubricCriterion) }), 'ratings.0.criterionKey'],
    [
      'a criterion of a competency outside the step’s focus, beside asked ones',
      () => ({ ratings: [...rating(opening.competencies[3]!.criteria[0]!.key), ...complete().ratings] }),
      'ratings.0.criterionKey',
    ],
    [
      'a rubric criterion another step asks, rated "not assessed"',
      () => ({ ratings: rating(opening.competencies[2]!.criteria[0]!.key, null) }),
      'ratings.0.criterionKey',
    ],
  ])('%s → 400 criterion_not_asked', async (_label, over, path) => {
    const before = await ratingRows(id);
    const res = await api.save(ana.token, id, { ...complete(over()), revision: saved.revision }).expect(400);
    expect(res.body.code).toBe('criterion_not_asked');
    expect(res.body.errors).toEqual([
      { path, message: 'This question was not asked in this interview: rate only the questions it asked.' },
    ]);
    expect(await current(ana, id)).toEqual(saved);
    expect(await ratingRows(id)).toEqual(before);
  });

  it.each<[string, () => Record<string, unknown>, string]>([
    ['a rating of 5', () => ({ ratings: rating(criteria()[0]!.key, 5) }), 'ratings.0.rating'],
    ['a rating of 0', () => ({ ratings: rating(criteria()[0]!.key, 0) }), 'ratings.0.rating'],
    [
      'a red flag from nowhere',
      () => ({ redFlags: [{ flagKey: '00000000-0000-4000-8000-000000000000', evidence: 'x' }] }),
      'redFlags.0.flagKey',
    ],
    ['an unknown recommendation', () => ({ recommendation: 'maybe' }), 'recommendation'],
  ])('%s → 400', async (_label, over, path) => {
    const before = await ratingRows(id);
    const res = await api.save(ana.token, id, { ...complete(over()), revision: saved.revision }).expect(400);
    expect(res.body.code).toBe('validation_failed');
    expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
    expect(await current(ana, id)).toEqual(saved);
    expect(await ratingRows(id)).toEqual(before);
  });
});

describe('independence before discussion', () => {
  let app: string;
  let anaCard: string;
  let benCard: Scorecard;
  let hmCard: string;

  const boardCard = async (token: string): Promise<BoardCard> => {
    const res = await t.http().get(`/api/v1/openings/${opening.id}/board`).set(bearer(token)).expect(200);
    return (res.body.columns as { cards: BoardCard[] }[]).flatMap((c) => c.cards).find((c) => c.applicationId === app)!;
  };

  beforeAll(async () => {
    app = await newApplication();
    anaCard = (await schedule(app, ana)).scorecard!.id;
    hmCard = (await schedule(app, hm)).scorecard!.id;
    const benInterview = await schedule(app, ben);
    await api.save(ana.token, anaCard, { ...complete({ summary: 'Ana’s view' }), revision: 0 }).expect(200);
    benCard = await fillAndSubmit(ben, benInterview.scorecard!.id, {
      ratings: criteria().map((c) => ({ criterionKey: c.key, rating: 2, evidence: '' })),
      summary: 'Ben’s view',
      redFlags: [{ flagKey: dealbreaker().key, evidence: 'Has never mentored anyone.' }],
      recommendation: 'strong_no',
    });
  });

  it('an interviewer with a draft gets 403 for another’s scorecard and for the list', async () => {
    const one = await api.get(ana.token, benCard.id).expect(403);
    expect(one.body.detail).toBe('Submit your own scorecard first: until then the panel’s feedback stays hidden.');
    const list = await api.list(ana.token, app).expect(403);
    expect(list.body.detail).toBe('Submit your own scorecard first: until then the panel’s feedback stays hidden.');
  });

  it('an interviewer who is not on the panel gets 403, even with a submitted scorecard elsewhere', async () => {
    await api.get(carl.token, benCard.id).expect(403);
    await api.list(carl.token, app).expect(403);
  });

  it('nobody but its author reads a draft, whatever their role', async () => {
    for (const token of [ben.token, recruiter, admin.token]) {
      const res = await api.get(token, anaCard).expect(403);
      expect(res.body.code).toBe('forbidden');
    }
    expect((await current(ana, anaCard)).notes).toBe('My private notes.');
  });

  it('recruiters and admins read the submitted scorecards, without the author’s notes', async () => {
    for (const token of [recruiter, admin.token]) {
      const list = (await api.list(token, app).expect(200)).body as { items: Scorecard[] };
      expect(list.items.map((c) => c.id)).toEqual([benCard.id]);
      expect(list.items[0]).toMatchObject({ summary: 'Ben’s view', recommendation: 'strong_no', notes: '' });
      expect(list.items[0]!.redFlags).toEqual([{ flagKey: dealbreaker().key, evidence: 'Has never mentored anyone.' }]);
      const one = (await api.get(token, benCard.id).expect(200)).body as Scorecard;
      expect(one).toEqual({ ...benCard, notes: '' });
    }
  });

  it('a hiring manager on the panel is refused until they submit, and the board hides the dealbreaker from them', async () => {
    await api.get(hm.token, benCard.id).expect(403);
    await api.list(hm.token, app).expect(403);
    expect((await boardCard(hm.token)).dealbreaker).toBe(false);
    expect((await boardCard(recruiter)).dealbreaker).toBe(true);
    await fillAndSubmit(hm, hmCard);
    await api.get(hm.token, benCard.id).expect(200);
    await api.list(hm.token, app).expect(200);
    expect((await boardCard(hm.token)).dealbreaker).toBe(true);
  });

  it('once the interviewer submits, they read the panel’s scorecards (their own notes included, others’ not)', async () => {
    await fillAndSubmit(ana, anaCard, { summary: 'Ana’s view' });
    await api.get(ana.token, benCard.id).expect(200);
    const list = (await api.list(ana.token, app).expect(200)).body as { items: Scorecard[] };
    const byAuthor = new Map(list.items.map((c) => [c.interviewer.id, c]));
    expect(byAuthor.get(ana.user.id)!.notes).toBe('My private notes.');
    expect(byAuthor.get(ben.user.id)!.notes).toBe('');
    expect(list.items).toHaveLength(3);
    // …but still not another application's.
    const elsewhere = await newApplication();
    const stranger = await schedule(elsewhere, carl);
    const strangerCard = await fillAndSubmit(carl, stranger.scorecard!.id);
    await api.get(ana.token, strangerCard.id).expect(403);
    await api.list(ana.token, elsewhere).expect(403);
  });

  it('a concern is not a dealbreaker on the board', async () => {
    const a = await newApplication();
    const i = await schedule(a, carl);
    await fillAndSubmit(carl, i.scorecard!.id, {
      redFlags: [{ flagKey: concern().key, evidence: 'Only their code.' }],
    });
    const res = await t.http().get(`/api/v1/openings/${opening.id}/board`).set(bearer(recruiter)).expect(200);
    const card = (res.body.columns as { cards: BoardCard[] }[])
      .flatMap((c) => c.cards)
      .find((c) => c.applicationId === a)!;
    expect(card).toMatchObject({ scorecardsIn: 1, dealbreaker: false });
  });
});

describe('isolation', () => {
  it('another organization gets 404 on every route, and changes nothing', async () => {
    const app = await newApplication();
    const i = await schedule(app, ana);
    const card = await fillAndSubmit(ana, i.scorecard!.id);
    const draftInterview = await schedule(app, ben);
    const draft = draftInterview.scorecard!.id;
    const o = other.token;
    await api.kit(o, i.id).expect(404);
    await api.get(o, card.id).expect(404);
    await api.list(o, app).expect(404);
    await api.save(o, draft, { ...complete(), revision: 0 }).expect(404);
    await api.submit(o, draft, 0).expect(404);
    await api.amend(o, card.id, { ...complete(), reason: 'Mine now', revision: card.revision }).expect(404);
    const mine = (await api.mine(o).expect(200)).body as MyInterviewList;
    expect(mine.counts).toEqual({ upcoming: 0, awaiting: 0, submitted: 0, overdue: 0 });
    expect(await current(ana, card.id)).toEqual(card);
    expect(await current(ben, draft)).toMatchObject({ revision: 0, status: 'draft', ratings: [] });
  });

  it('unknown ids answer 404', async () => {
    const nobody = '00000000-0000-4000-8000-000000000000';
    await api.kit(ana.token, nobody).expect(404);
    await api.get(ana.token, nobody).expect(404);
    await api.list(admin.token, nobody).expect(404);
    await api.save(ana.token, nobody, { ...complete(), revision: 0 }).expect(404);
    await api.submit(ana.token, nobody, 0).expect(404);
  });
});

describe('a rating is the rating of an answer that was asked', () => {
  /** The second step focuses on the third competency but asks only its first criterion. */
  const third = () => opening.competencies[2]!;
  const secondStep = () => ({ stepKey: opening.steps[1]!.key });
  const askedOnly = (rating: 1 | 2 | 3 | 4 | null = 3) => [
    { criterionKey: third().criteria[0]!.key, rating, evidence: rating === 4 || rating === 1 ? 'Seen.' : '' },
  ];

  /** An old rating on a question the interview did not ask, as the migration left it (owner connection). */
  async function insertLegacyUnasked(scorecardId: string, criterionKey: string, rating: number) {
    await t.db.transaction(async (m) => {
      await m.query(`select set_config('scorecard.amending', 'on', true)`);
      await m.query(
        `insert into scorecard_ratings (organization_id, scorecard_id, criterion_key, competency_key, rating, evidence, asked)
         select organization_id, id, $2, $3, $4, 'Rated without asking.', false from scorecards where id = $1`,
        [scorecardId, criterionKey, third().key, rating],
      );
    });
  }

  it('the kit holds only the asked competencies, each with only its asked criteria', async () => {
    const i = await schedule(await newApplication(), ana, secondStep());
    const kit = (await api.kit(ana.token, i.id).expect(200)).body as InterviewKit;
    expect(kit.competencies.map((c) => [c.key, c.criteria.map((cr) => cr.key)])).toEqual([
      [third().key, [third().criteria[0]!.key]],
    ]);
    expect(kit.interview.stepKind).toBe('assessment');
    expect(kit.candidateQuestions).toBeNull();
  });

  it('a rating of a focus criterion the step did not ask → 400 criterion_not_asked on save and on amendment, nothing saved', async () => {
    const i = await schedule(await newApplication(), ana, secondStep());
    const id = i.scorecard!.id;
    const unasked = { criterionKey: third().criteria[1]!.key, rating: 4, evidence: 'I asked it anyway.' };
    const refused = await api
      .save(ana.token, id, { ...complete({ ratings: [...askedOnly(), unasked] }), revision: 0 })
      .expect(400);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.body).toMatchObject({
      code: 'criterion_not_asked',
      errors: [{ path: 'ratings.1.criterionKey', message: expect.stringContaining('not asked') }],
    });
    expect(await ratingRows(id)).toEqual([]);
    expect(await current(ana, id)).toMatchObject({ revision: 0, summary: '' });

    const card = await fillAndSubmit(ana, id, { ratings: askedOnly() });
    expect(card.ratings).toEqual([
      {
        criterionKey: third().criteria[0]!.key,
        competencyKey: third().key,
        rating: 3,
        evidence: '',
        asked: true,
      },
    ]);
    const amend = await api
      .amend(ana.token, id, {
        ...complete({ ratings: [...askedOnly(2), unasked], recommendation: 'no' }),
        reason: 'Adding what I heard',
        revision: card.revision,
      })
      .expect(400);
    expect(amend.body.code).toBe('criterion_not_asked');
    expect(await current(ana, id)).toEqual(card);
    expect(await t.db.query(`select 1 from scorecard_amendments where scorecard_id = $1`, [id])).toHaveLength(0);
  });

  it('completeness is over the asked criteria only', async () => {
    const i = await schedule(await newApplication(), ana, secondStep());
    await api.save(ana.token, i.scorecard!.id, { ...complete({ ratings: [] }), revision: 0 }).expect(200);
    const res = await api.submit(ana.token, i.scorecard!.id, 1).expect(422);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual([`ratings.${third().criteria[0]!.key}`]);
  });

  it('an old unasked rating stays on the card, marked, read-only, through saves, submit and amendment, and counts in no figure', async () => {
    const app = await newApplication();
    const i = await schedule(app, ana, secondStep());
    const id = i.scorecard!.id;
    await api
      .save(ana.token, id, { ...complete({ ratings: askedOnly(2), recommendation: 'no' }), revision: 0 })
      .expect(200);
    await insertLegacyUnasked(id, third().criteria[1]!.key, 4);
    const legacy = {
      criterionKey: third().criteria[1]!.key,
      competencyKey: third().key,
      rating: 4,
      evidence: 'Rated without asking.',
      asked: false,
    };
    const draft = await current(ana, id);
    expect(draft.ratings).toEqual([expect.objectContaining({ rating: 2, asked: true }), legacy]);
    // The kit names it, for showing it apart from the asked questions, which stay the only ones to rate.
    const kit = (await api.kit(ana.token, i.id).expect(200)).body as InterviewKit;
    expect(kit.unaskedCriteria).toEqual([
      { key: third().criteria[1]!.key, title: third().criteria[1]!.title, competency: third().name },
    ]);
    expect(kit.competencies.flatMap((c) => c.criteria.map((cr) => cr.key))).toEqual([third().criteria[0]!.key]);

    // A save replaces only the asked ratings; the old one survives and is not required for submit.
    const saved = await api
      .save(ana.token, id, { ...complete({ ratings: askedOnly(2), recommendation: 'no' }), revision: draft.revision })
      .expect(200);
    expect((saved.body as Scorecard).ratings).toEqual([expect.objectContaining({ rating: 2, asked: true }), legacy]);
    const submitted = (await api.submit(ana.token, id, saved.body.revision).expect(200)).body as Scorecard;
    expect(submitted.ratings).toContainEqual(legacy);

    // The first submission, which every figure reads, holds only the asked rating.
    const firsts = await t.db.query(
      `select criterion_key, rating from scorecard_first_ratings where scorecard_id = $1`,
      [id],
    );
    expect(firsts).toEqual([{ criterion_key: third().criteria[0]!.key, rating: 2 }]);

    // An amendment replaces the asked ratings only.
    const amended = await api
      .amend(ana.token, id, {
        ...complete({ ratings: askedOnly(1), recommendation: 'strong_no' }),
        reason: 'Re-read my notes',
        revision: submitted.revision,
      })
      .expect(200);
    expect((amended.body as Scorecard).ratings).toEqual([expect.objectContaining({ rating: 1, asked: true }), legacy]);
    // The panel's view of the card marks it too.
    const seen = (await api.get(recruiter, id).expect(200)).body as Scorecard;
    expect(seen.ratings.find((r) => !r.asked)).toEqual(legacy);
    // The debrief's figures leave it out, in both views: the independent one reads the first
    // submission (the asked 2), the amended one the asked 1; the unasked 4 is in neither.
    for (const [view, mean] of [
      ['independent', 2],
      ['with_amendments', 1],
    ] as const) {
      const debrief = (
        await t
          .http()
          .get(`/api/v1/applications/${app}/debrief`)
          .query({ ratings: view })
          .set(bearer(recruiter))
          .expect(200)
      ).body as {
        competencies: {
          key: string;
          stat: { mean: number; count: number } | null;
          criteria: { key: string; stat: unknown }[];
        }[];
      };
      const competency = debrief.competencies.find((c) => c.key === third().key)!;
      expect(competency.stat).toMatchObject({ mean, count: 1 });
      expect(competency.criteria.find((c) => c.key === third().criteria[1]!.key)!.stat).toBeNull();
    }
  });
});

describe('a recommendation that contradicts its own ratings', () => {
  const all = (rating: 1 | 2 | 3 | 4) =>
    criteria().map((c) => ({ criterionKey: c.key, rating, evidence: rating === 1 || rating === 4 ? 'Seen.' : '' }));

  it('submit: 422 naming the mean until confirmed, then the confirmation is recorded and shown', async () => {
    const i = await schedule(await newApplication(), ana);
    const id = i.scorecard!.id;
    await api
      .save(ana.token, id, { ...complete({ ratings: all(2), recommendation: 'strong_yes' }), revision: 0 })
      .expect(200);
    const refused = await api.submit(ana.token, id, 1).expect(422);
    expect(refused.body).toMatchObject({
      code: 'recommendation_contradicts_ratings',
      detail:
        '“Strong yes” with your ratings averaging 2.00 (under 2.5): confirm that this is your recommendation, or change it or your ratings.',
    });
    expect(await current(ana, id)).toMatchObject({ status: 'draft', revision: 1, contradictionConfirmedAt: null });

    const confirmed = (
      await t
        .http()
        .post(`/api/v1/scorecards/${id}/submit`)
        .set(bearer(ana.token))
        .send({ revision: 1, confirmContradiction: true })
        .expect(200)
    ).body as Scorecard;
    expect(confirmed.status).toBe('submitted');
    expect(confirmed.contradictionConfirmedAt).not.toBeNull();
    expect(Date.parse(confirmed.contradictionConfirmedAt!)).toBeLessThanOrEqual(Date.parse(confirmed.submittedAt!));
    expect(((await api.get(recruiter, id).expect(200)).body as Scorecard).contradictionConfirmedAt).toBe(
      confirmed.contradictionConfirmedAt,
    );
  });

  it('a recommendation in line with the ratings needs no confirmation and records none', async () => {
    const i = await schedule(await newApplication(), ana);
    const card = await fillAndSubmit(ana, i.scorecard!.id, { ratings: all(2), recommendation: 'no' });
    expect(card.contradictionConfirmedAt).toBeNull();
  });

  it('amend: 422 until confirmed, nothing amended; confirmed, it is amended and recorded', async () => {
    const i = await schedule(await newApplication(), ana);
    const id = i.scorecard!.id;
    const card = await fillAndSubmit(ana, id, { ratings: all(3), recommendation: 'yes' });
    const body = {
      ...complete({ ratings: all(4), recommendation: 'strong_no' }),
      reason: 'Changed my mind',
      revision: card.revision,
    };
    const refused = await api.amend(ana.token, id, body).expect(422);
    expect(refused.body.code).toBe('recommendation_contradicts_ratings');
    expect(refused.body.detail).toContain('averaging 4.00 (over 3.0)');
    expect(await current(ana, id)).toEqual(card);
    const amended = (await api.amend(ana.token, id, { ...body, confirmContradiction: true }).expect(200))
      .body as Scorecard;
    expect(amended).toMatchObject({ recommendation: 'strong_no', contradictionConfirmedAt: expect.any(String) });
  });
});

describe('a scorecard is submitted once its interview has started', () => {
  it('before the start: saved as a draft, but submit answers 422 interview_not_started with the start time', async () => {
    const startsAt = new Date(Math.ceil((Date.now() + 48 * HOUR) / 60_000) * 60_000).toISOString();
    const i = await schedule(await newApplication(), ana, { startsAt });
    const id = i.scorecard!.id;
    await api.save(ana.token, id, { ...complete(), revision: 0 }).expect(200);
    const res = await api.submit(ana.token, id, 1).expect(422);
    expect(res.body.code).toBe('interview_not_started');
    expect(res.body.detail).toBe(
      `This interview starts at ${startsAt.slice(0, 16).replace('T', ' ')} UTC: submit the scorecard once it has started. Until then you can save it as a draft.`,
    );
    expect(await current(ana, id)).toMatchObject({ status: 'draft', revision: 1, submittedAt: null });
  });
});

describe('the candidate’s questions step', () => {
  let stepKey: string;

  beforeAll(async () => {
    const current = (await t.http().get(`/api/v1/openings/${closing.id}`).set(bearer(admin.token)).expect(200)).body;
    stepKey = '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
    const expectations = {
      ...current.expectations,
      codingTime: 'About 60% hands-on, protected on Tuesdays and Thursdays.',
    };
    const patched = await t
      .http()
      .patch(`/api/v1/openings/${closing.id}`)
      .set(bearer(admin.token))
      .send({ expectations, codingSharePct: 60, revision: current.revision })
      .expect(200);
    await t
      .http()
      .put(`/api/v1/openings/${closing.id}/plan`)
      .set(bearer(admin.token))
      .send({
        steps: [
          ...current.plan.steps,
          {
            key: stepKey,
            name: 'Your questions',
            kind: 'candidate_questions',
            durationMinutes: 15,
            focusCompetencyKeys: [],
            interviewerIds: [],
            criterionKeys: [],
          },
        ],
        revision: patched.body.revision,
      })
      .expect(200);
  });

  it('copies the kind to the interview; its kit has no competencies and the candidate’s topics with the opening’s own answers', async () => {
    const i = await schedule(await newApplication(closing), ana, { stepKey });
    expect(i.step).toEqual({ key: stepKey, name: 'Your questions', kind: 'candidate_questions' });
    const kit = (await api.kit(ana.token, i.id).expect(200)).body as InterviewKit;
    expect(kit.interview.stepKind).toBe('candidate_questions');
    expect(kit.competencies).toEqual([]);
    expect(kit.candidateQuestions!.codingSharePct).toBe(60);
    expect(kit.candidateQuestions!.topics.map((x) => x.key)).toEqual([
      'technicalAuthority',
      'codingTime',
      'teamQuality',
      'emPartnership',
      'growthPath',
    ]);
    expect(kit.candidateQuestions!.topics[1]).toMatchObject({
      label: 'Coding time',
      opening: 'About 60% hands-on, protected on Tuesdays and Thursdays.',
      guidance: expect.stringContaining('50-70%'),
    });
    expect(kit.scorecard.stepKind).toBe('candidate_questions');
  });

  it('its scorecard takes notes and a summary only: no rating (400 criterion_not_asked), no recommendation (400), submitted without either', async () => {
    const i = await schedule(await newApplication(closing), ana, { stepKey });
    const id = i.scorecard!.id;
    const rated = await api.save(ana.token, id, { ...complete({ recommendation: null }), revision: 0 }).expect(400);
    expect(rated.body.code).toBe('criterion_not_asked');
    const recommended = await api
      .save(ana.token, id, { ...complete({ ratings: [], recommendation: 'yes' }), revision: 0 })
      .expect(400);
    expect(recommended.body).toMatchObject({
      code: 'validation_failed',
      errors: [expect.objectContaining({ path: 'recommendation' })],
    });
    const saved = await api
      .save(ana.token, id, {
        ...complete({ ratings: [], recommendation: null, summary: 'Asked about on-call and the EM split.' }),
        revision: 0,
      })
      .expect(200);
    const card = (await api.submit(ana.token, id, saved.body.revision).expect(200)).body as Scorecard;
    expect(card).toMatchObject({ status: 'submitted', ratings: [], recommendation: null });
  });
});
