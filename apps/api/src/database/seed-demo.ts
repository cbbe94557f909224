import type { INestApplicationContext } from '@nestjs/common';
import { EXPECTATIONS, type Opening, type Role, type Scorecard } from '@scorecard/contracts';
import pg from 'pg';
import { Db } from './db.js';
import { randomUUID } from 'node:crypto';
import type { Caller } from '../common/request-context.js';
import { KitsService } from '../modules/library/kits.service.js';
import { ApplicationsService } from '../modules/applications/applications.service.js';
import { CandidatesService } from '../modules/candidates/candidates.service.js';
import { DecisionsService } from '../modules/decisions/decisions.service.js';
import { InterviewsService } from '../modules/interviews/interviews.service.js';
import { OrganizationsService } from '../modules/organizations/organizations.service.js';
import { ScorecardsService } from '../modules/scorecards/scorecards.service.js';
import { UsersService } from '../modules/users/users.service.js';
import { type CriterionName, DEMO_CANDIDATES, type DemoAmendment, type DemoScorecard, Q } from './demo-candidates.js';
import {
  BLANK_CANDIDATE_FIELDS,
  createDemoOpening,
  DAY,
  type DemoContext,
  demoContext,
  type Member,
  type Step,
} from './demo-context.js';
import { PAST_OPENING_TITLE } from './demo-history.js';
import { seedPastOpening } from './demo-past-opening.js';
import { seedDemoFiles } from './demo-files.js';
import { seedDemoHomes } from './demo-homes.js';
import { seedDemoScheduling } from './demo-scheduling.js';
import { seedDemoNotes } from './demo-notes.js';
import { seedDemoMessaging } from './demo-messaging.js';
import { seedDemoAccess } from './demo-access.js';
import { seedDemoIntegrations } from './demo-integrations.js';
import { seedDemoSelfId } from './demo-self-id.js';
import { seedDemoQualification } from './demo-qualification.js';
import { seedDemoQuestionBank } from './demo-question-bank.js';
import { seedDemoMeetings } from './demo-meetings.js';

export const DEMO_PASSWORD = 'scorecard-demo';
export const DEMO_ORGANIZATION = 'Acme Robotics';
export const DEMO_OPENING_TITLE = 'Tech Lead, Platform';
export { PAST_OPENING_TITLE };

/** The demo's people, each in the time zone their emails and calendar invitations use. */
export const DEMO_USERS: { email: string; name: string; role: Role; timeZone: string }[] = [
  { email: 'admin@acme.test', name: 'Avery Admin', role: 'admin', timeZone: 'Europe/London' },
  { email: 'recruiter@acme.test', name: 'Riley Recruiter', role: 'recruiter', timeZone: 'America/New_York' },
  { email: 'hm@acme.test', name: 'Harper Lindqvist', role: 'hiring_manager', timeZone: 'Europe/Stockholm' },
  { email: 'interviewer1@acme.test', name: 'Ines Okafor', role: 'interviewer', timeZone: 'Africa/Lagos' },
  { email: 'interviewer2@acme.test', name: 'Mateo Silva', role: 'interviewer', timeZone: 'America/Sao_Paulo' },
  { email: 'interviewer3@acme.test', name: 'Priya Raman', role: 'interviewer', timeZone: 'Asia/Kolkata' },
  { email: 'interviewer4@acme.test', name: 'Jonas Weber', role: 'interviewer', timeZone: 'Europe/Berlin' },
];

/**
 * Creates the demo organization, but only in a database with no organization at all, so it never
 * touches real data. The caller decides whether demo data is wanted (never in production).
 * Emptiness is checked as the owner (`ownerUrl`), which sees every organization, under a lock that
 * makes instances starting together seed once; the data itself is written through the product's
 * services as the demo organization, so every rule of the product applies to it.
 */
