import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { HELD_REASON } from '@scorecard/contracts';
import { Db } from '../../database/db.js';
import { type QueueJob, QueueService } from '../queue/queue.service.js';
import { MailRepository } from './mail.repository.js';
import { MailTransport } from './mail-transport.js';

export interface EmailJob {
  organizationId: string;
  emailId: string;
}

/** A mail server's answer, short enough for the log (nodemailer puts the SMTP reply in `response`). */
function describe(err: unknown): string {
  const e = err as { response?: string; code?: string; message?: string };
  const text = e.response ?? e.message ?? String(err);
  return (e.code && !text.includes(e.code) ? `${e.code}: ${text}` : text).slice(0, 1000);
}

/**
 * Works the `email` queue: delivers one email through the mail server, or holds it when none is
 * configured. A refusal or an unreachable server is written to the email's log entry and thrown,
 * so pg-boss retries with backoff; after the last retry the email is `failed`. No transaction is
 * open while the mail server is talking.
 */
@Injectable()
export class MailWorker implements OnModuleInit {
  private readonly log = new Logger('Mail');

  constructor(
    private readonly db: Db,
    private readonly queue: QueueService,
    private readonly repo: MailRepository,
    private readonly transport: MailTransport,
  ) {}

  onModuleInit(): void {
    this.queue.register<EmailJob>('email', (job) => this.deliver(job));
  }

  async deliver(job: QueueJob<EmailJob>): Promise<void> {
    const { organizationId, emailId } = job.data;
    const email = await this.db.asTenant(organizationId, () => this.repo.find(organizationId, emailId));
    // Gone (its organization erased it) or already settled by an earlier attempt.
    if (!email || email.status === 'sent' || email.status === 'held') return;
    if (!this.transport.configured) {
      await this.db.asTenant(organizationId, () =>
        this.repo.record(organizationId, emailId, { status: 'held', error: HELD_REASON, attempted: false }),
      );
      return;
    }
    try {
      await this.transport.send({
        to: email.to_address,
        subject: email.subject,
        text: email.text_body,
        html: email.html_body,
        headers: email.headers as Record<string, string>,
        ical:
          email.ical && email.ical_method
            ? { method: email.ical_method as 'REQUEST' | 'CANCEL', content: email.ical }
            : null,
      });
    } catch (err) {
      const last = job.retryCount >= job.retryLimit;
      const why = describe(err);
      this.log.warn(`email ${emailId}: attempt ${job.retryCount + 1} failed${last ? ' (giving up)' : ''}: ${why}`);
      await this.db.asTenant(organizationId, () =>
        this.repo.record(organizationId, emailId, { status: last ? 'failed' : 'queued', error: why, attempted: true }),
      );
      throw err;
    }
    await this.db.asTenant(organizationId, () =>
      this.repo.record(organizationId, emailId, { status: 'sent', error: null, attempted: true }),
    );
  }
}
