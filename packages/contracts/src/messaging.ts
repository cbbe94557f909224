import { z } from 'zod';
import { PageQuery, Uuid, paginated } from './common.js';

/** Every kind of email the product sends. */
export const EmailKind = z.enum([
  'invitation',
  'password_reset',
  'scorecard_reminder',
  'scorecard_escalation',
  'calendar_invitation',
  'digest',
  'webhook_disabled',
  'self_id',
]);
export type EmailKind = z.infer<typeof EmailKind>;

/** The emails a user may turn off; an invitation and a password reset always go out. */
export const OptionalEmailKind = z.enum([
  'scorecard_reminder',
  'scorecard_escalation',
  'calendar_invitation',
  'digest',
]);
export type OptionalEmailKind = z.infer<typeof OptionalEmailKind>;
export const OPTIONAL_EMAIL_KINDS = OptionalEmailKind.options;

export const EMAIL_KIND_LABELS: Record<EmailKind, string> = {
  invitation: 'Invitation',
  password_reset: 'Password reset',
  scorecard_reminder: 'Scorecard reminder',
  scorecard_escalation: 'Overdue scorecard (escalation)',
  calendar_invitation: 'Calendar invitation',
  digest: 'Daily digest',
  webhook_disabled: 'Webhook endpoint disabled',
  self_id: 'Voluntary self-identification (to a candidate)',
};

/**
 * Where an email is: `queued` (waiting for the queue, or retrying after an error), `sent` (the mail
 * server accepted it), `held` (no mail server is configured: kept here only), `failed` (every retry
 * failed; `lastError` says why).
 */
export const EmailStatus = z.enum(['queued', 'sent', 'held', 'failed']);
export type EmailStatus = z.infer<typeof EmailStatus>;

export const EMAIL_STATUS_LABELS: Record<EmailStatus, string> = {
  queued: 'Queued',
  sent: 'Sent',
  held: 'Held',
  failed: 'Failed',
};

/** What a held email's log entry says instead of an error. */
export const HELD_REASON = 'held: no mail server configured';

export const EmailSummary = z
  .object({
    id: Uuid,
    kind: EmailKind,
    to: z.string(),
    recipientId: Uuid.nullable(),
    recipientName: z.string().nullable(),
    subject: z.string(),
    status: EmailStatus,
    attempts: z.number().int(),
    /** Why the last attempt failed, or HELD_REASON for a held email; null once sent. */
    lastError: z.string().nullable(),
    createdAt: z.iso.datetime({ offset: true }),
    sentAt: z.iso.datetime({ offset: true }).nullable(),
  })
  .meta({ id: 'EmailSummary' });
export type EmailSummary = z.infer<typeof EmailSummary>;

export const EmailList = paginated(EmailSummary);
export type EmailList = z.infer<typeof EmailList>;

export const EmailListQuery = PageQuery.extend({
  status: EmailStatus.optional(),
  kind: EmailKind.optional(),
  /** Part of the recipient's address or the subject. */
  q: z.string().trim().max(120).optional(),
});
export type EmailListQuery = z.infer<typeof EmailListQuery>;

export const EmailDetail = EmailSummary.extend({
  text: z.string(),
  html: z.string(),
  /** Extra headers sent with it (List-Unsubscribe, List-Unsubscribe-Post). */
  headers: z.record(z.string(), z.string()),
  /** The iCalendar attachment of a calendar invitation (METHOD:REQUEST or CANCEL), else null. */
  ical: z.string().nullable(),
}).meta({ id: 'EmailDetail' });
export type EmailDetail = z.infer<typeof EmailDetail>;
