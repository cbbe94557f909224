import { beforeAll, describe, expect, it } from '@jest/globals';
import type { Application, CompetencyPath, Interview, QualificationPath } from '@scorecard/contracts';
import { apiOf } from '../support/api-client.js';
import type { FocusedOpening } from '../support/factories.js';
import { flagOf, given, type Given, type Member, type ScorecardContent } from '../support/given.js';
import { useTestApp } from '../support/test-app.js';

const t = useTestApp();

/** Every criterion of the opening's first step rated `rating`, with its recommendation. */
function rated(
  opening: FocusedOpening,
  rating: 1 | 2 | 3 | 4,
  recommendation: ScorecardContent['recommendation'] = rating >= 3 ? 'yes' : 'no',
): Partial<ScorecardContent> {
  return {
    ratings: opening.focus
      .flatMap((c) => c.criteria)
      .map((c) => ({ criterionKey: c.key, rating, evidence: `Seen in the interview (${rating})` })),
    recommendation,
  };
}

/** The path's entry for one competency. */
const entry = (path: QualificationPath, key: string): CompetencyPath =>
  path.competencies.find((c) => c.competencyKey === key)!;

/** How many interviews, scorecards and levels the organization holds: a refused request changes none. */
async function footprint(g: Given): Promise<Record<string, number>> {
  const [row] = (await t.db.query(
    `select (select count(*)::int from interviews where organization_id = $1) as interviews,
            (select count(*)::int from scorecards where organization_id = $1) as scorecards,
            (select count(*)::int from interviewer_levels where organization_id = $1) as levels,
            (select count(*)::int from interviews where organization_id = $1 and training is not null) as paired`,
    [g.session.organization.id],
  )) as Record<string, number>[];
  return row!;
}

/** Schedules `lead`'s interview of the application's first step and adds `added` in `mode`. */
async function paired(
  g: Given,
  application: Application,
  lead: Member,
  added: Member,
  mode: 'shadow' | 'reverse_shadow' = 'shadow',
): Promise<{ main: Interview; seat: Interview }> {
  const main = await g.scheduledInterview({ application, interviewer: lead });
  const seat = await g.api
    .as(g.recruiter)
    .call('addTrainingSeat', { params: { id: main.id }, body: { mode, interviewerId: added.user.id } });
  const after = (
    await g.api.as(g.recruiter).call('listApplicationInterviews', { params: { id: application.id }, query: {} })
  ).items;
  return { main: after.find((i) => i.id === main.id)!, seat };
}

