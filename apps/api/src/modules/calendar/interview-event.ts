import type { CalendarInterview } from './calendar.repository.js';
import type { CalendarEvent } from './ical.js';
import { interviewUid } from './ical.js';

/** "Interview: Noor Haddad – Technical interview": names only, as every subject and summary. */
export function interviewTitle(i: Pick<CalendarInterview, 'candidateName' | 'stepName'>): string {
  return `Interview: ${i.candidateName} – ${i.stepName}`;
}

/**
 * When an interview is, in `timeZone`: "Thursday, 10 December 2026, 15:00–16:00 (Europe/Berlin)";
 * an interview over midnight names both days.
 */
export function formatWhen(start: Date, end: Date, timeZone: string): string {
  const day = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  });
  const time = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const sameDay = day.format(start) === day.format(end);
  const until = sameDay ? time.format(end) : `${day.format(end)}, ${time.format(end)}`;
  return `${day.format(start)}, ${time.format(start)}–${until} (${timeZone})`;
}

/** An interview as a calendar event: the same UID and SEQUENCE in every invitation and feed. */
export function interviewEvent(
  i: CalendarInterview,
  links: { publicUrl: string; kitUrl: string },
  override: { cancelled?: boolean; sequence?: number } = {},
): CalendarEvent {
  const lines = [
    `${i.stepName} with ${i.candidateName} for ${i.openingTitle}.`,
    ...(i.location ? [`Where: ${i.location}`] : []),
    ...(i.videoLink ? [`Video link: ${i.videoLink}`] : []),
    `Interview kit (questions, rubric and your scorecard): ${links.kitUrl}`,
  ];
  return {
    uid: interviewUid(i.id, links.publicUrl),
    sequence: override.sequence ?? i.revision,
    start: i.startsAt,
    end: i.endsAt,
    cancelled: override.cancelled ?? i.cancelled,
    summary: interviewTitle(i),
    description: lines.join('\n'),
    location: i.location ?? i.videoLink,
    url: links.kitUrl,
  };
}
