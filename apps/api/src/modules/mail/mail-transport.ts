import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import nodemailer, { type Transporter } from 'nodemailer';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/env.js';

/** One message as the mail server receives it. */
export interface Envelope {
  to: string;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
  ical: { method: 'REQUEST' | 'CANCEL'; content: string } | null;
}

/**
 * The way out: nodemailer over SMTP when SMTP_URL is set. Without it there is no way out, and the
 * email worker holds every message in the Email log instead ("held: no mail server configured").
 */
@Injectable()
export class MailTransport implements OnApplicationShutdown {
  private readonly transporter: Transporter | null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.transporter = config.smtpUrl ? nodemailer.createTransport(config.smtpUrl, { from: config.mailFrom }) : null;
  }

  /** Whether a mail server is configured. */
  get configured(): boolean {
    return this.transporter !== null;
  }

  /** Hands the message to the mail server; throws with the server's answer when it refuses or is down. */
  async send(e: Envelope): Promise<string> {
    if (!this.transporter) throw new Error('no mail server configured');
    const info = (await this.transporter.sendMail({
      from: this.config.mailFrom,
      to: e.to,
      subject: e.subject,
      text: e.text,
      html: e.html,
      headers: e.headers,
      // A calendar invitation: a text/calendar alternative with its METHOD, which mail clients offer
      // to add to the calendar (RFC 6047), plus the same as an .ics attachment.
      ...(e.ical
        ? {
            icalEvent: { method: e.ical.method, filename: 'invite.ics', content: e.ical.content },
          }
        : {}),
    })) as { messageId: string };
    return info.messageId;
  }

  onApplicationShutdown(): void {
    this.transporter?.close();
  }
}
