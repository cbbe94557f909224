import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { DecisionPacket, type Application, type Scorecard } from '@scorecard/contracts';
import type { BodyOf } from '../support/api-client.js';
import type { FocusedOpening } from '../support/factories.js';
import { given, type Given, type Member, type ScorecardContent } from '../support/given.js';
import { useTestApp } from '../support/test-app.js';

const t = useTestApp();
let g: Given;
let hm: Member, lena: Member, sam: Member, uma: Member, ivo: Member;
let opening: FocusedOpening;
/** Another organization, whose application answers 404 here. */
let elsewhere: Given;
let foreignApplication: Application;

const PAST = '2025-06-01T10:00:00.000Z';

/** Every criterion of the opening's first step, rated `rating`, with its recommendation. */
function rated(
  rating: 1 | 2 | 3 | 4,
  recommendation: ScorecardContent['recommendation'],
  o: FocusedOpening = opening,
): Partial<ScorecardContent> {
  return {
    ratings: o.focus
      .flatMap((c) => c.criteria)
      .map((c) => ({ criterionKey: c.key, rating, evidence: `Seen in the interview (${rating})` })),
    recommendation,
  };
}

/** An import of a scorecard by `interviewer` on `application` for the first step, every criterion rated `rating`. */
function importBody(
  application: { id: string },
  interviewer: Member,
  over: Partial<BodyOf<'importScorecard'>> & { rating?: 1 | 2 | 3 | 4; opening?: FocusedOpening } = {},
): BodyOf<'importScorecard'> {
  const { rating = 3, opening: o = opening, ...rest } = over;
  return {
    applicationId: application.id,
    interviewerId: interviewer.user.id,
    stepKey: o.steps[0]!.key,
    source: 'greenhouse',
    externalId: `gh-${randomUUID()}`,
    submittedAt: PAST,
    ratings: o.focus
      .flatMap((c) => c.criteria)
      .map((c) => ({ criterionKey: c.key, rating, evidence: `Evidence from the old ATS (${rating})` })),
    redFlags: [],
    recommendation: 'yes',
    summary: 'Imported from Greenhouse.',
    ...rest,
  };
}

/** How many scorecards, interviews and ratings the organization holds: a refused import changes none. */
async function footprint(): Promise<Record<string, number>> {
  const org = g.session.organization.id;
  const [row] = (await t.db.query(
    `select (select count(*)::int from scorecards where organization_id = $1) as scorecards,
            (select count(*)::int from interviews where organization_id = $1) as interviews,
            (select count(*)::int from interview_assignments where organization_id = $1) as assignments,
            (select count(*)::int from scorecard_ratings where organization_id = $1) as ratings`,
    [org],
  )) as Record<string, number>[];
  return row!;
}

beforeAll(async () => {
  g = await given(t, 'Integrations Co');
  [hm, lena, sam, uma, ivo] = await Promise.all([
    g.member({ role: 'hiring_manager', name: 'Hana Manager' }),
    g.member({ name: 'Lena Lenient' }),
    g.member({ name: 'Sam Severe' }),
    g.member({ name: 'Uma Imported' }),
    g.member({ name: 'Ivo Drafting' }),
  ]);
  opening = await g.opening({ title: 'Tech Lead, Payments', update: { hiringManagerId: hm.user.id } });
  elsewhere = await given(t, 'Elsewhere Co');
  await elsewhere.opening({ title: 'Their opening' });
  foreignApplication = await elsewhere.application();
});

