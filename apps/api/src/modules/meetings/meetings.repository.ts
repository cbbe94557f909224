import { Injectable } from '@nestjs/common';
import type { MeetingStatus, Recommendation, RubricContent } from '@scorecard/contracts';
import type { EntityManager } from 'typeorm';
import { Db, isUniqueViolation, type Col, type Cols } from '../../database/db.js';

/** What starting a meeting is checked against, read in the starting transaction. */
export interface StartContext {
  stage: Col<'applications', 'stage'>;
  hiringManagerId: string | null;
  rubricVersionId: string | null;
  /**
   * Interviewers with a submitted scorecard on the application, by first submission: not an imported
   * one (nobody of the organization sat it), nor a shadow's (a trainee's seat counts in no figure).
   */
  interviewers: string[];
  /** The open meeting of the application, if any. */
  openMeetingId: string | null;
}

export interface MeetingHead {
  id: string;
  applicationId: string;
  status: MeetingStatus;
  hostId: string;
  hostName: string;
  startedAt: Date;
  round1RevealedAt: Date | null;
  round2OpenedAt: Date | null;
  finishedAt: Date | null;
  cancelledAt: Date | null;
  competencies: RubricContent['competencies'];
}

export interface MemberRow {
  id: string;
  name: string;
  votedAt: { round1: Date | null; round2: Date | null };
}

export interface VoteRow {
  round: 1 | 2;
  memberId: string;
  castAt: Date;
  recommendation: Recommendation;
  ratings: Record<string, number>;
}

export interface LockedMeeting {
  id: string;
  applicationId: string;
  status: MeetingStatus;
  hostId: string;
}

/** The index that keeps one open meeting per application. */
export const ONE_OPEN_MEETING = 'debrief_meetings_one_open_idx';

/** Statuses in which a round's votes are shown to the whole panel (the domain's `roundRevealed`). */
const REVEALED_1 = `('discussion', 'round_2', 'finished')`;
const REVEALED_2 = `('finished')`;

type HeadSql = Cols<
  'debrief_meetings',
  | 'id'
  | 'application_id'
  | 'host_id'
  | 'started_at'
  | 'round1_revealed_at'
  | 'round2_opened_at'
  | 'finished_at'
  | 'cancelled_at'
> & { status: MeetingStatus; host_name: Col<'users', 'name'>; content: RubricContent };

@Injectable()
export class MeetingsRepository {
  constructor(private readonly db: Db) {}

