/**
 * The slice of the organization a report covers: one opening or all, and a half-open time range
 * [from, to) over the day the application was created or, for calibration, the interview started.
 */
export interface Slice {
  openingId: string | null;
  from: Date | null;
  to: Date | null;
}

/**
 * The conditions of a slice on `applications a` (and `interviews i` for calibration days), with
 * their parameters numbered after `first`. Only the filters given appear in the SQL, so each
 * combination gets its own plan: the opening filter reads the (organization, opening, …) index.
 */
export function sliceSql(
  slice: Slice,
  first: number,
  dayColumn: string,
): { openingSql: string; daySql: string; params: unknown[] } {
  const params: unknown[] = [];
  const next = (v: unknown) => {
    params.push(v);
    return `$${first + params.length - 1}`;
  };
  const openingSql = slice.openingId ? ` and a.opening_id = ${next(slice.openingId)}::uuid` : '';
  let daySql = '';
  if (slice.from) daySql += ` and ${dayColumn} >= ${next(slice.from)}::timestamptz`;
  if (slice.to) daySql += ` and ${dayColumn} < ${next(slice.to)}::timestamptz`;
  return { openingSql, daySql, params };
}
