import { describe, expect, it } from '@jest/globals';
import { digestSubject, howLong } from './digest.service.js';

describe('the digest’s wording', () => {
  it.each([
    [2, 3, 'Your Scorecard digest: 2 decisions waiting, 3 scorecards overdue'],
    [1, 1, 'Your Scorecard digest: 1 decision waiting, 1 scorecard overdue'],
    [1, 0, 'Your Scorecard digest: 1 decision waiting'],
    [0, 4, 'Your Scorecard digest: 4 scorecards overdue'],
  ])('a digest with %i decisions and %i overdue scorecards is titled "%s"', (decisions, overdue, subject) => {
    expect(digestSubject(decisions, overdue)).toBe(subject);
  });

  const now = new Date('2026-12-07T13:05:00Z');
  it.each([
    [30 * 1000, '1 minute'],
    [40 * 60_000, '40 minutes'],
    [3_600_000, '1 hour'],
    [47 * 3_600_000, '47 hours'],
    [48 * 3_600_000, '2 days'],
    [10 * 24 * 3_600_000 + 5, '10 days'],
  ])('%i ms ago reads "%s"', (ms, text) => {
    expect(howLong(new Date(now.getTime() - ms), now)).toBe(text);
  });
});
