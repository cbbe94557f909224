import { Injectable } from '@nestjs/common';
import { Db, type CandidateAs, type Col, type Cols, type OpeningAs } from '../../database/db.js';

/** A hiring manager whose digest is due, with what it would report. */
export type DueDigest = Cols<'users', 'id' | 'name' | 'time_zone'> & {
  /** Their local date at the sweep's instant, `yyyy-mm-dd`: the digest's day. */
  local_date: string;
  decisions: number;
  overdue: number;
};

/** An application waiting for a decision (in debrief) on one of the hiring manager's open openings. */
export type DecisionItem = Pick<CandidateAs, 'candidate_name'> &
  Pick<OpeningAs, 'opening_title'> & {
    application_id: Col<'applications', 'id'>;
    stage_entered_at: Col<'applications', 'stage_entered_at'>;
    submitted: number;
    expected: number;
  };

/** A draft scorecard past its feedback due time on one of the hiring manager's open openings. */
export type OverdueItem = Pick<CandidateAs, 'candidate_name'> &
  Pick<OpeningAs, 'opening_title'> &
  Cols<'interviews', 'step_name' | 'feedback_due_at'> & {
    application_id: Col<'applications', 'id'>;
    interviewer_name: Col<'users', 'name'>;
  };

/** The hiring managers of open openings (the openings' hiring manager index), as a CTE; $1 is the organization. */
const HIRING_MANAGERS = `hms as (
  select distinct o.hiring_manager_id as user_id
    from openings o
   where o.organization_id = $1 and o.status = 'open' and o.hiring_manager_id is not null)`;

/**
 * The statements of the daily digest. What counts is what the hiring manager's home shows: an
 * application in the debrief stage is a decision waiting; a draft scorecard of a scheduled interview
 * past its feedback due time, on an application still in the running, is overdue. Only open
 * openings count. Every statement filters by organization first and takes the sweep's instant as
 * `$2`, so a test can drive the clock.
 */
@Injectable()
export class DigestRepository {
  constructor(private readonly db: Db) {}

  /**
   * The hiring managers (active, not opted out) whose local time at `now` is 08:00 or later and who
   * have no digest for that local date yet, with the counts their digest would report (which may
   * both be 0: nothing to send).
   */
  async due(organizationId: string, now: Date): Promise<DueDigest[]> {
    return this.db.query<DueDigest[]>(
      `with ${HIRING_MANAGERS},
       local as (
         select u.id, u.name, u.time_zone, ($2::timestamptz at time zone u.time_zone) as local_now
           from hms join users u on u.organization_id = $1 and u.id = hms.user_id
          where u.active and not ('digest' = any (u.email_opt_outs)))
       select l.id, l.name, l.time_zone, to_char(l.local_now, 'YYYY-MM-DD') as local_date,
              d.n as decisions, od.n as overdue
         from local l
         cross join lateral (
           select count(*)::int as n
             from openings o
             join applications a on a.organization_id = $1 and a.opening_id = o.id and a.stage = 'debrief'
            where o.organization_id = $1 and o.hiring_manager_id = l.id and o.status = 'open') d
         cross join lateral (
           select count(*)::int as n
             from openings o
             join applications a on a.organization_id = $1 and a.opening_id = o.id
                                and a.stage not in ('rejected', 'withdrawn')
             join scorecards s on s.organization_id = $1 and s.application_id = a.id and s.status = 'draft'
                              and not s.shadow
             join interviews i on i.organization_id = $1 and i.id = s.interview_id
            where o.organization_id = $1 and o.hiring_manager_id = l.id and o.status = 'open'
              and i.status = 'scheduled' and i.feedback_due_at < $2) od
        where l.local_now::time >= time '08:00'
          and not exists (
            select 1 from emails e
             where e.organization_id = $1
               and e.dedupe_key = 'digest:' || l.id || ':' || to_char(l.local_now, 'YYYY-MM-DD'))
        order by l.id`,
      [organizationId, now],
    );
  }

  /** The decisions waiting on the hiring manager's open openings, longest in debrief first, at most `limit`. */
  async decisions(organizationId: string, hiringManagerId: string, limit: number): Promise<DecisionItem[]> {
    return this.db.query<DecisionItem[]>(
      `select a.id as application_id, a.stage_entered_at, c.name as candidate_name, o.title as opening_title,
              cards.submitted, cards.expected
         from openings o
         join applications a on a.organization_id = $1 and a.opening_id = o.id and a.stage = 'debrief'
         join candidates c on c.organization_id = $1 and c.id = a.candidate_id
         cross join lateral (
           select count(*) filter (where s.status = 'submitted')::int as submitted,
                  count(*) filter (where s.status = 'submitted' or i.status = 'scheduled')::int as expected
             from scorecards s
             join interviews i on i.organization_id = s.organization_id and i.id = s.interview_id
            where s.organization_id = $1 and s.application_id = a.id and s.status in ('draft', 'submitted')
              and not s.shadow) cards
        where o.organization_id = $1 and o.hiring_manager_id = $2 and o.status = 'open'
        order by a.stage_entered_at, a.id
        limit $3`,
      [organizationId, hiringManagerId, limit],
    );
  }

  /** The overdue scorecards on the hiring manager's open openings at `now`, most overdue first, at most `limit`. */
  async overdue(organizationId: string, hiringManagerId: string, now: Date, limit: number): Promise<OverdueItem[]> {
    return this.db.query<OverdueItem[]>(
      `select a.id as application_id, c.name as candidate_name, o.title as opening_title, i.step_name,
              i.feedback_due_at, u.name as interviewer_name
         from openings o
         join applications a on a.organization_id = $1 and a.opening_id = o.id
                            and a.stage not in ('rejected', 'withdrawn')
         join scorecards s on s.organization_id = $1 and s.application_id = a.id and s.status = 'draft'
                          and not s.shadow
         join interviews i on i.organization_id = $1 and i.id = s.interview_id
         join candidates c on c.organization_id = $1 and c.id = a.candidate_id
         join users u on u.organization_id = $1 and u.id = s.interviewer_id
        where o.organization_id = $1 and o.hiring_manager_id = $2 and o.status = 'open'
          and i.status = 'scheduled' and i.feedback_due_at < $3
        order by i.feedback_due_at, s.id
        limit $4`,
      [organizationId, hiringManagerId, now, limit],
    );
  }
}
