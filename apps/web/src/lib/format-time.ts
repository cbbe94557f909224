// Dates, times and durations in the person's own locale and time zone, one way across the app.
const dateTime: Intl.DateTimeFormatOptions = {
  weekday: 'short',
  month: 'short',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
};
const toMinute = {
  thisYear: new Intl.DateTimeFormat(undefined, dateTime),
  withYear: new Intl.DateTimeFormat(undefined, { ...dateTime, year: 'numeric' }),
};
const toSecond = {
  thisYear: new Intl.DateTimeFormat(undefined, { ...dateTime, second: '2-digit' }),
  withYear: new Intl.DateTimeFormat(undefined, { ...dateTime, year: 'numeric', second: '2-digit' }),
};
const timeOnly = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });

function formatter(date: Date, now: Date, formats = toMinute): Intl.DateTimeFormat {
  return date.getFullYear() === now.getFullYear() ? formats.thisYear : formats.withYear;
}

const toDate = (value: Date | string) => (typeof value === 'string' ? new Date(value) : value);

/** "Tue, Dec 2, 10:00 AM" (with the year when it isn't this year). */
export function formatDateTime(value: Date | string, now = new Date()): string {
  const date = toDate(value);
  return formatter(date, now).format(date);
}

/** "Tue, Dec 2, 10:00:05 AM": for a log, where several things often happen in the same minute. */
export function formatDateTimeToSecond(value: Date | string, now = new Date()): string {
  const date = toDate(value);
  return formatter(date, now, toSecond).format(date);
}

/** "Tue, Dec 2, 10:00 – 10:45 AM": a slot, with its end time. */
export function formatSlot(startsAt: string, endsAt: string, now = new Date()): string {
  const start = new Date(startsAt);
  return formatter(start, now).formatRange(start, new Date(endsAt));
}

/** "10:42 AM": when something happened today. */
export function formatTime(value: Date): string {
  return timeOnly.format(value);
}

/** "45 min", "1 h", "1 h 30 min". */
export function formatDuration(minutes: number): string {
  if (minutes < 60) return `${minutes} min`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}
