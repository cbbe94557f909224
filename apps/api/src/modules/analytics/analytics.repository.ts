import { Injectable } from '@nestjs/common';
import type { CandidateSource, PersonRef, Stage } from '@scorecard/contracts';
import { Db } from '../../database/db.js';

/**
 * The slice of the organization a report covers: one opening or all, and a half-open time range
 * [from, to) over the day the application was created or, for calibration, the interview started.
 */
export interface Slice {
  openingId: string | null;
  from: Date | null;
  to: Date | null;
}

/** An interviewer's figures over the submitted scorecards in the slice. */
export interface InterviewerRow {
  interviewer: PersonRef;
  scorecards: number;
  /** Focus competencies of their interviews, and those of them their scorecard left without any rating. */
  focus: number;
  unassessed: number;
  late: number;
  medianHoursLate: number | null;
  ratingDistribution: [number, number, number, number];
  /** Their overall score on each candidate (application) they scored. */
  scores: { applicationId: string; score: number }[];
}

/** A competency of the rubric versions in the slice, with its units grouped by their multiset of ratings. */
export interface AgreementRow {
  competencyKey: string;
  competency: string;
  /** Units (application × criterion rated on two or more scorecards): each distinct sorted list of ratings, and how many units have it. */
  shapes: { ratings: number[]; units: number }[];
}

export interface MoveFigures {
  /** Applications that ever entered each stage. */
  reached: Partial<Record<Stage, number>>;
  /** Per stage left at least once: how many times it was left, and the median days spent in it before. */
  stays: Partial<Record<Stage, { medianDays: number; sample: number }>>;
}

export interface SourceRow {
  source: CandidateSource;
  applications: number;
  interviewed: number;
  offers: number;
  hires: number;
}

export interface OverdueRow {
  interviewer: PersonRef;
  overdue: number;
  oldestDueAt: string;
}

/**
 * The conditions of a slice on `applications a` (and `interviews i` for calibration days), with
 * their parameters numbered after `first`. Only the filters given appear in the SQL, so each
 * combination gets its own plan: the opening filter reads the (organization, opening, …) index.
 */
function sliceSql(
  slice: Slice,
  first: number,
  dayColumn: string,
): { openingSql: string; daySql: string; params: unknown[] } {
  const params: unknown[] = [];
  const next = (v: unknown) => {
    params.push(v);
    return `$${first + params.length - 1}`;
  };
  const openingSql = slice.openingId ? ` and a.opening_id = ${next(slice.openingId)}::uuid` : '';
  let daySql = '';
  if (slice.from) daySql += ` and ${dayColumn} >= ${next(slice.from)}::timestamptz`;
  if (slice.to) daySql += ` and ${dayColumn} < ${next(slice.to)}::timestamptz`;
  return { openingSql, daySql, params };
}

/**
 * The submitted scorecards of a calibration, as a CTE named `cards`: $1 is the organization, $2
 * the viewer. Applications on which the viewer has a draft of their own are left out, as
 * everywhere panel feedback is shown (the independence rule).
 *
 * For one opening, the work must follow the opening, not the organization: each card's ratings
 * are read through the card (`ratingsJoin`). The `offset 0` keeps PostgreSQL from turning these
 * per-card lookups back into a hash join over all the organization's ratings, which its estimates
 * favour for an opening with a few thousand scorecards.
 */
function cardsSql(slice: Slice): { sql: string; params: unknown[]; ratingsJoin: string } {
  const s = sliceSql(slice, 3, 'i.starts_at');
  const byOpening = slice.openingId
    ? 'join applications a on a.organization_id = s.organization_id and a.id = s.application_id'
    : '';
  return {
    sql: `cards as materialized (
            select s.id, s.application_id, s.interviewer_id, s.rubric_version_id, s.submitted_at,
                   i.feedback_due_at, i.focus_competency_keys
              from scorecards s
              join interviews i on i.organization_id = s.organization_id and i.id = s.interview_id
              ${byOpening}
             where s.organization_id = $1 and s.status = 'submitted'${s.openingSql}${s.daySql}
               and not exists (select 1 from scorecards own
                                where own.organization_id = $1 and own.application_id = s.application_id
                                  and own.status = 'draft' and own.interviewer_id = $2))`,
    params: s.params,
    ratingsJoin: slice.openingId
      ? `cross join lateral (
              select * from scorecard_ratings r
               where r.organization_id = $1 and r.scorecard_id = k.id offset 0) r`
      : 'join scorecard_ratings r on r.organization_id = $1 and r.scorecard_id = k.id',
  };
}

