import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type {
  AdverseImpactReport,
  ApiTokenList,
  Calibration,
  Comparison,
  Debrief,
  HiringManagerHome,
  InterviewerHome,
  Meeting,
  OpeningSummary,
  QualificationMemberList,
  QualificationPath,
  QuestionBank,
  WebhookDeliveryList,
  WebhookList,
} from '@scorecard/contracts';
import { DEMO_IMPORT_SOURCE, DEMO_WEBHOOK_URL } from '../../src/database/demo-integrations.js';
import { DEMO_MEETING_CANDIDATE } from '../../src/database/demo-meetings.js';
import { DEMO_SHADOW } from '../../src/database/demo-qualification.js';
import { DEMO_PASSWORD, PAST_OPENING_TITLE, seedDemo } from '../../src/database/seed-demo.js';
import { DEMO_LENIENCY, PAST_CANDIDATE_COUNT, pastCandidates } from '../../src/database/demo-history.js';
import { bearer } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * The demo's closed opening: enough past candidates, interviewed by the same four people on shared
 * questions, for calibration and the comparison to show real figures; generated deterministically
 * and played through the services, so it obeys every rule the product enforces.
 */
let t: TestApp;
let hm: { authorization: string };
let openingId: string;

beforeAll(async () => {
  t = await startTestApp();
  expect(await seedDemo(t.app, t.databaseUrl)).toBe(true);
  const login = await t.http().post('/api/v1/auth/login').send({ email: 'hm@acme.test', password: DEMO_PASSWORD });
  hm = bearer(login.body.token as string);
  const list = await t.http().get('/api/v1/openings').set(hm).expect(200);
  openingId = (list.body.items as OpeningSummary[]).find((o) => o.title === PAST_OPENING_TITLE)!.id;
}, 120_000);
afterAll(async () => {
  await t.close();
});

/** Every submitted rating of the demo, keyed by who, whom, which step and question. */
async function ratingsOf(app: TestApp, table: 'scorecard_ratings' | 'scorecard_first_ratings') {
  return (await app.db.query(
    `select c.email as candidate, u.email as interviewer, i.step_name as step, r.criterion_key as criterion, r.rating
       from ${table} r
       join scorecards s on s.organization_id = r.organization_id and s.id = r.scorecard_id
       join interviews i on i.organization_id = s.organization_id and i.id = s.interview_id
       join applications a on a.organization_id = s.organization_id and a.id = s.application_id
       join candidates c on c.organization_id = a.organization_id and c.id = a.candidate_id
       join users u on u.organization_id = s.organization_id and u.id = s.interviewer_id
      order by 1, 2, 3, 4`,
  )) as { candidate: string; interviewer: string; step: string; criterion: string; rating: number }[];
}

