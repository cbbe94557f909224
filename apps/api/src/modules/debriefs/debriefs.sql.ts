import type { Decision, RatingsView } from '@scorecard/contracts';
import type { Col, Cols, LeftJoined } from '../../database/db.js';
import type { ComparisonSubjects, DebriefDetails, GridCard } from './debriefs.repository.js';

/**
 * The statements of DebriefsRepository with the rows they return: the panel figures of some
 * applications, a debrief's other details, and the subjects of a comparison. A shadow's scorecard
 * (`s.shadow`, issue 24 §5) counts in none of them: not in a figure, a red flag, the grid or pending.
 */

/** A stat as the statements build it in JSON. */
export interface StatJson {
  mean: number;
  count: number;
  min: number;
  max: number;
}

/** Where each view of the figures reads ratings and recommendations (constants, never user input). */
export const RATINGS_SOURCE: Record<RatingsView, { ratings: string; asked: string; recommendation: string }> = {
  independent: { ratings: 'scorecard_first_ratings', asked: '', recommendation: 's.first_recommendation' },
  with_amendments: { ratings: 'scorecard_ratings', asked: ' and r.asked', recommendation: 's.recommendation' },
};

export const panelFiguresSql = (source: (typeof RATINGS_SOURCE)[RatingsView]) =>
  `with apps as (
     select a.id, o.rubric_version_id
       from applications a
       join openings o on o.organization_id = a.organization_id and o.id = a.opening_id
      where a.organization_id = $1 and a.id = any($2::uuid[])),
   weights as (
     select ap.id as application_id, (c.v ->> 'key')::uuid as competency_key, (c.v ->> 'weight')::float8 as weight
       from apps ap
       join rubric_versions rv on rv.organization_id = $1 and rv.id = ap.rubric_version_id
      cross join jsonb_array_elements(rv.content -> 'competencies') c(v)),
   cards as (
     select s.id, s.application_id, ${source.recommendation} as recommendation, s.checklist_version_id
       from scorecards s
      where s.organization_id = $1 and s.application_id = any($2::uuid[]) and s.status = 'submitted'
        and not s.shadow),
   rated as (
     select k.application_id, k.id as scorecard_id, r.criterion_key, r.competency_key, r.rating::float8 as rating
       from cards k
       join ${source.ratings} r on r.organization_id = $1 and r.scorecard_id = k.id
      where r.rating is not null${source.asked}),
   card_competency as (
     select application_id, scorecard_id, competency_key, avg(rating) as score
       from rated
      group by application_id, scorecard_id, competency_key),
   competency_stats as (
     select application_id, competency_key,
            avg(score) as mean, count(*)::int as n, min(score) as lo, max(score) as hi
       from card_competency
      group by application_id, competency_key),
   criterion_stats as (
     select application_id, criterion_key, competency_key,
            avg(rating) as mean, count(*)::int as n, min(rating) as lo, max(rating) as hi
       from rated
      group by application_id, criterion_key, competency_key),
   card_overall as (
     select cc.application_id, cc.scorecard_id, sum(cc.score * w.weight) / sum(w.weight) as overall
       from card_competency cc
       join weights w on w.application_id = cc.application_id and w.competency_key = cc.competency_key
      group by cc.application_id, cc.scorecard_id),
   overall as (
     select cs.application_id, sum(cs.mean * w.weight) / sum(w.weight) as score
       from competency_stats cs
       join weights w on w.application_id = cs.application_id and w.competency_key = cs.competency_key
      group by cs.application_id),
   overall_stats as (
     select application_id, avg(overall) as mean, count(*)::int as n, min(overall) as lo, max(overall) as hi,
            stddev_samp(overall) as sd
       from card_overall
      group by application_id),
   tallies as (
     select application_id, count(*)::int as scorecards,
            count(*) filter (where recommendation = 'strong_no')::int as strong_no,
            count(*) filter (where recommendation = 'no')::int as no,
            count(*) filter (where recommendation = 'yes')::int as yes,
            count(*) filter (where recommendation = 'strong_yes')::int as strong_yes
       from cards
      group by application_id),
   flag_counts as (
     select k.application_id,
            count(*) filter (where it.v ->> 'severity' = 'concern')::int as concerns,
            count(*) filter (where it.v ->> 'severity' = 'dealbreaker')::int as dealbreakers
       from cards k
       join scorecard_red_flags f on f.organization_id = $1 and f.scorecard_id = k.id
       join red_flag_checklist_versions cv on cv.organization_id = $1 and cv.id = k.checklist_version_id
      cross join lateral jsonb_array_elements(cv.content -> 'items') it(v)
      where (it.v ->> 'key')::uuid = f.flag_key
      group by k.application_id)
   select ap.id as application_id,
          coalesce(t.scorecards, 0) as scorecards,
          coalesce(t.strong_no, 0) as strong_no, coalesce(t.no, 0) as no,
          coalesce(t.yes, 0) as yes, coalesce(t.strong_yes, 0) as strong_yes,
          o.score as overall,
          os.mean as overall_mean, os.n as overall_n, os.lo as overall_lo, os.hi as overall_hi,
          os.sd as overall_sd,
          coalesce(fc.concerns, 0) as concerns, coalesce(fc.dealbreakers, 0) as dealbreakers,
          coalesce((select json_agg(json_build_object('key', cs.competency_key, 'mean', cs.mean, 'count', cs.n,
                                                      'min', cs.lo, 'max', cs.hi))
                      from competency_stats cs where cs.application_id = ap.id), '[]') as competencies,
          coalesce((select json_agg(json_build_object('key', cr.criterion_key, 'competencyKey', cr.competency_key,
                                                      'mean', cr.mean, 'count', cr.n, 'min', cr.lo, 'max', cr.hi))
                      from criterion_stats cr where cr.application_id = ap.id), '[]') as criteria
     from apps ap
     left join tallies t on t.application_id = ap.id
     left join overall o on o.application_id = ap.id
     left join overall_stats os on os.application_id = ap.id
     left join flag_counts fc on fc.application_id = ap.id`;

