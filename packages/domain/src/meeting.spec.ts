import { describe, expect, it } from '@jest/globals';
import { panelMovement, voteMovement } from './meeting.js';

describe('one vote moving between the two rounds', () => {
  it.each([
    // first, second, others' mean → movement
    [2, 2, 3.5, 'stayed'],
    [2, 3, 3.5, 'toward'],
    [4, 3, 2, 'toward'],
    [2, 1, 3, 'away'],
    [3, 4, 3, 'away'], // started on the mean: any change is away
    [2, 4, 3, 'away'], // crossed the mean and ended as far from it
    [1, 4, 3, 'toward'], // crossed it and ended nearer (2 → 1)
    [4, 1, 2, 'toward'], // 2 → 1, across the mean
  ] as const)('%i then %i, against an others’ mean of %f: %s', (first, second, mean, movement) => {
    expect(voteMovement(first, second, mean)).toBe(movement);
  });
});

describe('a panel’s movement', () => {
  // Worked by hand. First votes: Ana 4, Ben 2, Cy 2. Others' means: Ana (2+2)/2 = 2, Ben (4+2)/2 = 3,
  // Cy (4+2)/2 = 3. Ana 4 → 3 moves toward 2; Ben 2 → 3 moves toward 3; Cy stays at 2.
  const result = panelMovement([
    { member: 'Ana', first: 4, second: 3 },
    { member: 'Ben', first: 2, second: 3 },
    { member: 'Cy', first: 2, second: 2 },
  ]);

  it.each([
    ['Ana', 2, 'toward'],
    ['Ben', 3, 'toward'],
    ['Cy', 3, 'stayed'],
  ] as const)('%s: others’ mean %f, %s', (member, mean, movement) => {
    expect(result.members.find((m) => m.member === member)).toMatchObject({ othersMean: mean, movement });
  });

  it('counts who moved toward, away and who stayed', () => {
    expect([result.toward, result.away, result.stayed]).toEqual([2, 0, 1]);
  });

  it('has no movement for a panel of one: nobody to conform to', () => {
    expect(panelMovement([{ member: 'Solo', first: 3, second: 1 }])).toEqual({
      members: [{ member: 'Solo', first: 3, second: 1, othersMean: null, movement: null }],
      toward: 0,
      away: 0,
      stayed: 0,
    });
  });
});
