import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { ReminderSettings, RemindNowResult, UpdateReminderSettingsRequest } from '@scorecard/contracts';
import {
  canRemindNow,
  dueReminder,
  enabledReminderSteps,
  MANUAL_REMINDER_INTERVAL_SECONDS,
  type ReminderAudience,
  type ReminderPolicy,
  UNREMINDED_STAGES,
} from '@scorecard/domain';
import { AppError } from '../../common/app-error.js';
import type { Caller } from '../../common/request-context.js';
import { Db } from '../../database/db.js';
import { MailService } from '../mail/mail.service.js';
import { QueueService } from '../queue/queue.service.js';
import { manualReminderEmail, scheduledReminderEmail } from './reminder-emails.js';
import { type DueCandidate, RemindersRepository } from './reminders.repository.js';

/** Interviews with a due step handled per organization per sweep; the rest wait for the next minute. */
const SWEEP_BATCH = 200;

/**
 * Scorecard reminders with escalation (the schedule is the domain's `dueReminder`), swept every
 * minute on the `scorecardReminders` queue, whose cron pg-boss fires on one instance per tick; and
 * "remind now", at most once an hour per interview.
 *
 * Exactly once across instances: a step is sent only by the transaction whose insert into
 * `scorecard_reminders` (unique per organization, interview and step) wins; a concurrent sweep's
 * insert waits for it and then does nothing. The email is written in the same transaction (and
 * carries a dedupe key), so it exists exactly when its step does.
 */
@Injectable()
export class RemindersService implements OnModuleInit {
  private readonly log = new Logger('Reminders');

  constructor(
    private readonly repo: RemindersRepository,
    private readonly mail: MailService,
    private readonly queue: QueueService,
    private readonly db: Db,
  ) {}

  onModuleInit(): void {
    this.queue.register('scorecardReminders', async () => void (await this.sweep()), { cron: '* * * * *' });
  }

  async settings(caller: Caller): Promise<ReminderSettings> {
    const found = await this.repo.settings(caller.organizationId);
    if (!found) throw AppError.notFound('organization');
    return found;
  }

  async updateSettings(caller: Caller, body: UpdateReminderSettingsRequest): Promise<ReminderSettings> {
    const updated = await this.repo.updateSettings(caller.organizationId, body);
    if (!updated) throw AppError.notFound('organization');
    return updated;
  }

  /**
   * Sends every reminder step due at `now`, organization by organization (each in its own
   * transaction, so one organization's failure leaves the others' reminders alone). Answers how
   * many steps were sent.
   */
  async sweep(now: Date = new Date()): Promise<{ steps: number }> {
    const steps = await this.db.sumOverOrganizations(
      (organizationId) => this.sweepOrganization(organizationId, now),
      (organizationId, err) => this.log.error(`reminders of organization ${organizationId} failed: ${err.message}`),
    );
    return { steps };
  }

  private async sweepOrganization(organizationId: string, now: Date): Promise<number> {
    const settings = await this.repo.settings(organizationId);
    if (!settings) return 0;
    const policy: ReminderPolicy = settings;
    const steps = enabledReminderSteps(policy);
    const candidates = await this.repo.dueCandidates(
      organizationId,
      now,
      { firstHours: policy.firstHours, repeatHours: policy.repeatHours, steps, closedStages: UNREMINDED_STAGES },
      SWEEP_BATCH,
    );
    let sent = 0;
    for (const c of candidates) {
      const due = dueReminder({ endsAt: c.ends_at, policy, lastStep: c.last_step, now });
      if (!due) continue;
      const recipientId = recipientOf(c, due.audience);
      const reminderId = await this.repo.claimStep(organizationId, {
        interviewId: c.interview_id,
        step: due.step,
        audience: due.audience,
        recipientId,
      });
      if (!reminderId) continue;
      sent++;
      // A step with nobody to tell (no hiring manager on the opening) is recorded all the same,
      // so the schedule moves on.
      if (!recipientId) continue;
      const recipient = await this.mail.recipient(organizationId, recipientId);
      const email = scheduledReminderEmail({
        subject: c,
        audience: due.audience,
        step: due.step,
        escalateAfter: policy.escalateAfter,
        now,
        timeZone: recipient?.time_zone ?? 'UTC',
        link: (path) => this.mail.link(path),
      });
      const result = await this.mail.enqueue({
        organizationId,
        recipientId,
        ...email,
        candidateId: c.candidate_id,
        dedupeKey: `reminder:${c.interview_id}:${due.step}`,
      });
      if (result.queued) await this.repo.attachEmail(organizationId, reminderId, result.emailId);
    }
    return sent;
  }

  /**
   * "Remind now": emails the interviewer at once, when the interview has ended, its scorecard is
   * owed and the last manual reminder is at least an hour old (429 with Retry-After otherwise).
   */
  async remindNow(caller: Caller, interviewId: string): Promise<RemindNowResult> {
    const { organizationId } = caller;
    const now = new Date();
    const target = await this.repo.lockTarget(organizationId, interviewId);
    if (!target) throw AppError.notFound('interview');
    const verdict = canRemindNow({
      status: target.status as 'scheduled' | 'cancelled',
      scorecardStatus:
        target.scorecard_status === 'void' ? null : (target.scorecard_status as 'draft' | 'submitted' | null),
      stage: target.stage,
      endsAt: target.ends_at,
      lastManualAt: target.last_manual_at,
      now,
    });
    if (!verdict.ok) {
      throw new AppError(
        verdict.code,
        verdict.message,
        verdict.code === 'reminder_too_soon' ? { headers: { 'Retry-After': String(verdict.retryAfterSeconds) } } : {},
      );
    }
    const recipient = await this.mail.recipient(organizationId, target.interviewer_id);
    const email = manualReminderEmail({
      subject: target,
      askedBy: caller.name,
      now,
      timeZone: recipient?.time_zone ?? 'UTC',
      link: (path) => this.mail.link(path),
    });
    const result = await this.mail.enqueue({
      organizationId,
      recipientId: target.interviewer_id,
      ...email,
      candidateId: target.candidate_id,
    });
    if (!result.queued) {
      throw new AppError(
        'nothing_to_remind',
        result.why === 'opted_out'
          ? `${target.interviewer_name} has turned off scorecard reminder emails.`
          : `${target.interviewer_name} cannot be emailed (the account is deactivated): reassign the interview instead.`,
      );
    }
    const remindedAt = await this.repo.insertManual(organizationId, {
      interviewId,
      recipientId: target.interviewer_id,
      emailId: result.emailId,
      createdBy: caller.userId,
      at: now,
    });
    return {
      interviewId,
      interviewer: { id: target.interviewer_id, name: target.interviewer_name },
      remindedAt: remindedAt.toISOString(),
      nextAllowedAt: new Date(remindedAt.getTime() + MANUAL_REMINDER_INTERVAL_SECONDS * 1000).toISOString(),
    };
  }
}

function recipientOf(c: DueCandidate, audience: ReminderAudience): string | null {
  switch (audience) {
    case 'interviewer':
      return c.interviewer_id;
    case 'hiring_manager':
      return c.hiring_manager_id;
    case 'recruiter':
      return c.recruiter_id;
  }
}
