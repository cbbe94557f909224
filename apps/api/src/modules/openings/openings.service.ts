import { Inject, Injectable } from '@nestjs/common';
import {
  type ChangeOpeningStatusRequest,
  type CreateOpeningRequest,
  DEFAULT_COMPENSATION,
  type FieldError,
  type Opening,
  type OpeningList,
  type OpeningListQuery,
  type PlanStep,
  type PlanStepKind,
  type RubricContent,
  type UpdateOpeningRequest,
} from '@scorecard/contracts';
import { canChangeOpeningStatus, checkPlan, openingReadinessIssues, planStepKindIssues } from '@scorecard/domain';
import type { EntityManager } from 'typeorm';
import { AppError } from '../../common/app-error.js';
import type { Caller } from '../../common/request-context.js';
import { CHECKLISTS, type ChecklistsService, RUBRICS, type RubricsService } from '../library/library.tokens.js';
import { UsersService } from '../users/users.service.js';
import { type OpeningProfile, type OpeningRow, OpeningsRepository } from './openings.repository.js';
import { Db } from '../../database/db.js';

const invalid = (errors: FieldError[]) => AppError.invalid(errors);

export function planCheckOf(row: Pick<OpeningRow, 'rubricVersion' | 'plan' | 'codingSharePct'>) {
  return checkPlan({
    rubric: row.rubricVersion?.content ?? null,
    steps: row.plan.steps,
    codingSharePct: row.codingSharePct,
  });
}

function toOpening(row: OpeningRow): Opening {
  const { rubricVersion, ...rest } = row;
  return {
    ...rest,
    rubricVersion: rubricVersion
      ? {
          id: rubricVersion.id,
          documentId: rubricVersion.documentId,
          name: rubricVersion.name,
          version: rubricVersion.version,
        }
      : null,
    planCheck: planCheckOf(row),
  };
}

@Injectable()
export class OpeningsService {
  constructor(
    private readonly openings: OpeningsRepository,
    private readonly users: UsersService,
    @Inject(RUBRICS) private readonly rubrics: RubricsService,
    @Inject(CHECKLISTS) private readonly checklists: ChecklistsService,
    private readonly db: Db,
  ) {}

  async list(caller: Caller, query: OpeningListQuery): Promise<OpeningList> {
    const { items, total } = await this.openings.list(caller.organizationId, query);
    return { items, total, page: query.page, pageSize: query.pageSize };
  }

  /** Id, title and status only, for other contexts that need to know whether an opening is open. */
  header(organizationId: string, id: string, m?: EntityManager) {
    return this.openings.header(organizationId, id, m);
  }

  async get(caller: Caller, id: string): Promise<Opening> {
    const row = await this.openings.find(caller.organizationId, id);
    if (!row) throw AppError.notFound('opening');
    return toOpening(row);
  }

  async create(caller: Caller, input: CreateOpeningRequest): Promise<Opening> {
    const profile: OpeningProfile = { ...input, compensation: input.compensation ?? DEFAULT_COMPENSATION[input.level] };
    const id = await this.db.transaction(async (m) => {
      await this.checkReferences(caller.organizationId, profile, m);
      return this.openings.insert(caller.organizationId, profile, m);
    });
    return this.get(caller, id);
  }

  async update(caller: Caller, id: string, input: UpdateOpeningRequest): Promise<Opening> {
    const { revision, ...change } = input;
    await this.db.transaction(async (m) => {
      await this.lockForChange(caller, id, revision, m);
      await this.checkReferences(caller.organizationId, change, m);
      await this.openings.update(caller.organizationId, id, change, m);
    });
    return this.get(caller, id);
  }

  /** Saves the plan's steps; a step given without a kind is an assessment step. */
  async savePlan(
    caller: Caller,
    id: string,
    input: (Omit<PlanStep, 'kind'> & { kind?: PlanStepKind })[],
    revision: number,
  ): Promise<Opening> {
    const steps: PlanStep[] = input.map((s) => ({ ...s, kind: s.kind ?? 'assessment' }));
    await this.db.transaction(async (m) => {
      const row = await this.lockForChange(caller, id, revision, m);
      await this.checkPlanReferences(caller.organizationId, steps, row.rubricVersion?.content ?? null, m);
      await this.openings.update(caller.organizationId, id, { plan: { steps } }, m);
    });
    return this.get(caller, id);
  }

