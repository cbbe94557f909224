/** The browser's IANA time zone ("Europe/Berlin"), or UTC when it gives none. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** Every IANA zone the browser knows, sorted, with `always` (the saved and the browser's zone) and UTC included. */
export function timeZoneOptions(always: readonly string[]): string[] {
  const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] };
  const zones = intl.supportedValuesOf ? intl.supportedValuesOf('timeZone') : [];
  return [...new Set([...zones, ...always, 'UTC'])].sort();
}

/** "America/New York (now 08:05)": a zone as a person reads it, with its current time. */
export function zoneLabel(zone: string, now = new Date()): string {
  try {
    const time = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit' }).format(now);
    return `${zone.replace(/_/g, ' ')} (now ${time})`;
  } catch {
    return zone.replace(/_/g, ' ');
  }
}
