import { Injectable } from '@nestjs/common';
import type { PersonRef } from '@scorecard/contracts';
import { DEFAULT_MIN_OFFSET_UNITS, type OffsetStats } from '@scorecard/domain';
import { Db, type Col, type Cols, type LeftJoined } from '../../database/db.js';
import type { FigureKey } from './figure-cache.js';
import { type Slice, sliceSql } from './slice-sql.js';

/** An interviewer's figures over the submitted scorecards in the slice (first submissions). */
export interface InterviewerRow {
  interviewer: PersonRef;
  scorecards: number;
  /** Questions their interviews asked, and how many of them their scorecards left not assessed. */
  asked: number;
  unassessed: number;
  late: number;
  medianHoursLate: number | null;
  ratingDistribution: [number, number, number, number];
  /** Their differences from their co-raters on matched units: count, mean, sample sd; null when never matched. */
  offset: OffsetStats | null;
}

/** A competency of the rubric versions in the slice, with its units grouped by their multiset of ratings. */
export interface AgreementRow {
  competencyKey: string;
  competency: string;
  /** Units (application × criterion rated by two or more interviewers): each distinct sorted list of values, and how many units have it. */
  shapes: { ratings: number[]; units: number }[];
}

/** An interviewer's row of the calibration's JSON. */
type InterviewerJson = Cols<'users', 'id' | 'name'> & {
  scorecards: number;
  asked: number;
  unassessed: number;
  late: number;
  median_hours_late: number | null;
  r1: number;
  r2: number;
  r3: number;
  r4: number;
} & LeftJoined<{ offset_n: number; offset_mean: number; offset_sd: number | null }>;

interface CalibrationSqlRow {
  version: string;
  drafts: string[];
  interviewers: InterviewerJson[];
  agreement: { key: string; name: string; shapes: AgreementRow['shapes'] }[];
  min_units: Col<'organizations', 'calibration_min_units'> | null;
}

/**
 * The submitted scorecards of a calibration, as a CTE named `cards`: $1 is the organization, $2
 * the viewer. Applications on which the viewer has a draft of their own are left out, as
 * everywhere panel feedback is shown (the independence rule). Each card's ratings are its ratings
 * as first submitted (`scorecard_first_ratings`: asked questions only, amendments never count).
 * Only assessment steps are calibrated: the candidate's questions step rates nothing.
 * A shadow's scorecard (`shadow`, issue 24 §5) is always left out: it counts in no figure.
 * Imported scorecards (another system's, `imported_at` set) are left out unless `includeImported`:
 * their timing and questions were not this system's (docs/MEASUREMENT.md).
 *
 * For one opening, the work must follow the opening, not the organization: each card's ratings
 * are read through the card (`ratingsJoin`). The `offset 0` keeps PostgreSQL from turning these
 * per-card lookups back into a hash join over all the organization's ratings, which its estimates
 * favour for an opening with a few thousand scorecards.
 */
function cardsSql(slice: Slice, includeImported: boolean): { sql: string; params: unknown[]; ratingsJoin: string } {
  const s = sliceSql(slice, 3, 'i.starts_at');
  const byOpening = slice.openingId
    ? 'join applications a on a.organization_id = s.organization_id and a.id = s.application_id'
    : '';
  return {
    sql: `cards as materialized (
            select s.id, s.application_id, s.interviewer_id, s.rubric_version_id, s.submitted_at,
                   i.feedback_due_at, i.question_keys
              from scorecards s
              join interviews i on i.organization_id = s.organization_id and i.id = s.interview_id
              ${byOpening}
             where s.organization_id = $1 and s.status = 'submitted'${s.openingSql}${s.daySql}
               and i.step_kind = 'assessment' and not s.shadow${includeImported ? '' : ' and s.imported_at is null'}
               and not exists (select 1 from scorecards own
                                where own.organization_id = $1 and own.application_id = s.application_id
                                  and own.status = 'draft' and own.interviewer_id = $2))`,
    params: s.params,
    ratingsJoin: slice.openingId
      ? `cross join lateral (
              select * from scorecard_first_ratings r
               where r.organization_id = $1 and r.scorecard_id = k.id offset 0) r`
      : 'join scorecard_first_ratings r on r.organization_id = $1 and r.scorecard_id = k.id',
  };
}