  /**
   * Opening needs a hiring manager, a rubric and a checklist, and a passing plan check or an
   * explicit override with a reason, which is recorded with who and when.
   */
  async changeStatus(caller: Caller, id: string, input: ChangeOpeningStatusRequest): Promise<Opening> {
    await this.db.transaction(async (m) => {
      const row = await this.lockForChange(caller, id, input.revision, m, true);
      if (!canChangeOpeningStatus(row.status, input.status)) {
        throw new AppError(
          'invalid_transition',
          `An opening that is ${row.status.replace('_', ' ')} cannot become ${input.status.replace('_', ' ')}.`,
        );
      }
      let planOverride: { reason: string; userId: string } | undefined;
      if (input.status === 'open') {
        const readiness = openingReadinessIssues({
          hiringManagerId: row.hiringManager?.id ?? null,
          rubricVersionId: row.rubricVersion?.id ?? null,
          checklistVersionId: row.checklistVersion?.id ?? null,
        });
        if (readiness.length) throw invalid(readiness);
        const check = planCheckOf(row);
        if (!check.ok) {
          if (!input.overrideReason) {
            throw new AppError(
              'plan_check_failed',
              'The interview plan check fails. Fix the plan, or open it anyway with a reason.',
              {
                errors: check.issues
                  .filter((i) => i.severity === 'error')
                  .map((i) => ({ path: i.code, message: i.message })),
              },
            );
          }
          planOverride = { reason: input.overrideReason, userId: caller.userId };
        }
      }
      await this.openings.update(
        caller.organizationId,
        id,
        { status: input.status, ...(planOverride ? { planOverride } : {}) },
        m,
      );
    });
    return this.get(caller, id);
  }

  private async lockForChange(
    caller: Caller,
    id: string,
    revision: number,
    m: EntityManager,
    statusChange = false,
  ): Promise<OpeningRow> {
    const row = await this.openings.find(caller.organizationId, id, m, true);
    if (!row) throw AppError.notFound('opening');
    if (row.revision !== revision) {
      throw new AppError(
        'stale_revision',
        'Someone changed this opening after you opened it. Reload to see their changes.',
      );
    }
    if (row.status === 'closed' && !statusChange) {
      throw new AppError('invalid_transition', 'A closed opening cannot be changed.');
    }
    return row;
  }

  private async checkReferences(organizationId: string, p: Partial<OpeningProfile>, m: EntityManager): Promise<void> {
    const errors: FieldError[] = [];
    if (p.hiringManagerId) {
      const hm = await this.users.findActiveMember(organizationId, p.hiringManagerId, m);
      if (!hm || (hm.role !== 'hiring_manager' && hm.role !== 'admin')) {
        errors.push({
          path: 'hiringManagerId',
          message: 'Choose an active hiring manager or admin of your organization.',
        });
      }
    }
    if (p.recruiterId) {
      const rc = await this.users.findActiveMember(organizationId, p.recruiterId, m);
      if (!rc || (rc.role !== 'recruiter' && rc.role !== 'admin')) {
        errors.push({ path: 'recruiterId', message: 'Choose an active recruiter or admin of your organization.' });
      }
    }
    if (p.rubricVersionId && !(await this.rubrics.findPublished(organizationId, p.rubricVersionId, m))) {
      errors.push({ path: 'rubricVersionId', message: 'Choose a published rubric version.' });
    }
    if (p.checklistVersionId && !(await this.checklists.findPublished(organizationId, p.checklistVersionId, m))) {
      errors.push({ path: 'checklistVersionId', message: 'Choose a published red-flag checklist version.' });
    }
    if (errors.length) throw invalid(errors);
  }

  /** Steps may only name competencies and questions of the opening's rubric, and active colleagues. */
  private async checkPlanReferences(
    organizationId: string,
    steps: PlanStep[],
    rubric: RubricContent | null,
    m: EntityManager,
  ): Promise<void> {
    const errors: FieldError[] = [...planStepKindIssues(steps)];
    if (!rubric && steps.length)
      errors.push({ path: 'steps', message: 'Choose a rubric for the opening before planning steps.' });
    const competencies = new Map(
      (rubric?.competencies ?? []).map((c) => [c.key, new Set(c.criteria.map((cr) => cr.key))]),
    );
    const allIds = [...new Set(steps.flatMap((s) => s.interviewerIds))];
    const active = new Set(await this.users.activeMemberIds(organizationId, allIds, m));
    const keys = new Set<string>();
    steps.forEach((s, i) => {
      if (keys.has(s.key)) errors.push({ path: `steps.${i}.key`, message: 'Two steps have the same key.' });
      keys.add(s.key);
      if (rubric && s.focusCompetencyKeys.some((k) => !competencies.has(k))) {
        errors.push({
          path: `steps.${i}.focusCompetencyKeys`,
          message: 'Choose competencies of the opening’s rubric.',
        });
      }
      const allowed = new Set(s.focusCompetencyKeys.flatMap((k) => [...(competencies.get(k) ?? [])]));
      if (rubric && s.criterionKeys.some((k) => !allowed.has(k))) {
        errors.push({
          path: `steps.${i}.criterionKeys`,
          message: 'Choose questions from the step’s focus competencies.',
        });
      }
      if (s.interviewerIds.some((id) => !active.has(id))) {
        errors.push({ path: `steps.${i}.interviewerIds`, message: 'Choose active people of your organization.' });
      }
      if (new Set(s.interviewerIds).size !== s.interviewerIds.length) {
        errors.push({ path: `steps.${i}.interviewerIds`, message: 'An interviewer is listed twice.' });
      }
    });
    if (errors.length) throw invalid(errors);
  }
}
