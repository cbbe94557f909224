import { Inject, Injectable } from '@nestjs/common';
import { type EmailKind, OPTIONAL_EMAIL_KINDS, type OptionalEmailKind } from '@scorecard/contracts';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/env.js';
import { QueueService } from '../queue/queue.service.js';
import { UserTokensService } from '../tokens/user-tokens.service.js';
import { type EmailContent, renderEmail } from './email-layout.js';
import { MailRepository, type Recipient } from './mail.repository.js';

/** How long an unsubscribe link in an optional email keeps working. */
const UNSUBSCRIBE_TTL_SECONDS = 180 * 24 * 3600;

export function isOptionalKind(kind: EmailKind): kind is OptionalEmailKind {
  return (OPTIONAL_EMAIL_KINDS as readonly string[]).includes(kind);
}

export interface OutgoingEmail {
  organizationId: string;
  kind: EmailKind;
  /** The member it goes to: their address, and for an optional email whether they want it. */
  recipientId: string;
  /** No candidate data beyond names here. */
  subject: string;
  /** The body; the organization's name and, for an optional email, the unsubscribe link are added. */
  content: Omit<EmailContent, 'organizationName' | 'unsubscribeUrl'>;
  ical?: { method: 'REQUEST' | 'CANCEL'; content: string };
  /** The candidate it is about, so erasing the candidate erases the email too. */
  candidateId?: string;
  /** Makes the email exist once per key in the organization (a reminder step, a digest day). */
  dedupeKey?: string;
}

export type EnqueueResult =
  | { queued: true; emailId: string }
  | { queued: false; why: 'opted_out' | 'inactive' | 'duplicate' | 'unknown_recipient' };

/**
 * Sending email: every message is a row in `emails` plus a job on the `email` queue, both written
 * in the caller's transaction, so an email exists exactly when the change that caused it commits.
 * The email worker then delivers it (or holds it, with no mail server), retrying with backoff.
 */
@Injectable()
export class MailService {
  constructor(
    private readonly repo: MailRepository,
    private readonly queue: QueueService,
    private readonly tokens: UserTokensService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** An absolute link into the product: `link('/interviews/…')`. */
  link(path: string): string {
    return `${this.config.publicUrl}${path.startsWith('/') ? '' : '/'}${path}`;
  }

  /** The member an email would go to (their address, name, time zone and opt-outs), or null. */
  recipient(organizationId: string, userId: string): Promise<Recipient | null> {
    return this.repo.recipient(organizationId, userId);
  }

  /**
   * An email to a candidate, who is no member: to their address, about them (so erasure blanks it),
   * never optional. Written like `enqueue`, in the current transaction (issue 24: self-identification).
   */
  async enqueueToCandidate(e: {
    organizationId: string;
    organizationName: string;
    kind: EmailKind;
    candidate: { id: string; name: string; email: string };
    subject: string;
    content: Omit<EmailContent, 'organizationName' | 'unsubscribeUrl'>;
  }): Promise<{ emailId: string }> {
    const { html, text } = renderEmail({ ...e.content, organizationName: e.organizationName });
    const name = e.candidate.name.replace(/["<>]/g, '');
    const emailId = await this.repo.insert({
      organizationId: e.organizationId,
      kind: e.kind,
      recipientId: null,
      to: name ? `${name} <${e.candidate.email}>` : e.candidate.email,
      subject: e.subject,
      text,
      html,
      ical: null,
      headers: {},
      candidateId: e.candidate.id,
      dedupeKey: null,
    });
    if (!emailId) throw new Error('an email without a dedupe key is never a duplicate');
    await this.queue.send(
      'email',
      { organizationId: e.organizationId, emailId },
      { retryDelay: this.config.mailRetryDelaySeconds, retryLimit: this.config.mailRetryLimit },
    );
    return { emailId };
  }

  /** Writes the email and its delivery job in the current transaction (see the class comment). */
  async enqueue(e: OutgoingEmail): Promise<EnqueueResult> {
    const to = await this.repo.recipient(e.organizationId, e.recipientId);
    if (!to) return { queued: false, why: 'unknown_recipient' };
    if (!to.active) return { queued: false, why: 'inactive' };
    const optional = isOptionalKind(e.kind);
    if (optional && (to.email_opt_outs as string[]).includes(e.kind)) return { queued: false, why: 'opted_out' };

    const headers: Record<string, string> = {};
    let unsubscribeUrl: string | undefined;
    if (optional) {
      const token = await this.tokens.issue({
        organizationId: e.organizationId,
        userId: to.id,
        purpose: 'unsubscribe',
        ttlSeconds: UNSUBSCRIBE_TTL_SECONDS,
        data: { kind: e.kind },
      });
      unsubscribeUrl = this.link(`/unsubscribe?token=${token}`);
      // RFC 8058 one-click: the mail client POSTs "List-Unsubscribe=One-Click" to this address.
      headers['List-Unsubscribe'] = `<${this.link(`/api/v1/unsubscribe?token=${token}`)}>`;
      headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
    }
    const { html, text } = renderEmail({ ...e.content, organizationName: to.organization_name, unsubscribeUrl });
    const emailId = await this.repo.insert({
      organizationId: e.organizationId,
      kind: e.kind,
      recipientId: to.id,
      to: to.name ? `${to.name.replace(/["<>]/g, '')} <${to.email}>` : to.email,
      subject: e.subject,
      text,
      html,
      ical: e.ical ?? null,
      headers,
      candidateId: e.candidateId ?? null,
      dedupeKey: e.dedupeKey ?? null,
    });
    if (!emailId) return { queued: false, why: 'duplicate' };
    await this.queue.send(
      'email',
      { organizationId: e.organizationId, emailId },
      {
        retryDelay: this.config.mailRetryDelaySeconds,
        retryLimit: this.config.mailRetryLimit,
      },
    );
    return { queued: true, emailId };
  }
}
