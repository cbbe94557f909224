import { describe, expect, it } from '@jest/globals';
import ICAL from 'ical.js';
import { buildCalendar, type CalendarEvent, calendarZone, interviewUid, parseMailbox } from './ical.js';
import { formatWhen } from './interview-event.js';

const event = (over: Partial<CalendarEvent> = {}): CalendarEvent => ({
  uid: 'interview-1@scorecard.example.com',
  sequence: 2,
  start: new Date('2026-07-10T12:00:00Z'),
  end: new Date('2026-07-10T13:00:00Z'),
  cancelled: false,
  summary: 'Interview: Noor Haddad – Technical, deep dive; part 1',
  description: 'Line one.\nInterview kit: https://scorecard.example.com/interviews/1',
  location: 'Room 4, second floor',
  url: 'https://scorecard.example.com/interviews/1',
  ...over,
});

/** The calendar parsed back with ical.js, its time zones registered so TZID times resolve. */
function parse(text: string) {
  const cal = new ICAL.Component(ICAL.parse(text));
  for (const tz of cal.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  return { cal, events: cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v)) };
}

describe('buildCalendar', () => {
  it('writes local times with a TZID and its VTIMEZONE, resolving to the right instant in summer and in winter', () => {
    const winter = event({
      uid: 'winter@x',
      start: new Date('2026-12-10T14:00:00Z'),
      end: new Date('2026-12-10T15:30:00Z'),
    });
    const text = buildCalendar({ method: 'REQUEST', timeZone: 'Europe/Berlin', events: [event(), winter] });
    const { cal, events } = parse(text);
    expect(cal.getFirstPropertyValue('method')).toBe('REQUEST');
    expect(cal.getAllSubcomponents('vtimezone').map((z) => z.getFirstPropertyValue('tzid'))).toEqual(['Europe/Berlin']);
    expect(text).toContain('DTSTART;TZID=Europe/Berlin:20260710T140000');
    expect(text).toContain('DTSTART;TZID=Europe/Berlin:20261210T150000');
    expect(events[0]!.startDate.toJSDate().toISOString()).toBe('2026-07-10T12:00:00.000Z');
    expect(events[1]!.startDate.toJSDate().toISOString()).toBe('2026-12-10T14:00:00.000Z');
    expect(events[1]!.endDate.toJSDate().toISOString()).toBe('2026-12-10T15:30:00.000Z');
    // DTSTAMP is UTC whatever the zone (RFC 5545 3.8.7.2).
    expect(text).toMatch(/^DTSTAMP:\d{8}T\d{6}Z\r$/m);
  });

  it('escapes text and keeps every line within 75 octets', () => {
    const text = buildCalendar({ method: 'PUBLISH', timeZone: 'UTC', events: [event()] });
    const { events } = parse(text);
    expect(events[0]!.summary).toBe('Interview: Noor Haddad – Technical, deep dive; part 1');
    expect(events[0]!.location).toBe('Room 4, second floor');
    expect(events[0]!.description).toBe(event().description);
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
  });

  it('writes UTC times (no TZID) for UTC and for a zone with no published definition', () => {
    expect(calendarZone('UTC')).toBeNull();
    expect(calendarZone('Etc/UTC')).toBeNull();
    expect(calendarZone('America/New_York')).toBe('America/New_York');
    const text = buildCalendar({ method: 'PUBLISH', timeZone: 'UTC', events: [event()] });
    expect(text).toContain('DTSTART:20260710T120000Z');
    expect(text).not.toContain('BEGIN:VTIMEZONE');
  });

  it('marks a cancellation: METHOD:CANCEL, STATUS:CANCELLED, the organizer and the attendee', () => {
    const text = buildCalendar({
      method: 'CANCEL',
      timeZone: 'America/New_York',
      events: [event({ cancelled: true })],
      organizer: parseMailbox('Scorecard Hiring <hiring@scorecard.test>'),
      attendee: { name: 'Ines Interviewer', email: 'ines@example.com' },
    });
    const { cal, events } = parse(text);
    expect(cal.getFirstPropertyValue('method')).toBe('CANCEL');
    const vevent = events[0]!.component;
    expect(vevent.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(vevent.getFirstPropertyValue('sequence')).toBe(2);
    // A URI's scheme is case-insensitive: ical-generator writes MAILTO for attendees.
    expect(String(vevent.getFirstPropertyValue('organizer')).toLowerCase()).toBe('mailto:hiring@scorecard.test');
    expect(String(vevent.getFirstPropertyValue('attendee')).toLowerCase()).toBe('mailto:ines@example.com');
  });
});

describe('the helpers', () => {
  it('makes the UID from the interview and the public host', () => {
    expect(interviewUid('abc', 'https://scorecard.example.com/app')).toBe('interview-abc@scorecard.example.com');
  });

  it('reads MAIL_FROM with or without a name', () => {
    expect(parseMailbox('Scorecard <hiring@x.test>')).toEqual({ name: 'Scorecard', email: 'hiring@x.test' });
    expect(parseMailbox('"Acme Hiring" <hiring@x.test>')).toEqual({ name: 'Acme Hiring', email: 'hiring@x.test' });
    expect(parseMailbox('hiring@x.test')).toEqual({ name: 'Scorecard', email: 'hiring@x.test' });
  });

  it('says when, in the reader’s zone, naming both days for an interview over midnight', () => {
    const start = new Date('2026-12-10T14:00:00Z');
    expect(formatWhen(start, new Date('2026-12-10T15:00:00Z'), 'Europe/Berlin')).toBe(
      'Thursday, 10 December 2026, 15:00–16:00 (Europe/Berlin)',
    );
    expect(formatWhen(new Date('2026-12-10T22:30:00Z'), new Date('2026-12-10T23:30:00Z'), 'Europe/Berlin')).toBe(
      'Thursday, 10 December 2026, 23:30–Friday, 11 December 2026, 00:30 (Europe/Berlin)',
    );
  });
});