describe('qualification settings', () => {
  it('start at 2 and 2 sessions, no calibration check, nobody new shadowing; everyone may read them', async () => {
    const g = await given(t, 'Settings Defaults Co');
    const ana = await g.member();
    expect(await g.api.as(ana).call('getQualificationSettings', {})).toEqual({
      shadowSessions: 2,
      reverseShadowSessions: 2,
      needsCalibration: false,
      newInterviewersShadow: false,
      newInterviewersShadowSince: null,
    });
  });

  it('an admin changes them; members added from then on start shadowing every competency, earlier ones stay qualified', async () => {
    const g = await given(t, 'New Shadows Co');
    await g.opening();
    const before = await g.member({ name: 'Bea Before' });
    const changed = await g.api.as(g.admin).call('updateQualificationSettings', {
      body: { shadowSessions: 3, reverseShadowSessions: 1, needsCalibration: true, newInterviewersShadow: true },
    });
    expect(changed).toMatchObject({
      shadowSessions: 3,
      reverseShadowSessions: 1,
      needsCalibration: true,
      newInterviewersShadow: true,
    });
    expect(Date.parse(changed.newInterviewersShadowSince!)).toBeLessThanOrEqual(Date.now());
    const after = await g.member({ name: 'Ari After' });

    const bea = await g.api.as(before).call('getMyQualification', {});
    const ari = await g.api.as(after).call('getMyQualification', {});
    expect(bea.competencies.length).toBeGreaterThan(0);
    expect(new Set(bea.competencies.map((c) => c.level))).toEqual(new Set(['qualified']));
    expect(new Set(ari.competencies.map((c) => c.level))).toEqual(new Set(['shadowing']));
    expect(ari.competencies[0]).toMatchObject({
      done: 0,
      needed: 3,
      ready: false,
      nextStep: 'shadow',
      nextLevel: 'reverse_shadowing',
    });

    // Switched on again, it keeps the first start; switched off, newcomers' defaults are qualified again.
    const again = await g.api
      .as(g.admin)
      .call('updateQualificationSettings', { body: { newInterviewersShadow: true } });
    expect(again.newInterviewersShadowSince).toBe(changed.newInterviewersShadowSince);
    await g.api.as(g.admin).call('updateQualificationSettings', { body: { newInterviewersShadow: false } });
    const ariNow = await g.api.as(after).call('getMyQualification', {});
    expect(new Set(ariNow.competencies.map((c) => c.level))).toEqual(new Set(['qualified']));
  });

  it.each([
    [{ shadowSessions: 0 }, 'shadowSessions', 'At least 1 shadow session.'],
    [{ shadowSessions: 21 }, 'shadowSessions', 'At most 20 shadow sessions.'],
    [
      { reverseShadowSessions: 1.5 },
      'reverseShadowSessions',
      'Give the number of reverse-shadow sessions as a whole number.',
    ],
    [
      { needsCalibration: 'yes' },
      'needsCalibration',
      'Say whether qualifying needs the calibration check: true or false.',
    ],
    [{}, '(body)', 'Change at least one setting.'],
  ])('refuses %j with a clear message and changes nothing', async (body, path, message) => {
    const g = await given(t, 'Invalid Qualification Co', { recruiter: false });
    const res = await apiOf(t).as(g.admin).raw('updateQualificationSettings', { body }).expect(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.code).toBe('validation_failed');
    expect(res.body.errors).toContainEqual({ path, message });
    expect(await apiOf(t).as(g.admin).call('getQualificationSettings', {})).toMatchObject({
      shadowSessions: 2,
      reverseShadowSessions: 2,
      needsCalibration: false,
    });
  });

  it('lets only admins change them, and refuses unknown fields', async () => {
    const g = await given(t, 'Qualification Roles Co');
    const hm = await g.member({ role: 'hiring_manager' });
    const ana = await g.member();
    await g.api
      .as(g.admin)
      .raw('updateQualificationSettings', { body: { shadowSessions: 3, weekends: true } })
      .expect(400);
    for (const member of [g.recruiter, hm, ana]) {
      const res = await g.api
        .as(member)
        .call('updateQualificationSettings', { body: { shadowSessions: 5 } })
        .expect(403);
      expect(res.body.code).toBe('forbidden');
    }
    expect((await g.api.as(g.admin).call('getQualificationSettings', {})).shadowSessions).toBe(2);
  });
});

