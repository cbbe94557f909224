import type { ChecklistContent, PlanStepKind, Recommendation, RedFlagItem, RubricContent } from '@scorecard/contracts';
import type { Col, Cols } from '../../database/db.js';
import { SCORECARD_COLUMNS, type ScorecardColumns } from './scorecard-row.js';

/**
 * The longer statements of ScorecardsRepository with the rows they return: the caller's interviews
 * with their counts, an interview kit, a scorecard locked for a change, and an amendment's record.
 */

export type MyInterviewsView = 'upcoming' | 'awaiting' | 'submitted';

/** A scorecard as locked for a change, with what its keys and completeness are checked against. */
export interface LockedScorecard {
  id: string;
  applicationId: string;
  interviewerId: string;
  status: 'draft' | 'submitted' | 'void';
  revision: number;
  ratings: { criterionKey: string; rating: 1 | 2 | 3 | 4 | null; evidence: string }[];
  redFlags: { flagKey: string; evidence: string }[];
  recommendation: Recommendation | null;
  focusCompetencyKeys: string[];
  /** The criteria the interview asked: exactly what the scorecard rates. */
  questionKeys: string[];
  stepKind: PlanStepKind;
  startsAt: Date;
  rubric: RubricContent;
  checklistItems: RedFlagItem[];
}

/** The order of each view of "my interviews"; the view names come from the validated query. */
const VIEW_ORDER: Record<MyInterviewsView, string> = {
  upcoming: 'm.starts_at, m.scorecard_id',
  awaiting: 'm.feedback_due_at, m.scorecard_id',
  submitted: 'm.submitted_at desc, m.scorecard_id',
};

/** The counts of every view, and one page of one view (null columns when the page is empty). */
export const myInterviewsSql = (view: MyInterviewsView) =>
  `with mine as (
     select s.id as scorecard_id, s.status, s.submitted_at, s.application_id,
            i.id as interview_id, i.step_name, i.starts_at, i.duration_minutes, i.feedback_due_at,
            case when s.status = 'submitted' then 'submitted'
                 when i.starts_at > now() then 'upcoming'
                 else 'awaiting' end as view,
            s.status = 'draft' and i.feedback_due_at < now() as overdue
       from scorecards s
       join interviews i on i.organization_id = s.organization_id and i.id = s.interview_id
      where s.organization_id = $1 and s.interviewer_id = $2 and s.status in ('draft', 'submitted')
        and i.status = 'scheduled'),
   counts as (
     select count(*) filter (where view = 'upcoming')::int as n_upcoming,
            count(*) filter (where view = 'awaiting')::int as n_awaiting,
            count(*) filter (where view = 'submitted')::int as n_submitted,
            count(*) filter (where view = 'awaiting' and overdue)::int as n_overdue
       from mine)
   select counts.*, p.*
     from counts
     left join lateral (
       select m.*, c.name as candidate_name, o.id as opening_id, o.title as opening_title
         from mine m
         join applications a on a.organization_id = $1 and a.id = m.application_id
         join candidates c on c.organization_id = $1 and c.id = a.candidate_id
         join openings o on o.organization_id = $1 and o.id = a.opening_id
        where m.view = $3
        order by ${VIEW_ORDER[view]}
        limit $4 offset $5) p on true`;

export type MyInterviewRow = { n_upcoming: number; n_awaiting: number; n_submitted: number; n_overdue: number } & (
  | ({ scorecard_id: Col<'scorecards', 'id'>; interview_id: Col<'interviews', 'id'>; overdue: boolean } & Cols<
      'scorecards',
      'status' | 'submitted_at'
    > &
      Cols<'interviews', 'step_name' | 'starts_at' | 'duration_minutes' | 'feedback_due_at'> & {
        candidate_name: Col<'candidates', 'name'>;
        opening_id: Col<'openings', 'id'>;
        opening_title: Col<'openings', 'title'>;
      })
  | { scorecard_id: null }
);

/** An interview with its candidate, opening, rubric and checklist content and its live scorecard. */
export const KIT_SQL = `select i.id, i.interviewer_id, i.step_name, i.step_kind, i.starts_at, i.duration_minutes,
          i.feedback_due_at, i.status, i.focus_competency_keys, i.question_keys,
          o.id as opening_id, o.title as opening_title, o.hide_candidate_details, o.expectations,
          o.coding_share_pct,
          c.id as candidate_id, c.name as candidate_name, c.current_title, c.current_company, c.location, c.links,
          rv.content as rubric, cv.content as checklist,
          ${SCORECARD_COLUMNS}
     from interviews i
     join applications a on a.organization_id = i.organization_id and a.id = i.application_id
     join candidates c on c.organization_id = a.organization_id and c.id = a.candidate_id
     join openings o on o.organization_id = a.organization_id and o.id = a.opening_id
     left join scorecards s on s.organization_id = i.organization_id and s.interview_id = i.id
                           and s.status <> 'void'
     left join users su on su.organization_id = s.organization_id and su.id = s.interviewer_id
     left join interviews si on si.organization_id = s.organization_id and si.id = s.interview_id
     left join rubric_versions rv on rv.organization_id = s.organization_id and rv.id = s.rubric_version_id
     left join red_flag_checklist_versions cv on cv.organization_id = s.organization_id
                                             and cv.id = s.checklist_version_id
    where i.organization_id = $1 and i.id = $2`;

