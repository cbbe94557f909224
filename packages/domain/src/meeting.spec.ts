import { describe, expect, it } from '@jest/globals';
import {
  afterVote,
  checkMeetingAction,
  discussionOrder,
  meetingOpen,
  panelMovement,
  roundRevealed,
  voteMovement,
  voteSpread,
  votingRound,
  type MeetingAction,
  type MeetingStatus,
} from './meeting.js';

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

describe('the meeting’s state machine', () => {
  const host = { host: true, member: true, admin: false };
  const member = { host: false, member: true, admin: false };
  const outsider = { host: false, member: false, admin: false };
  const admin = { host: false, member: false, admin: true };
  type Actor = typeof host;

  it.each<[string, MeetingStatus, MeetingAction, 1 | 2 | undefined, Actor, number, MeetingStatus | string]>([
    // name, status, action, round, actor, votes cast → next status, or the refusal's code
    ['a member votes in round 1', 'round_1', 'vote', 1, member, 0, 'round_1'],
    ['the host votes too', 'round_1', 'vote', 1, host, 2, 'round_1'],
    ['someone off the panel may not vote', 'round_1', 'vote', 1, outsider, 0, 'forbidden'],
    ['an admin off the panel may not vote', 'round_1', 'vote', 1, admin, 0, 'forbidden'],
    ['a vote for round 2 while round 1 is open', 'round_1', 'vote', 2, member, 0, 'invalid_transition'],
    ['no vote during the discussion', 'discussion', 'vote', 1, member, 0, 'invalid_transition'],
    ['a member votes in round 2', 'round_2', 'vote', 2, member, 1, 'round_2'],
    ['a late vote for round 1 once round 2 is open', 'round_2', 'vote', 1, member, 1, 'invalid_transition'],
    ['no vote once finished', 'finished', 'vote', 2, member, 3, 'invalid_transition'],
    ['no vote once cancelled', 'cancelled', 'vote', 1, member, 0, 'invalid_transition'],
    ['the host reveals round 1 early', 'round_1', 'reveal', 1, host, 1, 'discussion'],
    ['nothing to reveal before any vote', 'round_1', 'reveal', 1, host, 0, 'invalid_transition'],
    ['a member may not reveal', 'round_1', 'reveal', 1, member, 3, 'forbidden'],
    ['an admin who is not the host may not reveal', 'round_1', 'reveal', 1, admin, 3, 'forbidden'],
    ['revealing round 2 finishes the meeting', 'round_2', 'reveal', 2, host, 2, 'finished'],
    ['a stale reveal of round 1 during round 2', 'round_2', 'reveal', 1, host, 2, 'invalid_transition'],
    ['no reveal during the discussion', 'discussion', 'reveal', 1, host, 0, 'invalid_transition'],
    ['the host opens round 2 after the discussion', 'discussion', 'open_round_2', undefined, host, 0, 'round_2'],
    [
      'round 2 does not open before round 1 is revealed',
      'round_1',
      'open_round_2',
      undefined,
      host,
      3,
      'invalid_transition',
    ],
    ['a member may not open round 2', 'discussion', 'open_round_2', undefined, member, 0, 'forbidden'],
    ['the host cancels', 'round_2', 'cancel', undefined, host, 0, 'cancelled'],
    ['an admin cancels', 'discussion', 'cancel', undefined, admin, 0, 'cancelled'],
    ['a member may not cancel', 'round_1', 'cancel', undefined, member, 0, 'forbidden'],
    ['a finished meeting cannot be cancelled', 'finished', 'cancel', undefined, host, 0, 'invalid_transition'],
    [
      'a member may not cancel a finished meeting either (who comes before when)',
      'finished',
      'cancel',
      undefined,
      member,
      0,
      'forbidden',
    ],
    ['someone off the panel may not vote once cancelled either', 'cancelled', 'vote', 1, outsider, 0, 'forbidden'],
  ])('%s', (_name, status, action, round, actor, votesCast, expected) => {
    const verdict = checkMeetingAction({ status, action, round, actor, votesCast });
    if (verdict.ok) expect(verdict.next).toBe(expected);
    else expect(verdict.code).toBe(expected);
  });

  it.each<[MeetingStatus, number, number, MeetingStatus]>([
    ['round_1', 2, 3, 'round_1'],
    ['round_1', 3, 3, 'discussion'], // the last vote reveals the round
    ['round_2', 1, 3, 'round_2'],
    ['round_2', 3, 3, 'finished'],
  ])('after a vote in %s with %i of %i in: %s', (status, cast, members, next) => {
    expect(afterVote(status, cast, members)).toBe(next);
  });

  it.each<[MeetingStatus, 1 | 2 | null, boolean, boolean, boolean]>([
    // status, voting round, round 1 shown, round 2 shown, open
    ['round_1', 1, false, false, true],
    ['discussion', null, true, false, true],
    ['round_2', 2, true, false, true],
    ['finished', null, true, true, false],
    ['cancelled', null, false, false, false],
  ])('%s: voting round %s, round 1 shown %s, round 2 shown %s, open %s', (status, round, r1, r2, open) => {
    expect([votingRound(status), roundRevealed(status, 1), roundRevealed(status, 2), meetingOpen(status)]).toEqual([
      round,
      r1,
      r2,
      open,
    ]);
  });
});

describe('the discussion’s order', () => {
  it.each([
    [[], 0],
    [[3], 0],
    [[2, 2, 2], 0],
    [[1, 4, 3], 3],
    [[2, 3], 1],
  ])('the spread of %j is %i', (votes, spread) => {
    expect(voteSpread(votes)).toBe(spread);
  });

  it('takes the largest spread first and keeps rubric order among ties', () => {
    const order = discussionOrder([
      { key: 'a', votes: [3, 3, 3] }, // 0
      { key: 'b', votes: [2, 3, 3] }, // 1
      { key: 'c', votes: [1, 4, 2] }, // 3
      { key: 'd', votes: [4, 3, 3] }, // 1
    ]);
    expect(order).toEqual([
      { key: 'c', spread: 3 },
      { key: 'b', spread: 1 },
      { key: 'd', spread: 1 },
      { key: 'a', spread: 0 },
    ]);
  });
});
