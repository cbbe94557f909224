import { describe, expect, test } from '@jest/globals';
import { formatDateTime, formatDuration } from './format-time';

describe('time formats', () => {
  test.each([
    [45, '45 min'],
    [60, '1 h'],
    [90, '1 h 30 min'],
    [125, '2 h 5 min'],
  ])('a duration of %i minutes reads "%s"', (minutes, text) => {
    expect(formatDuration(minutes)).toBe(text);
  });

  test('a date of this year is shown without its year; one of another year with it', () => {
    const now = new Date(2026, 5, 15, 12, 0);
    expect(formatDateTime(new Date(2026, 11, 2, 10, 0), now)).not.toContain('2026');
    expect(formatDateTime(new Date(2025, 11, 2, 10, 0), now)).toContain('2025');
  });
});