  /** The application's stage, hiring manager, rubric version, panel and open meeting, in one query. */
  async startContext(organizationId: string, applicationId: string, m: EntityManager): Promise<StartContext | null> {
    const rows = await m.query<
      (Cols<'applications', 'stage'> &
        Cols<'openings', 'hiring_manager_id' | 'rubric_version_id'> & {
          interviewers: string[] | null;
          open_meeting_id: string | null;
        })[]
    >(
      `select a.stage, o.hiring_manager_id, o.rubric_version_id,
              (select array_agg(p.interviewer_id order by p.first_at, p.interviewer_id)
                 from (select s.interviewer_id, min(s.submitted_at) as first_at
                         from scorecards s
                        where s.organization_id = a.organization_id and s.application_id = a.id
                          and s.status = 'submitted' and s.imported_at is null and not s.shadow
                        group by s.interviewer_id) p) as interviewers,
              (select dm.id from debrief_meetings dm
                where dm.organization_id = a.organization_id and dm.application_id = a.id
                  and dm.status not in ('finished', 'cancelled')) as open_meeting_id
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
      hiringManagerId: r.hiring_manager_id,
      rubricVersionId: r.rubric_version_id,
      interviewers: r.interviewers ?? [],
      openMeetingId: r.open_meeting_id,
    };
  }

  /**
   * A new meeting in round 1 with its panel in order; null when another open meeting of the
   * application won the race (the partial unique index).
   */
  async insert(
    organizationId: string,
    input: { applicationId: string; rubricVersionId: string; hostId: string; members: string[] },
    m: EntityManager,
  ): Promise<string | null> {
    try {
      // A savepoint: a lost race rolls back only this insert, and the request answers 409.
      return await m.transaction(async (t) => {
        const [row] = await t.query<Cols<'debrief_meetings', 'id'>[]>(
          `insert into debrief_meetings (organization_id, application_id, rubric_version_id, host_id)
           values ($1, $2, $3, $4) returning id`,
          [organizationId, input.applicationId, input.rubricVersionId, input.hostId],
        );
        await t.query(
          `insert into debrief_meeting_members (organization_id, meeting_id, user_id, position)
           select $1, $2, u.user_id, u.position - 1
             from unnest($3::uuid[]) with ordinality as u (user_id, position)`,
          [organizationId, row!.id, input.members],
        );
        return row!.id;
      });
    } catch (err) {
      if (isUniqueViolation(err, ONE_OPEN_MEETING)) return null;
      throw err;
    }
  }

  /** Locks a meeting for a change (votes and transitions serialise on it). */
  async lock(organizationId: string, id: string, m: EntityManager): Promise<LockedMeeting | null> {
    const rows = await m.query<
      (Cols<'debrief_meetings', 'id' | 'application_id' | 'host_id'> & { status: MeetingStatus })[]
    >(
      `select id, application_id, host_id, status from debrief_meetings
        where organization_id = $1 and id = $2
          for update`,
      [organizationId, id],
    );
    const r = rows[0];
    return r ? { id: r.id, applicationId: r.application_id, hostId: r.host_id, status: r.status } : null;
  }

  /** The application a meeting belongs to (null outside the organization). */
  async applicationOf(organizationId: string, id: string): Promise<string | null> {
    const rows = await this.db.query<Cols<'debrief_meetings', 'application_id'>[]>(
      `select application_id from debrief_meetings where organization_id = $1 and id = $2`,
      [organizationId, id],
    );
    return rows[0]?.application_id ?? null;
  }

  /** Whether the user sits on the meeting's panel. */
  async isMember(organizationId: string, meetingId: string, userId: string, m: EntityManager): Promise<boolean> {
    const rows = await m.query<unknown[]>(
      `select 1 from debrief_meeting_members where organization_id = $1 and meeting_id = $2 and user_id = $3`,
      [organizationId, meetingId, userId],
    );
    return rows.length > 0;
  }

  /** Casts or replaces the member's vote in a round: the recommendation, the ratings, the time. */
  async saveVote(
    organizationId: string,
    vote: {
      meetingId: string;
      round: 1 | 2;
      userId: string;
      recommendation: Recommendation;
      ratings: Record<string, number>;
    },
    m: EntityManager,
  ): Promise<void> {
    await m.query(
      `insert into debrief_meeting_votes (organization_id, meeting_id, round, user_id, recommendation)
       values ($1, $2, $3, $4, $5)
       on conflict (organization_id, meeting_id, round, user_id)
       do update set recommendation = excluded.recommendation, cast_at = now()`,
      [organizationId, vote.meetingId, vote.round, vote.userId, vote.recommendation],
    );
    await m.query(
      `delete from debrief_meeting_ratings
        where organization_id = $1 and meeting_id = $2 and round = $3 and user_id = $4`,
      [organizationId, vote.meetingId, vote.round, vote.userId],
    );
    await m.query(
      `insert into debrief_meeting_ratings (organization_id, meeting_id, round, user_id, competency_key, rating)
       select $1, $2, $3, $4, r.key::uuid, r.value::smallint
         from jsonb_each_text($5::jsonb) as r`,
      [organizationId, vote.meetingId, vote.round, vote.userId, JSON.stringify(vote.ratings)],
    );
  }

  /** How many members have voted in a round, and how many members there are. */
  async tally(
    organizationId: string,
    meetingId: string,
    round: 1 | 2,
    m: EntityManager,
  ): Promise<{ cast: number; members: number }> {
    const [r] = await m.query<{ cast: number; members: number }[]>(
      `select (select count(*)::int from debrief_meeting_votes
                where organization_id = $1 and meeting_id = $2 and round = $3) as cast,
              (select count(*)::int from debrief_meeting_members
                where organization_id = $1 and meeting_id = $2) as members`,
      [organizationId, meetingId, round],
    );
    return r!;
  }

  /** Moves the meeting to `next`, timing the step. */
  async setStatus(organizationId: string, id: string, next: MeetingStatus, m: EntityManager): Promise<void> {
    const stamp: Record<MeetingStatus, string | null> = {
      round_1: null,
      discussion: 'round1_revealed_at',
      round_2: 'round2_opened_at',
      finished: 'finished_at',
      cancelled: 'cancelled_at',
    };
    const column = stamp[next];
    await m.query(
      `update debrief_meetings set status = $3${column ? `, ${column} = now()` : ''}
        where organization_id = $1 and id = $2`,
      [organizationId, id, next],
    );
  }

  /** The meeting, its host and the competencies of its rubric version. */
  async head(organizationId: string, id: string): Promise<MeetingHead | null> {
    const rows = await this.db.query<HeadSql[]>(
      `select dm.id, dm.application_id, dm.status, dm.host_id, h.name as host_name, dm.started_at,
              dm.round1_revealed_at, dm.round2_opened_at, dm.finished_at, dm.cancelled_at, rv.content
         from debrief_meetings dm
         join users h on h.organization_id = dm.organization_id and h.id = dm.host_id
         join rubric_versions rv on rv.organization_id = dm.organization_id and rv.id = dm.rubric_version_id
        where dm.organization_id = $1 and dm.id = $2`,
      [organizationId, id],
    );
    const r = rows[0];
    if (!r) return null;
    return {
      id: r.id,
      applicationId: r.application_id,
      status: r.status,
      hostId: r.host_id,
      hostName: r.host_name,
      startedAt: r.started_at,
      round1RevealedAt: r.round1_revealed_at,
      round2OpenedAt: r.round2_opened_at,
      finishedAt: r.finished_at,
      cancelledAt: r.cancelled_at,
      competencies: r.content.competencies,
    };
  }

  /** The panel in order, with when each member voted in each round (times only: never a value). */
  async members(organizationId: string, meetingId: string): Promise<MemberRow[]> {
    const rows = await this.db.query<
      (Cols<'debrief_meeting_members', 'user_id'> & {
        name: Col<'users', 'name'>;
        voted_1: Date | null;
        voted_2: Date | null;
      })[]
    >(
      `select mm.user_id, u.name,
              (select v.cast_at from debrief_meeting_votes v
                where v.organization_id = mm.organization_id and v.meeting_id = mm.meeting_id
                  and v.user_id = mm.user_id and v.round = 1) as voted_1,
              (select v.cast_at from debrief_meeting_votes v
                where v.organization_id = mm.organization_id and v.meeting_id = mm.meeting_id
                  and v.user_id = mm.user_id and v.round = 2) as voted_2
         from debrief_meeting_members mm
         join users u on u.organization_id = mm.organization_id and u.id = mm.user_id
        where mm.organization_id = $1 and mm.meeting_id = $2
        order by mm.position`,
      [organizationId, meetingId],
    );
    return rows.map((r) => ({ id: r.user_id, name: r.name, votedAt: { round1: r.voted_1, round2: r.voted_2 } }));
  }

  /**
   * The votes `viewerId` may see: their own, and every vote of a revealed round. A silent round's
   * other votes never leave the database.
   */
  async visibleVotes(organizationId: string, meetingId: string, viewerId: string): Promise<VoteRow[]> {
    const rows = await this.db.query<
      (Cols<'debrief_meeting_votes', 'round' | 'user_id' | 'cast_at'> & {
        recommendation: Recommendation;
        ratings: Record<string, number> | null;
      })[]
    >(
      `select v.round, v.user_id, v.cast_at, v.recommendation,
              (select jsonb_object_agg(r.competency_key, r.rating) from debrief_meeting_ratings r
                where r.organization_id = v.organization_id and r.meeting_id = v.meeting_id
                  and r.round = v.round and r.user_id = v.user_id) as ratings
         from debrief_meeting_votes v
         join debrief_meetings dm on dm.organization_id = v.organization_id and dm.id = v.meeting_id
         join debrief_meeting_members mm on mm.organization_id = v.organization_id
                                        and mm.meeting_id = v.meeting_id and mm.user_id = v.user_id
        where v.organization_id = $1 and v.meeting_id = $2
          and (v.user_id = $3
               or (v.round = 1 and dm.status in ${REVEALED_1})
               or (v.round = 2 and dm.status in ${REVEALED_2}))
        order by v.round, mm.position`,
      [organizationId, meetingId, viewerId],
    );
    return rows.map((r) => ({
      round: r.round as 1 | 2,
      memberId: r.user_id,
      castAt: r.cast_at,
      recommendation: r.recommendation,
      ratings: r.ratings ?? {},
    }));
  }

  /** An application's meetings, newest first, a page at a time. */
  async list(
    organizationId: string,
    applicationId: string,
    page: { page: number; pageSize: number },
  ): Promise<{ rows: HeadSql[]; total: number }> {
    const rows = await this.db.query<(HeadSql & { total: number })[]>(
      `select dm.id, dm.application_id, dm.status, dm.host_id, h.name as host_name, dm.started_at,
              dm.round1_revealed_at, dm.round2_opened_at, dm.finished_at, dm.cancelled_at,
              null as content, count(*) over ()::int as total
         from debrief_meetings dm
         join users h on h.organization_id = dm.organization_id and h.id = dm.host_id
        where dm.organization_id = $1 and dm.application_id = $2
        order by dm.started_at desc, dm.id
        limit $3 offset $4`,
      [organizationId, applicationId, page.pageSize, (page.page - 1) * page.pageSize],
    );
    if (rows.length === 0 && page.page > 1) {
      const [c] = await this.db.query<{ total: number }[]>(
        `select count(*)::int as total from debrief_meetings where organization_id = $1 and application_id = $2`,
        [organizationId, applicationId],
      );
      return { rows, total: c!.total };
    }
    return { rows, total: rows[0]?.total ?? 0 };
  }

  /** The finished meetings on a candidate's applications, oldest first (for their data export). */
  async finishedIdsOfCandidate(organizationId: string, candidateId: string): Promise<string[]> {
    const rows = await this.db.query<Cols<'debrief_meetings', 'id'>[]>(
      `select dm.id from debrief_meetings dm
         join applications a on a.organization_id = dm.organization_id and a.id = dm.application_id
        where dm.organization_id = $1 and a.candidate_id = $2 and dm.status = 'finished'
        order by dm.finished_at, dm.id`,
      [organizationId, candidateId],
    );
    return rows.map((r) => r.id);
  }

  /** The application's most recently finished meeting. */
  async latestFinishedId(organizationId: string, applicationId: string): Promise<string | null> {
    const rows = await this.db.query<Cols<'debrief_meetings', 'id'>[]>(
      `select id from debrief_meetings
        where organization_id = $1 and application_id = $2 and status = 'finished'
        order by finished_at desc, id
        limit 1`,
      [organizationId, applicationId],
    );
    return rows[0]?.id ?? null;
  }
}