export type KitSqlRow = Cols<
  'interviews',
  | 'id'
  | 'interviewer_id'
  | 'step_name'
  | 'step_kind'
  | 'starts_at'
  | 'duration_minutes'
  | 'feedback_due_at'
  | 'status'
  | 'focus_competency_keys'
  | 'question_keys'
> &
  Cols<'openings', 'hide_candidate_details' | 'expectations' | 'coding_share_pct'> &
  Cols<'candidates', 'current_title' | 'current_company' | 'location' | 'links'> & {
    opening_id: Col<'openings', 'id'>;
    opening_title: Col<'openings', 'title'>;
    candidate_id: Col<'candidates', 'id'>;
    candidate_name: Col<'candidates', 'name'>;
    rubric: Col<'rubric_versions', 'content'> | null;
    checklist: Col<'red_flag_checklist_versions', 'content'> | null;
  } & (ScorecardColumns | { [K in keyof ScorecardColumns]: null });

/** A scorecard's content, locked for a change, with its interview's keys and its rubric and checklist. */
export const LOCK_SQL = `select s.id, s.application_id, s.interviewer_id, s.status, s.revision, s.recommendation,
          i.focus_competency_keys, i.question_keys, i.step_kind, i.starts_at, rv.content as rubric,
          cv.content as checklist,
          coalesce((select json_agg(json_build_object('criterionKey', r.criterion_key, 'rating', r.rating,
                                                      'evidence', r.evidence))
                      from scorecard_ratings r
                     where r.organization_id = s.organization_id and r.scorecard_id = s.id and r.asked),
                   '[]') as ratings,
          coalesce((select json_agg(json_build_object('flagKey', f.flag_key, 'evidence', f.evidence))
                      from scorecard_red_flags f
                     where f.organization_id = s.organization_id and f.scorecard_id = s.id), '[]') as red_flags
     from scorecards s
     join interviews i on i.organization_id = s.organization_id and i.id = s.interview_id
     join rubric_versions rv on rv.organization_id = s.organization_id and rv.id = s.rubric_version_id
     left join red_flag_checklist_versions cv on cv.organization_id = s.organization_id
                                             and cv.id = s.checklist_version_id
    where s.organization_id = $1 and s.id = $2
      for update of s`;

export type LockSqlRow = Cols<
  'scorecards',
  'id' | 'application_id' | 'interviewer_id' | 'status' | 'revision' | 'recommendation'
> &
  Cols<'interviews', 'focus_competency_keys' | 'question_keys' | 'step_kind' | 'starts_at'> & {
    rubric: Col<'rubric_versions', 'content'>;
    checklist: ChecklistContent | null;
    ratings: LockedScorecard['ratings'];
    red_flags: LockedScorecard['redFlags'];
  };

/** Records an amendment with the scorecard's original content and whether its author had read the panel's feedback. */
export const AMENDMENT_SQL = `insert into scorecard_amendments
         (organization_id, scorecard_id, amended_by, reason, after_feedback, original)
   select s.organization_id, s.id, $3, $4,
          exists (select 1 from feedback_views v
                   where v.organization_id = s.organization_id and v.application_id = s.application_id
                     and v.user_id = $3),
          jsonb_build_object(
            'ratings', coalesce((select jsonb_agg(jsonb_build_object('criterionKey', r.criterion_key,
                                                   'competencyKey', r.competency_key, 'rating', r.rating,
                                                   'evidence', r.evidence) order by r.criterion_key)
                                   from scorecard_ratings r
                                  where r.organization_id = s.organization_id and r.scorecard_id = s.id), '[]'),
            'redFlags', coalesce((select jsonb_agg(jsonb_build_object('flagKey', f.flag_key, 'evidence', f.evidence)
                                                   order by f.flag_key)
                                    from scorecard_red_flags f
                                   where f.organization_id = s.organization_id and f.scorecard_id = s.id), '[]'),
            'recommendation', s.recommendation,
            'summary', s.summary)
     from scorecards s
    where s.organization_id = $1 and s.id = $2`;
