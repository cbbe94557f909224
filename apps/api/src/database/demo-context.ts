import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import type { CreateCandidateRequest, CreateOpeningRequest, Opening, Role, RubricDetail } from '@scorecard/contracts';
import type { Caller } from '../common/request-context.js';
import { CHECKLISTS, RUBRICS } from '../modules/library/library.tokens.js';
import { OpeningsService } from '../modules/openings/openings.service.js';
import { DEMO_PLAN } from './demo-plan.js';

/**
 * What both demo openings are seeded with: the demo's people as callers, the kit's published
 * versions, an opening on the demo plan, and the blank parts of a demo candidate.
 */

/** Runs one step of the seed as the demo organization, in its own transaction. */
export type Step = <T>(fn: () => Promise<T>) => Promise<T>;
export type Member = { id: string; name: string; email: string; role: Role };

export const DAY = 86_400_000;
export const HOUR = 3_600_000;

/** The fields no demo candidate fills in. */
export const BLANK_CANDIDATE_FIELDS = {
  phone: '',
  location: '',
  links: { linkedin: '', github: '', blog: '', talks: '' },
  signals: [],
  notes: '',
  tags: [],
} satisfies Partial<CreateCandidateRequest>;

export interface DemoContext {
  hiringManager: Caller;
  recruiter: Caller;
  byEmail: Map<string, Caller>;
  interviewerIds: string[];
  rubricVersionId: string | null;
  checklistVersionId: string | null;
}

export async function demoContext(
  app: INestApplicationContext,
  step: Step,
  seeded: { org: { id: string; name: string }; members: Member[]; kit: { rubricId: string; checklistId: string } },
): Promise<DemoContext> {
  const hm = seeded.members.find((u) => u.role === 'hiring_manager')!;
  const caller: Caller = {
    sessionId: 'demo-seed',
    userId: hm.id,
    organizationId: seeded.org.id,
    organizationName: seeded.org.name,
    name: hm.name,
    email: hm.email,
    role: hm.role,
  };
  const as = (u: Member): Caller => ({ ...caller, userId: u.id, name: u.name, email: u.email, role: u.role });
  const rubrics = app.get<{ get(c: Caller, id: string): Promise<RubricDetail> }>(RUBRICS);
  const checklists = app.get<{ get(c: Caller, id: string): Promise<{ publishedVersionId: string | null }> }>(
    CHECKLISTS,
  );
  const rubric = await step(() => rubrics.get(caller, seeded.kit.rubricId));
  const checklist = await step(() => checklists.get(caller, seeded.kit.checklistId));
  return {
    hiringManager: caller,
    recruiter: as(seeded.members.find((u) => u.role === 'recruiter')!),
    byEmail: new Map(seeded.members.map((u) => [u.email, as(u)])),
    interviewerIds: seeded.members.filter((u) => u.role === 'interviewer').map((u) => u.id),
    rubricVersionId: rubric.publishedVersionId,
    checklistVersionId: checklist.publishedVersionId,
  };
}

/**
 * Creates an opening on the Tech Lead kit with `DEMO_PLAN` (which passes the plan check) and opens
 * it. `pools(i)`: the default interviewers of assessment step `i`; the hiring manager hears the
 * candidate's questions.
 */
export async function createDemoOpening(
  app: INestApplicationContext,
  step: Step,
  demo: DemoContext,
  profile: Omit<
    CreateOpeningRequest,
    'hiringManagerId' | 'recruiterId' | 'rubricVersionId' | 'checklistVersionId' | 'hideCandidateDetails'
  >,
  pools: (i: number) => string[],
): Promise<Opening> {
  const openings = app.get(OpeningsService);
  const { hiringManager: caller } = demo;
  const opening = await step(() =>
    openings.create(caller, {
      ...profile,
      hiringManagerId: caller.userId,
      recruiterId: demo.recruiter.userId,
      hideCandidateDetails: false,
      rubricVersionId: demo.rubricVersionId,
      checklistVersionId: demo.checklistVersionId,
    }),
  );
  const steps = DEMO_PLAN.map((t, i) => ({
    key: randomUUID(),
    name: t.name,
    kind: t.kind,
    durationMinutes: t.durationMinutes,
    focusCompetencyKeys: t.focus,
    interviewerIds: t.kind === 'candidate_questions' ? [caller.userId] : pools(i),
    criterionKeys: t.criterionKeys,
  }));
  const planned = await step(() => openings.savePlan(caller, opening.id, steps, opening.revision));
  // No override reason: a demo plan that fails the check fails the seed.
  return step(() => openings.changeStatus(caller, planned.id, { status: 'open', revision: planned.revision }));
}