/** The applications of a pipeline report, as a CTE named `apps`: $1 is the organization. */
function appsSql(slice: Slice): { sql: string; params: unknown[] } {
  const s = sliceSql(slice, 2, 'a.created_at');
  return {
    sql: `apps as (
            select a.id, a.candidate_id
              from applications a
             where a.organization_id = $1${s.openingSql}${s.daySql})`,
    params: s.params,
  };
}

@Injectable()
export class AnalyticsRepository {
  constructor(private readonly db: Db) {}

  async openingExists(organizationId: string, openingId: string): Promise<boolean> {
    const rows: unknown[] = await this.db.query(`select 1 from openings where organization_id = $1 and id = $2`, [
      organizationId,
      openingId,
    ]);
    return rows.length > 0;
  }

  /**
   * Calibration over the submitted scorecards in the slice, in one query that reads each card and
   * its ratings once (the `cards` and `ratings` CTEs) and answers both parts as JSON:
   *
   * `interviewers`: per interviewer with a submitted scorecard in the slice, by name:
   * - scorecards, and how many were submitted after the feedback due time with the median hours late;
   * - focus competencies of their interviews and how many their scorecard left without any rating
   *   ("not assessed" on every criterion, or nothing at all);
   * - how many of their ratings were 1, 2, 3 and 4;
   * - their overall score on each candidate: a scorecard's competency score is the mean of its rated
   *   criteria, an interviewer's the mean over their scorecards on that candidate, and the overall
   *   the weight-normalised mean over the competencies they rated, with the weights of the
   *   scorecard's rubric version.
   *
   * `agreement`: every competency of the rubric versions scored in the slice, in rubric order (its
   * name from the latest of those versions), with the units of its agreement: each criterion of each
   * application rated (not "not assessed") on two or more submitted scorecards, the unit's values
   * being those ratings. Units with the same sorted ratings come back as one row with their count,
   * so the answer stays small however many candidates there are.
   */
  async calibration(
    organizationId: string,
    viewerId: string,
    slice: Slice,
  ): Promise<{ interviewers: InterviewerRow[]; agreement: AgreementRow[] }> {
    const cards = cardsSql(slice);
    const rows: Record<string, unknown>[] = await this.db.query(
      `with ${cards.sql},
       ratings as materialized (
         select k.id as scorecard_id, k.application_id, r.criterion_key, r.competency_key, r.rating
           from cards k
           ${cards.ratingsJoin}
          where r.rating is not null),
       card_competency as (
         select scorecard_id, competency_key, avg(rating)::float8 as score,
                count(*) filter (where rating = 1) as r1, count(*) filter (where rating = 2) as r2,
                count(*) filter (where rating = 3) as r3, count(*) filter (where rating = 4) as r4
           from ratings
          group by scorecard_id, competency_key),
       weights as materialized (
         select rv.id as rubric_version_id, (c.v ->> 'key')::uuid as competency_key, (c.v ->> 'weight')::float8 as weight
           from rubric_versions rv
          cross join jsonb_array_elements(rv.content -> 'competencies') c(v)
          where rv.organization_id = $1 and rv.id in (select rubric_version_id from cards)),
       panel_competency as (
         select k.application_id, k.interviewer_id, cc.competency_key, avg(cc.score) as score, avg(w.weight) as weight
           from card_competency cc
           join cards k on k.id = cc.scorecard_id
           join weights w on w.rubric_version_id = k.rubric_version_id and w.competency_key = cc.competency_key
          group by k.application_id, k.interviewer_id, cc.competency_key),
       scores as (
         select interviewer_id, json_agg(json_build_object('applicationId', application_id, 'score', score)) as scores
           from (select application_id, interviewer_id, sum(score * weight) / nullif(sum(weight), 0) as score
                   from panel_competency
                  group by application_id, interviewer_id) overall
          where score is not null
          group by interviewer_id),
       per_card as (
         select k.id, k.interviewer_id, k.submitted_at > k.feedback_due_at as late,
                extract(epoch from k.submitted_at - k.feedback_due_at) / 3600 as hours_late,
                cardinality(k.focus_competency_keys) as focus,
                cardinality(k.focus_competency_keys)
                  - count(cc.competency_key) filter (where cc.competency_key = any(k.focus_competency_keys)) as unassessed,
                coalesce(sum(cc.r1), 0) as r1, coalesce(sum(cc.r2), 0) as r2,
                coalesce(sum(cc.r3), 0) as r3, coalesce(sum(cc.r4), 0) as r4
           from cards k
           left join card_competency cc on cc.scorecard_id = k.id
          group by k.id, k.interviewer_id, k.submitted_at, k.feedback_due_at, k.focus_competency_keys),
       per_interviewer as (
         select interviewer_id, count(*)::int as scorecards,
                sum(focus)::int as focus, sum(unassessed)::int as unassessed,
                count(*) filter (where late)::int as late,
                percentile_cont(0.5) within group (order by hours_late) filter (where late) as median_hours_late,
                sum(r1)::int as r1, sum(r2)::int as r2, sum(r3)::int as r3, sum(r4)::int as r4
           from per_card
          group by interviewer_id),
       interviewer_rows as (
         select u.id, u.name, p.scorecards, p.focus, p.unassessed, p.late, p.median_hours_late,
                p.r1, p.r2, p.r3, p.r4, coalesce(sc.scores, '[]') as scores
           from per_interviewer p
           join users u on u.organization_id = $1 and u.id = p.interviewer_id
           left join scores sc on sc.interviewer_id = p.interviewer_id),
       units as (
         select application_id, criterion_key, competency_key, array_agg(rating::int order by rating) as ratings
           from ratings
          group by application_id, criterion_key, competency_key
         having count(*) >= 2),
       shapes as (
         select competency_key, ratings, count(*)::int as n
           from units
          group by competency_key, ratings),
       competencies as (
         select (c.v ->> 'key')::uuid as key, (array_agg(c.v ->> 'name' order by rv.version desc))[1] as name,
                min(c.n) as position
           from rubric_versions rv
          cross join jsonb_array_elements(rv.content -> 'competencies') with ordinality c(v, n)
          where rv.organization_id = $1 and rv.id in (select rubric_version_id from cards)
          group by (c.v ->> 'key')::uuid),
       agreement_rows as (
         select c.key, c.name, c.position,
                coalesce(json_agg(json_build_object('ratings', s.ratings, 'units', s.n) order by s.ratings)
                           filter (where s.n is not null), '[]') as shapes
           from competencies c
           left join shapes s on s.competency_key = c.key
          group by c.key, c.name, c.position)
       select (select coalesce(json_agg(i order by lower(i.name), i.id), '[]') from interviewer_rows i) as interviewers,
              (select coalesce(json_agg(a order by a.position, a.name, a.key), '[]') from agreement_rows a) as agreement`,
      [organizationId, viewerId, ...cards.params],
    );
    const r = rows[0]!;
    return {
      interviewers: (r.interviewers as Record<string, unknown>[]).map((i) => ({
        interviewer: { id: i.id as string, name: i.name as string },
        scorecards: i.scorecards as number,
        focus: i.focus as number,
        unassessed: i.unassessed as number,
        late: i.late as number,
        medianHoursLate: (i.median_hours_late as number | null) ?? null,
        ratingDistribution: [i.r1 as number, i.r2 as number, i.r3 as number, i.r4 as number],
        scores: i.scores as InterviewerRow['scores'],
      })),
      agreement: (r.agreement as Record<string, unknown>[]).map((a) => ({
        competencyKey: a.key as string,
        competency: a.name as string,
        shapes: a.shapes as AgreementRow['shapes'],
      })),
    };
  }

