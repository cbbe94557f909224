import { TZDate } from '@date-fns/tz';
import timezones from '@touch4it/ical-timezones';
import ical, {
  ICalAttendeeRole,
  ICalAttendeeStatus,
  ICalCalendarMethod,
  ICalEventStatus,
  type ICalCalendar,
} from 'ical-generator';

/** One interview as a calendar event (RFC 5545 VEVENT). */
export interface CalendarEvent {
  /** Stable per interview: an update or a cancellation replaces the event with this UID. */
  uid: string;
  /** The interview's revision: a client applies a message only if its SEQUENCE is not older. */
  sequence: number;
  start: Date;
  end: Date;
  cancelled: boolean;
  /** Names only: "Interview: Noor Haddad – Technical interview". */
  summary: string;
  description: string;
  location: string | null;
  /** The interview kit. */
  url: string;
}

export interface Person {
  name: string;
  email: string;
}

/** `interview-<id>@<host of PUBLIC_URL>`: the UID of an interview's event, in every message and feed. */
export function interviewUid(interviewId: string, publicUrl: string): string {
  return `interview-${interviewId}@${new URL(publicUrl).hostname}`;
}

/** The name and address of a `Name <address>` or bare `address` (MAIL_FROM). */
export function parseMailbox(value: string): Person {
  const m = /^\s*(.*?)\s*<([^<>\s]+)>\s*$/.exec(value);
  if (m) return { name: m[1]!.replace(/^"|"$/g, '') || 'Scorecard', email: m[2]! };
  return { name: 'Scorecard', email: value.trim() };
}

const UTC_ZONES = new Set(['UTC', 'Etc/UTC', 'GMT', 'Etc/GMT', 'Etc/UCT', 'UCT', 'Zulu', 'Etc/Zulu', 'Universal']);

/**
 * The zone to write local times in, or null for UTC times (`…Z`). A TZID needs its VTIMEZONE in
 * the same object (RFC 5545 3.2.19); a zone with no published definition is written in UTC instead,
 * which every client shows correctly in its own zone.
 */
export function calendarZone(timeZone: string): string | null {
  if (UTC_ZONES.has(timeZone)) return null;
  return timezones.getVtimezoneComponent(timeZone) ? timeZone : null;
}

/**
 * An iCalendar object: an invitation (`REQUEST`), its cancellation (`CANCEL`, RFC 5546 iTIP) or a
 * subscribed feed (`PUBLISH`). Start and end are written in `timeZone` with its TZID and VTIMEZONE
 * (ical-generator formats a `TZDate` in its zone; a plain Date would be formatted in the server's).
 */
export function buildCalendar(input: {
  method: 'REQUEST' | 'CANCEL' | 'PUBLISH';
  timeZone: string;
  events: CalendarEvent[];
  /** The sender (ORGANIZER) and the invitee (ATTENDEE) of an invitation or a cancellation. */
  organizer?: Person;
  attendee?: Person;
  /** A feed's name in the subscriber's calendar list. */
  name?: string;
  /** How often a subscriber should refresh the feed, in seconds. */
  refreshSeconds?: number;
  now?: Date;
}): string {
  const zone = calendarZone(input.timeZone);
  const cal: ICalCalendar = ical({
    prodId: { company: 'Scorecard', product: 'Interviews', language: 'EN' },
    method: ICalCalendarMethod[input.method],
    // No calendar-wide zone (it would also move DTSTAMP out of UTC); the generator adds the
    // VTIMEZONE of every event's zone.
    timezone: { name: '', generator: (tz) => timezones.getVtimezoneComponent(tz) },
    ...(input.name ? { name: input.name } : {}),
    ...(input.refreshSeconds ? { ttl: input.refreshSeconds } : {}),
  });
  const stamp = input.now ?? new Date();
  const at = (d: Date) => (zone ? new TZDate(d.getTime(), zone) : d);
  for (const e of input.events) {
    const event = cal.createEvent({
      id: e.uid,
      sequence: e.sequence,
      stamp,
      start: at(e.start),
      end: at(e.end),
      ...(zone ? { timezone: zone } : {}),
      summary: e.summary,
      description: e.description,
      location: e.location,
      url: e.url,
      status: e.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      ...(input.organizer ? { organizer: input.organizer } : {}),
    });
    if (input.attendee) {
      event.createAttendee({
        name: input.attendee.name,
        email: input.attendee.email,
        role: ICalAttendeeRole.REQ,
        status: ICalAttendeeStatus.NEEDSACTION,
        // Replies would go to MAIL_FROM, which reads none: the interview is changed in Scorecard.
        rsvp: false,
      });
    }
  }
  return cal.toString();
}
