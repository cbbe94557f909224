import { AnalyticsQuery } from '@scorecard/contracts';

const DAY_MS = 86_400_000;

/** With no dates in the URL, reports cover the last 90 days, today included. */
export const DEFAULT_RANGE_DAYS = 90;

/**
 * The filters as the URL and the inputs hold them: '' is "no bound" (or all openings). A date key
 * missing from the URL means the default range; present but empty means the user cleared it.
 */
export type AnalyticsFilters = { openingId: string; from: string; to: string };

export type FilterErrors = Partial<Record<keyof AnalyticsFilters, string>>;

/** A day in UTC as YYYY-MM-DD: the API counts whole UTC days. */
export function utcDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function defaultRange(now: number): { from: string; to: string } {
  return { from: utcDay(now - (DEFAULT_RANGE_DAYS - 1) * DAY_MS), to: utcDay(now) };
}

export function readFilters(search: URLSearchParams, now: number): AnalyticsFilters {
  const range = defaultRange(now);
  return {
    openingId: search.get('openingId') ?? '',
    from: search.has('from') ? (search.get('from') ?? '') : range.from,
    to: search.has('to') ? (search.get('to') ?? '') : range.to,
  };
}

export function isDefaultRange(f: AnalyticsFilters, now: number): boolean {
  const range = defaultRange(now);
  return f.from === range.from && f.to === range.to;
}

/** The URL for `next`, keeping any other parameters: the default range leaves the dates out. */
export function writeFilters(search: URLSearchParams, next: AnalyticsFilters, now: number): URLSearchParams {
  const copy = new URLSearchParams(search);
  if (next.openingId) copy.set('openingId', next.openingId);
  else copy.delete('openingId');
  if (isDefaultRange(next, now)) {
    copy.delete('from');
    copy.delete('to');
  } else {
    copy.set('from', next.from);
    copy.set('to', next.to);
  }
  return copy;
}

/**
 * Checks the filters with the API's own schema: the query to send, or the sentence to show beside
 * each field that is wrong.
 */
export function checkFilters(
  f: AnalyticsFilters,
): { query: AnalyticsQuery; errors: null } | { query: null; errors: FilterErrors } {
  const parsed = AnalyticsQuery.safeParse({
    openingId: f.openingId || undefined,
    from: f.from || undefined,
    to: f.to || undefined,
  });
  if (parsed.success) return { query: parsed.data, errors: null };
  const errors: FilterErrors = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0];
    if ((field === 'openingId' || field === 'from' || field === 'to') && !errors[field]) {
      errors[field] = field === 'openingId' ? 'This opening doesn’t exist.' : issue.message;
    }
  }
  return { query: null, errors };
}

const dayFormat = new Intl.DateTimeFormat(undefined, {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

/** "12 Sep 2026": a YYYY-MM-DD day, as a person reads it. */
export function formatDay(day: string): string {
  return dayFormat.format(new Date(`${day}T00:00:00Z`));
}

/** "from 28 Aug 2026 to 26 Nov 2026", "since 1 Jan 2026", "up to 26 Nov 2026", or "at any time". */
export function rangeText(f: Pick<AnalyticsFilters, 'from' | 'to'>): string {
  if (f.from && f.to)
    return f.from === f.to ? `on ${formatDay(f.from)}` : `from ${formatDay(f.from)} to ${formatDay(f.to)}`;
  if (f.from) return `since ${formatDay(f.from)}`;
  if (f.to) return `up to ${formatDay(f.to)}`;
  return 'at any time';
}
