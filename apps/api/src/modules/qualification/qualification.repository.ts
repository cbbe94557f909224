import { Injectable } from '@nestjs/common';
import type { QualificationSettings } from '@scorecard/contracts';
import type { OffsetStats, QualificationLevel, TrainingMode } from '@scorecard/domain';
import type { EntityManager } from 'typeorm';
import { Db, type Cols } from '../../database/db.js';

const SETTINGS = `shadow_sessions_required as "shadowSessions",
  reverse_shadow_sessions_required as "reverseShadowSessions",
  qualification_needs_calibration as "needsCalibration",
  new_interviewers_shadow_since as "shadowSince"`;

export interface SettingsRow {
  shadowSessions: number;
  reverseShadowSessions: number;
  needsCalibration: boolean;
  shadowSince: Date | null;
}

export const toSettings = (r: SettingsRow): QualificationSettings => ({
  shadowSessions: r.shadowSessions,
  reverseShadowSessions: r.reverseShadowSessions,
  needsCalibration: r.needsCalibration,
  newInterviewersShadow: r.shadowSince !== null,
  newInterviewersShadowSince: r.shadowSince?.toISOString() ?? null,
});

/** A member as qualification reads them: when they were created (for the default level) and their recorded levels. */
export interface MemberRow {
  id: string;
  name: string;
  created_at: Date;
  levels: Record<string, QualificationLevel>;
}

/** The main seat of an interview that a training seat is added to, locked. */
export interface SeatTarget {
  id: string;
  application_id: string;
  interviewer_id: string;
  status: 'scheduled' | 'cancelled';
  focus_competency_keys: string[];
  companion_of: string | null;
  training: string | null;
  scorecard_id: string | null;
  scorecard_status: string | null;
  rubric_version_id: string | null;
  checklist_version_id: string | null;
  has_companion: boolean;
}

/** A training pairing seen from one of its two seats: the mode, the step's focus, and the other seat. */
export interface Pairing {
  training: TrainingMode;
  /** Whether the seat asked about is the lead's (the other one sits beside it). */
  is_lead: boolean;
  focus_competency_keys: string[];
  partner_interviewer_id: string;
}

/**
 * Interviewer qualification in SQL: the settings, the competencies, members' recorded levels,
 * their completed sessions, the calibration check's statistics, promotions and training seats.
 */
@Injectable()
export class QualificationRepository {
  constructor(private readonly db: Db) {}

  async settings(organizationId: string): Promise<SettingsRow | null> {
    const [row] = await this.db.query<SettingsRow[]>(`select ${SETTINGS} from organizations where id = $1`, [
      organizationId,
    ]);
    return row ?? null;
  }

  /** Changes the settings given; `newInterviewersShadow` on keeps an existing start time, off clears it. */
  async updateSettings(
    organizationId: string,
    change: {
      shadowSessions?: number;
      reverseShadowSessions?: number;
      needsCalibration?: boolean;
      newInterviewersShadow?: boolean;
    },
  ): Promise<SettingsRow | null> {
    const [rows] = await this.db.query<[SettingsRow[], number]>(
      `update organizations
          set shadow_sessions_required = coalesce($2, shadow_sessions_required),
              reverse_shadow_sessions_required = coalesce($3, reverse_shadow_sessions_required),
              qualification_needs_calibration = coalesce($4, qualification_needs_calibration),
              new_interviewers_shadow_since = case when $5::boolean is null then new_interviewers_shadow_since
                                                   when $5 then coalesce(new_interviewers_shadow_since, now())
                                                   else null end
        where id = $1
       returning ${SETTINGS}`,
      [
        organizationId,
        change.shadowSessions ?? null,
        change.reverseShadowSessions ?? null,
        change.needsCalibration ?? null,
        change.newInterviewersShadow ?? null,
      ],
    );
    return rows[0] ?? null;
  }

