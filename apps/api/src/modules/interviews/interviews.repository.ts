import { Injectable } from '@nestjs/common';
import type {
  Interview,
  InterviewAssignment,
  InterviewPlan,
  InterviewStatus,
  Stage,
  TrainingMode,
} from '@scorecard/contracts';
import type { EntityManager } from 'typeorm';
import { Db, type As, type Col, type Cols, type LeftJoined } from '../../database/db.js';

/** What scheduling needs to know about an application, read under a row lock. */
export interface SchedulingTarget {
  stage: Stage;
  openingId: string;
  plan: InterviewPlan;
  rubricVersionId: string | null;
  checklistVersionId: string | null;
}

/** An interview as locked for a change, with its live scorecard. */
export interface LockedInterview {
  id: string;
  applicationId: string;
  interviewerId: string;
  startsAt: Date;
  durationMinutes: number;
  feedbackDueAt: Date;
  status: InterviewStatus;
  revision: number;
  scorecardId: string | null;
  scorecardStatus: 'draft' | 'submitted' | null;
  rubricVersionId: string | null;
  checklistVersionId: string | null;
}

const SELECT_INTERVIEW = `
  select i.id, i.application_id, i.step_key, i.step_name, i.step_kind, i.starts_at, i.duration_minutes, i.feedback_due_at,
         i.status, i.revision, i.created_at, i.time_zone, i.location, i.video_url, i.training, i.trainee, i.companion_of,
         iu.id as interviewer_id, iu.name as interviewer_name,
         s.id as scorecard_id, s.status as scorecard_status, s.submitted_at,
         coalesce((select json_agg(json_build_object(
                    'interviewer', json_build_object('id', au.id, 'name', au.name),
                    'by', case when bu.id is null then null else json_build_object('id', bu.id, 'name', bu.name) end,
                    'at', ia.assigned_at) order by ia.assigned_at, ia.id)
             from interview_assignments ia
             join users au on au.organization_id = ia.organization_id and au.id = ia.interviewer_id
             left join users bu on bu.organization_id = ia.organization_id and bu.id = ia.assigned_by
            where ia.organization_id = i.organization_id and ia.interview_id = i.id), '[]') as assignments,
         count(*) over ()::int as total
    from interviews i
    join users iu on iu.organization_id = i.organization_id and iu.id = i.interviewer_id
    left join scorecards s on s.organization_id = i.organization_id and s.interview_id = i.id and s.status <> 'void'`;

/** The interview's live scorecard (`s`, never void), when it has one. */
type LiveScorecard<K extends 'rubric_version_id' | 'checklist_version_id' | 'submitted_at'> = LeftJoined<
  As<'scorecards', { scorecard_id: 'id'; scorecard_status: 'status' }> & Cols<'scorecards', K>
>;

/** A row of SELECT_INTERVIEW. */
type InterviewRow = Cols<
  'interviews',
  | 'id'
  | 'application_id'
  | 'step_key'
  | 'step_name'
  | 'step_kind'
  | 'starts_at'
  | 'duration_minutes'
  | 'feedback_due_at'
  | 'status'
  | 'revision'
  | 'created_at'
  | 'time_zone'
  | 'location'
  | 'video_url'
  | 'training'
  | 'trainee'
  | 'companion_of'
> &
  As<'users', { interviewer_id: 'id'; interviewer_name: 'name' }> &
  LiveScorecard<'submitted_at'> & {
    assignments: (Omit<InterviewAssignment, 'at'> & { at: string })[];
    total: number;
  };

/** A live scorecard's status (the queries leave void ones out). */
const liveStatus = (status: Col<'scorecards', 'status'>) => status as 'draft' | 'submitted';

function toInterview(r: InterviewRow): Interview {
  const startsAt = r.starts_at;
  const minutes = r.duration_minutes;
  return {
    id: r.id,
    applicationId: r.application_id,
    step: { key: r.step_key, name: r.step_name, kind: r.step_kind },
    interviewer: { id: r.interviewer_id, name: r.interviewer_name },
    startsAt: startsAt.toISOString(),
    durationMinutes: minutes,
    endsAt: new Date(startsAt.getTime() + minutes * 60_000).toISOString(),
    feedbackDueAt: r.feedback_due_at.toISOString(),
    timeZone: r.time_zone,
    location: r.location,
    videoLink: r.video_url,
    status: r.status,
    scorecard:
      r.scorecard_id === null
        ? null
        : {
            id: r.scorecard_id,
            status: liveStatus(r.scorecard_status),
            submittedAt: r.submitted_at?.toISOString() ?? null,
          },
    assignments: r.assignments.map((a) => ({ ...a, at: new Date(a.at).toISOString() })),
    training:
      r.training === null
        ? null
        : { mode: r.training as TrainingMode, trainee: r.trainee, companionOf: r.companion_of },
    revision: r.revision,
    createdAt: r.created_at.toISOString(),
  };
}