describe('importing historical scorecards', () => {
  it('an admin imports a scorecard: submitted at its past time, marked imported, on a new past interview of the step', async () => {
    const a = await g.application({ stages: ['screen', 'interviews'] });
    const body = importBody(a, uma, { rating: 2, recommendation: 'no' });
    const answer = await g.api.as(g.admin).call('importScorecard', { body });

    expect(answer.created).toBe(true);
    expect(answer.scorecard).toMatchObject({
      applicationId: a.id,
      interviewer: { id: uma.user.id, name: 'Uma Imported' },
      step: opening.steps[0]!.name,
      status: 'submitted',
      submittedAt: PAST,
      imported: true,
      recommendation: 'no',
      summary: 'Imported from Greenhouse.',
      amendments: [],
    });
    expect(answer.scorecard.ratings.map((r) => [r.criterionKey, r.rating, r.evidence, r.asked])).toEqual(
      body.ratings.map((r) => [r.criterionKey, 2, r.evidence, true]),
    );

    const [interview] = (await t.db.query(
      `select step_key, step_kind, status, starts_at, feedback_due_at, question_keys, created_by
         from interviews where id = $1`,
      [answer.scorecard.interviewId],
    )) as Record<string, unknown>[];
    expect(interview).toEqual({
      step_key: opening.steps[0]!.key,
      step_kind: 'assessment',
      status: 'scheduled',
      starts_at: new Date(Date.parse(PAST) - opening.steps[0]!.durationMinutes * 60_000),
      feedback_due_at: new Date(PAST),
      question_keys: body.ratings.map((r) => r.criterionKey),
      created_by: g.admin.user.id,
    });
    const [stored] = (await t.db.query(
      `select import_source, external_id, imported_at is not null as imported,
              (select count(*)::int from scorecard_first_ratings f where f.scorecard_id = s.id) as first_ratings
         from scorecards s where id = $1`,
      [answer.scorecard.id],
    )) as Record<string, unknown>[];
    expect(stored).toEqual({
      import_source: 'greenhouse',
      external_id: body.externalId,
      imported: true,
      first_ratings: body.ratings.length,
    });

    // Shown as imported wherever the application's scorecards are listed.
    const listed = await g.api.as(hm).call('listApplicationScorecards', { params: { id: a.id } });
    expect(listed.items.map((s) => [s.id, s.imported])).toEqual([[answer.scorecard.id, true]]);
  });

  it('re-importing the same externalId answers the first import (created: false) and writes nothing, not even an audit event', async () => {
    const a = await g.application({ stages: ['screen', 'interviews'] });
    const body = importBody(a, uma);
    const first = await g.api.as(g.admin).call('importScorecard', { body });
    const before = await footprint();

    const again = await g.api.as(g.admin).call('importScorecard', { body: { ...body, summary: 'Changed since' } });

    expect(again.created).toBe(false);
    expect(again.scorecard).toEqual(first.scorecard);
    expect(await footprint()).toEqual(before);
    const audited = (await t.db.query(
      `select count(*)::int as n from audit_events where action = 'importScorecard' and entity_id = $1`,
      [first.scorecard.id],
    )) as { n: number }[];
    expect(audited[0]!.n).toBe(1);
  });

  it('ten parallel imports of one externalId write one scorecard', async () => {
    const a = await g.application({ stages: ['screen', 'interviews'] });
    const body = importBody(a, uma);
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => g.api.as(g.admin).call('importScorecard', { body })),
    );
    expect(new Set(answers.map((x) => x.scorecard.id)).size).toBe(1);
    expect(answers.filter((x) => x.created)).toHaveLength(1);
  });

  it('the same externalId for another application or interviewer is a conflict (409), and nothing changes', async () => {
    const [a, b] = await Promise.all([g.application(), g.application()]);
    const body = importBody(a, uma);
    await g.api.as(g.admin).call('importScorecard', { body });
    const before = await footprint();
    const res = await g.api
      .as(g.admin)
      .call('importScorecard', { body: { ...body, applicationId: b.id } })
      .expect(409);
    expect(res.body).toMatchObject({ code: 'conflict' });
    await g.api
      .as(g.admin)
      .call('importScorecard', { body: { ...body, interviewerId: sam.user.id } })
      .expect(409);
    expect(await footprint()).toEqual(before);
  });

  it.each<[string, (a: Application) => Promise<BodyOf<'importScorecard'>>, string]>([
    [
      'a criterion outside the opening’s rubric',
      async (a) => {
        const body = importBody(a, uma);
        return { ...body, ratings: [{ criterionKey: randomUUID(), rating: 3, evidence: '' }, ...body.ratings] };
      },
      'ratings.0.criterionKey',
    ],
    [
      'a red flag outside the opening’s checklist',
      async (a) => ({ ...importBody(a, uma), redFlags: [{ flagKey: randomUUID(), evidence: 'x' }] }),
      'redFlags.0.flagKey',
    ],
    [
      'an interviewer who is not a member of the organization',
      async (a) => ({ ...importBody(a, uma), interviewerId: elsewhere.admin.user.id }),
      'interviewerId',
    ],
    ['a step of no plan', async (a) => ({ ...importBody(a, uma), stepKey: randomUUID() }), 'stepKey'],
    [
      'a submission in the future',
      async (a) => ({ ...importBody(a, uma), submittedAt: new Date(Date.now() + 3_600_000).toISOString() }),
      'submittedAt',
    ],
    [
      'a rating of 5',
      async (a) => {
        const body = importBody(a, uma);
        return { ...body, ratings: [{ ...body.ratings[0]!, rating: 5 as 4 }] };
      },
      'ratings.0.rating',
    ],
  ])('refuses %s with 400 naming the field, and writes nothing', async (_what, build, path) => {
    const a = await g.application({ stages: ['screen', 'interviews'] });
    const body = await build(a);
    const before = await footprint();
    const res = await g.api.as(g.admin).raw('importScorecard', { body }).expect(400);
    expect(res.body).toMatchObject({ code: 'validation_failed' });
    expect((res.body as { errors: { path: string }[] }).errors.map((e) => e.path)).toContain(path);
    expect(await footprint()).toEqual(before);
    // The external id was not taken: a valid import with it goes through.
    const valid = await g.api
      .as(g.admin)
      .call('importScorecard', { body: { ...importBody(a, uma), externalId: body.externalId } });
    expect(valid.created).toBe(true);
  });

  it('an application of another organization answers 404, and nothing is written', async () => {
    const before = await footprint();
    const res = await g.api
      .as(g.admin)
      .call('importScorecard', { body: importBody(foreignApplication, uma) })
      .expect(404);
    expect(res.body).toMatchObject({ code: 'not_found' });
    expect(await footprint()).toEqual(before);
  });

  it('only admins import: an interviewer, a recruiter and a hiring manager get 403', async () => {
    const a = await g.application({ stages: ['screen', 'interviews'] });
    const before = await footprint();
    for (const who of [uma, g.recruiter, hm]) {
      await g.api
        .as(who)
        .call('importScorecard', { body: importBody(a, uma) })
        .expect(403);
    }
    expect(await footprint()).toEqual(before);
  });
});

