import { describe, expect, test } from '@jest/globals';
import { overdueBy, ratingLabel, recommendationLabel, recommendationTone } from './scorecard-copy';

const due = '2026-12-01T10:00:00.000Z';
const after = (ms: number) => Date.parse(due) + ms;
const MIN = 60_000;
const HOUR = 60 * MIN;

describe('scorecard copy', () => {
  test.each([
    [10_000, '1 minute'],
    [MIN, '1 minute'],
    [59 * MIN, '59 minutes'],
    [HOUR, '1 hour'],
    [47 * HOUR, '47 hours'],
    [48 * HOUR, '2 days'],
    [10 * 24 * HOUR, '10 days'],
  ])('overdue by %i ms reads "%s"', (ms, text) => {
    expect(overdueBy(due, after(ms))).toBe(text);
  });

  test('a rating reads its level and name; "not assessed" is not a number', () => {
    expect(ratingLabel(4)).toMatch(/^4 · \S/);
    expect(ratingLabel('not_assessed')).toBe('Not assessed');
  });

  test.each([
    ['strong_yes', 'yes'],
    ['yes', 'yes'],
    ['no', 'no'],
    ['strong_no', 'no'],
    [null, 'none'],
  ] as const)('recommendation %s reads in the %s tone', (value, tone) => {
    expect(recommendationTone(value)).toBe(tone);
  });

  test('no recommendation says so', () => {
    expect(recommendationLabel(null)).toBe('No recommendation');
  });
});
