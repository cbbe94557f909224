import { z } from 'zod';

/** How many days back a calendar feed reaches: older interviews drop out of subscribers' calendars. */
export const CALENDAR_FEED_DAYS_BACK = 60;
/** The most interviews one feed lists (the earliest ones beyond it are left out). */
export const CALENDAR_FEED_MAX_EVENTS = 500;

/** Whether the signed-in user's private calendar feed is on, and since when (its link is shown only once). */
export const CalendarFeed = z
  .object({
    enabled: z.boolean(),
    /** When the current link was made (turned on or last reset); null when the feed is off. */
    since: z.iso.datetime({ offset: true }).nullable(),
  })
  .meta({ id: 'CalendarFeed' });
export type CalendarFeed = z.infer<typeof CalendarFeed>;

/**
 * A new feed link, shown once: only its hash is stored. `webcalUrl` is what calendar apps subscribe
 * to (Apple Calendar, Outlook); `httpsUrl` is the same feed for apps that ask for an http(s) address
 * (Google Calendar's "From URL").
 */
export const CalendarFeedLink = CalendarFeed.extend({
  enabled: z.literal(true),
  since: z.iso.datetime({ offset: true }),
  webcalUrl: z.string().startsWith('webcal://'),
  httpsUrl: z.url({ protocol: /^https?$/ }),
}).meta({ id: 'CalendarFeedLink' });
export type CalendarFeedLink = z.infer<typeof CalendarFeedLink>;

/**
 * The feed's address: `<token>.ics`, the secret the link carries. Anything else is looked up the
 * same way and not found (404), never a validation error that would tell a guess from a revoked link.
 */
export const CalendarFeedParams = z.strictObject({
  file: z.string().min(1).max(200),
});
export type CalendarFeedParams = z.infer<typeof CalendarFeedParams>;

/** The token in a feed's file name (`<token>.ics`), or null when the name is not of that form. */
export function calendarFeedToken(file: string): string | null {
  const match = /^([A-Za-z0-9_-]{20,100})\.ics$/.exec(file);
  return match ? match[1]! : null;
}