/**
 * The two parts of a calibration's `FigureKey` as expressions, with $1 the organization, $2 the
 * viewer and $3 the opening when there is one: the newest data version of the slice's scopes (the
 * opening's and the organization's own; every scope for the whole organization) and, sorted, the
 * applications (of the opening) on which the viewer has a draft.
 */
function figureKeySql(slice: Slice): { version: string; drafts: string } {
  return {
    version: `(select coalesce(max(v.version), 0)::text from figure_versions v
                where v.organization_id = $1${slice.openingId ? ' and v.scope_id in ($1, $3::uuid)' : ''})`,
    drafts: `(select coalesce(array_agg(distinct own.application_id::text order by own.application_id::text), '{}')
                from scorecards own
                ${slice.openingId ? 'join applications oa on oa.organization_id = own.organization_id and oa.id = own.application_id' : ''}
               where own.organization_id = $1 and own.interviewer_id = $2 and own.status = 'draft'${
                 slice.openingId ? ' and oa.opening_id = $3::uuid' : ''
               })`,
  };
}

/** Interviewer calibration's SQL: the figures in one statement, and the key its answer is kept under. */
@Injectable()
export class CalibrationRepository {
  constructor(private readonly db: Db) {}

  /**
   * Whether the slice's opening is the organization's (always, without one), and the key its
   * calibration answer is kept under (`FigureCache`), in one statement.
   */
  async calibrationKey(
    organizationId: string,
    viewerId: string,
    slice: Slice,
  ): Promise<{ found: boolean; key: FigureKey }> {
    const k = figureKeySql(slice);
    const rows = await this.db.query<{ found: boolean; version: string; drafts: string[] }[]>(
      `select ${slice.openingId ? 'exists (select 1 from openings where organization_id = $1 and id = $3::uuid)' : 'true'} as found,
              ${k.version} as version, ${k.drafts} as drafts`,
      [organizationId, viewerId, ...(slice.openingId ? [slice.openingId] : [])],
    );
    const r = rows[0]!;
    return { found: r.found, key: { version: r.version, drafts: r.drafts } };
  }

