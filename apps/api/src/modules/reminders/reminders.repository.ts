import { Injectable } from '@nestjs/common';
import type { ReminderSettings, Stage } from '@scorecard/contracts';
import type { ReminderAudience } from '@scorecard/domain';
import { Db, type As, type CandidateAs, type Col, type Cols, type OpeningAs } from '../../database/db.js';

/** The organization's reminder columns under their contract names. */
const SETTINGS = `reminder_first_hours as "firstHours", reminder_repeat_hours as "repeatHours",
  reminder_escalate_after as "escalateAfter", remind_interviewers as "remindInterviewers",
  escalate_to_hiring_manager as "escalateToHiringManager", escalate_to_recruiter as "escalateToRecruiter"`;

interface SettingsRow {
  firstHours: Col<'organizations', 'reminder_first_hours'>;
  repeatHours: Col<'organizations', 'reminder_repeat_hours'>;
  escalateAfter: Col<'organizations', 'reminder_escalate_after'>;
  remindInterviewers: Col<'organizations', 'remind_interviewers'>;
  escalateToHiringManager: Col<'organizations', 'escalate_to_hiring_manager'>;
  escalateToRecruiter: Col<'organizations', 'escalate_to_recruiter'>;
}

/** What a reminder email says about its interview. */
export type ReminderSubject = Cols<
  'interviews',
  'application_id' | 'step_name' | 'interviewer_id' | 'starts_at' | 'feedback_due_at'
> &
  As<'interviews', { interview_id: 'id' }> &
  CandidateAs &
  OpeningAs &
  Cols<'openings', 'hiring_manager_id' | 'recruiter_id'> &
  As<'users', { interviewer_name: 'name' }> & { ends_at: Date };

/** An interview with a step that may be due, and the last scheduled step sent for it. */
export type DueCandidate = ReminderSubject & { last_step: number | null };

/** An interview as "remind now" checks it, locked. */
export type RemindTarget = ReminderSubject &
  Cols<'interviews', 'status'> & {
    scorecard_status: Col<'scorecards', 'status'> | null;
    stage: Stage;
    last_manual_at: Date | null;
  };

const SUBJECT = `i.id as interview_id, i.application_id, i.step_name, i.interviewer_id, i.starts_at, i.feedback_due_at,
  i.starts_at + make_interval(mins => i.duration_minutes) as ends_at,
  c.id as candidate_id, c.name as candidate_name, o.id as opening_id, o.title as opening_title,
  o.hiring_manager_id, o.recruiter_id, u.name as interviewer_name`;

/** Scorecard reminders: the organization's schedule, the steps sent and the manual reminders. */
@Injectable()
export class RemindersRepository {
  constructor(private readonly db: Db) {}

  async settings(organizationId: string): Promise<ReminderSettings | null> {
    const [row] = await this.db.query<SettingsRow[]>(`select ${SETTINGS} from organizations where id = $1`, [
      organizationId,
    ]);
    return row ?? null;
  }

  /** Changes the settings given; those left out (undefined) stay. */
  async updateSettings(organizationId: string, change: Partial<ReminderSettings>): Promise<ReminderSettings | null> {
    const [rows] = await this.db.query<[SettingsRow[], number]>(
      `update organizations
          set reminder_first_hours = coalesce($2, reminder_first_hours),
              reminder_repeat_hours = coalesce($3, reminder_repeat_hours),
              reminder_escalate_after = coalesce($4, reminder_escalate_after),
              remind_interviewers = coalesce($5, remind_interviewers),
              escalate_to_hiring_manager = coalesce($6, escalate_to_hiring_manager),
              escalate_to_recruiter = coalesce($7, escalate_to_recruiter)
        where id = $1
       returning ${SETTINGS}`,
      [
        organizationId,
        change.firstHours ?? null,
        change.repeatHours ?? null,
        change.escalateAfter ?? null,
        change.remindInterviewers ?? null,
        change.escalateToHiringManager ?? null,
        change.escalateToRecruiter ?? null,
      ],
    );
    return rows[0] ?? null;
  }