export async function seedDemo(app: INestApplicationContext, ownerUrl: string): Promise<boolean> {
  const owner = new pg.Client({ connectionString: ownerUrl });
  await owner.connect();
  try {
    await owner.query('begin');
    await owner.query('select pg_advisory_xact_lock(727275)');
    const { rows } = await owner.query<{ any: boolean }>('select exists (select 1 from organizations) as any');
    if (rows[0]?.any) return false;
    const db = app.get(Db);
    const orgs = app.get(OrganizationsService);
    const users = app.get(UsersService);
    const kits = app.get(KitsService);
    const id = randomUUID();
    // Each step is its own transaction, as it would be as a request, so the history has distinct times.
    const step: Step = (fn) => db.asTenant(id, fn);
    const seeded = await step(async () => {
      const org = await orgs.create(id, DEMO_ORGANIZATION);
      const members: Member[] = [];
      for (const { timeZone, ...u } of DEMO_USERS) {
        const member = await users.createMember({ organizationId: org.id, ...u, password: DEMO_PASSWORD });
        await db.query(`update users set time_zone = $3 where organization_id = $1 and id = $2`, [
          org.id,
          member.id,
          timeZone,
        ]);
        members.push(member);
      }
      const kit = await kits.installTechLeadKit(org.id, db.manager);
      return { org, members, kit };
    });
    const demo = await demoContext(app, step, seeded);
    await seedPastOpening(app, step, demo);
    await seedDemoOpening(app, step, demo);
    await seedDemoFiles(app, step, demo);
    await seedDemoScheduling(app, step, demo);
    await seedDemoHomes(app, step, demo);
    await seedDemoNotes(app, step, demo);
    await seedDemoMessaging(app, step, demo);
    await seedDemoAccess(app, step, demo);
    await seedDemoSelfId(app, step, demo);
    await seedDemoQualification(app, step, demo);
    await seedDemoQuestionBank(app, step, demo);
    await seedDemoMeetings(app, step, demo);
    await seedDemoIntegrations(app, step, demo);
    return true;
  } finally {
    await owner.query('rollback').catch(() => undefined);
    await owner.end();
  }
}

/** The open Tech Lead opening, with the candidates of `demo-candidates.ts` at every stage. */
async function seedDemoOpening(app: INestApplicationContext, step: Step, demo: DemoContext): Promise<void> {
  const expectations = Object.fromEntries(
    EXPECTATIONS.map((e) => [e, DEMO_EXPECTATIONS[e]]),
  ) as typeof DEMO_EXPECTATIONS;
  const ids = demo.interviewerIds;
  const opening = await createDemoOpening(
    app,
    step,
    demo,
    {
      title: DEMO_OPENING_TITLE,
      team: 'Platform',
      level: 'senior',
      archetype: 'architecture',
      codingSharePct: 60,
      peopleManagement: 'none',
      decisionAuthority: 'team',
      emPartnership:
        'The tech lead owns technical direction and code quality; the engineering manager owns people, hiring and delivery. They meet weekly on team health.',
      careerPath: 'technical',
      expectations,
    },
    // Two default interviewers per step, each step's pool different from the next one's.
    (i) => [ids[i % ids.length]!, ids[(i + 1) % ids.length]!],
  );
  await seedDemoPipeline(app, step, demo, opening);
}

/** Days between a demo candidate's stage moves. */
const DAYS_BETWEEN_MOVES = 3;

/**
 * The demo opening's pipeline, written through the same services as the product: applications
 * and moves by the recruiter, interviews scheduled in the past, scorecards saved and submitted by
 * each interviewer, and the hiring manager's decision. Then the history is dated over past days.
 */