describe('demo closed opening', () => {
  it('is closed, with thirty past candidates each rated by four interviewers on exactly the questions asked, and decided', async () => {
    const opening = await t.http().get(`/api/v1/openings/${openingId}`).set(hm).expect(200);
    expect(opening.body).toMatchObject({ status: 'closed', planCheck: { ok: true, issues: [] }, planOverride: null });
    const stages = (await t.db.query(
      `select stage, count(*)::int as n from applications where opening_id = $1 group by stage order by stage`,
      [openingId],
    )) as { stage: string; n: number }[];
    expect(Object.fromEntries(stages.map((s) => [s.stage, s.n]))).toEqual({
      hired: 2,
      offer: 1,
      debrief: 2,
      rejected: PAST_CANDIDATE_COUNT - 5,
    });
    const panels = (await t.db.query(
      `select count(*)::int as cards, count(distinct s.interviewer_id)::int as interviewers,
              (select count(*) from application_decisions d
                where d.organization_id = a.organization_id and d.application_id = a.id)::int as decisions
         from applications a
         join scorecards s on s.organization_id = a.organization_id and s.application_id = a.id and s.status = 'submitted'
                          and s.imported_at is null
        where a.opening_id = $1 group by a.organization_id, a.id`,
      [openingId],
    )) as { cards: number; interviewers: number; decisions: number }[];
    expect(panels).toHaveLength(PAST_CANDIDATE_COUNT);
    for (const p of panels) expect(p).toEqual({ cards: 4, interviewers: 4, decisions: 1 });

    // (The two scorecards imported from Greenhouse are apart: see "demo imported scorecards".)
    // Rated exactly what was asked: each card's ratings are its interview's questions, all asked,
    // all kept as first submitted; no contradiction needed confirming; none before its interview.
    const [shape] = (await t.db.query(
      `select count(*) filter (where rated <> asked)::int as mismatched,
              count(*) filter (where not all_asked)::int as unasked,
              count(*) filter (where firsts <> cardinality(asked))::int as missing_firsts,
              count(*) filter (where confirmed)::int as contradictions,
              count(*) filter (where early)::int as early
         from (select (select array_agg(r.criterion_key order by r.criterion_key) from scorecard_ratings r
                        where r.organization_id = s.organization_id and r.scorecard_id = s.id) as rated,
                      (select array_agg(q order by q) from unnest(i.question_keys) q) as asked,
                      (select bool_and(r.asked) from scorecard_ratings r
                        where r.organization_id = s.organization_id and r.scorecard_id = s.id) as all_asked,
                      (select count(*) from scorecard_first_ratings f
                        where f.organization_id = s.organization_id and f.scorecard_id = s.id) as firsts,
                      s.contradiction_confirmed_at is not null as confirmed,
                      s.submitted_at < i.starts_at or i.starts_at > now() as early
                 from scorecards s
                 join interviews i on i.organization_id = s.organization_id and i.id = s.interview_id
                 join applications a on a.organization_id = s.organization_id and a.id = s.application_id
                where a.opening_id = $1 and s.status = 'submitted' and s.imported_at is null) cards`,
      [openingId],
    )) as Record<string, number>[];
    expect(shape).toEqual({ mismatched: 0, unasked: 0, missing_firsts: 0, contradictions: 0, early: 0 });
  });

  it('gives calibration real offsets with intervals (the lenient and the severe interviewer called so) and alpha with an interval', async () => {
    const res = await t.http().get(`/api/v1/analytics/calibration?openingId=${openingId}`).set(hm).expect(200);
    const calibration = res.body as Calibration;
    expect(calibration.interviewers).toHaveLength(4);
    const byEmail = new Map(
      (await t.db.query(`select id, email from users`)).map((u: { id: string; email: string }) => [u.id, u.email]),
    );
    for (const i of calibration.interviewers) {
      const { offset } = i;
      expect(offset.enough).toBe(true);
      expect(offset.sample).toBeGreaterThanOrEqual(calibration.thresholds.offsetUnits);
      expect(offset.interval).not.toBeNull();
      expect(offset.interval!.low).toBeLessThanOrEqual(offset.value!);
      expect(offset.interval!.high).toBeGreaterThanOrEqual(offset.value!);
      // The generated leniency shows: clearly lenient and clearly severe interviewers' intervals
      // exclude 0 on their side; the two in line are within half a point of it.
      const leniency = DEMO_LENIENCY[byEmail.get(i.interviewer.id) as keyof typeof DEMO_LENIENCY];
      if (leniency > 0.3) expect(offset.interval!.low).toBeGreaterThan(0);
      else if (leniency < -0.3) expect(offset.interval!.high).toBeLessThan(0);
      else expect(Math.abs(offset.value!)).toBeLessThan(0.5);
    }
    expect(calibration.agreement).toHaveLength(4);
    for (const a of calibration.agreement) {
      expect(a.enough).toBe(true);
      expect(a.units).toBeGreaterThanOrEqual(calibration.thresholds.alphaUnits);
      expect(a.alpha).not.toBeNull();
      expect(a.interval).not.toBeNull();
      expect(a.interval!.low).toBeLessThanOrEqual(a.alpha!);
      expect(a.interval!.high).toBeGreaterThanOrEqual(a.alpha!);
    }
  });

  it('gives the comparison tiers for those still considered and lists the rejected apart', async () => {
    const rows = (await t.db.query(
      `select id, stage from applications where opening_id = $1 order by stage <> 'rejected' desc, id`,
      [openingId],
    )) as { id: string; stage: string }[];
    const picked = rows.slice(0, 8);
    const res = await t
      .http()
      .get(`/api/v1/openings/${openingId}/comparison?applicationIds=${picked.map((r) => r.id).join(',')}`)
      .set(hm)
      .expect(200);
    const comparison = res.body as Comparison;
    const rejected = new Set(picked.filter((r) => r.stage === 'rejected').map((r) => r.id));
    expect(rejected.size).toBe(3);
    for (const row of comparison.rows) {
      if (rejected.has(row.applicationId)) {
        expect(row.tier).toBeNull();
        expect(row.apart).not.toBeNull();
      } else {
        expect(row.tier).toBeGreaterThanOrEqual(1);
        expect(row.coverage.partial).toBe(false);
      }
    }
    expect(comparison.rows.find((r) => r.tier === 1)).toBeDefined();
  });

  it('is generated deterministically: a second demo, seeded into another database, has the same ratings', async () => {
    expect(pastCandidates()).toEqual(pastCandidates());
    const other = await startTestApp();
    try {
      expect(await seedDemo(other.app, other.databaseUrl)).toBe(true);
      const [mine, theirs] = [
        await ratingsOf(t, 'scorecard_first_ratings'),
        await ratingsOf(other, 'scorecard_first_ratings'),
      ];
      expect(mine.length).toBeGreaterThan(PAST_CANDIDATE_COUNT * 4 * 5);
      expect(theirs).toEqual(mine);
      expect(await ratingsOf(other, 'scorecard_ratings')).toEqual(await ratingsOf(t, 'scorecard_ratings'));
    } finally {
      await other.close();
    }
  }, 120_000);
});