describe('calibration leaves imported scorecards out unless asked', () => {
  let calibrated: FocusedOpening;
  let debriefed: Application;
  let imported: Scorecard;

  beforeAll(async () => {
    // On its own opening, so the slice holds exactly this: Lena rates every criterion 4, Sam 2, and
    // Uma's imported scorecard 1.
    calibrated = await g.opening({ title: 'Calibrated opening' });
    debriefed = await g.application({ opening: calibrated, stages: ['screen', 'interviews'] });
    const content = (rating: 1 | 2 | 3 | 4, r: ScorecardContent['recommendation']) => rated(rating, r, calibrated);
    await g.submittedScorecard({ application: debriefed, interviewer: lena, content: content(4, 'strong_yes') });
    await g.submittedScorecard({ application: debriefed, interviewer: sam, content: content(2, 'no') });
    const body = importBody(debriefed, uma, { rating: 1, recommendation: 'strong_no', opening: calibrated });
    imported = (await g.api.as(g.admin).call('importScorecard', { body })).scorecard;
  });

  const calibration = (includeImported?: 'true' | 'false') =>
    g.api.as(hm).call('getCalibration', {
      query: { openingId: calibrated.id, ...(includeImported ? { includeImported } : {}) },
    });
  const offsets = (c: Awaited<ReturnType<typeof calibration>>) =>
    Object.fromEntries(
      c.interviewers.map((i) => [i.interviewer.name, [i.scorecards, i.offset.value, i.offset.sample]]),
    );

  it('by default only the scorecards written here count: Lena +2 and Sam −2 against each other', async () => {
    const units = calibrated.focus.flatMap((c) => c.criteria).length;
    const byDefault = await calibration();
    expect(offsets(byDefault)).toEqual({ 'Lena Lenient': [1, 2, units], 'Sam Severe': [1, -2, units] });
    expect(await calibration('false')).toEqual(byDefault);
  });

  it('with includeImported=true Uma’s imported scorecard counts and moves everyone’s offset', async () => {
    const units = calibrated.focus.flatMap((c) => c.criteria).length;
    const all = await calibration('true');
    // Each value minus the others' mean: Lena 4 − (2 + 1) / 2, Sam 2 − (4 + 1) / 2, Uma 1 − (4 + 2) / 2.
    expect(offsets(all)).toEqual({
      'Lena Lenient': [1, 2.5, units],
      'Sam Severe': [1, -0.5, units],
      'Uma Imported': [1, -2, units],
    });
  });

  it('the debrief counts imported scorecards, labelled as imported', async () => {
    const debrief = await g.api.as(hm).call('getDebrief', { params: { id: debriefed.id }, query: {} });
    expect(debrief.tally).toEqual({ strong_no: 1, no: 1, yes: 0, strong_yes: 1 });
    expect(debrief.scorecards.map((s) => [s.interviewer.name, s.imported])).toEqual([
      ['Uma Imported', true],
      ['Lena Lenient', false],
      ['Sam Severe', false],
    ]);
    expect(debrief.scorecards[0]!.id).toBe(imported.id);
  });
});

