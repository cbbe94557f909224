import { RecruiterHomeQuery } from '@scorecard/contracts';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** "3 days", "1 day": whole days since `since` (stuck applications are always over a day in). */
export function daysSince(since: string, now: number): string {
  const days = Math.max(0, Math.floor((now - Date.parse(since)) / DAY_MS));
  return days === 1 ? '1 day' : `${days} days`;
}

/** "5 hours", "2 days": how long ago a due time passed. */
export function overdueBy(dueAt: string, now: number): string {
  const ms = Math.max(0, now - Date.parse(dueAt));
  if (ms < HOUR_MS) return 'under an hour';
  if (ms < DAY_MS) {
    const hours = Math.floor(ms / HOUR_MS);
    return hours === 1 ? '1 hour' : `${hours} hours`;
  }
  const days = Math.floor(ms / DAY_MS);
  return days === 1 ? '1 day' : `${days} days`;
}

/**
 * The "stuck after" threshold as typed: a whole number of days within the contract's range, or the
 * sentence to show under the field.
 */
export function parseStuckDays(raw: string): { ok: true; value: number } | { ok: false; message: string } {
  const text = raw.trim();
  if (text === '') return { ok: false, message: 'Enter a number of days from 1 to 365.' };
  if (!/^\d+$/.test(text)) return { ok: false, message: 'Use a whole number of days, for example 7.' };
  const parsed = RecruiterHomeQuery.shape.stuckDays.unwrap().safeParse(text);
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? 'Use 1 to 365 days.' };
  return { ok: true, value: parsed.data };
}

const dateTime = new Intl.DateTimeFormat(undefined, {
  month: 'short',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
});
const date = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric' });

export const formatDateTime = (iso: string) => dateTime.format(new Date(iso));
export const formatDate = (iso: string) => date.format(new Date(iso));

/** "45 min", "5 h", "2 d": a duration short enough for a list (minutes, hours below a day, then days to the nearest). */
export function shortDuration(ms: number): string {
  const abs = Math.abs(ms);
  if (abs < HOUR_MS) return `${Math.max(1, Math.floor(abs / 60_000))} min`;
  if (abs < DAY_MS) return `${Math.floor(abs / HOUR_MS)} h`;
  return `${Math.round(abs / DAY_MS)} d`;
}

/** "due in 5 h" or "overdue by 2 d": time left to a feedback due time, counted from `now`. */
export function dueIn(dueAt: string, now: number): string {
  const ms = Date.parse(dueAt) - now;
  return ms >= 0 ? `due in ${shortDuration(ms)}` : `overdue by ${shortDuration(ms)}`;
}

/** "3 h ago", "2 d ago". */
export function ago(at: string, now: number): string {
  return `${shortDuration(Math.max(0, now - Date.parse(at)))} ago`;
}

const time = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });
const weekdayTime = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  month: 'short',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
});

export const formatTime = (iso: string) => time.format(new Date(iso));
export const formatWeekdayTime = (iso: string) => weekdayTime.format(new Date(iso));

/** "1 scorecard", "3 scorecards". */
export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