export type PanelSqlRow = {
  application_id: Col<'applications', 'id'>;
  scorecards: number;
  strong_no: number;
  no: number;
  yes: number;
  strong_yes: number;
  overall: number | null;
  overall_sd: number | null;
  concerns: number;
  dealbreakers: number;
  competencies: (StatJson & { key: string })[];
  criteria: (StatJson & { key: string; competencyKey: string })[];
} & LeftJoined<{ overall_mean: number; overall_n: number; overall_lo: number; overall_hi: number }>;

export const DETAILS_SQL = `select a.id, a.stage, a.revision,
          c.id as candidate_id, c.name as candidate_name, c.current_title, c.current_company,
          o.id as opening_id, o.title as opening_title, hm.id as hm_id, hm.name as hm_name,
          rv.id as rv_id, rb.name as rubric_name, rv.version as rv_version, rv.content as rubric,
          coalesce((
            select json_agg(json_build_object('flagKey', g.flag_key, 'description', g.description,
                                              'severity', g.severity, 'seenBy', g.seen_by)
                            order by g.n, g.flag_key)
              from (select f.flag_key, min(it.n) as n, min(it.v ->> 'description') as description,
                           max(it.v ->> 'severity') as severity,
                           json_agg(json_build_object('scorecardId', s.id,
                                                      'interviewer', json_build_object('id', u.id, 'name', u.name),
                                                      'evidence', f.evidence)
                                    order by s.submitted_at, s.id) as seen_by
                      from scorecards s
                      join scorecard_red_flags f on f.organization_id = s.organization_id and f.scorecard_id = s.id
                      join red_flag_checklist_versions cv on cv.organization_id = s.organization_id
                                                          and cv.id = s.checklist_version_id
                     cross join lateral jsonb_array_elements(cv.content -> 'items') with ordinality it(v, n)
                      join users u on u.organization_id = s.organization_id and u.id = s.interviewer_id
                     where s.organization_id = a.organization_id and s.application_id = a.id
                       and s.status = 'submitted' and not s.shadow and (it.v ->> 'key')::uuid = f.flag_key
                     group by f.flag_key) g), '[]') as red_flags,
          coalesce((
            select json_agg(json_build_object('interviewId', i.id,
                                              'interviewer', json_build_object('id', u.id, 'name', u.name),
                                              'step', i.step_name, 'feedbackDueAt', i.feedback_due_at,
                                              'overdue', i.feedback_due_at < now())
                            order by i.feedback_due_at, i.id)
              from interviews i
              join scorecards s on s.organization_id = i.organization_id and s.interview_id = i.id
                               and s.status = 'draft' and not s.shadow
              join users u on u.organization_id = s.organization_id and u.id = s.interviewer_id
             where i.organization_id = a.organization_id and i.application_id = a.id
               and i.status = 'scheduled'), '[]') as pending,
          coalesce((
            select json_agg(json_build_object('id', d.id, 'decision', d.decision, 'rationale', d.rationale,
                                              'by', json_build_object('id', u.id, 'name', u.name),
                                              'at', d.decided_at,
                                              'acknowledgedDealbreakers', d.acknowledged_dealbreakers)
                            order by d.decided_at desc, d.id desc)
              from application_decisions d
              join users u on u.organization_id = d.organization_id and u.id = d.decided_by
             where d.organization_id = a.organization_id and d.application_id = a.id), '[]') as decisions,
          coalesce((
            select json_agg(json_build_object(
                     'scorecardId', s.id,
                     'interviewer', json_build_object('id', u.id, 'name', u.name),
                     'step', i.step_name,
                     'questionKeys', i.question_keys,
                     'first', coalesce((
                       select json_agg(json_build_object(
                                'key', f.criterion_key, 'rating', f.rating,
                                'evidence', coalesce(case when fa.original is null then cr.evidence
                                                          else (select x.v ->> 'evidence'
                                                                  from jsonb_array_elements(fa.original -> 'ratings') x(v)
                                                                 where (x.v ->> 'criterionKey')::uuid = f.criterion_key
                                                                 limit 1) end, '')))
                         from scorecard_first_ratings f
                         left join scorecard_ratings cr on cr.organization_id = f.organization_id
                                                       and cr.scorecard_id = f.scorecard_id
                                                       and cr.criterion_key = f.criterion_key
                        where f.organization_id = s.organization_id and f.scorecard_id = s.id), '[]'),
                     'now', coalesce((
                       select json_agg(json_build_object('key', r.criterion_key, 'rating', r.rating,
                                                         'evidence', r.evidence))
                         from scorecard_ratings r
                        where r.organization_id = s.organization_id and r.scorecard_id = s.id and r.asked), '[]'))
                     order by s.submitted_at, s.id)
              from scorecards s
              join interviews i on i.organization_id = s.organization_id and i.id = s.interview_id
              join users u on u.organization_id = s.organization_id and u.id = s.interviewer_id
              left join lateral (
                select am.original from scorecard_amendments am
                 where am.organization_id = s.organization_id and am.scorecard_id = s.id
                 order by am.amended_at, am.id limit 1) fa on true
             where s.organization_id = a.organization_id and s.application_id = a.id
               and s.status = 'submitted' and not s.shadow and i.step_kind = 'assessment'), '[]') as grid_cards
     from applications a
     join candidates c on c.organization_id = a.organization_id and c.id = a.candidate_id
     join openings o on o.organization_id = a.organization_id and o.id = a.opening_id
     left join users hm on hm.organization_id = o.organization_id and hm.id = o.hiring_manager_id
     left join rubric_versions rv on rv.organization_id = o.organization_id and rv.id = o.rubric_version_id
     left join rubrics rb on rb.organization_id = rv.organization_id and rb.id = rv.rubric_id
    where a.organization_id = $1 and a.id = $2`;