describe('the decision packet', () => {
  let a: Application;
  let cards: { lena: Scorecard; sam: Scorecard; uma: Scorecard; ivoDraft: Scorecard };

  beforeAll(async () => {
    a = await g.application({ stages: ['screen', 'interviews'] });
    const lenaCard = await g.submittedScorecard({ application: a, interviewer: lena, content: rated(4, 'strong_yes') });
    const samCard = await g.submittedScorecard({ application: a, interviewer: sam, content: rated(3, 'yes') });
    const umaCard = (
      await g.api
        .as(g.admin)
        .call('importScorecard', { body: importBody(a, uma, { rating: 1, recommendation: 'strong_no' }) })
    ).scorecard;
    const ivoDraft = await g.savedScorecard({ application: a, interviewer: ivo, content: rated(2, 'no') });
    cards = { lena: lenaCard, sam: samCard, uma: umaCard, ivoDraft };
    a = await g.move(a, 'debrief');
    await g.api.as(hm).call('decide', {
      params: { id: a.id },
      body: { decision: 'hold', rationale: 'Waiting on the reference check.', revision: a.revision },
    });
  });

  it('answers a schema-valid, versioned document with the submitted scorecards only, mapped to the unified-ATS model', async () => {
    const packet = await g.api.as(g.admin).call('getDecisionPacket', { params: { id: a.id } });
    expect(DecisionPacket.safeParse(packet).success).toBe(true);
    expect(packet).toMatchObject({
      schema: 'scorecard.decision-packet',
      version: 1,
      application: { id: a.id, stage: 'debrief' },
      candidate: { id: a.candidate.id, name: 'Noor Haddad' },
      opening: {
        id: opening.id,
        title: 'Tech Lead, Payments',
        hiringManager: { id: hm.user.id, name: 'Hana Manager' },
      },
      decision: {
        outcome: 'hold',
        decidedBy: { id: hm.user.id, name: 'Hana Manager' },
        rationale: 'Waiting on the reference check.',
      },
    });
    // First submitted first; the imported one was submitted in 2025. Ivo's draft is nowhere.
    expect(
      packet.scorecards.map((s) => [s.id, s.interviewer.email, s.imported, s.recommendation, s.overallRecommendation]),
    ).toEqual([
      [cards.uma.id, uma.user.email, true, 'strong_no', 'definitely_no'],
      [cards.lena.id, lena.user.email, false, 'strong_yes', 'strong_yes'],
      [cards.sam.id, sam.user.email, false, 'yes', 'yes'],
    ]);
    expect(JSON.stringify(packet)).not.toContain(cards.ivoDraft.id);
    expect(packet.scorecards[0]).toMatchObject({ importSource: 'greenhouse', submittedAt: PAST });
    const first = opening.focus[0]!;
    expect(packet.scorecards[1]!.ratings[0]).toEqual({
      competencyKey: first.key,
      competency: first.name,
      criterionKey: first.criteria[0]!.key,
      criterion: first.criteria[0]!.title,
      rating: 4,
      evidence: 'Seen in the interview (4)',
    });
    expect(packet.rubric!.competencies.map((c) => c.key)).toEqual(opening.competencies.map((c) => c.key));
    expect(packet.rubric!.versionId).toBe(opening.rubricVersionId);
  });

  it('its figures are the debrief’s', async () => {
    const [packet, debrief] = await Promise.all([
      g.api.as(hm).call('getDecisionPacket', { params: { id: a.id } }),
      g.api.as(hm).call('getDebrief', { params: { id: a.id }, query: {} }),
    ]);
    expect(packet.figures).toEqual({
      overall: debrief.overall,
      competencies: debrief.competencies.map((c) => ({ key: c.key, stat: c.stat, disagreement: c.disagreement })),
      recommendations: debrief.tally,
      recommendationSplit: debrief.disagreements.recommendationSplit,
      dealbreaker: debrief.dealbreaker,
      scorecards: 3,
      importedScorecards: 1,
    });
    // Only admins (and their tokens) get the interviewers' emails, as only they see the member list.
    expect(packet.scorecards.map((s) => s.interviewer.email)).toEqual([null, null, null]);
    expect(packet.figures.recommendations).toEqual({ strong_no: 1, no: 0, yes: 1, strong_yes: 1 });
  });

  it('obeys the independence rule as the debrief does: an interviewer with a draft, or who has not scored, gets 403', async () => {
    const outsider = await g.member({ name: 'Otto Outsider' });
    for (const who of [ivo, outsider]) {
      const [packet, debrief] = await Promise.all([
        g.api
          .as(who)
          .call('getDecisionPacket', { params: { id: a.id } })
          .expect(403),
        g.api
          .as(who)
          .call('getDebrief', { params: { id: a.id }, query: {} })
          .expect(403),
      ]);
      expect(packet.body).toMatchObject({ code: 'forbidden', detail: (debrief.body as { detail: string }).detail });
    }
    // An interviewer who submitted reads it.
    const forLena = await g.api.as(lena).call('getDecisionPacket', { params: { id: a.id } });
    expect(forLena.scorecards).toHaveLength(3);
  });

  it('has no decision before one is recorded', async () => {
    const b = await g.application({ stages: ['screen', 'interviews'] });
    await g.submittedScorecard({ application: b, interviewer: lena, content: rated(3, 'yes') });
    const packet = await g.api.as(hm).call('getDecisionPacket', { params: { id: b.id } });
    expect(packet.decision).toBeNull();
    expect(packet.scorecards.map((s) => s.overallRecommendation)).toEqual(['yes']);
  });

  it('an application of another organization answers 404', async () => {
    await g.api
      .as(hm)
      .call('getDecisionPacket', { params: { id: foreignApplication.id } })
      .expect(404);
    await g.api
      .as(hm)
      .call('getDecisionPacket', { params: { id: randomUUID() } })
      .expect(404);
  });
});

