import { Injectable } from '@nestjs/common';
import type { Application, BoardCard, Stage, StageMove, StageReason } from '@scorecard/contracts';
import type { UndoneMove } from '@scorecard/domain';
import type { EntityManager } from 'typeorm';
import { Db, isUniqueViolation, type CandidateAs, type Cols, type OpeningAs } from '../../database/db.js';

export class AlreadyAppliedError extends Error {}

/** A card's place in its column: the time it entered the stage (microseconds, UTC) and its id. */
export type BoardPosition = { enteredAt: string; id: string };

/** A card's or an application's candidate, as `find` and `board` read them. */
type CandidateCols = Cols<'candidates', 'current_title' | 'current_company'>;

@Injectable()
export class ApplicationsRepository {
  constructor(private readonly db: Db) {}

  async insert(organizationId: string, candidateId: string, openingId: string, m: EntityManager): Promise<string> {
    try {
      const [row] = await m.query<Cols<'applications', 'id'>[]>(
        `insert into applications (organization_id, candidate_id, opening_id, stage) values ($1, $2, $3, 'applied') returning id`,
        [organizationId, candidateId, openingId],
      );
      return row!.id;
    } catch (err) {
      if (isUniqueViolation(err, 'applications_org_opening_candidate_key')) throw new AlreadyAppliedError();
      throw err;
    }
  }

  async lock(organizationId: string, id: string, m: EntityManager): Promise<{ stage: Stage; revision: number } | null> {
    const rows = await m.query<Cols<'applications', 'stage' | 'revision'>[]>(
      `select stage, revision from applications where organization_id = $1 and id = $2 for update`,
      [organizationId, id],
    );
    return rows[0] ?? null;
  }

  async setStage(organizationId: string, id: string, stage: Stage, m: EntityManager): Promise<void> {
    await m.query(
      `update applications set stage = $3, stage_entered_at = now(), revision = revision + 1, updated_at = now()
        where organization_id = $1 and id = $2`,
      [organizationId, id, stage],
    );
  }

  /** The organization's stuck limit (days in an active stage). */
  async stuckDays(organizationId: string): Promise<number> {
    const rows = await this.db.query<Cols<'organizations', 'stuck_days'>[]>(
      `select stuck_days from organizations where id = $1`,
      [organizationId],
    );
    return rows[0]?.stuck_days ?? 7;
  }

  async bumpRevision(organizationId: string, id: string, m: EntityManager): Promise<void> {
    await m.query(
      `update applications set revision = revision + 1, updated_at = now() where organization_id = $1 and id = $2`,
      [organizationId, id],
    );
  }

