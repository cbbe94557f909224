import { Injectable } from '@nestjs/common';
import type { ChecklistContent, PlanStep, Recommendation, RubricContent, Scorecard } from '@scorecard/contracts';
import type { EntityManager } from 'typeorm';
import { Db } from '../../database/db.js';
import { SCORECARD_COLUMNS, SCORECARD_JOINS, toScorecard, type ScorecardColumns } from '../scorecards/scorecard-row.js';
import { insertScorecardContent } from '../scorecards/scorecards.repository.js';

/** What an import attaches to: the application, its opening's plan, rubric and checklist versions. */
export interface ImportTarget {
  candidateErased: boolean;
  steps: PlanStep[];
  rubricVersionId: string | null;
  rubric: RubricContent | null;
  checklistVersionId: string | null;
  checklist: ChecklistContent | null;
}

/** A scorecard imported before, by its external id. */
export interface PriorImport {
  id: string;
  applicationId: string;
  interviewerId: string;
}

/** What one import writes: a past interview with its assignment, and its submitted, imported scorecard. */
export interface ImportWrite {
  applicationId: string;
  interviewerId: string;
  step: { key: string; name: string; durationMinutes: number };
  /** The rated criteria in rubric order (the interview's questions), and their competencies. */
  questionKeys: string[];
  focusCompetencyKeys: string[];
  rubricVersionId: string;
  checklistVersionId: string | null;
  submittedAt: Date;
  ratings: { criterionKey: string; competencyKey: string; rating: number; evidence: string }[];
  redFlags: { flagKey: string; evidence: string }[];
  recommendation: Recommendation;
  summary: string;
  source: string;
  externalId: string;
  by: string;
}

/** The SQL of importing historical scorecards (modules/integrations). */
@Injectable()
export class ScorecardImportRepository {
  constructor(private readonly db: Db) {}

  /**
   * Serialises imports of one external id in the organization until the transaction ends, so that
   * two concurrent imports of the same scorecard write it once.
   */
  async lockExternalId(organizationId: string, externalId: string, m: EntityManager): Promise<void> {
    await m.query(`select pg_advisory_xact_lock(hashtextextended($1 || ':scorecard-import:' || $2, 0))`, [
      organizationId,
      externalId,
    ]);
  }

  async findByExternalId(organizationId: string, externalId: string, m: EntityManager): Promise<PriorImport | null> {
    const rows = await m.query<{ id: string; application_id: string; interviewer_id: string }[]>(
      `select id, application_id, interviewer_id from scorecards
        where organization_id = $1 and external_id = $2`,
      [organizationId, externalId],
    );
    const r = rows[0];
    return r ? { id: r.id, applicationId: r.application_id, interviewerId: r.interviewer_id } : null;
  }

  /** The application (locked, as scheduling does) with its opening's plan, rubric and checklist; null outside the organization. */
  async target(organizationId: string, applicationId: string, m: EntityManager): Promise<ImportTarget | null> {
    const rows = await m.query<
      {
        erased: boolean;
        plan: { steps: (Omit<PlanStep, 'kind'> & { kind?: PlanStep['kind'] })[] };
        rubric_version_id: string | null;
        rubric: RubricContent | null;
        checklist_version_id: string | null;
        checklist: ChecklistContent | null;
      }[]
    >(
      `select c.erased_at is not null as erased, o.plan, o.rubric_version_id, rv.content as rubric,
              o.checklist_version_id, cv.content as checklist
         from applications a
         join candidates c on c.organization_id = a.organization_id and c.id = a.candidate_id
         join openings o on o.organization_id = a.organization_id and o.id = a.opening_id
         left join rubric_versions rv on rv.organization_id = o.organization_id and rv.id = o.rubric_version_id
         left join red_flag_checklist_versions cv on cv.organization_id = o.organization_id
                                                 and cv.id = o.checklist_version_id
        where a.organization_id = $1 and a.id = $2
          for update of a`,
      [organizationId, applicationId],
    );
    const r = rows[0];
    if (!r) return null;
    return {
      candidateErased: r.erased,
      // Plans stored before step kinds read as assessment steps.
      steps: r.plan.steps.map((s) => ({ ...s, kind: s.kind ?? 'assessment' })),
      rubricVersionId: r.rubric_version_id,
      rubric: r.rubric,
      checklistVersionId: r.checklist_version_id,
      checklist: r.checklist,
    };
  }

  /**
   * Writes the import: a past interview of the step (it started the step's duration before the
   * submission, and its feedback was due at the submission) that asked exactly the rated criteria,
   * its assignment, and its scorecard, written as a draft (the database lets only drafts take
   * content) and then submitted at `submittedAt` with its first submission kept, as every figure
   * reads it, and marked imported. Answers the scorecard's id.
   */
  async insert(organizationId: string, w: ImportWrite, m: EntityManager): Promise<string> {
    const startsAt = new Date(w.submittedAt.getTime() - w.step.durationMinutes * 60_000);
    const [interview] = await m.query<{ id: string }[]>(
      `insert into interviews (organization_id, application_id, step_key, step_name, step_kind, interviewer_id,
                               starts_at, duration_minutes, feedback_due_at, created_by, focus_competency_keys,
                               question_keys)
       values ($1, $2, $3, $4, 'assessment', $5, $6, $7, $8, $9, $10, $11) returning id`,
      [
        organizationId,
        w.applicationId,
        w.step.key,
        w.step.name,
        w.interviewerId,
        startsAt,
        w.step.durationMinutes,
        w.submittedAt,
        w.by,
        w.focusCompetencyKeys,
        w.questionKeys,
      ],
    );
    await m.query(
      `insert into interview_assignments (organization_id, interview_id, interviewer_id, assigned_by)
       values ($1, $2, $3, $4)`,
      [organizationId, interview!.id, w.interviewerId, w.by],
    );
    const [card] = await m.query<{ id: string }[]>(
      `insert into scorecards (organization_id, interview_id, application_id, interviewer_id, rubric_version_id,
                               checklist_version_id)
       values ($1, $2, $3, $4, $5, $6) returning id`,
      [organizationId, interview!.id, w.applicationId, w.interviewerId, w.rubricVersionId, w.checklistVersionId],
    );
    const id = card!.id;
    await insertScorecardContent(m, organizationId, id, w);
    await m.query(
      `update scorecards
          set status = 'submitted', submitted_at = $3, recommendation = $4, first_recommendation = $4, summary = $5,
              imported_at = now(), import_source = $6, external_id = $7, revision = 1, updated_at = now()
        where organization_id = $1 and id = $2 and status = 'draft'`,
      [organizationId, id, w.submittedAt, w.recommendation, w.summary, w.source, w.externalId],
    );
    await m.query(
      `insert into scorecard_first_ratings (organization_id, scorecard_id, criterion_key, competency_key, rating)
       select r.organization_id, r.scorecard_id, r.criterion_key, r.competency_key, r.rating
         from scorecard_ratings r
        where r.organization_id = $1 and r.scorecard_id = $2 and r.asked`,
      [organizationId, id],
    );
    return id;
  }

  /** A live scorecard as `viewerId` sees it. */
  async find(organizationId: string, id: string, viewerId: string, m: EntityManager): Promise<Scorecard | null> {
    const rows = await m.query<ScorecardColumns[]>(
      `select ${SCORECARD_COLUMNS} from scorecards s ${SCORECARD_JOINS}
        where s.organization_id = $1 and s.id = $2 and s.status <> 'void'`,
      [organizationId, id],
    );
    return rows[0] ? toScorecard(rows[0], viewerId) : null;
  }
}
