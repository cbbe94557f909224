import { Injectable } from '@nestjs/common';
import type { RecruiterHome, Stage } from '@scorecard/contracts';
import { ACTIVE_STAGES, STAGES } from '@scorecard/domain';
import {
  Db,
  type As,
  type CandidateAs,
  type Col,
  type Cols,
  type LeftJoined,
  type OpeningAs,
} from '../../database/db.js';

type Scope = RecruiterHome['scope'];
type HomeOpening = RecruiterHome['openings'][number];
type StuckItem = RecruiterHome['stuck']['items'][number];
type OverdueItem = RecruiterHome['overdue']['items'][number];

/**
 * The open openings in scope as a CTE named `scoped`, with its parameters: $1 is always the
 * organization, $2 the caller when the scope is `mine`. Kept as two literal statements (rather than
 * `$2 is null or ...`) so each gets its own plan: `mine` combines the (organization, recruiter,
 * status) and (organization, hiring manager, status) indexes, `all` reads (organization, status).
 */
function scoped(organizationId: string, userId: string, scope: Scope): { sql: string; params: unknown[] } {
  return scope === 'mine'
    ? {
        sql: `scoped as (
                select o.id, o.title, o.hiring_manager_id, o.recruiter_id
                  from openings o
                 where o.organization_id = $1 and o.status = 'open'
                   and (o.recruiter_id = $2 or o.hiring_manager_id = $2))`,
        params: [organizationId, userId],
      }
    : {
        sql: `scoped as (
                select o.id, o.title, o.hiring_manager_id, o.recruiter_id
                  from openings o
                 where o.organization_id = $1 and o.status = 'open')`,
        params: [organizationId],
      };
}

@Injectable()
export class HomeRepository {
  constructor(private readonly db: Db) {}

  /**
   * Open openings in scope, by title, at most `limit`, each with its application count per stage
   * (every stage present, 0 when none) from one grouped query over the (organization, opening,
   * stage) index.
   */
  async openings(organizationId: string, userId: string, scope: Scope, limit: number): Promise<HomeOpening[]> {
    const s = scoped(organizationId, userId, scope);
    const n = s.params.length;
    const rows = await this.db.query<
      (Cols<'openings', 'id' | 'title'> & { counts: Partial<Record<Stage, number>> } & LeftJoined<
          As<'users', { hm_id: 'id'; hm_name: 'name' }>
        > &
        LeftJoined<As<'users', { r_id: 'id'; r_name: 'name' }>>)[]
    >(
      `with ${s.sql},
            shown as (select * from scoped order by lower(title), id limit $${n + 1}),
            counts as (
              select a.opening_id, a.stage, count(*)::int as n
                from applications a
               where a.organization_id = $1 and a.opening_id in (select id from shown)
               group by a.opening_id, a.stage)
       select sh.id, sh.title, hm.id as hm_id, hm.name as hm_name, r.id as r_id, r.name as r_name,
              coalesce(json_object_agg(c.stage, c.n) filter (where c.stage is not null), '{}') as counts
         from shown sh
         left join counts c on c.opening_id = sh.id
         left join users hm on hm.organization_id = $1 and hm.id = sh.hiring_manager_id
         left join users r on r.organization_id = $1 and r.id = sh.recruiter_id
        group by sh.id, sh.title, hm.id, hm.name, r.id, r.name
        order by lower(sh.title), sh.id`,
      [...s.params, limit],
    );
    return rows.map((r) => {
      const counts = Object.fromEntries(STAGES.map((stage) => [stage, r.counts[stage] ?? 0])) as Record<Stage, number>;
      return {
        id: r.id,
        title: r.title,
        hiringManager: r.hm_id === null ? null : { id: r.hm_id, name: r.hm_name },
        recruiter: r.r_id === null ? null : { id: r.r_id, name: r.r_name },
        counts,
        active: ACTIVE_STAGES.reduce((sum, stage) => sum + counts[stage], 0),
      };
    });
  }

  /** The organization's stuck limit (its settings' `stuckDays`), which the pipeline board uses too. */
  async organizationStuckDays(organizationId: string): Promise<number> {
    const rows = await this.db.query<Cols<'organizations', 'stuck_days'>[]>(
      `select stuck_days from organizations where id = $1`,
      [organizationId],
    );
    return rows[0]?.stuck_days ?? 7;
  }