describe('scheduling a shadow beside a qualified lead', () => {
  let g: Given;
  let opening: FocusedOpening;
  let lea: Member, otto: Member, tara: Member, hm: Member;
  let elsewhere: Given;
  let foreignInterview: Interview;

  beforeAll(async () => {
    g = await given(t, 'Shadow Scheduling Co');
    [hm, lea, otto, tara] = await Promise.all([
      g.member({ role: 'hiring_manager', name: 'Hana Manager' }),
      g.member({ name: 'Lea Lead' }),
      g.member({ name: 'Otto Other' }),
      g.member({ name: 'Tara Trainee' }),
    ]);
    opening = await g.opening({ update: { hiringManagerId: hm.user.id } });
    await g.api.as(g.admin).call('startTraining', {
      params: { id: tara.user.id },
      body: { competencyKeys: opening.focus.map((c) => c.key) },
    });
    elsewhere = await given(t, 'Elsewhere Shadow Co');
    await elsewhere.opening();
    const theirs = await elsewhere.member();
    foreignInterview = await elsewhere.scheduledInterview({
      application: await elsewhere.application({ stages: ['screen', 'interviews'] }),
      interviewer: theirs,
    });
  });

  it('an admin starts someone shadowing in chosen competencies; the others stay qualified', async () => {
    const path = await g.api.as(tara).call('getMyQualification', {});
    const focus = new Set(opening.focus.map((c) => c.key));
    for (const c of path.competencies) expect(c.level).toBe(focus.has(c.competencyKey) ? 'shadowing' : 'qualified');
  });

  it('adds the shadow as a seat of its own with a shadow scorecard; the lead’s seat and scorecard stay counted', async () => {
    const a = await g.application({ stages: ['screen', 'interviews'] });
    const { main, seat } = await paired(g, a, lea, tara);
    expect(seat).toMatchObject({
      applicationId: a.id,
      interviewer: { id: tara.user.id, name: 'Tara Trainee' },
      step: main.step,
      startsAt: main.startsAt,
      durationMinutes: main.durationMinutes,
      feedbackDueAt: main.feedbackDueAt,
      status: 'scheduled',
      scorecard: { status: 'draft' },
      training: { mode: 'shadow', trainee: true, companionOf: main.id },
    });
    expect(main.training).toEqual({ mode: 'shadow', trainee: false, companionOf: null });
    const cards = (await t.db.query(`select id, shadow from scorecards where id = any($1::uuid[]) order by shadow`, [
      [main.scorecard!.id, seat.scorecard!.id],
    ])) as { id: string; shadow: boolean }[];
    expect(cards).toEqual([
      { id: main.scorecard!.id, shadow: false },
      { id: seat.scorecard!.id, shadow: true },
    ]);
    // The shadow has the interview in their own list, to write their scorecard.
    const mine = await g.api.as(tara).call('listMyInterviews', { query: {} });
    expect(JSON.stringify(mine)).toContain(seat.id);
  });

  it.each([
    ['a lead who is not qualified', 'tara', 'otto', 'shadow', /not qualified in every competency/],
    ['a shadow who is already qualified', 'lea', 'otto', 'shadow', /shadowing in at least one competency/],
    ['a reverse shadow led by someone qualified', 'lea', 'otto', 'reverse_shadow', /not reverse-shadowing/],
    ['the lead as their own shadow', 'lea', 'lea', 'shadow', /someone other than/],
  ] as const)(
    'refuses %s with 422 training_refused and changes nothing',
    async (_what, leadName, addedName, mode, message) => {
      const people = { lea, otto, tara } as const;
      const a = await g.application({ stages: ['screen', 'interviews'] });
      const main = await g.scheduledInterview({ application: a, interviewer: people[leadName] });
      const before = await footprint(g);
      const res = await g.api
        .as(g.recruiter)
        .call('addTrainingSeat', { params: { id: main.id }, body: { mode, interviewerId: people[addedName].user.id } })
        .expect(422);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body.code).toBe('training_refused');
      expect(res.body.detail).toMatch(message);
      expect(await footprint(g)).toEqual(before);
    },
  );

  it('refuses a second pairing, a pairing on the added seat, on a cancelled interview and after the lead submitted', async () => {
    const a = await g.application({ stages: ['screen', 'interviews'] });
    const { main, seat } = await paired(g, a, lea, tara);
    const add = (id: string) =>
      g.api
        .as(g.recruiter)
        .call('addTrainingSeat', { params: { id }, body: { mode: 'shadow', interviewerId: tara.user.id } });
    expect((await add(main.id).expect(422)).body.detail).toMatch(/already has a training pairing/);
    expect((await add(seat.id).expect(422)).body.detail).toMatch(/already has a training pairing/);

    const cancelled = await g.scheduledInterview({ application: a, interviewer: lea });
    await g.api
      .as(g.recruiter)
      .call('cancelInterview', { params: { id: cancelled.id }, body: { revision: cancelled.revision } });
    expect((await add(cancelled.id).expect(422)).body.code).toBe('training_refused');

    const submitted = await g.submittedScorecard({ application: a, interviewer: otto });
    expect((await add(submitted.interviewId).expect(422)).body.detail).toMatch(/not submitted/);
  });

  describe('reassigning a seat of a pairing keeps the pairing rule', () => {
    let uma: Member;
    beforeAll(async () => {
      uma = await g.member({ name: 'Uma Understudy' });
      await g.api.as(g.admin).call('startTraining', {
        params: { id: uma.user.id },
        body: { competencyKeys: opening.focus.map((c) => c.key) },
      });
    });

    /** Who sits in each seat, each seat's live scorecards and revision: a refusal changes none of it. */
    async function seats(main: Interview, seat: Interview) {
      return t.db.query(
        `select i.id, i.interviewer_id, i.revision, i.training,
                (select count(*)::int from scorecards s where s.interview_id = i.id and s.status <> 'void') as live
           from interviews i where i.id = any($1::uuid[]) order by i.id`,
        [[main.id, seat.id]],
      );
    }

    it.each([
      ['the lead’s seat to the shadow themself', 'main', 'tara', /someone other than/],
      ['the lead’s seat to someone still shadowing', 'main', 'uma', /not qualified in every competency/],
      ['the shadow’s seat to someone qualified (nobody left to train)', 'seat', 'otto', /shadowing in at least one/],
      ['the shadow’s seat to the lead', 'seat', 'lea', /someone other than/],
    ] as const)('refuses %s with 422 training_refused and changes nothing', async (_what, which, to, message) => {
      const people = { lea, otto, tara, uma } as const;
      const a = await g.application({ stages: ['screen', 'interviews'] });
      const { main, seat } = await paired(g, a, lea, tara);
      const target = which === 'main' ? main : seat;
      const [before, counts] = [await seats(main, seat), await footprint(g)];
      const res = await g.api
        .as(g.recruiter)
        .raw('updateInterview', {
          params: { id: target.id },
          body: { revision: target.revision, interviewerId: people[to].user.id },
        })
        .expect(422);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body.code).toBe('training_refused');
      expect(res.body.detail).toMatch(message);
      expect(res.body.detail).toMatch(which === 'main' ? /has a training seat beside it/ : /is a training seat/);
      expect(await seats(main, seat)).toEqual(before);
      expect(await footprint(g)).toEqual(counts);
    });

    it('accepts a reassignment that keeps a qualified lead and a shadow beside them; the new shadow’s scorecard is a shadow’s', async () => {
      const a = await g.application({ stages: ['screen', 'interviews'] });
      const { main, seat } = await paired(g, a, lea, tara);
      const lead = await g.api.as(g.recruiter).call('updateInterview', {
        params: { id: main.id },
        body: { revision: main.revision, interviewerId: otto.user.id },
      });
      expect(lead.interviewer.id).toBe(otto.user.id);
      expect(lead.training).toEqual({ mode: 'shadow', trainee: false, companionOf: null });
      const shadow = await g.api.as(g.recruiter).call('updateInterview', {
        params: { id: seat.id },
        body: { revision: seat.revision, interviewerId: uma.user.id },
      });
      expect(shadow.interviewer.id).toBe(uma.user.id);
      expect(shadow.training).toEqual({ mode: 'shadow', trainee: true, companionOf: main.id });
      const cards = (await t.db.query(
        `select i.interviewer_id, s.shadow from scorecards s join interviews i on i.id = s.interview_id
          where s.interview_id = any($1::uuid[]) and s.status <> 'void' order by s.shadow`,
        [[main.id, seat.id]],
      )) as { interviewer_id: string; shadow: boolean }[];
      expect(cards).toEqual([
        { interviewer_id: otto.user.id, shadow: false },
        { interviewer_id: uma.user.id, shadow: true },
      ]);
    });

    it('leaves an interview without a pairing free to go to anyone active', async () => {
      const a = await g.application({ stages: ['screen', 'interviews'] });
      const lone = await g.scheduledInterview({ application: a, interviewer: lea });
      const moved = await g.api.as(g.recruiter).call('updateInterview', {
        params: { id: lone.id },
        body: { revision: lone.revision, interviewerId: tara.user.id },
      });
      expect(moved.interviewer.id).toBe(tara.user.id);
    });
  });

  it('cancelling the lead’s interview cancels the shadow’s seat too, and sets both drafts aside', async () => {
    const a = await g.application({ stages: ['screen', 'interviews'] });
    const { main, seat } = await paired(g, a, lea, tara);
    await g.api.as(g.recruiter).call('cancelInterview', { params: { id: main.id }, body: { revision: main.revision } });
    const after = (await g.api.as(g.recruiter).call('listApplicationInterviews', { params: { id: a.id }, query: {} }))
      .items;
    expect(after.map((i) => [i.id, i.status, i.scorecard])).toEqual(
      expect.arrayContaining([
        [main.id, 'cancelled', null],
        [seat.id, 'cancelled', null],
      ]),
    );
    const cards = (await t.db.query(`select status from scorecards where id = any($1::uuid[])`, [
      [main.scorecard!.id, seat.scorecard!.id],
    ])) as { status: string }[];
    expect(cards.map((c) => c.status)).toEqual(['void', 'void']);
  });

  it('answers 404 for another organization’s interview and 400 for another organization’s member; interviewers may not pair', async () => {
    const a = await g.application({ stages: ['screen', 'interviews'] });
    const main = await g.scheduledInterview({ application: a, interviewer: lea });
    const before = await footprint(g);
    const foreign = await g.api
      .as(g.recruiter)
      .call('addTrainingSeat', {
        params: { id: foreignInterview.id },
        body: { mode: 'shadow', interviewerId: tara.user.id },
      })
      .expect(404);
    expect(foreign.body.code).toBe('not_found');
    const stranger = await g.api
      .as(g.recruiter)
      .call('addTrainingSeat', {
        params: { id: main.id },
        body: { mode: 'shadow', interviewerId: foreignInterview.interviewer.id },
      })
      .expect(400);
    expect(stranger.body.errors).toContainEqual({
      path: 'interviewerId',
      message: 'Choose an active member of your organization.',
    });
    await g.api
      .as(lea)
      .call('addTrainingSeat', { params: { id: main.id }, body: { mode: 'shadow', interviewerId: tara.user.id } })
      .expect(403);
    await g.api
      .as(g.recruiter)
      .raw('addTrainingSeat', {
        params: { id: main.id },
        body: { mode: 'shadow', interviewerId: tara.user.id, trainee: false },
      })
      .expect(400);
    expect(await footprint(g)).toEqual(before);
  });
});

