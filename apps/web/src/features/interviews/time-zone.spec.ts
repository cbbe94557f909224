import { describe, expect, test } from '@jest/globals';
import { formatInZone, timeZoneOptions, zonedInputs, zonedInstant } from './time-zone';

describe('wall-clock time in the interviewer’s time zone', () => {
  test.each([
    ['Berlin in winter (UTC+1)', '2026-12-01', '10:00', 'Europe/Berlin', '2026-12-01T09:00:00.000Z'],
    ['Berlin in summer (UTC+2)', '2026-07-01', '10:00', 'Europe/Berlin', '2026-07-01T08:00:00.000Z'],
    ['New York in winter (UTC−5)', '2026-12-01', '09:30', 'America/New_York', '2026-12-01T14:30:00.000Z'],
    ['Kolkata (UTC+5:30)', '2026-12-01', '10:00', 'Asia/Kolkata', '2026-12-01T04:30:00.000Z'],
    ['UTC', '2026-12-01', '00:00', 'UTC', '2026-12-01T00:00:00.000Z'],
    [
      'in the spring-forward gap, with the offset before it',
      '2026-03-29',
      '02:30',
      'Europe/Berlin',
      '2026-03-29T01:30:00.000Z',
    ],
  ])('%s', (_name, date, time, zone, iso) => {
    expect(zonedInstant(date, time, zone)?.toISOString()).toBe(iso);
  });

  test.each([
    ['', '10:00'],
    ['2026-12-01', ''],
    ['2026-06-31', '10:00'],
    ['2026-13-01', '10:00'],
    ['2026-12-01', '24:00'],
  ])('an incomplete or impossible date "%s" time "%s" gives no instant', (date, time) => {
    expect(zonedInstant(date, time, 'Europe/Berlin')).toBeNull();
  });

  test('the inputs of an instant in a zone read back to the same instant', () => {
    const instant = new Date('2026-12-31T23:15:00.000Z');
    const inputs = zonedInputs(instant, 'Europe/Berlin');
    expect(inputs).toEqual({ date: '2027-01-01', time: '00:15' });
    expect(zonedInstant(inputs.date, inputs.time, 'Europe/Berlin')?.getTime()).toBe(instant.getTime());
  });

  test('a time shown in a zone names the zone, readable', () => {
    expect(formatInZone('2026-12-01T09:00:00Z', 'America/New_York')).toMatch(/ America\/New York$/);
  });

  test('the zone list always holds the saved zone and UTC, sorted, once each', () => {
    const zones = timeZoneOptions(['Europe/Berlin', 'Europe/Berlin']);
    expect(zones.filter((z) => z === 'Europe/Berlin')).toHaveLength(1);
    expect(zones).toContain('UTC');
    expect([...zones].sort()).toEqual(zones);
  });
});
