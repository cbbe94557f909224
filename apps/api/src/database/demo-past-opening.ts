import type { INestApplicationContext } from '@nestjs/common';
import { DEFAULT_COMPENSATION, type Opening } from '@scorecard/contracts';
import { ApplicationsService } from '../modules/applications/applications.service.js';
import { CandidatesService } from '../modules/candidates/candidates.service.js';
import { DecisionsService } from '../modules/decisions/decisions.service.js';
import { InterviewsService } from '../modules/interviews/interviews.service.js';
import { OpeningsService } from '../modules/openings/openings.service.js';
import { ScorecardsService } from '../modules/scorecards/scorecards.service.js';
import { Db } from './db.js';
import { BLANK_CANDIDATE_FIELDS, createDemoOpening, DAY, type DemoContext, HOUR, type Step } from './demo-context.js';
import { PAST_OPENING_TITLE, PAST_STEPS, type PastCandidate, pastCandidates } from './demo-history.js';

/**
 * The closed opening: about thirty past candidates (`demo-history.ts`), each interviewed by the
 * whole panel and decided, then the opening closed. Each candidate is one transaction (the seed
 * stays quick); the services' own transactions nest in it as savepoints, so every rule still runs.
 */
export async function seedPastOpening(app: INestApplicationContext, step: Step, demo: DemoContext): Promise<void> {
  const openings = app.get(OpeningsService);
  const db = app.get(Db);
  const opening = await createDemoOpening(
    app,
    step,
    demo,
    {
      title: PAST_OPENING_TITLE,
      team: 'Payments',
      level: 'senior',
      archetype: 'feature',
      codingSharePct: 55,
      peopleManagement: 'some',
      decisionAuthority: 'team',
      emPartnership:
        'The tech lead owns the payment services’ design and code review; the engineering manager owns people, hiring and the roadmap. The tech lead gives input to reviews and hiring.',
      careerPath: 'technical',
      compensation: DEFAULT_COMPENSATION.senior,
      expectations: {
        technicalAuthority:
          'Owns the design of the payment services; changes to the ledger go through a review the tech lead chairs.',
        codingTime: 'About half the week on production code.',
        teamQuality: 'Five engineers, two of them senior; the tech lead sits on every hiring panel.',
        emPartnership: 'Technical direction with the tech lead, people and roadmap with the engineering manager.',
        growthPath: 'Toward staff engineer on the payments platform.',
      },
    },
    // Any of the four interviewers may hold any assessment step.
    () => demo.interviewerIds,
  );
  // A few candidates at a time, each in its own transaction: the seed waits less on the database.
  const queue = pastCandidates();
  const worker = async () => {
    for (let c = queue.shift(); c; c = queue.shift()) {
      const next = c;
      await step(() => seedPastCandidate(app, demo, opening, next));
    }
  };
  await Promise.all(Array.from({ length: PAST_CONCURRENCY }, worker));
  const { hiringManager } = demo;
  await step(async () => {
    const current = await openings.get(hiringManager, opening.id);
    await openings.changeStatus(hiringManager, opening.id, { status: 'closed', revision: current.revision });
    // The opening was created before its first candidate applied.
    await db.query(
      `update openings set created_at = now() - make_interval(days => $2) where organization_id = $1 and id = $3`,
      [hiringManager.organizationId, Math.max(...pastCandidates().map((p) => p.appliedDaysAgo)) + 5, opening.id],
    );
  });
}

const PAST_CONCURRENCY = 3;
/** Stage moves of a past candidate, and how many days after applying each happened. */
const PAST_MOVES: { to: 'screen' | 'interviews' | 'debrief'; after: number }[] = [
  { to: 'screen', after: 3 },
  { to: 'interviews', after: 7 },
];
const DEBRIEF_AFTER = 9 + PAST_STEPS.length;
const DECISION_AFTER = DEBRIEF_AFTER + 2;
const HIRED_AFTER = DECISION_AFTER + 12;