export type DetailsSqlRow = Cols<'applications', 'id' | 'stage' | 'revision'> &
  Cols<'candidates', 'current_title' | 'current_company'> & {
    candidate_id: Col<'candidates', 'id'>;
    candidate_name: Col<'candidates', 'name'>;
    opening_id: Col<'openings', 'id'>;
    opening_title: Col<'openings', 'title'>;
    red_flags: DebriefDetails['redFlags'];
    pending: DebriefDetails['pending'];
    decisions: Decision[];
    grid_cards: GridCard[];
  } & LeftJoined<{ hm_id: Col<'users', 'id'>; hm_name: Col<'users', 'name'> }> &
  LeftJoined<{
    rv_id: Col<'rubric_versions', 'id'>;
    rubric_name: Col<'rubrics', 'name'>;
    rv_version: Col<'rubric_versions', 'version'>;
    rubric: Col<'rubric_versions', 'content'>;
  }>;

export const COMPARISON_SQL = `select o.id, o.title, o.coding_share_pct, o.career_path, rv.content as rubric,
          o.comp_currency, o.comp_min_minor, o.comp_max_minor,
          coalesce((
            select json_agg(json_build_object(
                     'id', a.id, 'stage', a.stage,
                     'candidate', json_build_object('id', c.id, 'name', c.name, 'source', c.source,
                                                    'desiredCodingSharePct', c.desired_coding_share_pct,
                                                    'desiredCareerPath', c.desired_career_path,
                                                    'compensationExpectation',
                                                    case when c.comp_currency is null or c.comp_amount_minor is null
                                                         then null
                                                         else json_build_object('currency', c.comp_currency,
                                                                                'amountMinor', c.comp_amount_minor)
                                                    end),
                     'own', json_build_object('ownDrafts', own.drafts, 'ownSubmitted', own.submitted),
                     'latestDecision', (
                       select d.decision from application_decisions d
                        where d.organization_id = a.organization_id and d.application_id = a.id
                        order by d.decided_at desc, d.id desc limit 1),
                     'dealbreakersAcknowledged', exists (
                       select 1 from application_decisions d
                        where d.organization_id = a.organization_id and d.application_id = a.id
                          and d.decision = 'hire' and d.acknowledged_dealbreakers)))
              from applications a
              join candidates c on c.organization_id = a.organization_id and c.id = a.candidate_id
             cross join lateral (
               select count(*) filter (where s.status = 'draft')::int as drafts,
                      count(*) filter (where s.status = 'submitted')::int as submitted
                 from scorecards s
                where s.organization_id = a.organization_id and s.application_id = a.id
                  and s.status <> 'void' and s.interviewer_id = $4) own
             where a.organization_id = o.organization_id and a.opening_id = o.id
               and a.id = any($3::uuid[])), '[]') as applications
     from openings o
     left join rubric_versions rv on rv.organization_id = o.organization_id and rv.id = o.rubric_version_id
    where o.organization_id = $1 and o.id = $2`;

export type ComparisonSqlRow = Cols<
  'openings',
  'id' | 'title' | 'coding_share_pct' | 'career_path' | 'comp_currency' | 'comp_min_minor' | 'comp_max_minor'
> & {
  rubric: Col<'rubric_versions', 'content'> | null;
  applications: ComparisonSubjects['applications'];
};