describe('a shadow’s scorecard counts in no figure', () => {
  let g: Given;
  let opening: FocusedOpening;
  let hm: Member, lea: Member, otto: Member, tara: Member;
  let a: Application, b: Application;
  let shadowCard: string;

  /** Every figure the application's scorecards feed, as the hiring manager and the recruiter read them. */
  async function figures() {
    const asHm = g.api.as(hm);
    const debrief = await asHm.call('getDebrief', { params: { id: a.id }, query: {} });
    const { scorecards, ...debriefFigures } = debrief;
    const comparison = await asHm.call('getComparison', {
      params: { id: opening.id },
      query: { applicationIds: `${a.id},${b.id}` },
    });
    const calibration = await asHm.call('getCalibration', { query: { openingId: opening.id } });
    const board = await g.api.as(g.recruiter).call('getPipelineBoard', { params: { id: opening.id }, query: {} });
    const packet = await asHm.call('getDecisionPacket', { params: { id: a.id } });
    const home = await asHm.call('getHiringManagerHome', {});
    const rubric = await asHm.call('getRubricVersion', { params: { id: opening.rubricVersionId } });
    const questions = await asHm.call('getQuestionBank', { query: { rubricId: rubric.documentId } });
    const adverseImpact = await asHm.call('getAdverseImpact', { query: { openingId: opening.id } });
    return {
      scorecards,
      debrief: debriefFigures,
      comparison,
      calibration,
      boardCard: board.columns.flatMap((c) => c.cards).find((c) => c.applicationId === a.id),
      packet: { ...packet, generatedAt: null },
      homeItem: home.decisions.items.find((i) => i.applicationId === a.id),
      questions,
      adverseImpact,
    };
  }

  beforeAll(async () => {
    g = await given(t, 'Shadow Figures Co');
    [hm, lea, otto, tara] = await Promise.all([
      g.member({ role: 'hiring_manager', name: 'Hana Manager' }),
      g.member({ name: 'Lea Lead' }),
      g.member({ name: 'Otto Other' }),
      g.member({ name: 'Tara Trainee' }),
    ]);
    opening = await g.opening({ update: { hiringManagerId: hm.user.id } });
    await g.api.as(g.admin).call('startTraining', {
      params: { id: tara.user.id },
      body: { competencyKeys: opening.focus.map((c) => c.key) },
    });
    a = await g.application({ stages: ['screen', 'interviews'] });
    const { main, seat } = await paired(g, a, lea, tara);
    shadowCard = seat.scorecard!.id;
    await g.submittedScorecard({ scorecard: main.scorecard!.id, interviewer: lea, content: rated(opening, 3, 'yes') });
    await g.submittedScorecard({ application: a, interviewer: otto, content: rated(opening, 2, 'no') });
    a = await g.move(a, 'debrief');
    b = await g.applicationInDebrief({
      panel: [
        { interviewer: lea, content: rated(opening, 4, 'strong_yes') },
        { interviewer: otto, content: rated(opening, 3, 'yes') },
      ],
    });
    // Three more, so that the adverse-impact report's "no answer" group reaches the minimum of 5
    // applications and shows its mean rating per competency, which a counted shadow would move.
    for (const rating of [2, 3, 4] as const)
      await g.applicationInDebrief({ panel: [{ interviewer: otto, content: rated(opening, rating, 'yes') }] });
  });

  it('leaves the debrief, comparison, calibration, board, decision packet, home, question-bank and adverse-impact figures exactly as they were', async () => {
    const before = await figures();
    // The shadow disagrees with everyone as far as the scale allows, and ticks a dealbreaker.
    const dealbreaker = flagOf(opening, 'dealbreaker');
    await g.submittedScorecard({
      scorecard: shadowCard,
      interviewer: tara,
      content: {
        ...rated(opening, 1, 'strong_no'),
        redFlags: [{ flagKey: dealbreaker.key, evidence: 'Claimed another team’s work as his own.' }],
      },
    });
    const after = await figures();

    expect(after.debrief).toEqual(before.debrief);
    expect(after.comparison).toEqual(before.comparison);
    expect(after.calibration).toEqual(before.calibration);
    expect(after.boardCard).toBeDefined();
    expect(after.boardCard).toEqual(before.boardCard);
    expect(after.packet).toEqual(before.packet);
    expect(after.homeItem).toEqual(before.homeItem);
    expect(after.questions).toEqual(before.questions);
    expect(after.adverseImpact).toEqual(before.adverseImpact);
    expect(
      after.adverseImpact.competencies.flatMap((c) => c.groups).filter((grp) => grp.mean !== null).length,
    ).toBeGreaterThan(0);
    // And each of them says what the two counted scorecards say, nothing of the shadow's.
    expect(after.debrief.dealbreaker).toBe(false);
    expect(after.debrief.tally).toMatchObject({ strong_no: 0, no: 1, yes: 1 });
    expect(after.debrief.grid.columns.map((c) => c.interviewer.name).sort()).toEqual(['Lea Lead', 'Otto Other']);
    expect(after.debrief.pending).toEqual([]);
    expect(after.calibration.interviewers.map((i) => i.interviewer.name).sort()).toEqual(['Lea Lead', 'Otto Other']);
    expect(after.packet.scorecards.map((s) => s.interviewer.name).sort()).toEqual(['Lea Lead', 'Otto Other']);
    expect(after.homeItem!.scorecards).toEqual({ submitted: 2, expected: 2 });
  });

  it('keeps the shadow’s scorecard and shows it on the debrief, labelled as a shadow’s', async () => {
    const { scorecards } = await figures();
    expect(scorecards.map((s) => [s.interviewer.name, s.shadow, s.recommendation]).sort()).toEqual([
      ['Lea Lead', false, 'yes'],
      ['Otto Other', false, 'no'],
      ['Tara Trainee', true, 'strong_no'],
    ]);
    const card = await g.api.as(hm).call('getScorecard', { params: { id: shadowCard } });
    expect(card).toMatchObject({ shadow: true, status: 'submitted' });
  });
});

