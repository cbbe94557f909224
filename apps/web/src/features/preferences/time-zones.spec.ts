import { describe, expect, test } from '@jest/globals';
import { timeZoneOptions, zoneLabel } from './time-zones';

describe('the time zone choices of Your notifications', () => {
  test('offer every zone the browser knows, sorted, with the saved zone and UTC always among them', () => {
    const zones = timeZoneOptions(['Europe/Berlin', 'Etc/Saved_Elsewhere']);
    expect(zones).toContain('America/New_York');
    expect(zones).toContain('Etc/Saved_Elsewhere');
    expect(zones).toContain('UTC');
    expect([...zones].sort()).toEqual(zones);
    expect(new Set(zones).size).toBe(zones.length);
  });

  test('name a zone as a person reads it, with its time now', () => {
    const at = new Date('2026-12-07T13:05:00Z');
    expect(zoneLabel('America/New_York', at)).toBe('America/New York (now 08:05)');
    expect(zoneLabel('Asia/Tokyo', at)).toBe('Asia/Tokyo (now 22:05)');
  });
});