@Injectable()
export class InterviewsRepository {
  constructor(private readonly db: Db) {}

  /** Locks the application (so its stage cannot change meanwhile) and reads its opening's plan. */
  async lockTarget(organizationId: string, applicationId: string, m: EntityManager): Promise<SchedulingTarget | null> {
    const rows = await m.query<
      (Cols<'applications', 'stage' | 'opening_id'> &
        Cols<'openings', 'plan' | 'rubric_version_id' | 'checklist_version_id'>)[]
    >(
      `select a.stage, a.opening_id, o.plan, o.rubric_version_id, o.checklist_version_id
         from applications a
         join openings o on o.organization_id = a.organization_id and o.id = a.opening_id
        where a.organization_id = $1 and a.id = $2
          for update of a`,
      [organizationId, applicationId],
    );
    const r = rows[0];
    if (!r) return null;
    return {
      stage: r.stage,
      openingId: r.opening_id,
      // Plans stored before step kinds read as assessment steps.
      plan: { steps: r.plan.steps.map((s) => ({ ...s, kind: s.kind ?? 'assessment' })) },
      rubricVersionId: r.rubric_version_id,
      checklistVersionId: r.checklist_version_id,
    };
  }

  async insert(
    organizationId: string,
    i: {
      applicationId: string;
      stepKey: string;
      stepName: string;
      stepKind: 'assessment' | 'candidate_questions';
      focusCompetencyKeys: string[];
      questionKeys: string[];
      interviewerId: string;
      startsAt: Date;
      durationMinutes: number;
      feedbackDueAt: Date;
      createdBy: string;
    },
    m: EntityManager,
  ): Promise<string> {
    const [row] = await m.query<Cols<'interviews', 'id'>[]>(
      `insert into interviews (organization_id, application_id, step_key, step_name, interviewer_id, starts_at,
                               duration_minutes, feedback_due_at, created_by, focus_competency_keys, question_keys,
                               step_kind)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) returning id`,
      [
        organizationId,
        i.applicationId,
        i.stepKey,
        i.stepName,
        i.interviewerId,
        i.startsAt,
        i.durationMinutes,
        i.feedbackDueAt,
        i.createdBy,
        i.focusCompetencyKeys,
        i.questionKeys,
        i.stepKind,
      ],
    );
    return row!.id;
  }

  /** Records an assignment and gives the interviewer an empty draft scorecard on the given rubric version. */
  async assign(
    organizationId: string,
    a: {
      interviewId: string;
      applicationId: string;
      interviewerId: string;
      rubricVersionId: string;
      checklistVersionId: string | null;
      by: string;
    },
    m: EntityManager,
  ): Promise<void> {
    await m.query(
      `insert into interview_assignments (organization_id, interview_id, interviewer_id, assigned_by)
       values ($1, $2, $3, $4)`,
      [organizationId, a.interviewId, a.interviewerId, a.by],
    );
    await m.query(
      `insert into scorecards (organization_id, interview_id, application_id, interviewer_id, rubric_version_id,
                               checklist_version_id)
       values ($1, $2, $3, $4, $5, $6)`,
      [organizationId, a.interviewId, a.applicationId, a.interviewerId, a.rubricVersionId, a.checklistVersionId],
    );
  }

  async lock(organizationId: string, id: string, m: EntityManager): Promise<LockedInterview | null> {
    const rows = await m.query<
      (Cols<
        'interviews',
        | 'id'
        | 'application_id'
        | 'interviewer_id'
        | 'starts_at'
        | 'duration_minutes'
        | 'feedback_due_at'
        | 'status'
        | 'revision'
      > &
        LiveScorecard<'rubric_version_id' | 'checklist_version_id'>)[]
    >(
      `select i.id, i.application_id, i.interviewer_id, i.starts_at, i.duration_minutes, i.feedback_due_at, i.status,
              i.revision, s.id as scorecard_id, s.status as scorecard_status, s.rubric_version_id,
              s.checklist_version_id
         from interviews i
         left join scorecards s on s.organization_id = i.organization_id and s.interview_id = i.id and s.status <> 'void'
        where i.organization_id = $1 and i.id = $2
          for update of i`,
      [organizationId, id],
    );
    const r = rows[0];
    if (!r) return null;
    return {
      id: r.id,
      applicationId: r.application_id,
      interviewerId: r.interviewer_id,
      startsAt: r.starts_at,
      durationMinutes: r.duration_minutes,
      feedbackDueAt: r.feedback_due_at,
      status: r.status,
      revision: r.revision,
      scorecardId: r.scorecard_id,
      scorecardStatus: r.scorecard_status === null ? null : liveStatus(r.scorecard_status),
      rubricVersionId: r.rubric_version_id,
      checklistVersionId: r.checklist_version_id,
    };
  }