describe('demo open opening', () => {
  it('shows a recommendation that contradicts its own ratings, confirmed by its author, on the debrief', async () => {
    const [row] = (await t.db.query(
      `select a.id as application_id, s.id as scorecard_id
         from scorecards s
         join applications a on a.organization_id = s.organization_id and a.id = s.application_id
         join candidates c on c.organization_id = a.organization_id and c.id = a.candidate_id
        where c.email = 'rosa.delgado@example.com' and s.contradiction_confirmed_at is not null`,
    )) as { application_id: string; scorecard_id: string }[];
    expect(row).toBeDefined();
    const debrief = await t.http().get(`/api/v1/applications/${row!.application_id}/debrief`).set(hm).expect(200);
    const card = (
      debrief.body.scorecards as { id: string; recommendation: string; contradictionConfirmedAt: string | null }[]
    ).find((s) => s.id === row!.scorecard_id);
    expect(card).toMatchObject({ recommendation: 'no' });
    expect(card!.contradictionConfirmedAt).not.toBeNull();
  });

  it('closes with the candidate’s questions: a submitted scorecard with notes and a summary, no rating and no recommendation', async () => {
    const rows = (await t.db.query(
      `select s.recommendation, s.summary, u.email,
              (select count(*)::int from scorecard_ratings r
                where r.organization_id = s.organization_id and r.scorecard_id = s.id) as ratings
         from scorecards s
         join interviews i on i.organization_id = s.organization_id and i.id = s.interview_id
         join users u on u.organization_id = s.organization_id and u.id = s.interviewer_id
         join applications a on a.organization_id = s.organization_id and a.id = s.application_id
         join candidates c on c.organization_id = a.organization_id and c.id = a.candidate_id
        where c.email = 'rosa.delgado@example.com' and i.step_kind = 'candidate_questions'
          and s.status = 'submitted'`,
    )) as { recommendation: string | null; summary: string; email: string; ratings: number }[];
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ recommendation: null, email: 'hm@acme.test', ratings: 0 });
    expect(rows[0]!.summary).not.toBe('');
  });

  it('leaves the candidate’s questions step out of calibration: it rates nothing, so its holder is no interviewer there', async () => {
    const list = await t.http().get('/api/v1/openings').set(hm).expect(200);
    const platform = (list.body.items as OpeningSummary[]).find((o) => o.title === 'Tech Lead, Platform')!;
    const calibration = await t
      .http()
      .get(`/api/v1/analytics/calibration?openingId=${platform.id}`)
      .set(hm)
      .expect(200);
    const names = (calibration.body as Calibration).interviewers.map((i) => i.interviewer.name);
    expect(names.length).toBeGreaterThan(0);
    expect(names).not.toContain('Harper Lindqvist');
  });
});