describe('API tokens write scorecards as their creator', () => {
  it('an admin’s token writes and submits the admin’s own scorecard, and cannot touch another interviewer’s', async () => {
    const a = await g.application({ stages: ['screen', 'interviews'] });
    const own = await g.scheduledInterview({ application: a, interviewer: g.admin });
    const lenas = await g.scheduledInterview({ application: a, interviewer: lena });
    const created = await g.api.as(g.admin).call('createApiToken', {
      body: { name: 'Scorecard sync', scopes: ['scorecards:write', 'scorecards:read'] },
    });
    const token = g.api.as({ token: created.token });
    const content = { ...rated(3, 'yes'), redFlags: [], summary: 'Written by the sync.', notes: '' };

    const saved = await token.call('saveScorecard', {
      params: { id: own.scorecard!.id },
      body: { ...(content as ScorecardContent), revision: 0 },
    });
    const submitted = await token.call('submitScorecard', {
      params: { id: saved.id },
      body: { revision: saved.revision },
    });
    expect(submitted).toMatchObject({ status: 'submitted', interviewer: { id: g.admin.user.id }, imported: false });

    const refused = await token
      .call('saveScorecard', {
        params: { id: lenas.scorecard!.id },
        body: { ...(content as ScorecardContent), revision: 0 },
      })
      .expect(403);
    expect(refused.body).toMatchObject({ code: 'forbidden' });
    await token.call('submitScorecard', { params: { id: lenas.scorecard!.id }, body: { revision: 0 } }).expect(403);
    const [lenaCard] = (await t.db.query(`select status, revision from scorecards where id = $1`, [
      lenas.scorecard!.id,
    ])) as { status: string; revision: number }[];
    expect(lenaCard).toEqual({ status: 'draft', revision: 0 });

    // The same token imports (scorecards:write) but reads no decision packet (decisions:read).
    const importedByToken = await token.call('importScorecard', { body: importBody(a, uma) });
    expect(importedByToken.created).toBe(true);
    const unscoped = await token.call('getDecisionPacket', { params: { id: a.id } }).expect(403);
    expect(unscoped.body).toMatchObject({ code: 'insufficient_scope' });
  });
});
