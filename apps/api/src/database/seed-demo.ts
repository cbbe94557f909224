import type { INestApplicationContext } from '@nestjs/common';
import { CHECKLISTS, RUBRICS } from '../modules/library/library.tokens.js';
import {
  type CreateCandidateRequest,
  type DecisionKind,
  EXPECTATIONS,
  type Opening,
  type Recommendation,
  type Role,
  type RubricDetail,
  type Stage,
} from '@scorecard/contracts';
import { DataSource } from 'typeorm';
import { randomUUID } from 'node:crypto';
import type { Caller } from '../common/request-context.js';
import { KitsService } from '../modules/library/kits.service.js';
import { TECH_LEAD_KEYS, TECH_LEAD_PLAN } from '../modules/library/tech-lead-kit.js';
import { OpeningsService } from '../modules/openings/openings.service.js';
import { ApplicationsService } from '../modules/applications/applications.service.js';
import { CandidatesService } from '../modules/candidates/candidates.service.js';
import { DecisionsService } from '../modules/decisions/decisions.service.js';
import { InterviewsService } from '../modules/interviews/interviews.service.js';
import { OrganizationsService } from '../modules/organizations/organizations.service.js';
import { ScorecardsService } from '../modules/scorecards/scorecards.service.js';
import { UsersService } from '../modules/users/users.service.js';

export const DEMO_PASSWORD = 'scorecard-demo';
export const DEMO_ORGANIZATION = 'Acme Robotics';

export const DEMO_USERS: { email: string; name: string; role: Role }[] = [
  { email: 'admin@acme.test', name: 'Avery Admin', role: 'admin' },
  { email: 'recruiter@acme.test', name: 'Riley Recruiter', role: 'recruiter' },
  { email: 'hm@acme.test', name: 'Harper Lindqvist', role: 'hiring_manager' },
  { email: 'interviewer1@acme.test', name: 'Ines Okafor', role: 'interviewer' },
  { email: 'interviewer2@acme.test', name: 'Mateo Silva', role: 'interviewer' },
  { email: 'interviewer3@acme.test', name: 'Priya Raman', role: 'interviewer' },
  { email: 'interviewer4@acme.test', name: 'Jonas Weber', role: 'interviewer' },
];

/**
 * Creates the demo organization, but only in a database with no organization at all, so it never
 * touches real data. The caller decides whether demo data is wanted (never in production).
 */
export async function seedDemo(app: INestApplicationContext): Promise<boolean> {
  const ds = app.get(DataSource);
  const orgs = app.get(OrganizationsService);
  const users = app.get(UsersService);
  const kits = app.get(KitsService);
  const seeded = await ds.transaction(async (m) => {
    await m.query('select pg_advisory_xact_lock(727275)');
    if (!(await orgs.isEmpty(m))) return null;
    const org = await orgs.create(DEMO_ORGANIZATION, m);
    const members = [];
    for (const u of DEMO_USERS) {
      members.push(await users.createMember({ organizationId: org.id, ...u, password: DEMO_PASSWORD }, m));
    }
    const kit = await kits.installTechLeadKit(org.id, m);
    return { org, members, kit };
  });
  if (!seeded) return false;
  await seedDemoOpening(app, seeded);
  return true;
}

