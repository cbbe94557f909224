import { Injectable } from '@nestjs/common';
import type {
  DecisionWaiting,
  HomeInterview,
  InterviewerHome,
  Role,
  RubricContent,
  ScorecardDueState,
  ScorecardsToWrite,
  SubmittedScorecard,
} from '@scorecard/contracts';
import { ROLES } from '@scorecard/contracts';
import { Db, type CandidateAs, type Col, type Cols, type OpeningAs } from '../../database/db.js';

/** The caller's own live scorecards on an application, as the statements count them. */
interface OwnCounts {
  own_drafts: number;
  own_submitted: number;
}

/** A scorecard of the caller's with its interview, candidate and opening, as the lists read it. */
type CardRow = Cols<'interviews', 'step_name'> &
  Pick<CandidateAs, 'candidate_name'> &
  OpeningAs & { scorecard_id: Col<'scorecards', 'id'>; interview_id: Col<'interviews', 'id'> };

/** The fields every home list shows of such a scorecard. */
const card = (r: CardRow) => ({
  interviewId: r.interview_id,
  scorecardId: r.scorecard_id,
  candidate: { name: r.candidate_name },
  opening: { id: r.opening_id, title: r.opening_title },
  step: r.step_name,
});

export interface DayBounds {
  now: Date;
  todayStartsAt: Date;
  tomorrowStartsAt: Date;
  weekEndsAt: Date;
}

/** A decision waiting, before the panel's figures are added, with the caller's own live scorecards. */
export type DecisionRow = Omit<DecisionWaiting, 'panel'> & {
  rubricVersionId: string | null;
  own: { ownDrafts: number; ownSubmitted: number };
};

/**
 * The queries of the interviewer's and the hiring manager's homes. Each list is one query that
 * returns at most `limit` rows and the count of all of them; every query filters by organization.
 */
@Injectable()
export class QueuesRepository {
  constructor(private readonly db: Db) {}

  /**
   * Today's start, tomorrow's start and the end of the 7-day week in `timeZone`, computed by
   * PostgreSQL on local dates (so a day across a daylight-saving change is 23 or 25 hours), and the
   * transaction's clock.
   */
  async dayBounds(timeZone: string): Promise<DayBounds> {
    const rows = await this.db.query<{ now: Date; today: Date; tomorrow: Date; week_end: Date }[]>(
      `select now() as now,
              date_trunc('day', now() at time zone $1) at time zone $1 as today,
              (date_trunc('day', now() at time zone $1) + interval '1 day') at time zone $1 as tomorrow,
              (date_trunc('day', now() at time zone $1) + interval '7 days') at time zone $1 as week_end`,
      [timeZone],
    );
    const r = rows[0]!;
    return {
      now: r.now,
      todayStartsAt: r.today,
      tomorrowStartsAt: r.tomorrow,
      weekEndsAt: r.week_end,
    };
  }

  /**
   * The caller's scheduled interviews (with a live scorecard of theirs) starting today or later in
   * the week, earliest first, at most `limit` of each, with the count of each.
   */
  async interviews(
    organizationId: string,
    userId: string,
    b: DayBounds,
    limit: number,
  ): Promise<Pick<InterviewerHome, 'today' | 'thisWeek'>> {
    const rows = await this.db.query<
      (CardRow &
        Cols<'scorecards', 'status'> &
        Cols<'interviews', 'starts_at' | 'duration_minutes'> & { bucket: 'today' | 'week'; total: number })[]
    >(
      `with mine as (
         select s.id as scorecard_id, s.status, i.id as interview_id, i.application_id, i.step_name,
                i.starts_at, i.duration_minutes,
                case when i.starts_at < $4 then 'today' else 'week' end as bucket
           from scorecards s
           join interviews i on i.organization_id = s.organization_id and i.id = s.interview_id
          where s.organization_id = $1 and s.interviewer_id = $2 and s.status in ('draft', 'submitted')
            and i.status = 'scheduled' and i.starts_at >= $3 and i.starts_at < $5),
       ranked as (
         select m.*, count(*) over (partition by m.bucket)::int as total,
                row_number() over (partition by m.bucket order by m.starts_at, m.scorecard_id) as rn
           from mine m)
       select r.*, c.name as candidate_name, o.id as opening_id, o.title as opening_title
         from ranked r
         join applications a on a.organization_id = $1 and a.id = r.application_id
         join candidates c on c.organization_id = $1 and c.id = a.candidate_id
         join openings o on o.organization_id = $1 and o.id = a.opening_id
        where r.rn <= $6
        order by r.starts_at, r.scorecard_id`,
      [organizationId, userId, b.todayStartsAt, b.tomorrowStartsAt, b.weekEndsAt, limit],
    );
    const out: Pick<InterviewerHome, 'today' | 'thisWeek'> = {
      today: { total: 0, items: [] },
      thisWeek: { total: 0, items: [] },
    };
    for (const r of rows) {
      const list = r.bucket === 'today' ? out.today : out.thisWeek;
      list.total = r.total;
      const item: HomeInterview = {
        ...card(r),
        startsAt: r.starts_at.toISOString(),
        durationMinutes: r.duration_minutes,
        // `mine` holds drafts and submitted scorecards only.
        scorecardStatus: r.status as HomeInterview['scorecardStatus'],
      };
      list.items.push(item);
    }
    return out;
  }