  /**
   * The interviews of the organization for which a step of the schedule is due at `now`: scheduled,
   * ended, their live scorecard a draft, their application not rejected or withdrawn, and the
   * first switched-on step after the last one sent (`steps`, ascending) already due. Driven from
   * the organization's draft scorecards (open work, not every interview ever held), the last step
   * read from the (organization, interview, step) index; at most `limit`, the longest waiting first.
   */
  async dueCandidates(
    organizationId: string,
    now: Date,
    schedule: { firstHours: number; repeatHours: number; steps: number[]; closedStages: readonly Stage[] },
    limit: number,
  ): Promise<DueCandidate[]> {
    if (schedule.steps.length === 0) return [];
    return this.db.query<DueCandidate[]>(
      `select ${SUBJECT}, last.step as last_step
         from scorecards sc
         join interviews i on i.organization_id = $1 and i.id = sc.interview_id
         join applications a on a.organization_id = $1 and a.id = sc.application_id
         join candidates c on c.organization_id = $1 and c.id = a.candidate_id
         join openings o on o.organization_id = $1 and o.id = a.opening_id
         join users u on u.organization_id = $1 and u.id = i.interviewer_id
         cross join lateral (
           select max(r.step) as step from scorecard_reminders r
            where r.organization_id = $1 and r.interview_id = i.id and r.step is not null) last
         cross join lateral (
           select min(s) as step from unnest($3::int[]) s where s > coalesce(last.step, 0)) next
        where sc.organization_id = $1 and sc.status = 'draft'
          and i.status = 'scheduled'
          and i.starts_at + make_interval(mins => i.duration_minutes) <= $2
          and a.stage <> all($6::text[])
          and next.step is not null
          and i.starts_at + make_interval(mins => i.duration_minutes)
              + make_interval(hours => $4 + (next.step - 1) * $5) <= $2
        order by i.starts_at, i.id
        limit $7`,
      [organizationId, now, schedule.steps, schedule.firstHours, schedule.repeatHours, schedule.closedStages, limit],
    );
  }

  /**
   * Records that step `step` of the interview's schedule is sent; false when it was already
   * (another instance, or an earlier sweep, got there first): only the winner sends its email.
   */
  async claimStep(
    organizationId: string,
    s: { interviewId: string; step: number; audience: ReminderAudience; recipientId: string | null },
  ): Promise<string | null> {
    const rows = await this.db.query<Cols<'scorecard_reminders', 'id'>[]>(
      `insert into scorecard_reminders (organization_id, interview_id, step, audience, recipient_id)
       values ($1, $2, $3, $4, $5)
       on conflict (organization_id, interview_id, step) do nothing
       returning id`,
      [organizationId, s.interviewId, s.step, s.audience, s.recipientId],
    );
    return rows[0]?.id ?? null;
  }

  async attachEmail(organizationId: string, reminderId: string, emailId: string): Promise<void> {
    await this.db.query(`update scorecard_reminders set email_id = $3 where organization_id = $1 and id = $2`, [
      organizationId,
      reminderId,
      emailId,
    ]);
  }

  /**
   * The interview as "remind now" needs it, locked until the transaction ends, so two presses at
   * once take turns and the second sees the first one's reminder.
   */
  async lockTarget(organizationId: string, interviewId: string): Promise<RemindTarget | null> {
    const rows = await this.db.query<RemindTarget[]>(
      `select ${SUBJECT}, i.status, sc.status as scorecard_status, a.stage,
              (select max(r.created_at) from scorecard_reminders r
                where r.organization_id = $1 and r.interview_id = i.id and r.step is null) as last_manual_at
         from interviews i
         join applications a on a.organization_id = $1 and a.id = i.application_id
         join candidates c on c.organization_id = $1 and c.id = a.candidate_id
         join openings o on o.organization_id = $1 and o.id = a.opening_id
         join users u on u.organization_id = $1 and u.id = i.interviewer_id
         left join scorecards sc on sc.organization_id = $1 and sc.interview_id = i.id and sc.status <> 'void'
        where i.organization_id = $1 and i.id = $2
          for update of i`,
      [organizationId, interviewId],
    );
    return rows[0] ?? null;
  }

  /** Records a manual reminder (no step; who asked for it); answers when it was made. */
  async insertManual(
    organizationId: string,
    m: { interviewId: string; recipientId: string; emailId: string; createdBy: string; at: Date },
  ): Promise<Date> {
    const [row] = await this.db.query<Cols<'scorecard_reminders', 'created_at'>[]>(
      `insert into scorecard_reminders (organization_id, interview_id, step, audience, recipient_id, email_id,
                                        created_by, created_at)
       values ($1, $2, null, 'interviewer', $3, $4, $5, $6)
       returning created_at`,
      [organizationId, m.interviewId, m.recipientId, m.emailId, m.createdBy, m.at],
    );
    if (!row) throw new Error('insert returned no row');
    return row.created_at;
  }
}