/** An open Tech Lead opening whose plan passes the check, so the plan builder has something real to show. */
async function seedDemoOpening(
  app: INestApplicationContext,
  seeded: {
    org: { id: string; name: string };
    members: { id: string; name: string; email: string; role: Role }[];
    kit: { rubricId: string; checklistId: string };
  },
): Promise<void> {
  const hm = seeded.members.find((u) => u.role === 'hiring_manager')!;
  const recruiter = seeded.members.find((u) => u.role === 'recruiter')!;
  const interviewers = seeded.members.filter((u) => u.role === 'interviewer').map((u) => u.id);
  const caller: Caller = {
    sessionId: 'demo-seed',
    userId: hm.id,
    organizationId: seeded.org.id,
    organizationName: seeded.org.name,
    name: hm.name,
    email: hm.email,
    role: hm.role,
  };
  const rubrics = app.get<{ get(c: Caller, id: string): Promise<RubricDetail> }>(RUBRICS);
  const checklists = app.get<{ get(c: Caller, id: string): Promise<{ publishedVersionId: string | null }> }>(
    CHECKLISTS,
  );
  const rubric = await rubrics.get(caller, seeded.kit.rubricId);
  const checklist = await checklists.get(caller, seeded.kit.checklistId);
  const openings = app.get(OpeningsService);
  const expectations = Object.fromEntries(
    EXPECTATIONS.map((e) => [e, DEMO_EXPECTATIONS[e]]),
  ) as typeof DEMO_EXPECTATIONS;
  let opening = await openings.create(caller, {
    title: 'Tech Lead, Platform',
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
    hiringManagerId: hm.id,
    recruiterId: recruiter.id,
    hideCandidateDetails: false,
    rubricVersionId: rubric.publishedVersionId,
    checklistVersionId: checklist.publishedVersionId,
  });
  const steps = TECH_LEAD_PLAN.map((t, i) => ({
    key: randomUUID(),
    name: t.name,
    durationMinutes: t.durationMinutes,
    focusCompetencyKeys: t.focus,
    interviewerIds: [interviewers[i % interviewers.length]!, interviewers[(i + 1) % interviewers.length]!],
    criterionKeys: t.criterionKeys,
  }));
  opening = await openings.savePlan(caller, opening.id, steps, opening.revision);
  opening = await openings.changeStatus(caller, opening.id, { status: 'open', revision: opening.revision });
  const as = (u: { id: string; name: string; email: string; role: Role }): Caller => ({
    ...caller,
    userId: u.id,
    name: u.name,
    email: u.email,
    role: u.role,
  });
  await seedDemoPipeline(app, {
    recruiter: as(recruiter),
    hiringManager: caller,
    byEmail: new Map(seeded.members.map((u) => [u.email, as(u)])),
    opening,
  });
}

const Q = TECH_LEAD_KEYS.criteria;
/** Two red flags of the built-in checklist (its keys are the same in every organization). */
const FLAG = {
  managersAsOpponents: 'a22aa4cb-10a4-4639-b2dd-8627902a0714',
  decidesEverything: 'd5787255-27fd-4fc2-ab24-3e648ebc21c3',
} as const;

type CriterionName = keyof typeof Q;

/**
 * A submitted demo scorecard: ratings with evidence by criterion (focus criteria left out are
 * "not assessed"), red flags with evidence, the recommendation and the summary.
 */
interface DemoScorecard {
  ratings: Partial<Record<CriterionName, [1 | 2 | 3 | 4, string]>>;
  redFlags?: [string, string][];
  recommendation: Recommendation;
  summary: string;
  notes?: string;
}

interface DemoInterview {
  /** Index of the plan step (0 design, 1 leadership, 2 mentoring and code review, 3 communication). */
  step: number;
  interviewer: string;
  /** Days from now (negative: in the past) and the hour (UTC) it starts. */
  day: number;
  hour: number;
  /** Submitted when given; otherwise the draft is still pending. */
  scorecard?: DemoScorecard;
}

interface DemoCandidate extends Pick<
  CreateCandidateRequest,
  'name' | 'email' | 'currentTitle' | 'currentCompany' | 'source'
> {
  /** The stages the recruiter moved the application through, from `applied`. */
  path: Stage[];
  /** Days since the last move; earlier moves came 3 days apart. */
  daysInStage: number;
  interviews?: DemoInterview[];
  /** Recorded by the hiring manager after the interviews, which moves the application on. */
  decision?: { decision: DecisionKind; rationale: string };
}

const INES = 'interviewer1@acme.test';
const MATEO = 'interviewer2@acme.test';
const PRIYA = 'interviewer3@acme.test';
const JONAS = 'interviewer4@acme.test';

/**
 * The demo opening's candidates: two applied (one stuck for 12 days), one in screening, two in
 * interviews (one with two scorecards in and one overdue), one in debrief with a panel that
 * disagrees and a dealbreaker, and one hired into the offer stage.
 */
