import type { Amendment, Scorecard, ScorecardRating } from '@scorecard/contracts';
import type { Col } from '../../database/db.js';

/**
 * How a scorecard is read, wherever it is read: the columns (ratings, red flags and amendments
 * aggregated in one row), the joins they need, and the mapping to the contract's `Scorecard`.
 */

/**
 * A scorecard with its ratings (in rubric order), red flags (in checklist order) and amendments,
 * in one row. Used with `from scorecards s` joined as in SCORECARD_JOINS.
 */
export const SCORECARD_COLUMNS = `
  s.id as sc_id, s.interview_id as sc_interview_id, s.application_id as sc_application_id,
  s.interviewer_id as sc_interviewer_id, su.name as sc_interviewer_name, si.step_name as sc_step,
  si.step_kind as sc_step_kind, s.contradiction_confirmed_at as sc_contradiction_confirmed_at,
  s.rubric_version_id as sc_rubric_version_id, s.checklist_version_id as sc_checklist_version_id,
  s.status as sc_status, s.recommendation as sc_recommendation, s.summary as sc_summary, s.notes as sc_notes,
  s.revision as sc_revision, s.submitted_at as sc_submitted_at, s.updated_at as sc_updated_at,
  s.imported_at is not null as sc_imported, s.shadow as sc_shadow,
  coalesce((select json_agg(json_build_object('criterionKey', r.criterion_key, 'competencyKey', r.competency_key,
                                              'rating', r.rating, 'evidence', r.evidence, 'asked', r.asked)
                            order by c.n, k.n)
              from rubric_versions rv
             cross join jsonb_array_elements(rv.content -> 'competencies') with ordinality c(v, n)
             cross join jsonb_array_elements(c.v -> 'criteria') with ordinality k(v, n)
              join scorecard_ratings r on r.organization_id = s.organization_id and r.scorecard_id = s.id
                                      and r.criterion_key = (k.v ->> 'key')::uuid
             where rv.organization_id = s.organization_id and rv.id = s.rubric_version_id), '[]') as sc_ratings,
  coalesce((select json_agg(json_build_object('flagKey', f.flag_key, 'evidence', f.evidence) order by it.n)
              from red_flag_checklist_versions cv
             cross join jsonb_array_elements(cv.content -> 'items') with ordinality it(v, n)
              join scorecard_red_flags f on f.organization_id = s.organization_id and f.scorecard_id = s.id
                                        and f.flag_key = (it.v ->> 'key')::uuid
             where cv.organization_id = s.organization_id and cv.id = s.checklist_version_id), '[]') as sc_red_flags,
  coalesce((select json_agg(json_build_object('by', json_build_object('id', au.id, 'name', au.name),
                                              'at', am.amended_at, 'reason', am.reason,
                                              'original', json_build_object(
                                                'ratings', coalesce(am.original -> 'ratings', '[]'),
                                                'recommendation', am.original -> 'recommendation',
                                                'summary', coalesce(am.original ->> 'summary', '')),
                                              'afterFeedback', am.after_feedback)
                            order by am.amended_at, am.id)
              from scorecard_amendments am
              join users au on au.organization_id = am.organization_id and au.id = am.amended_by
             where am.organization_id = s.organization_id and am.scorecard_id = s.id), '[]') as sc_amendments`;

export const SCORECARD_JOINS = `
  join users su on su.organization_id = s.organization_id and su.id = s.interviewer_id
  join interviews si on si.organization_id = s.organization_id and si.id = s.interview_id`;

/** The columns SCORECARD_COLUMNS gives. */
export interface ScorecardColumns {
  sc_id: Col<'scorecards', 'id'>;
  sc_interview_id: Col<'scorecards', 'interview_id'>;
  sc_application_id: Col<'scorecards', 'application_id'>;
  sc_interviewer_id: Col<'scorecards', 'interviewer_id'>;
  sc_interviewer_name: Col<'users', 'name'>;
  sc_step: Col<'interviews', 'step_name'>;
  sc_step_kind: Col<'interviews', 'step_kind'>;
  sc_contradiction_confirmed_at: Col<'scorecards', 'contradiction_confirmed_at'>;
  sc_rubric_version_id: Col<'scorecards', 'rubric_version_id'>;
  sc_checklist_version_id: Col<'scorecards', 'checklist_version_id'>;
  sc_status: Col<'scorecards', 'status'>;
  sc_recommendation: Col<'scorecards', 'recommendation'>;
  sc_summary: Col<'scorecards', 'summary'>;
  sc_notes: Col<'scorecards', 'notes'>;
  sc_revision: Col<'scorecards', 'revision'>;
  sc_submitted_at: Col<'scorecards', 'submitted_at'>;
  sc_updated_at: Col<'scorecards', 'updated_at'>;
  sc_imported: boolean;
  sc_shadow: boolean;
  sc_ratings: ScorecardRating[];
  sc_red_flags: { flagKey: string; evidence: string }[];
  sc_amendments: Amendment[];
}

/** Maps the SCORECARD_COLUMNS of a row; notes are kept only for `viewerId`, the author. */
export function toScorecard(r: ScorecardColumns, viewerId: string): Scorecard {
  const interviewerId = r.sc_interviewer_id;
  return {
    id: r.sc_id,
    interviewId: r.sc_interview_id,
    applicationId: r.sc_application_id,
    interviewer: { id: interviewerId, name: r.sc_interviewer_name },
    step: r.sc_step,
    stepKind: r.sc_step_kind,
    rubricVersionId: r.sc_rubric_version_id,
    checklistVersionId: r.sc_checklist_version_id,
    // Every query with these columns reads live scorecards only (status <> 'void').
    status: r.sc_status as Scorecard['status'],
    ratings: r.sc_ratings,
    redFlags: r.sc_red_flags,
    recommendation: r.sc_recommendation,
    summary: r.sc_summary,
    notes: interviewerId === viewerId ? r.sc_notes : '',
    revision: r.sc_revision,
    submittedAt: r.sc_submitted_at?.toISOString() ?? null,
    contradictionConfirmedAt: r.sc_contradiction_confirmed_at?.toISOString() ?? null,
    imported: r.sc_imported,
    shadow: r.sc_shadow,
    amendments: r.sc_amendments.map((a) => ({
      ...a,
      at: new Date(a.at).toISOString(),
      original: {
        ratings: a.original.ratings.map((x) => ({
          criterionKey: x.criterionKey,
          competencyKey: x.competencyKey,
          rating: x.rating ?? null,
          evidence: x.evidence ?? '',
        })),
        recommendation: a.original.recommendation ?? null,
        summary: a.original.summary,
      },
    })),
    updatedAt: r.sc_updated_at.toISOString(),
  };
}
