import type { INestApplicationContext } from '@nestjs/common';
import { CHECKLISTS, RUBRICS } from '../modules/library/library.tokens.js';
import {
  type CreateCandidateRequest,
  EXPECTATIONS,
  type Opening,
  type Role,
  type RubricDetail,
  type Stage,
} from '@scorecard/contracts';
import { DataSource } from 'typeorm';
import { randomUUID } from 'node:crypto';
import type { Caller } from '../common/request-context.js';
import { KitsService } from '../modules/library/kits.service.js';
import { TECH_LEAD_PLAN } from '../modules/library/tech-lead-kit.js';
import { OpeningsService } from '../modules/openings/openings.service.js';
import { ApplicationsService } from '../modules/applications/applications.service.js';
import { CandidatesService } from '../modules/candidates/candidates.service.js';
import { InterviewsService } from '../modules/interviews/interviews.service.js';
import { OrganizationsService } from '../modules/organizations/organizations.service.js';
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
  await seedDemoPipeline(
    app,
    { ...caller, userId: recruiter.id, name: recruiter.name, email: recruiter.email, role: recruiter.role },
    opening,
  );
}

/** How far along each demo candidate is, and how many days ago they reached that stage. */
const DEMO_CANDIDATES: (Pick<
  CreateCandidateRequest,
  'name' | 'email' | 'currentTitle' | 'currentCompany' | 'source'
> & {
  path: Stage[];
  daysInStage: number;
  interviews?: { step: number; interviewer: number; daysFromNow: number }[];
})[] = [
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
      { step: 0, interviewer: 0, daysFromNow: -3 },
      { step: 1, interviewer: 1, daysFromNow: 2 },
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
    interviews: [{ step: 0, interviewer: 2, daysFromNow: 1 }],
  },
];

const DAY = 86_400_000;

/** A few candidates at different stages of the demo opening, with interviews (one of them overdue). */
async function seedDemoPipeline(app: INestApplicationContext, recruiter: Caller, opening: Opening): Promise<void> {
  const candidates = app.get(CandidatesService);
  const applications = app.get(ApplicationsService);
  const interviews = app.get(InterviewsService);
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
    // Demo history happened over the past days, not all at the moment of seeding.
    await ds.query(
      `update applications set stage_entered_at = now() - make_interval(days => $3), created_at = now() - make_interval(days => $4)
        where organization_id = $1 and id = $2`,
      [recruiter.organizationId, application.id, c.daysInStage, c.daysInStage + c.path.length * 3],
    );
    await ds.query(
      `update application_moves set moved_at = now() - make_interval(days => $3)
        where organization_id = $1 and application_id = $2 and to_stage = $4`,
      [recruiter.organizationId, application.id, c.daysInStage, c.path.at(-1)],
    );
    for (const i of c.interviews ?? []) {
      const step = opening.plan.steps[i.step]!;
      const start = new Date(Date.now() + i.daysFromNow * DAY);
      start.setUTCHours(14, 0, 0, 0);
      await interviews.schedule(recruiter, application.id, {
        stepKey: step.key,
        interviewerId: step.interviewerIds[i.interviewer % step.interviewerIds.length]!,
        startsAt: start.toISOString(),
      });
    }
  }
}

const DEMO_EXPECTATIONS = {
  technicalAuthority:
    'Sets the platform team’s architecture and standards; cross-team changes go through the architecture review, where the tech lead has a vote.',
  codingTime: 'About 60% of the week on production code, protected by a no-meeting Wednesday.',
  teamQuality: 'Six experienced engineers; the tech lead interviews every new hire with the engineering manager.',
  emPartnership: 'Clear split: technical direction with the tech lead, people management with the engineering manager.',
  growthPath: 'Toward staff engineer, with a seat in the architecture group from the first quarter.',
};