describe('demo homes (issue 19)', () => {
  const as = async (email: string) => {
    const login = await t.http().post('/api/v1/auth/login').send({ email, password: DEMO_PASSWORD }).expect(200);
    return bearer(login.body.token as string);
  };

  it('gives every list of the interviewer’s, hiring manager’s and admin’s homes something on first start', async () => {
    const ines = (
      await t
        .http()
        .get('/api/v1/home/interviewer')
        .set(await as('interviewer1@acme.test'))
        .expect(200)
    ).body as InterviewerHome;
    expect(ines.today.total).toBeGreaterThan(0);
    expect(ines.thisWeek.total).toBeGreaterThan(0);
    expect(ines.toWrite.counts).toMatchObject({ overdue: 1, due: 1 });
    expect(ines.submitted.items.some((s) => s.debriefOpen)).toBe(true);
    for (const email of ['hm@acme.test', 'admin@acme.test']) {
      const h = (
        await t
          .http()
          .get('/api/v1/home/hiring-manager')
          .set(await as(email))
          .expect(200)
      ).body as HiringManagerHome;
      expect(h.decisions.total).toBeGreaterThan(0);
      expect(h.decisions.items.some((d) => (d.panel?.redFlags.dealbreakers ?? 0) > 0)).toBe(true);
      expect(h.openings.length).toBeGreaterThan(0);
      expect(h.myScorecards.total).toBeGreaterThan(0);
      expect(h.admin === null).toBe(email === 'hm@acme.test');
    }
  });
});

describe('demo integrations (issue 23)', () => {
  it('shows a read-only API token and a webhook endpoint whose test event is in its delivery log', async () => {
    const login = await t
      .http()
      .post('/api/v1/auth/login')
      .send({ email: 'admin@acme.test', password: DEMO_PASSWORD })
      .expect(200);
    const admin = bearer(login.body.token as string);
    const tokens = (await t.http().get('/api/v1/api-tokens').set(admin).expect(200)).body as ApiTokenList;
    expect(tokens.items.map((x) => x.name)).toEqual(['Data warehouse export']);
    expect(tokens.items[0]!.scopes.every((scope) => scope.endsWith(':read'))).toBe(true);
    const hooks = (await t.http().get('/api/v1/webhooks').set(admin).expect(200)).body as WebhookList;
    expect(hooks.items).toHaveLength(1);
    expect(hooks.items[0]).toMatchObject({ url: DEMO_WEBHOOK_URL, enabled: true });
    const deliveries = (await t.http().get(`/api/v1/webhooks/${hooks.items[0]!.id}/deliveries`).set(admin).expect(200))
      .body as WebhookDeliveryList;
    expect(deliveries.items.map((d) => d.eventType)).toEqual(['webhook.test']);
  });
});

describe('demo imported scorecards (issue 23)', () => {
  it('has two scorecards imported from Greenhouse on rejected candidates, left out of calibration unless asked', async () => {
    const imported = (await t.db.query(
      `select s.import_source, a.stage, s.status from scorecards s
         join applications a on a.organization_id = s.organization_id and a.id = s.application_id
        where s.imported_at is not null`,
    )) as { import_source: string; stage: string; status: string }[];
    expect(imported).toEqual([
      { import_source: DEMO_IMPORT_SOURCE, stage: 'rejected', status: 'submitted' },
      { import_source: DEMO_IMPORT_SOURCE, stage: 'rejected', status: 'submitted' },
    ]);
    const calibration = async (query: string) =>
      ((await t.http().get(`/api/v1/analytics/calibration${query}`).set(hm).expect(200)).body as Calibration)
        .interviewers;
    const total = (rows: Calibration['interviewers']) => rows.reduce((n, i) => n + i.scorecards, 0);
    const written = await calibration('');
    const all = await calibration('?includeImported=true');
    expect(total(all) - total(written)).toBe(2);
    // Harsher by two points on every criterion: someone's offset moves.
    expect(all.map((i) => i.offset.value)).not.toEqual(written.map((i) => i.offset.value));
  });
});

describe('demo self-identification (issue 24)', () => {
  it('lets the past opening’s adverse-impact report show real ratios, a flag and a group too few to report', async () => {
    const res = await t.http().get('/api/v1/analytics/adverse-impact').query({ openingId }).set(hm).expect(200);
    const report = res.body as AdverseImpactReport;
    expect(report.applications).toBe(PAST_CANDIDATE_COUNT);
    const sex = report.transitions.filter((s) => s.dimension === 'sex').flatMap((s) => s.groups);
    expect(sex.some((g) => g.kind === 'category' && g.impactRatio !== null && g.impactRatio < 1)).toBe(true);
    expect(sex.some((g) => g.flagged)).toBe(true);
    expect(sex.some((g) => g.kind === 'category' && g.applicants > 0 && !g.reportable)).toBe(true);
  });
});