const DEMO_CANDIDATES: DemoCandidate[] = [
  {
    name: 'Amara Nwosu',
    email: 'amara.nwosu@example.com',
    currentTitle: 'Senior Backend Engineer',
    currentCompany: 'Ledgerly',
    source: 'referral',
    path: ['applied'],
    daysInStage: 1,
  },
  {
    name: 'Lukas Brandt',
    email: 'lukas.brandt@example.com',
    currentTitle: 'Staff Engineer',
    currentCompany: 'Northwind Logistics',
    source: 'linkedin',
    path: ['applied'],
    daysInStage: 12,
  },
  {
    name: 'Sofia Marquez',
    email: 'sofia.marquez@example.com',
    currentTitle: 'Engineering Lead',
    currentCompany: 'Brightpath Health',
    source: 'engineering_blog',
    path: ['applied', 'screen'],
    daysInStage: 3,
  },
  {
    name: 'Kenji Watanabe',
    email: 'kenji.watanabe@example.com',
    currentTitle: 'Senior Platform Engineer',
    currentCompany: 'Orbital Compute',
    source: 'github',
    path: ['applied', 'screen', 'interviews'],
    daysInStage: 4,
    interviews: [
      {
        step: 0,
        interviewer: INES,
        day: -3,
        hour: 14,
        scorecard: {
          ratings: {
            handsOnCode: [
              4,
              'Walked me through the lease-based job scheduler he wrote for their batch platform: the race that took a week to find, and the property tests he added so the next one would be caught in CI.',
            ],
            systemDesign: [
              3,
              'Put a queue in front of the store and made the writers idempotent. Handled the slow-dependency probe well; needed a nudge before he thought about ten times the traffic.',
            ],
            productionDebugging: [
              3,
              'Found a memory leak in a sidecar from heap profiles taken a few hours apart; clear about the cause and added an alert on resident memory afterwards.',
            ],
            tradeOffs: [
              2,
              'Reaches for Kubernetes operators for everything. Named “complexity” as the only cost and had not seriously weighed a simpler option.',
            ],
          },
          recommendation: 'yes',
          summary:
            'A very solid engineer who still writes production code every week. His trade-off reasoning was thinner than I would like in a lead; the leadership round should probe how he decides between options.',
        },
      },
      {
        step: 1,
        interviewer: MATEO,
        day: -2,
        hour: 15,
        scorecard: {
          ratings: {
            whyLead: [
              4,
              'Has run the platform guild for a year and wants the accountability that goes with setting direction. Talked to his manager and a staff engineer about both paths before applying; could say what he would miss about staying an IC.',
            ],
            influence: [
              4,
              'Moved four teams off a home-grown deploy tool: migrated the hardest service himself first, then paired with each team on theirs. Nobody was ordered to switch.',
            ],
            standardsAndTechnology: [
              3,
              'Set up the service template and the “golden path” docs. Less evidence of retiring old standards once they stopped helping.',
            ],
            technicalCulture: [
              3,
              'Runs a weekly hour where anyone can bring a flaky test or a slow build; small, but it has lasted eighteen months.',
            ],
            growingEngineers: [
              4,
              'Two engineers he mentored were promoted to senior. He could say what each one needed (one more scope, the other more confidence in design reviews) and what he changed for each.',
            ],
            technicalFeedback: [
              3,
              'Gives feedback while pairing first and in writing second; told a candid story about a hard conversation over a rushed migration.',
            ],
          },
          recommendation: 'strong_yes',
          summary:
            'Every leadership example was specific and about other people’s growth, not his own output. A strong yes from me.',
        },
      },
      // Feedback was due yesterday: the recruiter home lists it as overdue.
      { step: 3, interviewer: JONAS, day: -2, hour: 10 },
    ],
  },
  {
    name: 'Grace Adeyemi',
    email: 'grace.adeyemi@example.com',
    currentTitle: 'Tech Lead',
    currentCompany: 'Fernhill Games',
    source: 'conference',
    path: ['applied', 'screen', 'interviews'],
    daysInStage: 2,
    interviews: [{ step: 0, interviewer: MATEO, day: 1, hour: 14 }],
  },
  {
    name: 'Tomasz Nowak',
    email: 'tomasz.nowak@example.com',
    currentTitle: 'Staff Engineer',
    currentCompany: 'Quarry Data',
    source: 'referral',
    path: ['applied', 'screen', 'interviews', 'debrief'],
    daysInStage: 1,
    interviews: [
      {
        step: 0,
        interviewer: INES,
        day: -3,
        hour: 10,
        scorecard: {
          ratings: {
            systemDesign: [
              4,
              'Asked about query latency and retention before drawing anything. Separated ingestion (a partitioned log) from the query store, sized both for ten times the load, and proposed shipping the write path first to measure real volumes.',
            ],
            tradeOffs: [
              4,
              'Chose a managed column store over running their own cluster; named what it cost (less control over compaction, a bigger bill past a certain volume), how they would move off it, and reviewed the choice a year later with real numbers.',
            ],
            handsOnCode: [
              3,
              'Wrote the back-pressure handling of their ingestion service himself last spring and explained the tests and the canary rollout.',
            ],
            productionDebugging: [
              3,
              'Traced a p99 spike to connection-pool starvation after a retry storm: dashboards first, then a reproduction in staging. Fixed it with a circuit breaker and an alert on pool wait time.',
            ],
          },
          recommendation: 'strong_yes',
          summary:
            'The strongest design interview I have run this quarter. Clarifies before designing, plans for failure without prompting, and still writes the hard parts himself.',
        },
      },
      {
        step: 1,
        interviewer: MATEO,
        day: -3,
        hour: 14,
        scorecard: {
          ratings: {
            whyLead: [
              3,
              'Wants one team’s direction and daily contact with its engineers rather than a staff role spread across teams. Convincing, if a little rehearsed.',
            ],
            influence: [
              3,
              'Got three teams to adopt a shared event schema by writing the proposal, running a spike with the most sceptical team, and changing the design after their feedback.',
            ],
            standardsAndTechnology: [
              4,
              'Introduced decision records on his team: a template, a 48-hour comment window and a quarterly look at old ones. Showed two decisions that were reversed through it without drama.',
            ],
            codeReview: [
              4,
              'Wrote the team’s review guidelines: say whether a comment blocks, leave style to the linter, start large changes from a short design note. Measured review turnaround before and after.',
            ],
            technicalCulture: [
              3,
              'Started a monthly incident review open to the whole company; attendance grew from six people to about thirty.',
            ],
            growingEngineers: [
              3,
              'Coached a junior engineer into owning the billing export: regular pairing at first, then handed over its on-call.',
            ],
          },
          recommendation: 'yes',
          summary:
            'Leads through writing and process more than through people, but the examples are real and recent. The mentoring round should check how he handles disagreement in reviews.',
        },
      },
      {
        step: 2,
        interviewer: PRIYA,
        day: -2,
        hour: 10,
        scorecard: {
          ratings: {
            growingEngineers: [
              2,
              'Apart from the billing-export story, his examples were about people he hired, not people he helped grow; he could not say what changed in them.',
            ],
            technicalFeedback: [
              1,
              'When a junior’s pull request is “going the wrong way” he closes it and rewrites it himself over the weekend, “because it is faster than explaining”. Saw no problem with that when I probed.',
            ],
            codeReview: [
              1,
              'He personally approves every change to the two core services and turned down a proposal to share that with two seniors, even with a three-day review queue. At odds with the guidelines he says he wrote.',
            ],
            knowledgeSharing: [
              2,
              'Pairs during incidents only; no habit of pairing or writing things down that he could point to.',
            ],
          },
          redFlags: [
            [
              FLAG.decidesEverything,
              'Approves every change to the core services himself and declined to delegate it, although reviews wait three days for him.',
            ],
          ],
          recommendation: 'no',
          summary:
            'Technically impressive, but every mentoring story turned into a story about him fixing things. I worry the team would wait on him rather than grow.',
        },
      },
      {
        step: 3,
        interviewer: JONAS,
        day: -2,
        hour: 14,
        scorecard: {
          ratings: {
            audiences: [
              3,
              'Explained the event pipeline the way a product manager would need it, without jargon, then went deep when I asked.',
            ],
            stakeholderTradeOffs: [
              3,
              'Negotiated a two-sprint delay for a schema migration with the product lead by showing what not doing it would cost support.',
            ],
            crossTeam: [
              2,
              'His cross-team story ended with escalating to a director after one meeting; little sign he tried to understand the other team’s constraints first.',
            ],
            emPartnership: [
              1,
              'Called his engineering manager “the obstacle” and described keeping the roadmap from her until it was too late to change. Repeated it when I gave him the chance to put it differently.',
            ],
          },
          redFlags: [
            [
              FLAG.managersAsOpponents,
              'Described his engineering manager as “the obstacle” twice and explained how he routes decisions around her.',
            ],
          ],
          recommendation: 'no',
          summary:
            'A clear communicator with stakeholders, but how he talks about his manager is exactly the partnership this role depends on. I would not hire without talking to his references about it.',
        },
      },
    ],
  },
  {
    name: 'Rosa Delgado',
    email: 'rosa.delgado@example.com',
    currentTitle: 'Senior Software Engineer',
    currentCompany: 'Tidewater Systems',
    source: 'linkedin',
    path: ['applied', 'screen', 'interviews', 'debrief'],
    daysInStage: 0,
    interviews: [
      {
        step: 0,
        interviewer: INES,
        day: -5,
        hour: 10,
        scorecard: {
          ratings: {
            systemDesign: [
              3,
              'Clean design with a clear data flow; handled the failure probes well and chose batching deliberately.',
            ],
            tradeOffs: [
              3,
              'Weighed a rewrite against an incremental migration with real constraints, and said what she would watch to change course.',
            ],
            handsOnCode: [3, 'Wrote the rate limiter of their public API; solid tests and a staged rollout.'],
            productionDebugging: [
              4,
              'Diagnosed clock skew between two regions breaking token expiry: reproduced it with a fake clock, fixed it, and added an alert on skew so it never surprised anyone again.',
            ],
          },
          recommendation: 'yes',
          summary: 'Methodical and calm; a sound engineer who explains her reasoning without being asked.',
        },
      },
      {
        step: 2,
        interviewer: PRIYA,
        day: -5,
        hour: 14,
        scorecard: {
          ratings: {
            growingEngineers: [
              4,
              'Two engineers she mentored now lead projects. She described the stretch work she found for each and the weekly design review she held with them until they no longer needed it.',
            ],
            knowledgeSharing: [
              4,
              'Wrote the onboarding path new hires still follow, and pairs every newcomer on their first on-call shift.',
            ],
            technicalFeedback: [
              3,
              'Gives direct, specific review comments and follows up in person when a thread gets long.',
            ],
            codeReview: [
              3,
              'Treats review as teaching: asks questions before asking for changes; keeps reviews small.',
            ],
          },
          recommendation: 'strong_yes',
          summary:
            'The best mentoring evidence I have heard for this role: concrete, about other people, and still going on.',
        },
      },
      {
        step: 3,
        interviewer: JONAS,
        day: -4,
        hour: 14,
        scorecard: {
          ratings: {
            audiences: [
              3,
              'Switched easily between an executive summary and the details when I changed roles mid-answer.',
            ],
            stakeholderTradeOffs: [
              4,
              'Turned a “can we just add a flag” request into a short cost table that the product lead used to drop two features.',
            ],
            crossTeam: [
              3,
              'Settled an API ownership dispute by writing down both teams’ needs and proposing a shared contract test.',
            ],
            emPartnership: [3, 'Describes a clear split with her manager and a weekly check-in on team health.'],
          },
          recommendation: 'yes',
          summary: 'Clear and persuasive with non-engineers; a good partner for an engineering manager.',
        },
      },
    ],
    decision: {
      decision: 'hire',
      rationale:
        'A consistent panel: strong mentoring evidence, sound design judgement and no red flags. Offer at the top of the band; she would start with the platform migration.',
    },
  },
];

