import { describe, expect, test } from '@jest/globals';
import {
  meanText,
  missingVotes,
  movementSummary,
  moveText,
  tookText,
  valueText,
  votedLine,
  voteFromKey,
} from './meeting-copy';

const C1 = '00000000-0000-4000-8000-000000000001';
const C2 = '00000000-0000-4000-8000-000000000002';
const meeting = {
  competencies: [
    { key: C1, name: 'Design' },
    { key: C2, name: 'Delivery' },
  ],
};

describe('the meeting’s words', () => {
  test.each([
    ['recommendation', 1, 'Strong no'],
    ['recommendation', 4, 'Strong yes'],
    [C1, 3, '3 · Some evidence for'],
    [C1, 1, '1 · Strong evidence against'],
  ])('%s voted %i reads "%s"', (key, value, text) => {
    expect(valueText(key, value)).toBe(text);
  });

  test.each([
    [
      { first: 4, second: 3, othersMean: 2, movement: 'toward' as const },
      C1,
      '4 → 3, toward the others’ first-round mean (2.0)',
    ],
    [
      { first: 2, second: 1, othersMean: 3.5, movement: 'away' as const },
      'recommendation',
      'No → Strong no, away from the others’ first-round mean (3.5)',
    ],
    [{ first: 2, second: 2, othersMean: 3, movement: 'stayed' as const }, C1, 'Stayed at 2'],
  ])('a move %j on %s reads "%s"', (move, key, text) => {
    expect(moveText(key, { memberId: C1, ...move })).toBe(text);
  });

  test('the result in one sentence', () => {
    expect(movementSummary({ questions: [], toward: 2, away: 1, stayed: 9 })).toBe(
      '3 votes changed between the rounds: 2 toward the others’ first-round mean, 1 away from it; 9 stayed.',
    );
    expect(movementSummary({ questions: [], toward: 0, away: 0, stayed: 6 })).toBe(
      'Nobody changed a vote between the rounds (6 votes stayed).',
    );
  });

  test.each([
    [2.25, '2.3'],
    [3, '3.0'],
    [2 / 3 + 2, '2.7'],
  ])('a mean of %f reads %s', (mean, text) => {
    expect(meanText(mean)).toBe(text);
  });

  test('who has voted in the open round, and nothing between rounds', () => {
    const members = [
      { votedAt: { round1: '2026-01-01T10:00:00Z', round2: null } },
      { votedAt: { round1: null, round2: null } },
      { votedAt: { round1: '2026-01-01T10:01:00Z', round2: null } },
    ] as never;
    expect(votedLine({ status: 'round_1', members })).toBe('2 of 3 have voted');
    expect(votedLine({ status: 'round_2', members })).toBe('0 of 3 have voted');
    expect(votedLine({ status: 'discussion', members })).toBeNull();
  });

  test.each([
    ['2026-01-01T10:00:00Z', '2026-01-01T10:00:40Z', 'under a minute'],
    ['2026-01-01T10:00:00Z', '2026-01-01T10:25:59Z', '25 min'],
    ['2026-01-01T10:00:00Z', '2026-01-01T11:05:00Z', '1 h 5 min'],
    ['2026-01-01T10:00:00Z', '2026-01-01T12:00:00Z', '2 h'],
  ])('from %s to %s took %s', (from, to, text) => {
    expect(tookText(from, to)).toBe(text);
  });

  test('number keys 1 to 4 are votes; anything else is not', () => {
    expect(['1', '2', '3', '4', '0', '5', 'a', 'Enter'].map(voteFromKey)).toEqual([1, 2, 3, 4, null, null, null, null]);
  });

  test('a ballot lists what it still lacks, in ballot order', () => {
    expect(missingVotes(meeting, { [C2]: 3 }, null)).toEqual(['Design', 'Overall recommendation']);
    expect(missingVotes(meeting, { [C1]: 1, [C2]: 3 }, 'yes')).toEqual([]);
  });
});