  /**
   * From the stage history of the applications in the slice, in one query: how many applications
   * ever entered each stage, and for each move out of a stage the time since the move into it
   * (the previous move of the same application), as the median days per stage left.
   */
  async moves(organizationId: string, slice: Slice): Promise<MoveFigures> {
    const apps = appsSql(slice);
    const rows: Record<string, unknown>[] = await this.db.query(
      `with ${apps.sql},
       history as (
         select m.application_id, m.from_stage, m.to_stage, m.moved_at,
                lag(m.moved_at) over (partition by m.application_id order by m.moved_at, m.id) as entered_at
           from apps a
           join application_moves m on m.organization_id = $1 and m.application_id = a.id),
       reached as (
         select to_stage as stage, count(distinct application_id)::int as n
           from history
          group by to_stage),
       stays as (
         select from_stage as stage, count(*)::int as n,
                percentile_cont(0.5) within group (order by extract(epoch from moved_at - entered_at) / 86400) as median_days
           from history
          where from_stage is not null and entered_at is not null
          group by from_stage)
       select coalesce((select json_object_agg(stage, n) from reached), '{}') as reached,
              coalesce((select json_object_agg(stage, json_build_object('medianDays', median_days, 'sample', n))
                          from stays), '{}') as stays`,
      [organizationId, ...apps.params],
    );
    const r = rows[0]!;
    return { reached: r.reached as MoveFigures['reached'], stays: r.stays as MoveFigures['stays'] };
  }

