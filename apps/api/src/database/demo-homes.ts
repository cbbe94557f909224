import type { INestApplicationContext } from '@nestjs/common';
import { ApplicationsService } from '../modules/applications/applications.service.js';
import { CandidatesService } from '../modules/candidates/candidates.service.js';
import { InterviewsService } from '../modules/interviews/interviews.service.js';
import { Db } from './db.js';
import { BLANK_CANDIDATE_FIELDS, DAY, type DemoContext, HOUR, type Step } from './demo-context.js';

/** The open demo opening the homes' work is on (seed-demo.ts's DEMO_OPENING_TITLE). */
const OPENING_TITLE = 'Tech Lead, Platform';

/**
 * Candidates in Interviews whose interviews fill the work-queue homes on first start (slice A of
 * issue 19), each interview placed relative to the moment of seeding:
 * - Ines Okafor (interviewer1): one in progress now (today, its scorecard a draft), one in two days
 *   (this week), one over five hours ago (due), one three days ago (overdue);
 * - Harper Lindqvist (hm): one whose feedback is overdue (their own scorecards due);
 * - Avery Admin: one that ended two hours ago (due).
 * The recruiter's home then chases the overdue ones.
 */
const PEOPLE: {
  name: string;
  email: string;
  interviews: { who: 'interviewer1@acme.test' | 'hm' | 'admin@acme.test'; step: number; startsIn: number }[];
}[] = [
  {
    name: 'Amara Okoye',
    email: 'amara.okoye@mail.acme-demo.test',
    interviews: [
      { who: 'interviewer1@acme.test', step: 0, startsIn: -10 * 60_000 },
      { who: 'hm', step: 1, startsIn: -30 * HOUR },
    ],
  },
  {
    name: 'Felix Brenner',
    email: 'felix.brenner@mail.acme-demo.test',
    interviews: [
      { who: 'interviewer1@acme.test', step: 1, startsIn: 2 * DAY },
      { who: 'admin@acme.test', step: 0, startsIn: -3 * HOUR },
    ],
  },
  {
    name: 'Sofia Almeida',
    email: 'sofia.almeida@mail.acme-demo.test',
    interviews: [{ who: 'interviewer1@acme.test', step: 0, startsIn: -3 * DAY }],
  },
  {
    name: 'Yusuf Demir',
    email: 'yusuf.demir@mail.acme-demo.test',
    interviews: [{ who: 'interviewer1@acme.test', step: 1, startsIn: -6 * HOUR }],
  },
];

/** Rounds down to the quarter hour, so the demo's times read like a calendar's. */
const quarter = (ms: number) => new Date(Math.floor(ms / (15 * 60_000)) * 15 * 60_000);

export async function seedDemoHomes(app: INestApplicationContext, step: Step, demo: DemoContext): Promise<void> {
  const db = app.get(Db);
  const candidates = app.get(CandidatesService);
  const applications = app.get(ApplicationsService);
  const interviews = app.get(InterviewsService);
  const { recruiter } = demo;
  const [opening] = await step(() =>
    db.query<{ id: string; plan: { steps: { key: string; kind?: string }[] } }[]>(
      `select o.id, o.plan from openings o where o.organization_id = $1 and o.title = $2 and o.status = 'open' limit 1`,
      [recruiter.organizationId, OPENING_TITLE],
    ),
  );
  if (!opening) return;
  const steps = opening.plan.steps.filter((s) => (s.kind ?? 'assessment') === 'assessment');
  const now = Date.now();
  for (const p of PEOPLE) {
    const candidate = await step(() =>
      candidates.create(recruiter, {
        ...BLANK_CANDIDATE_FIELDS,
        name: p.name,
        email: p.email,
        currentTitle: 'Senior Software Engineer',
        currentCompany: 'Northwind Labs',
        source: 'referral',
        internal: false,
        desiredCareerPath: 'technical',
        desiredCodingSharePct: null,
        compensationExpectation: null,
      }),
    );
    let application = await step(() => applications.apply(recruiter, candidate.id, opening.id));
    for (const to of ['screen', 'interviews'] as const) {
      const { id, revision } = application;
      application = await step(() => applications.move(recruiter, id, { to, note: '', revision }));
    }
    for (const i of p.interviews) {
      const interviewer = i.who === 'hm' ? demo.hiringManager : demo.byEmail.get(i.who);
      const planStep = steps[i.step];
      if (!interviewer || !planStep) continue;
      const applicationId = application.id;
      await step(() =>
        interviews.schedule(recruiter, applicationId, {
          stepKey: planStep.key,
          interviewerId: interviewer.userId,
          startsAt: quarter(now + i.startsIn).toISOString(),
        }),
      );
    }
  }
}