  /**
   * The competencies people qualify in: those of the latest published version of every rubric not
   * archived, each key once (its name from the oldest rubric that has it), in rubric order.
   */
  async competencies(organizationId: string): Promise<{ key: string; name: string }[]> {
    return this.db.query<{ key: string; name: string }[]>(
      `with latest as (
         select distinct on (rv.rubric_id) rv.rubric_id, rv.content, r.created_at
           from rubric_versions rv
           join rubrics r on r.organization_id = rv.organization_id and r.id = rv.rubric_id
          where rv.organization_id = $1 and rv.status = 'published' and r.archived_at is null
          order by rv.rubric_id, rv.version desc),
       comps as (
         select distinct on (c.v ->> 'key') c.v ->> 'key' as key, c.v ->> 'name' as name, l.created_at, c.n
           from latest l
          cross join jsonb_array_elements(l.content -> 'competencies') with ordinality c(v, n)
          order by c.v ->> 'key', l.created_at, l.rubric_id, c.n)
       select key, name from comps order by created_at, n, key`,
      [organizationId],
    );
  }

  /** Members by id (active or not), with their recorded levels. */
  async members(organizationId: string, ids: readonly string[]): Promise<MemberRow[]> {
    if (ids.length === 0) return [];
    return this.db.query<MemberRow[]>(
      `select u.id, u.name, u.created_at,
              coalesce((select json_object_agg(l.competency_key, l.level) from interviewer_levels l
                         where l.organization_id = u.organization_id and l.user_id = u.id), '{}') as levels
         from users u
        where u.organization_id = $1 and u.id = any($2::uuid[])
        order by lower(u.name), u.id`,
      [organizationId, ids],
    );
  }

  /**
   * Active members that may be in training: a recorded level below qualified, or created since new
   * interviewers start shadowing. With `all`, every active member, a page at a time in SQL.
   */
  async memberIds(
    organizationId: string,
    filter: 'all' | 'training',
    page: { limit: number; offset: number } | null,
  ): Promise<{ ids: string[]; total: number }> {
    const training = `and (exists (select 1 from interviewer_levels l
                                    where l.organization_id = u.organization_id and l.user_id = u.id
                                      and l.level <> 'qualified')
                           or u.created_at >= (select new_interviewers_shadow_since from organizations where id = $1))`;
    const rows = await this.db.query<{ id: string; total: number }[]>(
      `select u.id, count(*) over ()::int as total
         from users u
        where u.organization_id = $1 and u.active ${filter === 'training' ? training : ''}
        order by lower(u.name), u.id
        ${page ? 'limit $2 offset $3' : ''}`,
      page ? [organizationId, page.limit, page.offset] : [organizationId],
    );
    return { ids: rows.map((r) => r.id), total: rows[0]?.total ?? 0 };
  }

  /**
   * Completed sessions per member and competency. A shadow session: the member's seat as the shadow
   * of a pairing, on a step focused on the competency, their scorecard submitted. A reverse-shadow
   * session: an interview they led as the trainee of a reverse shadow, with its observer's seat not
   * cancelled, their scorecard submitted.
   */
  async sessions(
    organizationId: string,
    ids: readonly string[],
  ): Promise<{ user_id: string; competency_key: string; shadow: number; reverse: number }[]> {
    if (ids.length === 0) return [];
    return this.db.query(
      `select i.interviewer_id as user_id, k.key as competency_key,
              count(*) filter (where i.training = 'shadow')::int as shadow,
              count(*) filter (where i.training = 'reverse_shadow' and exists (
                select 1 from interviews o
                 where o.organization_id = i.organization_id and o.companion_of = i.id and o.status = 'scheduled'))::int
                as reverse
         from interviews i
         join scorecards s on s.organization_id = i.organization_id and s.interview_id = i.id
                          and s.status = 'submitted' and s.interviewer_id = i.interviewer_id
        cross join unnest(i.focus_competency_keys) k(key)
        where i.organization_id = $1 and i.interviewer_id = any($2::uuid[]) and i.trainee and i.status = 'scheduled'
        group by i.interviewer_id, k.key`,
      [organizationId, ids],
    );
  }