  async update(
    organizationId: string,
    id: string,
    set: {
      interviewerId: string;
      startsAt: Date;
      durationMinutes: number;
      feedbackDueAt: Date;
      status: InterviewStatus;
      /** Who cancels it, when this change cancels it (a trigger sets `cancelled_at`). */
      cancelledBy?: string;
    },
    m: EntityManager,
  ): Promise<void> {
    await m.query(
      `update interviews
          set interviewer_id = $3, starts_at = $4, duration_minutes = $5, feedback_due_at = $6, status = $7,
              cancelled_by = case when $7 = 'cancelled' then coalesce(cancelled_by, $8::uuid) end,
              revision = revision + 1, updated_at = now()
        where organization_id = $1 and id = $2`,
      [
        organizationId,
        id,
        set.interviewerId,
        set.startsAt,
        set.durationMinutes,
        set.feedbackDueAt,
        set.status,
        set.cancelledBy ?? null,
      ],
    );
  }

  /**
   * Sets the scheduling details given: undefined keeps a detail, an empty string clears it. The
   * contract has checked the time zone and completed the link with https://.
   */
  async setDetails(
    organizationId: string,
    id: string,
    details: { timeZone?: string | undefined; location?: string | undefined; videoLink?: string | undefined },
    m: EntityManager,
  ): Promise<void> {
    const value = (v: string | undefined) => (v === undefined ? null : v);
    await m.query(
      `update interviews
          set time_zone = case when $3::boolean then nullif($4, '') else time_zone end,
              location = case when $5::boolean then nullif($6, '') else location end,
              video_url = case when $7::boolean then nullif($8, '') else video_url end
        where organization_id = $1 and id = $2`,
      [
        organizationId,
        id,
        details.timeZone !== undefined,
        value(details.timeZone),
        details.location !== undefined,
        value(details.location),
        details.videoLink !== undefined,
        value(details.videoLink),
      ],
    );
  }

  /**
   * Cancels the training seat beside an interview (issue 24 §5), when it has a live one: its draft
   * scorecard voided, as any cancelled interview's. Answers the seat's id, for its calendar.
   */
  async cancelCompanion(organizationId: string, id: string, by: string, m: EntityManager): Promise<string | null> {
    const [rows] = await m.query<[Cols<'interviews', 'id'>[], number]>(
      `update interviews
          set status = 'cancelled', cancelled_by = $3, revision = revision + 1, updated_at = now()
        where organization_id = $1 and companion_of = $2 and status = 'scheduled'
       returning id`,
      [organizationId, id, by],
    );
    const seat = rows[0]?.id ?? null;
    if (seat) {
      await m.query(
        `update scorecards set status = 'void', updated_at = now()
          where organization_id = $1 and interview_id = $2 and status = 'draft'`,
        [organizationId, seat],
      );
    }
    return seat;
  }

  /** Voids a draft scorecard (kept for the record, never deleted). */
  async voidScorecard(organizationId: string, scorecardId: string, m: EntityManager): Promise<void> {
    await m.query(
      `update scorecards set status = 'void', updated_at = now()
        where organization_id = $1 and id = $2 and status = 'draft'`,
      [organizationId, scorecardId],
    );
  }

  async find(organizationId: string, id: string, m: EntityManager = this.db.manager): Promise<Interview | null> {
    const rows = await m.query<InterviewRow[]>(`${SELECT_INTERVIEW} where i.organization_id = $1 and i.id = $2`, [
      organizationId,
      id,
    ]);
    return rows[0] ? toInterview(rows[0]) : null;
  }

  /** An application's interviews, earliest first: scheduled ones, then cancelled ones. */
  async listForApplication(
    organizationId: string,
    applicationId: string,
    page: { limit: number; offset: number },
  ): Promise<{ items: Interview[]; total: number }> {
    const rows = await this.db.query<InterviewRow[]>(
      `${SELECT_INTERVIEW}
        where i.organization_id = $1 and i.application_id = $2
        order by i.status = 'cancelled', i.starts_at, i.id
        limit $3 offset $4`,
      [organizationId, applicationId, page.limit, page.offset],
    );
    return { items: rows.map(toInterview), total: rows[0]?.total ?? 0 };
  }

  async applicationExists(organizationId: string, applicationId: string): Promise<boolean> {
    const rows = await this.db.query<unknown[]>(`select 1 from applications where organization_id = $1 and id = $2`, [
      organizationId,
      applicationId,
    ]);
    return rows.length > 0;
  }
}