const DAY = 86_400_000;
/** Days between a demo candidate's stage moves. */
const DAYS_BETWEEN_MOVES = 3;

/**
 * The demo opening's pipeline, written through the same services as the product: applications
 * and moves by the recruiter, interviews scheduled in the past, scorecards saved and submitted by
 * each interviewer, and the hiring manager's decision. Then the history is dated over past days.
 */
async function seedDemoPipeline(
  app: INestApplicationContext,
  who: { recruiter: Caller; hiringManager: Caller; byEmail: Map<string, Caller>; opening: Opening },
): Promise<void> {
  const { recruiter, hiringManager, opening } = who;
  const candidates = app.get(CandidatesService);
  const applications = app.get(ApplicationsService);
  const interviews = app.get(InterviewsService);
  const scorecards = app.get(ScorecardsService);
  const decisions = app.get(DecisionsService);
  const ds = app.get(DataSource);
  for (const c of DEMO_CANDIDATES) {
    const candidate = await candidates.create(recruiter, {
      name: c.name,
      email: c.email,
      phone: '',
      location: '',
      currentTitle: c.currentTitle,
      currentCompany: c.currentCompany,
      links: { linkedin: '', github: '', blog: '', talks: '' },
      source: c.source,
      internal: false,
      signals: [],
      desiredCareerPath: 'technical',
      desiredCodingSharePct: null,
      compensationExpectation: null,
      notes: '',
      tags: [],
    });
    let application = await applications.apply(recruiter, candidate.id, opening.id);
    for (const to of c.path.slice(1)) {
      application = await applications.move(recruiter, application.id, { to, note: '', version: application.version });
    }
    for (const i of c.interviews ?? []) {
      const step = opening.plan.steps[i.step]!;
      const interviewer = who.byEmail.get(i.interviewer)!;
      const start = new Date(Date.now() + i.day * DAY);
      start.setUTCHours(i.hour, 0, 0, 0);
      const interview = await interviews.schedule(recruiter, application.id, {
        stepKey: step.key,
        interviewerId: interviewer.userId,
        startsAt: start.toISOString(),
      });
      if (i.scorecard) await submitDemoScorecard(scorecards, interviewer, interview.id, i.scorecard);
    }
    if (c.decision) {
      const current = await applications.get(hiringManager, application.id);
      await decisions.decide(hiringManager, application.id, {
        ...c.decision,
        acknowledgeDealbreakers: false,
        version: current.version,
      });
    }
    await backdate(ds, recruiter.organizationId, application.id, c.daysInStage);
  }
}

