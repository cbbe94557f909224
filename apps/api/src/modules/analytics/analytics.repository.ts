import { Injectable } from '@nestjs/common';
import type { CandidateSource, PersonRef, Stage } from '@scorecard/contracts';
import { Db, type Col, type Cols } from '../../database/db.js';
import { type Slice, sliceSql } from './slice-sql.js';

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
/** The pipeline reports' SQL (funnel, time in stage, sources, overdue); calibration's is in calibration.repository.ts. */
@Injectable()
export class AnalyticsRepository {
  constructor(private readonly db: Db) {}

  async openingExists(organizationId: string, openingId: string): Promise<boolean> {
    const rows = await this.db.query<unknown[]>(`select 1 from openings where organization_id = $1 and id = $2`, [
      organizationId,
      openingId,
    ]);
    return rows.length > 0;
  }

  /**
   * From the stage history of the applications in the slice, in one query: how many applications
   * ever entered each stage, and for each move out of a stage the time since the move into it
   * (the previous move of the same application), as the median days per stage left.
   */
  async moves(organizationId: string, slice: Slice): Promise<MoveFigures> {
    const apps = appsSql(slice);
    const rows = await this.db.query<Pick<MoveFigures, 'reached' | 'stays'>[]>(
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
    return { reached: r.reached, stays: r.stays };
  }

  /**
   * Per candidate source with applications in the slice: applications, those with at least one
   * scheduled (not cancelled) interview, those that ever reached an offer, and hires.
   */
  async sources(organizationId: string, slice: Slice): Promise<SourceRow[]> {
    const apps = appsSql(slice);
    const rows = await this.db.query<(Cols<'candidates', 'source'> & Omit<SourceRow, 'source'>)[]>(
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
    return rows;
  }

  /**
   * Draft scorecards of scheduled interviews past their feedback due time, on applications in the
   * slice, per interviewer: most overdue scorecards first, then the oldest due.
   */
  async overdue(organizationId: string, slice: Slice): Promise<OverdueRow[]> {
    const apps = appsSql(slice);
    const rows = await this.db.query<
      (Cols<'users', 'id' | 'name'> & { overdue: number; oldest: Col<'interviews', 'feedback_due_at'> })[]
    >(
      `with ${apps.sql}
       select u.id, u.name, count(*)::int as overdue, min(i.feedback_due_at) as oldest
         from apps a
         join scorecards s on s.organization_id = $1 and s.application_id = a.id and s.status = 'draft'
                          and not s.shadow
         join interviews i on i.organization_id = $1 and i.id = s.interview_id
         join users u on u.organization_id = $1 and u.id = s.interviewer_id
        where i.status = 'scheduled' and i.feedback_due_at < now()
        group by u.id, u.name
        order by count(*) desc, min(i.feedback_due_at), u.id`,
      [organizationId, ...apps.params],
    );
    return rows.map((r) => ({
      interviewer: { id: r.id, name: r.name },
      overdue: r.overdue,
      oldestDueAt: r.oldest.toISOString(),
    }));
  }
}