  async recordMove(
    organizationId: string,
    move: {
      applicationId: string;
      from: Stage | null;
      to: Stage;
      reason: StageReason | null;
      note: string;
      by: string;
      undoes?: string | null;
    },
    m: EntityManager,
  ): Promise<void> {
    await m.query(
      `insert into application_moves (organization_id, application_id, from_stage, to_stage, reason, note, moved_by, undoes)
       values ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [organizationId, move.applicationId, move.from, move.to, move.reason, move.note, move.by, move.undoes ?? null],
    );
  }

  /**
   * The application's latest move (read under the application's lock), with whether it undid
   * another and whether a decision made it (a decision and its move share their transaction's time).
   */
  async lastMove(organizationId: string, applicationId: string, m: EntityManager): Promise<UndoneMove | null> {
    const rows = await m.query<
      (Cols<'application_moves', 'id' | 'from_stage' | 'to_stage' | 'moved_by' | 'moved_at'> & {
        is_undo: boolean;
        by_decision: boolean;
      })[]
    >(
      `select mv.id, mv.from_stage, mv.to_stage, mv.moved_by, mv.moved_at, mv.undoes is not null as is_undo,
              exists (select 1 from application_decisions d
                       where d.organization_id = mv.organization_id and d.application_id = mv.application_id
                         and d.decided_at = mv.moved_at) as by_decision
         from application_moves mv
        where mv.organization_id = $1 and mv.application_id = $2
        order by mv.moved_at desc, mv.id desc
        limit 1`,
      [organizationId, applicationId],
    );
    const r = rows[0];
    if (!r) return null;
    return {
      id: r.id,
      from: r.from_stage,
      to: r.to_stage,
      by: r.moved_by,
      at: r.moved_at,
      isUndo: r.is_undo,
      byDecision: r.by_decision,
    };
  }

  /** The application with its candidate, opening and full stage timeline, in one round trip. */
  async find(organizationId: string, id: string): Promise<Application | null> {
    const rows = await this.db.query<
      (Cols<'applications', 'id' | 'stage' | 'stage_entered_at' | 'revision' | 'created_at'> &
        CandidateAs &
        CandidateCols &
        OpeningAs & {
          history: (Omit<StageMove, 'at'> & { at: string })[];
          interview_events: (Omit<Application['interviewEvents'][number], 'at' | 'startsAt'> & {
            at: string;
            startsAt: string;
          })[];
        })[]
    >(
      `select a.id, a.stage, a.stage_entered_at, a.revision, a.created_at,
              c.id as candidate_id, c.name as candidate_name, c.current_title, c.current_company,
              o.id as opening_id, o.title as opening_title,
              coalesce((select json_agg(json_build_object(
                         'id', mv.id, 'from', mv.from_stage, 'to', mv.to_stage, 'reason', mv.reason, 'note', mv.note,
                         'by', case when u.id is null then null else json_build_object('id', u.id, 'name', u.name) end,
                         'at', mv.moved_at, 'undoes', mv.undoes) order by mv.moved_at, mv.id)
                  from application_moves mv
                  left join users u on u.organization_id = mv.organization_id and u.id = mv.moved_by
                 where mv.organization_id = a.organization_id and mv.application_id = a.id), '[]') as history,
              coalesce((select json_agg(e order by e.at, e.kind desc) from (
                  select 'interview_scheduled' as kind, i.id as "interviewId", i.step_name as step,
                         json_build_object('id', iu.id, 'name', iu.name) as interviewer, i.starts_at as "startsAt",
                         case when cu.id is null then null else json_build_object('id', cu.id, 'name', cu.name) end as by,
                         i.created_at as at
                    from interviews i
                    join users iu on iu.organization_id = i.organization_id and iu.id = i.interviewer_id
                    left join users cu on cu.organization_id = i.organization_id and cu.id = i.created_by
                   where i.organization_id = a.organization_id and i.application_id = a.id
                  union all
                  select 'interview_cancelled', i.id, i.step_name,
                         json_build_object('id', iu.id, 'name', iu.name), i.starts_at,
                         case when xu.id is null then null else json_build_object('id', xu.id, 'name', xu.name) end,
                         i.cancelled_at
                    from interviews i
                    join users iu on iu.organization_id = i.organization_id and iu.id = i.interviewer_id
                    left join users xu on xu.organization_id = i.organization_id and xu.id = i.cancelled_by
                   where i.organization_id = a.organization_id and i.application_id = a.id
                     and i.status = 'cancelled' and i.cancelled_at is not null) e), '[]') as interview_events
         from applications a
         join candidates c on c.organization_id = a.organization_id and c.id = a.candidate_id
         join openings o on o.organization_id = a.organization_id and o.id = a.opening_id
        where a.organization_id = $1 and a.id = $2`,
      [organizationId, id],
    );
    const r = rows[0];
    if (!r) return null;
    return {
      id: r.id,
      candidate: {
        id: r.candidate_id,
        name: r.candidate_name,
        currentTitle: r.current_title,
        currentCompany: r.current_company,
      },
      opening: { id: r.opening_id, title: r.opening_title },
      stage: r.stage,
      stageEnteredAt: r.stage_entered_at.toISOString(),
      revision: r.revision,
      history: r.history.map((h) => ({ ...h, at: new Date(h.at).toISOString() })),
      interviewEvents: r.interview_events.map((e) => ({
        ...e,
        startsAt: new Date(e.startsAt).toISOString(),
        at: new Date(e.at).toISOString(),
      })),
      createdAt: r.created_at.toISOString(),
    };
  }

  /** How many applications of the opening are in each stage (an index-only count over the board index). */
  async columnCounts(organizationId: string, openingId: string, stages: readonly Stage[]): Promise<Map<Stage, number>> {
    const rows = await this.db.query<(Cols<'applications', 'stage'> & { n: number })[]>(
      `select stage, count(*)::int as n from applications
        where organization_id = $1 and opening_id = $2 and stage = any($3::text[])
        group by stage`,
      [organizationId, openingId, stages],
    );
    return new Map(rows.map((r) => [r.stage, r.n]));
  }

  /**
   * Up to `limit` cards of each of `stages`, oldest in stage first (`stage_entered_at`, then id),
   * after `after` when given; one more is read per stage to tell whether more follow. Each column is
   * a `limit` walk of the (organization, opening, stage, stage_entered_at, id) index, so the cost
   * follows the cards shown, not the opening nor the organization; everything else is looked up per
   * card shown.
   *
   * A card shows a dealbreaker when a submitted scorecard of the application ticked a red flag that
   * its checklist version rates a dealbreaker; never to a viewer who still owes a draft scorecard
   * on that application, who must not learn the panel's opinion before giving their own.
   */
  async columnCards(
    organizationId: string,
    openingId: string,
    page: { stages: readonly Stage[]; limit: number; after: BoardPosition | null },
    viewerId: string,
    stuckDays: number,
  ): Promise<{ cards: BoardCard[]; next: Map<Stage, BoardPosition> }> {
    const rows = await this.db.query<
      (Cols<'applications', 'id' | 'stage' | 'stage_entered_at' | 'revision'> &
        Cols<'candidates', 'name'> &
        CandidateCols &
        Pick<CandidateAs, 'candidate_id'> & {
          entered_key: string;
          n: number;
          more: boolean;
          stuck: boolean;
          interviews: number;
          scorecards_in: number;
          dealbreaker: boolean;
        })[]
    >(
      `with picked as (
         select x.* from unnest($3::text[]) as col(stage)
          cross join lateral (
            select a.id, a.candidate_id, a.stage, a.stage_entered_at, a.revision,
                   row_number() over (order by a.stage_entered_at, a.id)::int as n
              from applications a
             where a.organization_id = $1 and a.opening_id = $2 and a.stage = col.stage
               and ($6::timestamptz is null or (a.stage_entered_at, a.id) > ($6::timestamptz, $7::uuid))
             order by a.stage_entered_at, a.id
             limit $4::int + 1) x)
       select x.id, x.stage, x.stage_entered_at, x.revision, x.n,
              -- Only the last card shown needs it: whether its column has a card after it.
              x.n = $4::int and exists (select 1 from picked p where p.stage = x.stage and p.n > $4::int) as more,
              -- The exact position (microseconds, UTC) for the cursor: a JS Date keeps milliseconds only.
              to_char(x.stage_entered_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') as entered_key,
              x.stage in ('applied', 'screen', 'interviews', 'debrief', 'offer')
              and x.stage_entered_at < now() - make_interval(days => $8::int) as stuck,
              c.id as candidate_id, c.name, c.current_title, c.current_company,
              (select count(*)::int from interviews i
                where i.organization_id = $1 and i.application_id = x.id and i.status = 'scheduled'
                  and i.companion_of is null) as interviews,
              (select count(*)::int from scorecards s
                where s.organization_id = $1 and s.application_id = x.id and s.status = 'submitted'
                  and not s.shadow) as scorecards_in,
              coalesce(flag.ticked, false)
              and not exists (select 1 from scorecards d
                               where d.organization_id = $1 and d.application_id = x.id and d.status = 'draft'
                                 and d.interviewer_id = $5) as dealbreaker
         from picked x
         -- Per card shown. \`offset 0\` keeps PostgreSQL from hashing all the organization's
         -- candidates for an opening with thousands of applications.
         cross join lateral (
           select c.id, c.name, c.current_title, c.current_company from candidates c
            where c.organization_id = $1 and c.id = x.candidate_id offset 0) c
         -- Per card, through the application's own scorecards: as an EXISTS, PostgreSQL hashes the
         -- dealbreakers of the whole organization first.
         left join lateral (
           select true as ticked from scorecards s
             join scorecard_red_flags f on f.organization_id = s.organization_id and f.scorecard_id = s.id
             join red_flag_checklist_versions cv on cv.organization_id = s.organization_id
                                                and cv.id = s.checklist_version_id
            where s.organization_id = $1 and s.application_id = x.id and s.status = 'submitted' and not s.shadow
              and cv.content -> 'items' @> jsonb_build_array(
                    jsonb_build_object('key', f.flag_key, 'severity', 'dealbreaker'))
            limit 1) flag on true
        where x.n <= $4::int
        order by x.stage, x.n`,
      [
        organizationId,
        openingId,
        page.stages,
        page.limit,
        viewerId,
        page.after?.enteredAt ?? null,
        page.after?.id ?? null,
        stuckDays,
      ],
    );
    // The (limit + 1)th card of a stage is read only to know that more follow (`more`).
    const next = new Map<Stage, BoardPosition>();
    const cards = rows.map((r) => {
      if (r.more) next.set(r.stage, { enteredAt: r.entered_key, id: r.id });
      return {
        applicationId: r.id,
        candidate: {
          id: r.candidate_id,
          name: r.name,
          currentTitle: r.current_title,
          currentCompany: r.current_company,
        },
        stage: r.stage,
        stageEnteredAt: r.stage_entered_at.toISOString(),
        revision: r.revision,
        scorecardsIn: r.scorecards_in,
        interviews: r.interviews,
        dealbreaker: r.dealbreaker,
        stuck: r.stuck,
      };
    });
    return { cards, next };
  }
}