async function seedDemoPipeline(
  app: INestApplicationContext,
  step: Step,
  demo: DemoContext,
  opening: Opening,
): Promise<void> {
  const { recruiter, hiringManager } = demo;
  const candidates = app.get(CandidatesService);
  const applications = app.get(ApplicationsService);
  const interviews = app.get(InterviewsService);
  const scorecards = app.get(ScorecardsService);
  const decisions = app.get(DecisionsService);
  const db = app.get(Db);
  for (const c of DEMO_CANDIDATES) {
    const candidate = await step(() =>
      candidates.create(recruiter, {
        ...BLANK_CANDIDATE_FIELDS,
        name: c.name,
        email: c.email,
        currentTitle: c.currentTitle,
        currentCompany: c.currentCompany,
        source: c.source,
        internal: false,
        desiredCareerPath: 'technical',
        desiredCodingSharePct: null,
        compensationExpectation: null,
      }),
    );
    let application = await step(() => applications.apply(recruiter, candidate.id, opening.id));
    for (const to of c.path.slice(1)) {
      const { id, revision } = application;
      application = await step(() => applications.move(recruiter, id, { to, note: '', revision }));
    }
    const amendments: { interviewer: Caller; card: Scorecard; given: DemoScorecard; amendment: DemoAmendment }[] = [];
    for (const i of c.interviews ?? []) {
      const planStep = opening.plan.steps[i.step]!;
      const interviewer = demo.byEmail.get(i.interviewer)!;
      const start = new Date(Date.now() + i.day * DAY);
      start.setUTCHours(i.hour, 0, 0, 0);
      const interview = await step(() =>
        interviews.schedule(recruiter, application.id, {
          stepKey: planStep.key,
          interviewerId: interviewer.userId,
          startsAt: start.toISOString(),
        }),
      );
      const given = i.scorecard;
      if (!given) continue;
      const card = await submitDemoScorecard(step, scorecards, interviewer, interview.id, namedRatings(given), given);
      if (i.amendment) amendments.push({ interviewer, card, given, amendment: i.amendment });
    }
    const decision = c.decision;
    if (decision) {
      const current = await step(() => applications.get(hiringManager, application.id));
      await step(() =>
        decisions.decide(hiringManager, application.id, {
          ...decision,
          acknowledgeDealbreakers: false,
          revision: current.revision,
        }),
      );
    }
    await step(() => backdate(db, recruiter.organizationId, application.id, c.daysInStage));
    // Amendments come last, now: after the submission (dated in the past) and, when the author read
    // the panel's feedback first, after that reading, which the debrief then labels.
    for (const { interviewer, card, given, amendment } of amendments) {
      if (amendment.afterReading) await step(() => scorecards.listForApplication(interviewer, application.id));
      const ratings = namedRatings({ ...given, ratings: { ...given.ratings, ...amendment.ratings } });
      await step(() =>
        scorecards.amend(interviewer, card.id, {
          ratings: ratings.map(([criterionKey, rating, evidence]) => ({ criterionKey, rating, evidence })),
          redFlags: (given.redFlags ?? []).map(([flagKey, evidence]) => ({ flagKey, evidence })),
          recommendation: given.recommendation,
          summary: given.summary,
          notes: given.notes ?? '',
          reason: amendment.reason,
          revision: card.revision,
          confirmContradiction: false,
        }),
      );
    }
  }
}

type GivenRating = [criterionKey: string, rating: 1 | 2 | 3 | 4, evidence: string];

function namedRatings(s: DemoScorecard): GivenRating[] {
  return (Object.entries(s.ratings) as [CriterionName, [1 | 2 | 3 | 4, string]][]).map(([name, [rating, evidence]]) => [
    Q[name],
    rating,
    evidence,
  ]);
}

/**
 * Saves and submits a demo scorecard as its interviewer. It must rate exactly the questions its
 * step asked (the seed fails otherwise, as the product would refuse a rating of an unasked one).
 */