describe('demo qualification (issue 24)', () => {
  it('has one shadowing interviewer with one shadow session done, shown as a shadow’s on a debrief and counted in no figure', async () => {
    const login = await t.http().post('/api/v1/auth/login').send({ email: DEMO_SHADOW.email, password: DEMO_PASSWORD });
    const theo = bearer(login.body.token as string);
    const path = (await t.http().get('/api/v1/qualification/me').set(theo).expect(200)).body as QualificationPath;
    expect(path.member.name).toBe(DEMO_SHADOW.name);
    expect(path.competencies).toHaveLength(4);
    for (const c of path.competencies) expect(c).toMatchObject({ level: 'shadowing', needed: 2, ready: false });
    expect(path.competencies.some((c) => c.shadowSessions === 1 && c.nextStep === 'shadow')).toBe(true);
    const training = await t.http().get('/api/v1/qualification/members').set(hm).expect(200);
    expect((training.body as QualificationMemberList).items.map((p) => p.member.name)).toEqual([DEMO_SHADOW.name]);

    const [shadowed] = (await t.db.query(
      `select s.application_id from scorecards s join users u on u.id = s.interviewer_id
        where u.email = $1 and s.shadow and s.status = 'submitted'`,
      [DEMO_SHADOW.email],
    )) as { application_id: string }[];
    const debrief = (await t.http().get(`/api/v1/applications/${shadowed!.application_id}/debrief`).set(hm).expect(200))
      .body as Debrief;
    expect(debrief.scorecards.filter((s) => s.shadow).map((s) => s.interviewer.name)).toEqual([DEMO_SHADOW.name]);
    expect(debrief.grid.columns.map((c) => c.interviewer.name)).not.toContain(DEMO_SHADOW.name);
    expect(debrief.tally.yes + debrief.tally.no + debrief.tally.strong_yes + debrief.tally.strong_no).toBe(
      debrief.scorecards.filter((s) => !s.shadow && s.recommendation !== null).length,
    );
  });
});

describe('demo question bank (issue 24)', () => {
  it('gives every question of the Tech Lead kit figures on first start, with agreement, a correlation and flags', async () => {
    const rubrics = await t.http().get('/api/v1/rubrics').set(hm).expect(200);
    const kit = (rubrics.body.items as { id: string; name: string }[]).find((r) => r.name === 'Tech Lead')!;
    const res = await t.http().get(`/api/v1/analytics/questions?rubricId=${kit.id}`).set(hm).expect(200);
    const bank = res.body as QuestionBank;
    const questions = bank.competencies.flatMap((c) => c.questions);
    expect(questions).toHaveLength(16);
    for (const q of questions) {
      expect(q.rated).toBeGreaterThanOrEqual(bank.thresholds.ratings);
      expect(q.flags).not.toContain('too_few_ratings');
      expect(q.decision.correlation).not.toBeNull();
    }
    expect(questions.filter((q) => q.agreement.alpha !== null).length).toBeGreaterThanOrEqual(3);
    expect(questions.some((q) => q.flags.length > 0)).toBe(true);
  });
});

describe('demo debrief meeting (issue 24)', () => {
  it('has one finished two-round meeting on a candidate in debrief, where someone moved toward the others and someone away', async () => {
    const [app] = (await t.db.query(
      `select a.id from applications a join candidates c on c.organization_id = a.organization_id and c.id = a.candidate_id
        where c.name = $1 and a.stage = 'debrief'`,
      [DEMO_MEETING_CANDIDATE],
    )) as { id: string }[];
    const list = (await t.http().get(`/api/v1/applications/${app!.id}/meetings`).set(hm).expect(200)).body as {
      items: { id: string; status: string }[];
    };
    expect(list.items.map((m) => m.status)).toEqual(['finished']);
    const meeting = (await t.http().get(`/api/v1/meetings/${list.items[0]!.id}`).set(hm).expect(200)).body as Meeting;
    expect(meeting.rounds.map((r) => r.round)).toEqual([1, 2]);
    expect(meeting.rounds.every((r) => r.votes.length === meeting.members.length)).toBe(true);
    // The shadow's seat is not on the panel.
    expect(meeting.members.map((m) => m.name)).not.toContain(DEMO_SHADOW.name);
    expect(meeting.movement!.toward).toBeGreaterThan(0);
    expect(meeting.movement!.away).toBeGreaterThan(0);
    expect(Date.parse(meeting.finishedAt!) - Date.parse(meeting.startedAt)).toBe(30 * 60_000);
  });
});
