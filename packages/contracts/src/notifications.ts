import { z } from 'zod';
import { Uuid } from './common.js';
import { TimeZone } from './interviews.js';
import { EmailKind, OptionalEmailKind } from './messaging.js';

/**
 * What each optional email is, in one line, for the preferences page and the unsubscribe page.
 * Invitations and password resets are not here: they always go out.
 */
export const OPTIONAL_EMAIL_DESCRIPTIONS: Record<OptionalEmailKind, string> = {
  scorecard_reminder: 'Reminders to write a scorecard you owe, after the interview has ended.',
  scorecard_escalation: 'Notices that someone else’s scorecard is overdue on an opening you hire or recruit for.',
  calendar_invitation: 'Calendar invitations (and updates and cancellations) for interviews you run.',
  digest: 'A daily summary at 08:00 of decisions waiting and scorecards overdue on your openings (hiring managers).',
};

/** The signed-in user's own email preferences. */
export const Preferences = z
  .object({
    /** IANA time zone: the digest arrives at 08:00 here, and emails show times here. */
    timeZone: z.string(),
    /** The optional emails the user gets: every optional kind not turned off. */
    emails: z.record(OptionalEmailKind, z.boolean()),
  })
  .meta({ id: 'Preferences' });
export type Preferences = z.infer<typeof Preferences>;

/** A change of preferences: the time zone, and any optional emails turned on (true) or off (false). */
export const UpdatePreferencesRequest = z
  .strictObject({
    timeZone: TimeZone.optional(),
    emails: z
      .strictObject({
        scorecard_reminder: z.boolean().optional(),
        scorecard_escalation: z.boolean().optional(),
        calendar_invitation: z.boolean().optional(),
        digest: z.boolean().optional(),
      })
      .optional(),
  })
  .meta({ id: 'UpdatePreferencesRequest' });
export type UpdatePreferencesRequest = z.infer<typeof UpdatePreferencesRequest>;

/** The unsubscribe link's token, from an optional email (`?token=…`). */
export const UnsubscribeQuery = z.strictObject({
  token: z.string().trim().min(1, 'The link has no token.').max(200, 'The link’s token is too long.'),
});
export type UnsubscribeQuery = z.infer<typeof UnsubscribeQuery>;

/**
 * The body of a one-click unsubscribe: nothing, `{}`, or what a mail client sends under RFC 8058
 * (`List-Unsubscribe=One-Click`, form-encoded).
 */
export const UnsubscribeRequest = z.strictObject({ 'List-Unsubscribe': z.literal('One-Click').optional() }).optional();
export type UnsubscribeRequest = z.infer<typeof UnsubscribeRequest>;

/** What an unsubscribe link is about (GET, which changes nothing) or what it turned off (POST). */
export const Unsubscription = z
  .object({
    organization: z.object({ id: Uuid, name: z.string() }),
    /** The member the link belongs to (only their name: the page greets them). */
    user: z.object({ id: Uuid, name: z.string() }),
    kind: OptionalEmailKind,
    /** "Daily digest". */
    kindLabel: z.string(),
    description: z.string(),
    /** Whether this kind is off for the user (after a POST: always true). */
    unsubscribed: z.boolean(),
  })
  .meta({ id: 'Unsubscription' });
export type Unsubscription = z.infer<typeof Unsubscription>;

/** Every email kind that a user may not turn off. */
export const ALWAYS_SENT_EMAIL_KINDS = EmailKind.options.filter(
  (k) => !(OptionalEmailKind.options as readonly string[]).includes(k),
);
