import { Injectable } from '@nestjs/common';
import type { FieldError, ImportScorecardRequest, ScorecardImport } from '@scorecard/contracts';
import { AppError } from '../../common/app-error.js';
import type { Caller } from '../../common/request-context.js';
import { Db } from '../../database/db.js';
import { auditNothingChanged } from '../audit/audit-recorder.js';
import { candidateErased } from '../candidates/candidates.service.js';
import { ApplicationEvents } from '../events/application-events.js';
import { UsersService } from '../users/users.service.js';
import { ScorecardImportRepository } from './scorecard-import.repository.js';

/**
 * Imports historical scorecards from another system (docs/INTEGRATIONS.md). Each becomes a
 * submitted scorecard of its interviewer on a new, past interview of the application for one
 * assessment step of the opening's plan, scored on the opening's current rubric version, marked
 * imported with its source and external id. The external id makes a re-import answer the first
 * one unchanged. A refused import writes nothing: every check runs before the first write.
 */
@Injectable()
export class ScorecardImportService {
  constructor(
    private readonly imports: ScorecardImportRepository,
    private readonly users: UsersService,
    private readonly events: ApplicationEvents,
    private readonly db: Db,
  ) {}

  async import(caller: Caller, input: ImportScorecardRequest): Promise<ScorecardImport> {
    const org = caller.organizationId;
    const { id, created } = await this.db.transaction(async (m) => {
      const target = await this.imports.target(org, input.applicationId, m);
      if (!target) throw AppError.notFound('application');
      await this.imports.lockExternalId(org, input.externalId, m);
      const prior = await this.imports.findByExternalId(org, input.externalId, m);
      if (prior) {
        if (prior.applicationId !== input.applicationId || prior.interviewerId !== input.interviewerId) {
          throw new AppError(
            'conflict',
            `A scorecard with the external id “${input.externalId}” was imported for another application or interviewer.`,
          );
        }
        auditNothingChanged();
        return { id: prior.id, created: false };
      }
      if (target.candidateErased) throw candidateErased();
      if (!(await this.users.findActiveMember(org, input.interviewerId, m))) {
        throw AppError.invalid([{ path: 'interviewerId', message: 'Choose an active member of your organization.' }]);
      }
      const step = target.steps.find((s) => s.key === input.stepKey);
      if (!step) {
        throw AppError.invalid([{ path: 'stepKey', message: 'Choose a step of this opening’s interview plan.' }]);
      }
      if (step.kind !== 'assessment') {
        throw AppError.invalid([
          { path: 'stepKey', message: 'The candidate’s questions step rates nothing: choose an assessment step.' },
        ]);
      }
      if (!target.rubricVersionId || !target.rubric) {
        throw new AppError('no_rubric', 'The opening has no rubric, so there is nothing to score against.');
      }
      // The rubric's criteria in rubric order, each with its competency.
      const criteria = target.rubric.competencies.flatMap((c) =>
        c.criteria.map((cr) => ({ key: cr.key, competencyKey: c.key })),
      );
      const competencyOf = new Map(criteria.map((c) => [c.key, c.competencyKey]));
      const flagKeys = new Set((target.checklist?.items ?? []).map((f) => f.key));
      const errors: FieldError[] = [
        ...input.ratings.flatMap((r, i) =>
          competencyOf.has(r.criterionKey)
            ? []
            : [{ path: `ratings.${i}.criterionKey`, message: 'Rate only criteria of the opening’s rubric.' }],
        ),
        ...input.redFlags.flatMap((f, i) =>
          flagKeys.has(f.flagKey)
            ? []
            : [{ path: `redFlags.${i}.flagKey`, message: 'Tick only red flags of the opening’s checklist.' }],
        ),
      ];
      if (errors.length > 0) throw AppError.invalid(errors);
      const rated = new Set(input.ratings.map((r) => r.criterionKey));
      const asked = criteria.filter((c) => rated.has(c.key));
      const scorecardId = await this.imports.insert(
        org,
        {
          applicationId: input.applicationId,
          interviewerId: input.interviewerId,
          step: { key: step.key, name: step.name, durationMinutes: step.durationMinutes },
          questionKeys: asked.map((c) => c.key),
          focusCompetencyKeys: [...new Set(asked.map((c) => c.competencyKey))],
          rubricVersionId: target.rubricVersionId,
          checklistVersionId: target.checklistVersionId,
          submittedAt: new Date(input.submittedAt),
          ratings: input.ratings.map((r) => ({ ...r, competencyKey: competencyOf.get(r.criterionKey)! })),
          redFlags: input.redFlags,
          recommendation: input.recommendation,
          summary: input.summary,
          source: input.source,
          externalId: input.externalId,
          by: caller.userId,
        },
        m,
      );
      await this.events.notify(m, {
        organizationId: org,
        applicationId: input.applicationId,
        kind: 'scorecard_submitted',
      });
      return { id: scorecardId, created: true };
    });
    const scorecard = await this.imports.find(org, id, caller.userId, this.db.manager);
    if (!scorecard) throw AppError.notFound('scorecard');
    return { created, scorecard };
  }
}
