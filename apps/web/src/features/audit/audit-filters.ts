import type { AuditEventListQuery } from '@scorecard/contracts';

/**
 * The log's filters and page as the URL and the inputs hold them ('' is "any"). Dates are days in
 * the viewer's own time zone; `before` / `after` are the keyset cursors of the page shown.
 */
export type AuditFilters = {
  actor: string;
  action: string;
  entityType: string;
  from: string;
  to: string;
  before: string;
  after: string;
};

export const EMPTY_FILTERS: AuditFilters = {
  actor: '',
  action: '',
  entityType: '',
  from: '',
  to: '',
  before: '',
  after: '',
};

const KEYS = Object.keys(EMPTY_FILTERS) as (keyof AuditFilters)[];
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function readFilters(search: URLSearchParams): AuditFilters {
  const f = { ...EMPTY_FILTERS };
  for (const key of KEYS) f[key] = search.get(key) ?? '';
  return f;
}

export function writeFilters(f: AuditFilters): URLSearchParams {
  const search = new URLSearchParams();
  for (const key of KEYS) if (f[key]) search.set(key, f[key]);
  return search;
}

export function isFiltered(f: AuditFilters): boolean {
  return Boolean(f.actor || f.action || f.entityType || f.from || f.to);
}

/** A local day's first instant (`from`) or last instant (`to`), as the API's ISO bound. */
function localBound(day: string, end: boolean): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const start = new Date(y, m - 1, d);
  return end ? new Date(new Date(y, m - 1, d + 1).getTime() - 1).toISOString() : start.toISOString();
}

export type DateErrors = { from?: string; to?: string };

export function dateErrors(f: AuditFilters): DateErrors | null {
  const errors: DateErrors = {};
  if (f.from && !DAY.test(f.from)) errors.from = 'Use a date such as 2026-11-01.';
  if (f.to && !DAY.test(f.to)) errors.to = 'Use a date such as 2026-11-01.';
  if (!errors.from && !errors.to && f.from && f.to && f.from > f.to)
    errors.to = 'The end must not be before the start.';
  return errors.from || errors.to ? errors : null;
}

/** The API query for the filters (dates already checked with `dateErrors`). */
export function toQuery(f: AuditFilters, pageSize: number): Partial<AuditEventListQuery> {
  return {
    pageSize,
    actor: f.actor || undefined,
    action: f.action || undefined,
    entityType: f.entityType || undefined,
    from: f.from ? localBound(f.from, false) : undefined,
    to: f.to ? localBound(f.to, true) : undefined,
    before: f.before || undefined,
    after: f.before ? undefined : f.after || undefined,
  };
}
