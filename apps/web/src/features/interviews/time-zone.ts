/**
 * Interviews are scheduled in the interviewer's time zone: the date and time typed are wall-clock
 * time there, and the interview is shown at that local time beside the reader's own. Users have no
 * stored time zone yet, so the form starts with the browser's.
 */

/** The browser's IANA time zone ("Europe/Berlin"), or UTC when it gives none. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** Every IANA zone the browser knows, with `always` included (the saved or browser zone). */
export function timeZoneOptions(always: readonly string[]): string[] {
  const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] };
  const zones = intl.supportedValuesOf ? intl.supportedValuesOf('timeZone') : [];
  return [...new Set([...zones, ...always, 'UTC'])].sort();
}

/** The wall-clock parts of instant `d` in `zone`. */
function partsIn(d: Date, zone: string) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(d);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour'),
    minute: get('minute'),
    second: get('second'),
  };
}

/** The offset of `zone` from UTC at instant `d`, in minutes (Berlin in winter: 60). */
function offsetMinutes(d: Date, zone: string): number {
  const p = partsIn(d, zone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((asUtc - Math.floor(d.getTime() / 1000) * 1000) / 60_000);
}

/**
 * The instant the wall-clock `date` ("2026-12-01") and `time` ("10:00") describe in `zone`; null
 * when either is incomplete. In a gap (clocks forward) the time is read with the offset before it.
 */
export function zonedInstant(date: string, time: string, zone: string): Date | null {
  const dm = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const tm = /^(\d{2}):(\d{2})/.exec(time);
  if (!dm || !tm) return null;
  const [y, mo, d, h, mi] = [dm[1], dm[2], dm[3], tm[1], tm[2]].map(Number) as [number, number, number, number, number];
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59) return null;
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  const check = new Date(wall);
  if (check.getUTCDate() !== d || check.getUTCMonth() !== mo - 1) return null;
  // Two passes settle the offset around a change of daylight saving time.
  let guess = wall - offsetMinutes(new Date(wall), zone) * 60_000;
  guess = wall - offsetMinutes(new Date(guess), zone) * 60_000;
  return new Date(guess);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The date and time inputs' values for instant `d` in `zone`. */
export function zonedInputs(d: Date, zone: string): { date: string; time: string } {
  const p = partsIn(d, zone);
  return { date: `${p.year}-${pad(p.month)}-${pad(p.day)}`, time: `${pad(p.hour)}:${pad(p.minute)}` };
}

/** "Tue 1 Dec, 10:00 Europe/Berlin": an instant at the wall-clock time of `zone`. */
export function formatInZone(iso: string | Date, zone: string): string {
  const d = typeof iso === 'string' ? new Date(iso) : iso;
  const text = new Intl.DateTimeFormat(undefined, {
    timeZone: zone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  }).format(d);
  return `${text} ${zone.replace(/_/g, ' ')}`;
}