async function seedPastCandidate(
  app: INestApplicationContext,
  demo: DemoContext,
  opening: Opening,
  c: PastCandidate,
): Promise<void> {
  const { recruiter, hiringManager } = demo;
  const candidates = app.get(CandidatesService);
  const applications = app.get(ApplicationsService);
  const interviews = app.get(InterviewsService);
  const scorecards = app.get(ScorecardsService);
  const decisions = app.get(DecisionsService);
  const db = app.get(Db);
  const candidate = await candidates.create(recruiter, {
    ...BLANK_CANDIDATE_FIELDS,
    name: c.name,
    email: c.email,
    currentTitle: c.currentTitle,
    currentCompany: c.currentCompany,
    source: c.source,
    internal: c.source === 'internal_promotion',
    desiredCareerPath: c.desiredCareerPath,
    desiredCodingSharePct: c.desiredCodingSharePct,
    compensationExpectation:
      c.expectedSalaryUsd === null ? null : { currency: 'USD', amountMinor: c.expectedSalaryUsd * 100 },
  });
  let application = await applications.apply(recruiter, candidate.id, opening.id);
  for (const to of ['screen', 'interviews'] as const) {
    application = await applications.move(recruiter, application.id, { to, note: '', revision: application.revision });
  }
  const submitted: { scorecardId: string; at: Date }[] = [];
  for (const i of c.interviews) {
    const interviewer = demo.byEmail.get(i.interviewer)!;
    const start = new Date(Date.now() - i.daysAgo * DAY);
    start.setUTCHours(i.hour, 0, 0, 0);
    const interview = await interviews.schedule(recruiter, application.id, {
      stepKey: opening.plan.steps[i.step]!.key,
      interviewerId: interviewer.userId,
      startsAt: start.toISOString(),
    });
    // The new draft (revision 0) takes exactly the step's questions: the service refuses a rating
    // of any other (criterion_not_asked) and a submission that leaves one out.
    const scorecardId = interview.scorecard!.id;
    const s = i.scorecard;
    const saved = await scorecards.save(interviewer, scorecardId, {
      ratings: s.ratings,
      redFlags: [],
      recommendation: s.recommendation,
      summary: s.summary,
      notes: '',
      revision: 0,
    });
    await scorecards.submit(interviewer, scorecardId, { revision: saved.revision, confirmContradiction: false });
    const end = start.getTime() + interview.durationMinutes * 60_000;
    submitted.push({ scorecardId, at: new Date(end + i.submittedHoursAfter * HOUR) });
  }
  application = await applications.move(recruiter, application.id, {
    to: 'debrief',
    note: '',
    revision: (await applications.get(recruiter, application.id)).revision,
  });
  const { thenHired, ...decision } = c.decision;
  await decisions.decide(hiringManager, application.id, {
    ...decision,
    acknowledgeDealbreakers: false,
    revision: application.revision,
  });
  if (thenHired) {
    const current = await applications.get(recruiter, application.id);
    await applications.move(recruiter, application.id, {
      to: 'hired',
      note: 'Signed; starts next month.',
      revision: current.revision,
    });
  }
  // Dates the history: each move by the stage it entered, every submission as planned.
  const daysAgo: Record<string, number> = {
    applied: c.appliedDaysAgo,
    ...Object.fromEntries(PAST_MOVES.map((m) => [m.to, c.appliedDaysAgo - m.after])),
    debrief: c.appliedDaysAgo - DEBRIEF_AFTER,
    offer: c.appliedDaysAgo - DECISION_AFTER,
    rejected: c.appliedDaysAgo - DECISION_AFTER,
    hired: c.appliedDaysAgo - HIRED_AFTER,
  };
  // One statement (the rows are independent), under the flag that lets the seed date a submission.
  await db.query(`select set_config('scorecard.amending', 'on', true)`);
  await db.query(
    `with days as (select $3::jsonb as d),
     moves as (
       update application_moves set moved_at = now() - make_interval(days => ((select d from days) ->> to_stage)::int)
        where organization_id = $1 and application_id = $2 and (select d from days) ? to_stage),
     application as (
       update applications
          set stage_entered_at = now() - make_interval(days => ((select d from days) ->> stage)::int),
              created_at = now() - make_interval(days => ((select d from days) ->> 'applied')::int)
        where organization_id = $1 and id = $2),
     candidate as (
       update candidates set created_at = now() - make_interval(days => ((select d from days) ->> 'applied')::int)
        where organization_id = $1 and id = $4)
     update scorecards s set submitted_at = v.at, updated_at = v.at
       from jsonb_to_recordset($5::jsonb) as v(id uuid, at timestamptz)
      where s.organization_id = $1 and s.id = v.id`,
    [
      recruiter.organizationId,
      application.id,
      JSON.stringify(daysAgo),
      candidate.id,
      JSON.stringify(submitted.map((x) => ({ id: x.scorecardId, at: x.at.toISOString() }))),
    ],
  );
  await db.query(`select set_config('scorecard.amending', 'off', true)`);
}