async function submitDemoScorecard(
  step: Step,
  scorecards: ScorecardsService,
  interviewer: Caller,
  interviewId: string,
  ratings: GivenRating[],
  s: {
    redFlags?: [string, string][];
    recommendation: DemoScorecard['recommendation'];
    summary: string;
    notes?: string;
    confirmsContradiction?: true;
  },
): Promise<Scorecard> {
  const kit = await step(() => scorecards.kit(interviewer, interviewId));
  const asked = new Set(kit.competencies.flatMap((c) => c.criteria.map((cr) => cr.key)));
  const given = new Set(ratings.map(([key]) => key));
  const outside = [...given].filter((key) => !asked.has(key));
  const missing = [...asked].filter((key) => !given.has(key));
  if (outside.length > 0 || missing.length > 0) {
    throw new Error(
      `demo scorecard for “${kit.interview.step}” must rate exactly its questions: unasked ${outside.join(', ') || 'none'}; missing ${missing.join(', ') || 'none'}`,
    );
  }
  const id = kit.scorecard!.id;
  const saved = await step(() =>
    scorecards.save(interviewer, id, {
      ratings: ratings.map(([criterionKey, rating, evidence]) => ({ criterionKey, rating, evidence })),
      redFlags: (s.redFlags ?? []).map(([flagKey, evidence]) => ({ flagKey, evidence })),
      recommendation: s.recommendation,
      summary: s.summary,
      notes: s.notes ?? '',
      revision: kit.scorecard!.revision,
    }),
  );
  // A demo recommendation that contradicts its ratings fails the seed unless it says it is confirmed.
  return step(() =>
    scorecards.submit(interviewer, id, {
      revision: saved.revision,
      confirmContradiction: s.confirmsContradiction === true,
    }),
  );
}

/**
 * Dates a demo application's history over past days: its last move `daysInStage` days ago, each
 * earlier one DAYS_BETWEEN_MOVES before the next, and each submitted scorecard (with a confirmation
 * given at submit) three hours after its interview ended. The submission times are history the
 * product itself never rewrites: the seed alone does, under the same transaction flag that lets an
 * amendment change a submitted scorecard.
 */
async function backdate(db: Db, organizationId: string, applicationId: string, daysInStage: number) {
  await db.transaction(async (m) => {
    await m.query(
      `with ordered as (
         select id, (row_number() over (order by moved_at desc, id desc) - 1)::int as back
           from application_moves where organization_id = $1 and application_id = $2)
       update application_moves mv set moved_at = now() - make_interval(days => $3 + ordered.back * $4)
         from ordered
        where mv.organization_id = $1 and mv.id = ordered.id`,
      [organizationId, applicationId, daysInStage, DAYS_BETWEEN_MOVES],
    );
    await m.query(
      `update applications a
          set stage_entered_at = now() - make_interval(days => $3),
              created_at = (select min(moved_at) from application_moves mv
                             where mv.organization_id = a.organization_id and mv.application_id = a.id)
        where a.organization_id = $1 and a.id = $2`,
      [organizationId, applicationId, daysInStage],
    );
    await m.query(`select set_config('scorecard.amending', 'on', true)`);
    await m.query(
      `update scorecards s
          set submitted_at = i.starts_at + make_interval(mins => i.duration_minutes + 180),
              updated_at = i.starts_at + make_interval(mins => i.duration_minutes + 180),
              contradiction_confirmed_at = case when s.contradiction_confirmed_at is not null
                                                then i.starts_at + make_interval(mins => i.duration_minutes + 180) end
         from interviews i
        where s.organization_id = $1 and s.application_id = $2 and s.status = 'submitted'
          and i.organization_id = s.organization_id and i.id = s.interview_id`,
      [organizationId, applicationId],
    );
    await m.query(`select set_config('scorecard.amending', 'off', true)`);
  });
}

const DEMO_EXPECTATIONS = {
  technicalAuthority:
    'Sets the platform team’s architecture and standards; cross-team changes go through the architecture review, where the tech lead has a vote.',
  codingTime: 'About 60% of the week on production code, protected by a no-meeting Wednesday.',
  teamQuality: 'Six experienced engineers; the tech lead interviews every new hire with the engineering manager.',
  emPartnership: 'Clear split: technical direction with the tech lead, people management with the engineering manager.',
  growthPath: 'Toward staff engineer, with a seat in the architecture group from the first quarter.',
};