  /**
   * The caller's live draft scorecards of scheduled interviews, earliest feedback due first, at
   * most `limit`, with the count in each state: `overdue` past the feedback due time, `due` once
   * the interview has ended, `draft` before.
   */
  async toWrite(organizationId: string, userId: string, limit: number): Promise<ScorecardsToWrite> {
    const rows = await this.db.query<
      ({ n_all: number; n_draft: number; n_due: number; n_overdue: number } & (
        | (CardRow & Cols<'interviews', 'starts_at' | 'feedback_due_at'> & { ends_at: Date; state: ScorecardDueState })
        | { scorecard_id: null }
      ))[]
    >(
      `with mine as (
         select s.id as scorecard_id, i.id as interview_id, i.application_id, i.step_name, i.starts_at,
                i.starts_at + make_interval(mins => i.duration_minutes) as ends_at, i.feedback_due_at,
                case when i.feedback_due_at < now() then 'overdue'
                     when i.starts_at + make_interval(mins => i.duration_minutes) <= now() then 'due'
                     else 'draft' end as state
           from scorecards s
           join interviews i on i.organization_id = s.organization_id and i.id = s.interview_id
          where s.organization_id = $1 and s.interviewer_id = $2 and s.status = 'draft'
            and i.status = 'scheduled'),
       counts as (
         select count(*)::int as n_all,
                count(*) filter (where state = 'draft')::int as n_draft,
                count(*) filter (where state = 'due')::int as n_due,
                count(*) filter (where state = 'overdue')::int as n_overdue
           from mine)
       select counts.*, p.*
         from counts
         left join lateral (
           select m.*, c.name as candidate_name, o.id as opening_id, o.title as opening_title
             from mine m
             join applications a on a.organization_id = $1 and a.id = m.application_id
             join candidates c on c.organization_id = $1 and c.id = a.candidate_id
             join openings o on o.organization_id = $1 and o.id = a.opening_id
            order by m.feedback_due_at, m.scorecard_id
            limit $3) p on true`,
      [organizationId, userId, limit],
    );
    const first = rows[0]!;
    return {
      total: first.n_all,
      counts: { draft: first.n_draft, due: first.n_due, overdue: first.n_overdue },
      items: rows.flatMap((r) =>
        r.scorecard_id === null
          ? []
          : [
              {
                ...card(r),
                startsAt: r.starts_at.toISOString(),
                endsAt: r.ends_at.toISOString(),
                feedbackDueAt: r.feedback_due_at.toISOString(),
                state: r.state,
              },
            ],
      ),
    };
  }

  /**
   * The caller's submitted scorecards, newest first, at most `limit`, each with the caller's own
   * live scorecards on its application (for the independence rule), and the count of all of them.
   */
  async submitted(
    organizationId: string,
    userId: string,
    limit: number,
  ): Promise<{
    total: number;
    items: (Omit<SubmittedScorecard, 'debriefOpen'> & { own: { ownDrafts: number; ownSubmitted: number } })[];
  }> {
    const rows = await this.db.query<
      (CardRow &
        Cols<'scorecards', 'application_id'> & {
          submitted_at: NonNullable<Col<'scorecards', 'submitted_at'>>;
          drafts: number;
          submitted: number;
          total: number;
        })[]
    >(
      `select s.id as scorecard_id, s.interview_id, s.application_id, s.submitted_at, i.step_name,
              c.name as candidate_name, o.id as opening_id, o.title as opening_title,
              own.drafts, own.submitted, count(*) over ()::int as total
         from scorecards s
         join interviews i on i.organization_id = $1 and i.id = s.interview_id
         join applications a on a.organization_id = $1 and a.id = s.application_id
         join candidates c on c.organization_id = $1 and c.id = a.candidate_id
         join openings o on o.organization_id = $1 and o.id = a.opening_id
         cross join lateral (
           select count(*) filter (where x.status = 'draft')::int as drafts,
                  count(*) filter (where x.status = 'submitted')::int as submitted
             from scorecards x
            where x.organization_id = $1 and x.application_id = s.application_id
              and x.interviewer_id = $2 and x.status <> 'void') own
        where s.organization_id = $1 and s.interviewer_id = $2 and s.status = 'submitted'
        order by s.submitted_at desc, s.id
        limit $3`,
      [organizationId, userId, limit],
    );
    return {
      total: rows[0]?.total ?? 0,
      items: rows.map((r) => ({
        scorecardId: r.scorecard_id,
        interviewId: r.interview_id,
        applicationId: r.application_id,
        candidate: { name: r.candidate_name },
        opening: { id: r.opening_id, title: r.opening_title },
        step: r.step_name,
        submittedAt: r.submitted_at.toISOString(),
        own: { ownDrafts: r.drafts, ownSubmitted: r.submitted },
      })),
    };
  }

