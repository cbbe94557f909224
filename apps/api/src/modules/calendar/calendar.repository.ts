import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Db, type As, type CandidateAs, type Cols } from '../../database/db.js';

/** An interview as its calendar event and invitation email show it. */
export interface CalendarInterview {
  id: string;
  revision: number;
  cancelled: boolean;
  startsAt: Date;
  durationMinutes: number;
  endsAt: Date;
  stepName: string;
  location: string | null;
  videoLink: string | null;
  interviewerId: string;
  candidateId: string;
  candidateName: string;
  openingTitle: string;
}

type Row = Cols<
  'interviews',
  | 'id'
  | 'revision'
  | 'status'
  | 'starts_at'
  | 'duration_minutes'
  | 'step_name'
  | 'location'
  | 'video_url'
  | 'interviewer_id'
> &
  CandidateAs &
  As<'openings', { opening_title: 'title' }>;

const SELECT = `
  select i.id, i.revision, i.status, i.starts_at, i.duration_minutes, i.step_name, i.location, i.video_url,
         i.interviewer_id, c.id as candidate_id, c.name as candidate_name, o.title as opening_title
    from interviews i
    join applications a on a.organization_id = i.organization_id and a.id = i.application_id
    join candidates c on c.organization_id = a.organization_id and c.id = a.candidate_id
    join openings o on o.organization_id = a.organization_id and o.id = a.opening_id`;

function toInterview(r: Row): CalendarInterview {
  return {
    id: r.id,
    revision: r.revision,
    cancelled: r.status === 'cancelled',
    startsAt: r.starts_at,
    durationMinutes: r.duration_minutes,
    endsAt: new Date(r.starts_at.getTime() + r.duration_minutes * 60_000),
    stepName: r.step_name,
    location: r.location,
    videoLink: r.video_url,
    interviewerId: r.interviewer_id,
    candidateId: r.candidate_id,
    candidateName: r.candidate_name,
    openingTitle: r.opening_title,
  };
}

/** The owner of a calendar feed, as the feed needs them. */
export type FeedOwner = Cols<'users', 'id' | 'name' | 'active' | 'time_zone'> & { organization_name: string };

/** What calendar invitations and feeds read: interviews with their candidate's and opening's names, feed tokens. */
@Injectable()
export class CalendarRepository {
  constructor(private readonly db: Db) {}

  async interview(
    organizationId: string,
    id: string,
    m: EntityManager = this.db.manager,
  ): Promise<CalendarInterview | null> {
    const rows = await m.query<Row[]>(`${SELECT} where i.organization_id = $1 and i.id = $2`, [organizationId, id]);
    return rows[0] ? toInterview(rows[0]) : null;
  }

  /** The interviews `userId` runs that end at or after `from`, earliest first, at most `limit`. */
  async interviewsOf(organizationId: string, userId: string, from: Date, limit: number): Promise<CalendarInterview[]> {
    const rows = await this.db.query<Row[]>(
      `${SELECT}
        where i.organization_id = $1 and i.interviewer_id = $2
          and i.starts_at + make_interval(mins => i.duration_minutes) >= $3
        order by i.starts_at, i.id
        limit $4`,
      [organizationId, userId, from, limit],
    );
    return rows.map(toInterview);
  }

  async feedOwner(organizationId: string, userId: string): Promise<FeedOwner | null> {
    const rows = await this.db.query<FeedOwner[]>(
      `select u.id, u.name, u.active, u.time_zone, o.name as organization_name
         from users u join organizations o on o.id = u.organization_id
        where u.organization_id = $1 and u.id = $2`,
      [organizationId, userId],
    );
    return rows[0] ?? null;
  }

  /** When the user's live calendar-feed link was made, or null when the feed is off. */
  async feedSince(organizationId: string, userId: string): Promise<Date | null> {
    const rows = await this.db.query<Cols<'user_tokens', 'created_at'>[]>(
      `select created_at from user_tokens
        where organization_id = $1 and user_id = $2 and purpose = 'calendar_feed' and used_at is null
        order by created_at desc limit 1`,
      [organizationId, userId],
    );
    return rows[0]?.created_at ?? null;
  }
}