  /**
   * Per candidate source with applications in the slice: applications, those with at least one
   * scheduled (not cancelled) interview, those that ever reached an offer, and hires.
   */
  async sources(organizationId: string, slice: Slice): Promise<SourceRow[]> {
    const apps = appsSql(slice);
    const rows: Record<string, unknown>[] = await this.db.query(
      `with ${apps.sql}
       select c.source, count(*)::int as applications,
              count(*) filter (where exists (
                select 1 from interviews i
                 where i.organization_id = $1 and i.application_id = a.id and i.status = 'scheduled'))::int as interviewed,
              count(*) filter (where exists (
                select 1 from application_moves m
                 where m.organization_id = $1 and m.application_id = a.id and m.to_stage = 'offer'))::int as offers,
              count(*) filter (where exists (
                select 1 from application_moves m
                 where m.organization_id = $1 and m.application_id = a.id and m.to_stage = 'hired'))::int as hires
         from apps a
         join candidates c on c.organization_id = $1 and c.id = a.candidate_id
        group by c.source`,
      [organizationId, ...apps.params],
    );
    return rows.map((r) => ({
      source: r.source as CandidateSource,
      applications: r.applications as number,
      interviewed: r.interviewed as number,
      offers: r.offers as number,
      hires: r.hires as number,
    }));
  }

  /**
   * Draft scorecards of scheduled interviews past their feedback due time, on applications in the
   * slice, per interviewer: most overdue scorecards first, then the oldest due.
   */
  async overdue(organizationId: string, slice: Slice): Promise<OverdueRow[]> {
    const apps = appsSql(slice);
    const rows: Record<string, unknown>[] = await this.db.query(
      `with ${apps.sql}
       select u.id, u.name, count(*)::int as overdue, min(i.feedback_due_at) as oldest
         from apps a
         join scorecards s on s.organization_id = $1 and s.application_id = a.id and s.status = 'draft'
         join interviews i on i.organization_id = $1 and i.id = s.interview_id
         join users u on u.organization_id = $1 and u.id = s.interviewer_id
        where i.status = 'scheduled' and i.feedback_due_at < now()
        group by u.id, u.name
        order by count(*) desc, min(i.feedback_due_at), u.id`,
      [organizationId, ...apps.params],
    );
    return rows.map((r) => ({
      interviewer: { id: r.id as string, name: r.name as string },
      overdue: r.overdue as number,
      oldestDueAt: (r.oldest as Date).toISOString(),
    }));
  }
}