  /**
   * Applications of the openings in scope that have sat in an active stage for more than
   * `stuckDays` days, oldest first, at most `limit`, with the count of all of them.
   */
  async stuck(
    organizationId: string,
    userId: string,
    scope: Scope,
    stuckDays: number,
    limit: number,
  ): Promise<RecruiterHome['stuck']> {
    const s = scoped(organizationId, userId, scope);
    const n = s.params.length;
    const rows = await this.db.query<
      (Cols<'applications', 'id' | 'stage' | 'stage_entered_at'> & CandidateAs & OpeningAs & { total: number })[]
    >(
      `with ${s.sql}
       select a.id, a.stage, a.stage_entered_at, c.id as candidate_id, c.name as candidate_name,
              sc.id as opening_id, sc.title as opening_title, count(*) over ()::int as total
         from scoped sc
         join applications a on a.organization_id = $1 and a.opening_id = sc.id
         join candidates c on c.organization_id = $1 and c.id = a.candidate_id
        where a.stage = any($${n + 1}::text[])
          and a.stage_entered_at < now() - make_interval(days => $${n + 2})
        order by a.stage_entered_at, a.id
        limit $${n + 3}`,
      [...s.params, [...ACTIVE_STAGES], stuckDays, limit],
    );
    const items: StuckItem[] = rows.map((r) => ({
      applicationId: r.id,
      candidate: { id: r.candidate_id, name: r.candidate_name },
      opening: { id: r.opening_id, title: r.opening_title },
      stage: r.stage,
      stageEnteredAt: r.stage_entered_at.toISOString(),
    }));
    return { total: rows[0]?.total ?? 0, items };
  }

  /**
   * Draft scorecards of scheduled interviews whose feedback is past due, for applications of the
   * openings in scope that are still in the running (a rejected or withdrawn candidate's feedback is
   * not chased), most overdue first, at most `limit`, with the count of all of them.
   */
  async overdue(
    organizationId: string,
    userId: string,
    scope: Scope,
    limit: number,
  ): Promise<RecruiterHome['overdue']> {
    const s = scoped(organizationId, userId, scope);
    const n = s.params.length;
    const rows = await this.db.query<
      (Cols<'interviews', 'step_name' | 'feedback_due_at'> &
        CandidateAs &
        OpeningAs & {
          scorecard_id: Col<'scorecards', 'id'>;
          interview_id: Col<'interviews', 'id'>;
          application_id: Col<'applications', 'id'>;
          interviewer_id: Col<'users', 'id'>;
          interviewer_name: Col<'users', 'name'>;
          last_reminded_at: Col<'scorecard_reminders', 'created_at'> | null;
          total: number;
        })[]
    >(
      `with ${s.sql}
       select sc.id as scorecard_id, i.id as interview_id, a.id as application_id, i.step_name, i.feedback_due_at,
              c.id as candidate_id, c.name as candidate_name, o.id as opening_id, o.title as opening_title,
              u.id as interviewer_id, u.name as interviewer_name, count(*) over ()::int as total,
              (select max(r.created_at) from scorecard_reminders r
                where r.organization_id = $1 and r.interview_id = i.id and r.step is null) as last_reminded_at
         from scoped o
         join applications a on a.organization_id = $1 and a.opening_id = o.id
         join scorecards sc on sc.organization_id = $1 and sc.application_id = a.id and sc.status = 'draft'
                           and not sc.shadow
         join interviews i on i.organization_id = $1 and i.id = sc.interview_id
         join candidates c on c.organization_id = $1 and c.id = a.candidate_id
         join users u on u.organization_id = $1 and u.id = sc.interviewer_id
        where i.status = 'scheduled' and i.feedback_due_at < now()
          and a.stage not in ('rejected', 'withdrawn')
        order by i.feedback_due_at, sc.id
        limit $${n + 1}`,
      [...s.params, limit],
    );
    const items: OverdueItem[] = rows.map((r) => ({
      scorecardId: r.scorecard_id,
      interviewId: r.interview_id,
      applicationId: r.application_id,
      candidate: { id: r.candidate_id, name: r.candidate_name },
      opening: { id: r.opening_id, title: r.opening_title },
      step: r.step_name,
      interviewer: { id: r.interviewer_id, name: r.interviewer_name },
      feedbackDueAt: r.feedback_due_at.toISOString(),
      lastRemindedAt: r.last_reminded_at?.toISOString() ?? null,
    }));
    return { total: rows[0]?.total ?? 0, items };
  }
}