  /**
   * Applications in the debrief stage of the openings whose hiring manager is `userId` (every
   * opening when `userId` is null), longest in debrief first, at most `limit`, each with its
   * submitted and expected scorecards and the caller's own live ones, and the count of all of them.
   */
  async decisionsWaiting(
    organizationId: string,
    callerId: string,
    hiringManagerId: string | null,
    limit: number,
  ): Promise<{ total: number; items: DecisionRow[] }> {
    const owner = hiringManagerId === null ? '' : 'and o.hiring_manager_id = $4';
    const rows = await this.db.query<
      (Cols<'applications', 'id' | 'stage_entered_at'> &
        Cols<'openings', 'rubric_version_id'> &
        CandidateAs &
        OpeningAs &
        OwnCounts & { submitted: number; expected: number; total: number })[]
    >(
      `select a.id, a.stage_entered_at, c.id as candidate_id, c.name as candidate_name,
              o.id as opening_id, o.title as opening_title, o.rubric_version_id,
              cards.submitted, cards.expected, cards.own_drafts, cards.own_submitted,
              count(*) over ()::int as total
         from applications a
         join openings o on o.organization_id = $1 and o.id = a.opening_id
         join candidates c on c.organization_id = $1 and c.id = a.candidate_id
         cross join lateral (
           select count(*) filter (where s.status = 'submitted')::int as submitted,
                  count(*) filter (where s.status = 'submitted' or i.status = 'scheduled')::int as expected,
                  count(*) filter (where s.status = 'draft' and s.interviewer_id = $2)::int as own_drafts,
                  count(*) filter (where s.status = 'submitted' and s.interviewer_id = $2)::int as own_submitted
             from scorecards s
             join interviews i on i.organization_id = s.organization_id and i.id = s.interview_id
            where s.organization_id = $1 and s.application_id = a.id and s.status in ('draft', 'submitted')
              and not s.shadow) cards
        where a.organization_id = $1 and a.stage = 'debrief' ${owner}
        order by a.stage_entered_at, a.id
        limit $3`,
      hiringManagerId === null ? [organizationId, callerId, limit] : [organizationId, callerId, limit, hiringManagerId],
    );
    return {
      total: rows[0]?.total ?? 0,
      items: rows.map((r) => ({
        applicationId: r.id,
        candidate: { id: r.candidate_id, name: r.candidate_name },
        opening: { id: r.opening_id, title: r.opening_title },
        stageEnteredAt: r.stage_entered_at.toISOString(),
        scorecards: { submitted: r.submitted, expected: r.expected },
        rubricVersionId: r.rubric_version_id,
        own: { ownDrafts: r.own_drafts, ownSubmitted: r.own_submitted },
      })),
    };
  }

  /** The competencies (with their criteria) of rubric versions, in rubric order, by version id. */
  async rubricCompetencies(
    organizationId: string,
    versionIds: readonly string[],
  ): Promise<Map<string, RubricContent['competencies']>> {
    if (versionIds.length === 0) return new Map();
    const rows = await this.db.query<
      (Cols<'rubric_versions', 'id'> & { competencies: RubricContent['competencies'] | null })[]
    >(
      `select rv.id, rv.content -> 'competencies' as competencies
         from rubric_versions rv
        where rv.organization_id = $1 and rv.id = any($2::uuid[])`,
      [organizationId, versionIds],
    );
    return new Map(rows.map((r) => [r.id, r.competencies ?? []]));
  }

  /** The admin's counts: active people by role, and audit events of the last 7 days. */
  async adminCounts(
    organizationId: string,
  ): Promise<{ users: { active: number; byRole: Record<Role, number> }; auditEventsLastWeek: number }> {
    const rows = await this.db.query<{ by_role: Partial<Record<Role, number>>; audit: number }[]>(
      `select (select coalesce(json_object_agg(role, n), '{}')
                 from (select role, count(*)::int as n from users
                        where organization_id = $1 and active group by role) r) as by_role,
              (select count(*)::int from audit_events
                where organization_id = $1 and occurred_at > now() - interval '7 days') as audit`,
      [organizationId],
    );
    const found = rows[0]!.by_role;
    const byRole = Object.fromEntries(ROLES.map((r) => [r, found[r] ?? 0])) as Record<Role, number>;
    return {
      users: { active: ROLES.reduce((sum, r) => sum + byRole[r], 0), byRole },
      auditEventsLastWeek: rows[0]!.audit,
    };
  }
}