  /**
   * The calibration check's statistics per member: on every unit (a criterion of an application)
   * they rated in the first submission of a scorecard of theirs (shadow scorecards included: that
   * is the point of the check) and someone else rated on a counted scorecard (never a shadow's, never
   * imported), their rating minus the mean of the others' (each other interviewer's first value);
   * then the count, mean and sample SD of those differences (`matchedUnitOffsets` in packages/domain).
   */
  async offsets(organizationId: string, ids: readonly string[]): Promise<Map<string, OffsetStats>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db.query<{ user_id: string; n: number; mean: number; sd: number | null }[]>(
      `with mine as materialized (
         select distinct on (s.interviewer_id, s.application_id, r.criterion_key)
                s.interviewer_id as user_id, s.application_id, r.criterion_key, r.rating::float8 as rating
           from scorecards s
           join interviews i on i.organization_id = s.organization_id and i.id = s.interview_id
           join scorecard_first_ratings r on r.organization_id = s.organization_id and r.scorecard_id = s.id
          where s.organization_id = $1 and s.interviewer_id = any($2::uuid[]) and s.status = 'submitted'
            and s.imported_at is null and i.step_kind = 'assessment' and r.rating is not null
          order by s.interviewer_id, s.application_id, r.criterion_key, s.submitted_at, s.id),
       others as materialized (
         select distinct on (s.application_id, r.criterion_key, s.interviewer_id)
                s.application_id, r.criterion_key, s.interviewer_id, r.rating::float8 as rating
           from scorecards s
           join interviews i on i.organization_id = s.organization_id and i.id = s.interview_id
           join scorecard_first_ratings r on r.organization_id = s.organization_id and r.scorecard_id = s.id
          where s.organization_id = $1 and s.status = 'submitted' and not s.shadow and s.imported_at is null
            and i.step_kind = 'assessment' and r.rating is not null
            and s.application_id in (select application_id from mine)
          order by s.application_id, r.criterion_key, s.interviewer_id, s.submitted_at, s.id),
       diffs as (
         select m.user_id, m.rating - avg(o.rating) as d
           from mine m
           join others o on o.application_id = m.application_id and o.criterion_key = m.criterion_key
                        and o.interviewer_id <> m.user_id
          group by m.user_id, m.application_id, m.criterion_key, m.rating)
       select user_id, count(*)::int as n, avg(d) as mean, stddev_samp(d) as sd
         from diffs
        group by user_id`,
      [organizationId, ids],
    );
    return new Map(rows.map((r) => [r.user_id, { n: r.n, mean: r.mean, sd: r.sd }]));
  }

  /** Records a member's level in some competencies (a promotion, or the start of training). */
  async setLevels(
    organizationId: string,
    userId: string,
    keys: readonly string[],
    level: QualificationLevel,
    by: string,
    m: EntityManager,
  ): Promise<void> {
    await m.query(
      `insert into interviewer_levels (organization_id, user_id, competency_key, level, set_by)
       select $1, $2, k, $4, $5 from unnest($3::text[]) k
       on conflict (organization_id, user_id, competency_key)
       do update set level = excluded.level, since = now(), set_by = excluded.set_by`,
      [organizationId, userId, keys, level, by],
    );
  }

  /** Locks a member's row, so two promotions of the same person go one after the other. */
  async lockMember(organizationId: string, userId: string, m: EntityManager): Promise<boolean> {
    const rows = await m.query<unknown[]>(
      `select 1 from users where organization_id = $1 and id = $2 and active for update`,
      [organizationId, userId],
    );
    return rows.length > 0;
  }

  /**
   * The live training pairing interview `id` is a seat of (as the lead, or as the seat beside it),
   * or null when it has none. The other seat is locked: a pairing checked here cannot change under
   * the caller until its transaction ends.
   */
  async pairingOf(organizationId: string, id: string, m: EntityManager): Promise<Pairing | null> {
    const rows = await m.query<Pairing[]>(
      `select i.training, i.companion_of is null as is_lead, i.focus_competency_keys,
              p.interviewer_id as partner_interviewer_id
         from interviews i
         join interviews p on p.organization_id = i.organization_id
                          and (p.id = i.companion_of or p.companion_of = i.id)
                          and p.status <> 'cancelled'
        where i.organization_id = $1 and i.id = $2 and i.training is not null and i.status <> 'cancelled'
          for update of p`,
      [organizationId, id],
    );
    return rows[0] ?? null;
  }

  /** The interview a training seat is added to, with its live scorecard, locked. */
  async lockSeatTarget(organizationId: string, id: string, m: EntityManager): Promise<SeatTarget | null> {
    const rows = await m.query<SeatTarget[]>(
      `select i.id, i.application_id, i.interviewer_id, i.status, i.focus_competency_keys, i.companion_of, i.training,
              s.id as scorecard_id, s.status as scorecard_status, s.rubric_version_id, s.checklist_version_id,
              exists (select 1 from interviews c where c.organization_id = i.organization_id and c.companion_of = i.id
                         and c.status <> 'cancelled') as has_companion
         from interviews i
         left join scorecards s on s.organization_id = i.organization_id and s.interview_id = i.id and s.status <> 'void'
        where i.organization_id = $1 and i.id = $2
          for update of i`,
      [organizationId, id],
    );
    return rows[0] ?? null;
  }

  /**
   * Adds the second seat: an interview of its own beside `target` (same application, step, time and
   * details), its assignment and its draft scorecard on the same rubric version. `mode` and which
   * seat is the trainee's are written on both seats; a trigger marks the trainee's new scorecard as
   * a shadow's, and the lead's draft is marked here when the lead is the trainee (reverse shadow).
   */
  async addSeat(
    organizationId: string,
    target: SeatTarget,
    seat: { interviewerId: string; mode: TrainingMode; by: string },
    m: EntityManager,
  ): Promise<string> {
    const leadIsTrainee = seat.mode === 'reverse_shadow';
    await m.query(
      `update interviews set training = $3, trainee = $4, revision = revision + 1, updated_at = now()
        where organization_id = $1 and id = $2`,
      [organizationId, target.id, seat.mode, leadIsTrainee],
    );
    if (leadIsTrainee && target.scorecard_id) {
      await m.query(`update scorecards set shadow = true where organization_id = $1 and id = $2 and status = 'draft'`, [
        organizationId,
        target.scorecard_id,
      ]);
    }
    const [row] = await m.query<Cols<'interviews', 'id'>[]>(
      `insert into interviews (organization_id, application_id, step_key, step_name, step_kind, interviewer_id, starts_at,
                               duration_minutes, feedback_due_at, created_by, focus_competency_keys, question_keys,
                               time_zone, location, video_url, companion_of, training, trainee)
       select organization_id, application_id, step_key, step_name, step_kind, $3, starts_at,
              duration_minutes, feedback_due_at, $4, focus_competency_keys, question_keys,
              time_zone, location, video_url, id, $5, $6
         from interviews
        where organization_id = $1 and id = $2
       returning id`,
      [organizationId, target.id, seat.interviewerId, seat.by, seat.mode, !leadIsTrainee],
    );
    const seatId = row!.id;
    await m.query(
      `insert into interview_assignments (organization_id, interview_id, interviewer_id, assigned_by)
       values ($1, $2, $3, $4)`,
      [organizationId, seatId, seat.interviewerId, seat.by],
    );
    await m.query(
      `insert into scorecards (organization_id, interview_id, application_id, interviewer_id, rubric_version_id,
                               checklist_version_id)
       values ($1, $2, $3, $4, $5, $6)`,
      [
        organizationId,
        seatId,
        target.application_id,
        seat.interviewerId,
        target.rubric_version_id,
        target.checklist_version_id,
      ],
    );
    return seatId;
  }
}