/** Saves and submits a demo scorecard as its interviewer: every focus criterion rated or "not assessed". */
async function submitDemoScorecard(
  scorecards: ScorecardsService,
  interviewer: Caller,
  interviewId: string,
  s: DemoScorecard,
): Promise<void> {
  const kit = await scorecards.kit(interviewer, interviewId);
  const scope = kit.competencies.flatMap((c) => c.criteria);
  const given = new Map<string, [1 | 2 | 3 | 4, string]>(
    (Object.entries(s.ratings) as [CriterionName, [1 | 2 | 3 | 4, string]][]).map(([name, r]) => [Q[name], r]),
  );
  const outside = [...given.keys()].filter((key) => !scope.some((cr) => cr.key === key));
  if (outside.length > 0) throw new Error(`demo scorecard rates criteria outside its step: ${outside.join(', ')}`);
  const id = kit.scorecard!.id;
  const saved = await scorecards.save(interviewer, id, {
    ratings: scope.map((cr) => {
      const r = given.get(cr.key);
      return { criterionKey: cr.key, rating: r?.[0] ?? null, evidence: r?.[1] ?? '' };
    }),
    redFlags: (s.redFlags ?? []).map(([flagKey, evidence]) => ({ flagKey, evidence })),
    recommendation: s.recommendation,
    summary: s.summary,
    notes: s.notes ?? '',
    revision: kit.scorecard!.revision,
  });
  await scorecards.submit(interviewer, id, { revision: saved.revision });
}

/**
 * Dates a demo application's history over past days: its last move `daysInStage` days ago, each
 * earlier one DAYS_BETWEEN_MOVES before the next, and each submitted scorecard three hours after its
 * interview ended. The submission times are history the product itself never rewrites: the seed
 * alone does, under the same transaction flag that lets an amendment change a submitted scorecard.
 */
async function backdate(ds: DataSource, organizationId: string, applicationId: string, daysInStage: number) {
  await ds.transaction(async (m) => {
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
              updated_at = i.starts_at + make_interval(mins => i.duration_minutes + 180)
         from interviews i
        where s.organization_id = $1 and s.application_id = $2 and s.status = 'submitted'
          and i.organization_id = s.organization_id and i.id = s.interview_id`,
      [organizationId, applicationId],
    );
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