describe('progress, readiness and promotion', () => {
  let g: Given;
  let opening: FocusedOpening;
  let hm: Member, lea: Member, pia: Member, rae: Member;
  let focus: string[];

  /** A shadow session: `lead` leads and rates `leadRating`, the trainee shadows and rates `traineeRating`. */
  async function shadowSession(trainee: Member, traineeRating: 1 | 2 | 3 | 4, leadRating: 1 | 2 | 3 | 4 | null) {
    const a = await g.application({ stages: ['screen', 'interviews'] });
    const { main, seat } = await paired(g, a, lea, trainee);
    if (leadRating !== null) {
      await g.submittedScorecard({
        scorecard: main.scorecard!.id,
        interviewer: lea,
        content: rated(opening, leadRating),
      });
    }
    await g.submittedScorecard({
      scorecard: seat.scorecard!.id,
      interviewer: trainee,
      content: rated(opening, traineeRating),
    });
  }

  /** A reverse-shadow session: the trainee leads and rates `traineeRating`, Lea observes and rates `observerRating`. */
  async function reverseSession(trainee: Member, traineeRating: 1 | 2 | 3 | 4, observerRating: 1 | 2 | 3 | 4) {
    const a = await g.application({ stages: ['screen', 'interviews'] });
    const { main, seat } = await paired(g, a, trainee, lea, 'reverse_shadow');
    await g.submittedScorecard({
      scorecard: main.scorecard!.id,
      interviewer: trainee,
      content: rated(opening, traineeRating),
    });
    await g.submittedScorecard({
      scorecard: seat.scorecard!.id,
      interviewer: lea,
      content: rated(opening, observerRating),
    });
    return { main, seat };
  }

  const promote = (who: Member, trainee: Member, competencyKey: string) =>
    g.api.as(who).call('promoteInterviewer', { params: { id: trainee.user.id }, body: { competencyKey } });
  const pathOf = (trainee: Member) => g.api.as(trainee).call('getMyQualification', {});

  beforeAll(async () => {
    g = await given(t, 'Promotions Co');
    [hm, lea, pia, rae] = await Promise.all([
      g.member({ role: 'hiring_manager', name: 'Hana Manager' }),
      g.member({ name: 'Lea Lead' }),
      g.member({ name: 'Pia Trainee' }),
      g.member({ name: 'Rae Trainee' }),
    ]);
    opening = await g.opening({ update: { hiringManagerId: hm.user.id } });
    focus = opening.focus.map((c) => c.key);
    for (const trainee of [pia, rae]) {
      await g.api
        .as(g.admin)
        .call('startTraining', { params: { id: trainee.user.id }, body: { competencyKeys: focus } });
    }
    await g.api.as(g.admin).call('updateQualificationSettings', { body: { reverseShadowSessions: 1 } });
  });

  it('counts a shadow session once the shadow’s scorecard is submitted, in the step’s focus competencies only', async () => {
    const a = await g.application({ stages: ['screen', 'interviews'] });
    const { seat } = await paired(g, a, lea, pia);
    expect(entry(await pathOf(pia), focus[0]!)).toMatchObject({ shadowSessions: 0, done: 0 });
    // Pia rates one point above Lea, who submits too: eight matched units of +1.
    await g.submittedScorecard({ scorecard: seat.scorecard!.id, interviewer: pia, content: rated(opening, 4) });
    const lead = (
      await g.api.as(g.recruiter).call('listApplicationInterviews', { params: { id: a.id }, query: {} })
    ).items.find((i) => i.training?.trainee === false)!;
    await g.submittedScorecard({ scorecard: lead.scorecard!.id, interviewer: lea, content: rated(opening, 3) });
    const path = await pathOf(pia);
    for (const key of focus) {
      expect(entry(path, key)).toMatchObject({
        level: 'shadowing',
        shadowSessions: 1,
        done: 1,
        needed: 2,
        ready: false,
        nextStep: 'shadow',
      });
    }
    const other = path.competencies.find((c) => !focus.includes(c.competencyKey))!;
    expect(other).toMatchObject({ level: 'qualified', shadowSessions: 0, nextStep: 'none' });
  });

  it('refuses a promotion before the sessions are done (422 not_ready_for_promotion), changing nothing and auditing nothing', async () => {
    const res = await promote(hm, pia, focus[0]!).expect(422);
    expect(res.body).toMatchObject({
      code: 'not_ready_for_promotion',
      detail: expect.stringMatching(/1 of 2 shadow sessions/),
    });
    expect(entry(await pathOf(pia), focus[0]!).level).toBe('shadowing');
    const audited = await t.db.query(
      `select 1 from audit_events where action = 'promoteInterviewer' and entity_id = $1`,
      [pia.user.id],
    );
    expect(audited).toHaveLength(0);
  });

  it('is ready after the second session; the hiring manager sees it and approves; the audit log records who and whom', async () => {
    // Lea leaves this one as a draft: Pia's ratings have nobody to be compared with here.
    await shadowSession(pia, 4, null);
    expect(entry(await pathOf(pia), focus[0]!)).toMatchObject({ shadowSessions: 2, ready: true, nextStep: 'approval' });

    const ready = await g.api.as(hm).call('listQualificationMembers', { query: { filter: 'ready' } });
    expect(ready.items.map((p) => p.member.name)).toEqual(['Pia Trainee']);
    expect(ready.total).toBe(1);
    const training = await g.api.as(hm).call('listQualificationMembers', { query: { filter: 'training' } });
    expect(training.items.map((p) => p.member.name)).toEqual(['Pia Trainee', 'Rae Trainee']);
    await g.api
      .as(lea)
      .call('listQualificationMembers', { query: { filter: 'ready' } })
      .expect(403);
    await promote(lea, pia, focus[0]!).expect(403);
    await promote(pia, pia, focus[0]!).expect(403);

    const promoted = await promote(hm, pia, focus[0]!);
    expect(entry(promoted, focus[0]!)).toMatchObject({
      level: 'reverse_shadowing',
      nextLevel: 'qualified',
      done: 0,
      needed: 1,
      nextStep: 'reverse_shadow',
    });
    // Only the competency approved moves: promotion is never automatic.
    expect(entry(promoted, focus[1]!)).toMatchObject({ level: 'shadowing', ready: true });
    const events = (await t.db.query(
      `select actor_user_id, entity_type, entity_id from audit_events where action = 'promoteInterviewer'`,
    )) as Record<string, string>[];
    expect(events).toEqual([{ actor_user_id: hm.user.id, entity_type: 'user', entity_id: pia.user.id }]);
  });

  it('answers 404 for a member of another organization and 400 for a competency the organization has not', async () => {
    const elsewhere = await given(t, 'Elsewhere Promotions Co');
    const stranger = await elsewhere.member();
    expect((await promote(hm, stranger, focus[0]!).expect(404)).body.code).toBe('not_found');
    const res = await promote(hm, pia, '00000000-0000-4000-8000-000000000000').expect(400);
    expect(res.body.errors).toContainEqual({
      path: 'competencyKey',
      message: 'Choose a competency of your organization’s rubrics.',
    });
  });

  it('in a reverse shadow the trainee leads: their scorecard is the shadow one, the qualified observer’s counts', async () => {
    // Pia is reverse-shadowing in focus[0] only now; Lea, qualified, observes. Pia rates as Lea does.
    const { main, seat } = await reverseSession(pia, 3, 3);
    expect(main.training).toEqual({ mode: 'reverse_shadow', trainee: true, companionOf: null });
    expect(seat.training).toEqual({ mode: 'reverse_shadow', trainee: false, companionOf: main.id });
    const cards = (await t.db.query(`select interviewer_id, shadow from scorecards where id = any($1::uuid[])`, [
      [main.scorecard!.id, seat.scorecard!.id],
    ])) as { interviewer_id: string; shadow: boolean }[];
    expect(Object.fromEntries(cards.map((c) => [c.interviewer_id, c.shadow]))).toEqual({
      [pia.user.id]: true,
      [lea.user.id]: false,
    });
    expect(entry(await pathOf(pia), focus[0]!)).toMatchObject({
      reverseShadowSessions: 1,
      done: 1,
      needed: 1,
      ready: true,
      calibrationRequired: false,
    });
  });

  it('with the calibration check required, is not ready while the offset’s interval reaches past ±0.5 (worked by hand)', async () => {
    await g.api.as(g.admin).call('updateQualificationSettings', { body: { needsCalibration: true } });
    const criteria = opening.focus.flatMap((c) => c.criteria).length;
    expect(criteria).toBe(8);
    // Matched units: 8 of +1 (first session: Pia 4, Lea 3) and 8 of 0 (the reverse shadow: both 3);
    // the second session's Lea never submitted. n = 16, mean 0.5, sd = √(16 · 0.25 / 15) = 0.5164,
    // SE = 0.5164 / 4 = 0.1291, t(0.975, 15) = 2.1314: the interval is 0.5 ± 0.2752 = [0.2248, 0.7752].
    const path = await pathOf(pia);
    expect(path.calibration.state).toBe('outside');
    expect(path.calibration.units).toBe(16);
    expect(path.calibration.offset).toBeCloseTo(0.5, 10);
    expect(path.calibration.interval!.low).toBeCloseTo(0.2248, 4);
    expect(path.calibration.interval!.high).toBeCloseTo(0.7752, 4);
    expect(entry(path, focus[0]!)).toMatchObject({ ready: false, calibrationRequired: true, nextStep: 'calibration' });
    const res = await promote(hm, pia, focus[0]!).expect(422);
    expect(res.body.detail).toMatch(/calibration check/);
  });

  it('with the check required, qualifies a trainee whose ratings agree with the panel’s on 10 or more units', async () => {
    // Rae: two shadow sessions agreeing with Lea (16 units of 0, so the interval is [0, 0]).
    await shadowSession(rae, 3, 3);
    await shadowSession(rae, 2, 2);
    let path = await pathOf(rae);
    expect(path.calibration).toEqual({ state: 'passed', units: 16, offset: 0, interval: { low: 0, high: 0 } });
    await promote(hm, rae, focus[0]!);
    // Reverse shadowing in focus[0] now (still shadowing in focus[1]): she leads a reverse shadow.
    await reverseSession(rae, 3, 3);
    path = await pathOf(rae);
    expect(entry(path, focus[0]!)).toMatchObject({ ready: true, calibrationRequired: true, nextStep: 'approval' });
    const qualified = await promote(hm, rae, focus[0]!);
    expect(entry(qualified, focus[0]!)).toMatchObject({
      level: 'qualified',
      nextLevel: null,
      nextStep: 'none',
      ready: false,
    });
    // Qualified in focus[0] only: she may not lead a shadow on a step that also focuses on focus[1].
    const a = await g.application({ stages: ['screen', 'interviews'] });
    const main = await g.scheduledInterview({ application: a, interviewer: rae });
    const refused = await g.api
      .as(g.recruiter)
      .call('addTrainingSeat', { params: { id: main.id }, body: { mode: 'shadow', interviewerId: pia.user.id } })
      .expect(422);
    expect(refused.body.code).toBe('training_refused');
    const again = await promote(hm, rae, focus[0]!).expect(422);
    expect(again.body.detail).toMatch(/Already qualified/);
  });

  it('lets only admins start someone’s training, with the organization’s competencies only', async () => {
    await g.api
      .as(hm)
      .call('startTraining', { params: { id: lea.user.id }, body: { competencyKeys: focus } })
      .expect(403);
    const res = await g.api
      .as(g.admin)
      .call('startTraining', {
        params: { id: lea.user.id },
        body: { competencyKeys: [focus[0]!, '00000000-0000-4000-8000-000000000000'] },
      })
      .expect(400);
    expect(res.body.errors).toContainEqual({
      path: 'competencyKeys.1',
      message: 'Choose a competency of your organization’s rubrics.',
    });
    expect(entry(await pathOf(lea), focus[0]!).level).toBe('qualified');
  });
});