  /**
   * Calibration over the submitted scorecards in the slice, in one query that reads each card and
   * its first-submission ratings once (the `cards` and `ratings` CTEs) and answers as JSON:
   *
   * `interviewers`: per interviewer with a submitted scorecard in the slice, by name:
   * - scorecards, and how many were submitted after the feedback due time with the median hours late;
   * - the questions their interviews asked and how many of those their scorecards left not assessed
   *   ("not assessed", or no rating at all);
   * - how many of their ratings were 1, 2, 3 and 4;
   * - their offset's statistics on matched units: a unit is one criterion of one application; each
   *   interviewer's value on it is their rating on their earliest-submitted scorecard that rated it;
   *   on every unit with two or more interviewers, each one's value minus the mean of the others'
   *   (from the unit's count and sum), then per interviewer the count, mean and `stddev_samp` of
   *   those differences (`matchedUnitOffsets` in packages/domain is the reference).
   *
   * `agreement`: every competency of the rubric versions scored in the slice, in rubric order (its
   * name from the latest of those versions), with its units rated by two or more interviewers, one
   * value per interviewer. Units with the same sorted values come back as one row with their count,
   * so the answer stays small however many candidates there are.
   *
   * `minUnits`: the organization's minimum of matched units for an offset's verdict.
   *
   * `key`: the data version and the viewer's drafts this answer was computed from, read in the
   * same statement (so from the same snapshot) as the figures: the key `FigureCache` keeps it under.
   */
  async calibration(
    organizationId: string,
    viewerId: string,
    slice: Slice,
    includeImported = false,
  ): Promise<{ interviewers: InterviewerRow[]; agreement: AgreementRow[]; minUnits: number; key: FigureKey }> {
    const cards = cardsSql(slice, includeImported);
    const k = figureKeySql(slice);
    const rows = await this.db.query<CalibrationSqlRow[]>(
      `with ${cards.sql},
       ratings as materialized (
         select k.id as scorecard_id, k.application_id, k.interviewer_id, k.submitted_at,
                r.criterion_key, r.competency_key, r.rating
           from cards k
           ${cards.ratingsJoin}),
       per_card as (
         select k.id, k.interviewer_id, k.submitted_at > k.feedback_due_at as late,
                extract(epoch from k.submitted_at - k.feedback_due_at) / 3600 as hours_late,
                cardinality(k.question_keys) as asked,
                cardinality(k.question_keys)
                  - count(r.criterion_key) filter (where r.rating is not null
                                                      and r.criterion_key = any(k.question_keys)) as unassessed,
                count(*) filter (where r.rating = 1) as r1, count(*) filter (where r.rating = 2) as r2,
                count(*) filter (where r.rating = 3) as r3, count(*) filter (where r.rating = 4) as r4
           from cards k
           left join ratings r on r.scorecard_id = k.id
          group by k.id, k.interviewer_id, k.submitted_at, k.feedback_due_at, k.question_keys),
       per_interviewer as (
         select interviewer_id, count(*)::int as scorecards,
                sum(asked)::int as asked, sum(unassessed)::int as unassessed,
                count(*) filter (where late)::int as late,
                percentile_cont(0.5) within group (order by hours_late) filter (where late) as median_hours_late,
                sum(r1)::int as r1, sum(r2)::int as r2, sum(r3)::int as r3, sum(r4)::int as r4
           from per_card
          group by interviewer_id),
       unit_values as materialized (
         select distinct on (application_id, criterion_key, interviewer_id)
                application_id, criterion_key, competency_key, interviewer_id, rating::float8 as rating
           from ratings
          where rating is not null
          order by application_id, criterion_key, interviewer_id, submitted_at, scorecard_id),
       units as materialized (
         select application_id, criterion_key, (array_agg(competency_key))[1] as competency_key,
                count(*) as raters, sum(rating) as total, array_agg(rating::int order by rating) as ratings
           from unit_values
          group by application_id, criterion_key
         having count(*) >= 2),
       offsets as (
         select v.interviewer_id, count(*)::int as n,
                avg(v.rating - (u.total - v.rating) / (u.raters - 1)) as mean,
                stddev_samp(v.rating - (u.total - v.rating) / (u.raters - 1)) as sd
           from unit_values v
           join units u on u.application_id = v.application_id and u.criterion_key = v.criterion_key
          group by v.interviewer_id),
       interviewer_rows as (
         select u.id, u.name, p.scorecards, p.asked, p.unassessed, p.late, p.median_hours_late,
                p.r1, p.r2, p.r3, p.r4, o.n as offset_n, o.mean as offset_mean, o.sd as offset_sd
           from per_interviewer p
           join users u on u.organization_id = $1 and u.id = p.interviewer_id
           left join offsets o on o.interviewer_id = p.interviewer_id),
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
       select ${k.version} as version, ${k.drafts} as drafts,
              (select coalesce(json_agg(i order by lower(i.name), i.id), '[]') from interviewer_rows i) as interviewers,
              (select coalesce(json_agg(a order by a.position, a.name, a.key), '[]') from agreement_rows a) as agreement,
              (select calibration_min_units from organizations where id = $1) as min_units`,
      [organizationId, viewerId, ...cards.params],
    );
    const r = rows[0]!;
    return {
      interviewers: r.interviewers.map((i) => ({
        interviewer: { id: i.id, name: i.name },
        scorecards: i.scorecards,
        asked: i.asked,
        unassessed: i.unassessed,
        late: i.late,
        medianHoursLate: i.median_hours_late,
        ratingDistribution: [i.r1, i.r2, i.r3, i.r4],
        offset: i.offset_n === null ? null : { n: i.offset_n, mean: i.offset_mean, sd: i.offset_sd },
      })),
      agreement: r.agreement.map((a) => ({ competencyKey: a.key, competency: a.name, shapes: a.shapes })),
      minUnits: r.min_units ?? DEFAULT_MIN_OFFSET_UNITS,
      key: { version: r.version, drafts: r.drafts },
    };
  }
}
