import { describe, expect, it } from '@jest/globals';
import { allowedMoves, checkStageMove, type Stage } from './pipeline.js';

describe('checkStageMove', () => {
  it.each([
    ['applied', 'screen', null, true],
    ['screen', 'interviews', null, true],
    ['interviews', 'debrief', null, true],
    ['debrief', 'offer', null, true],
    ['offer', 'hired', null, true],
    ['applied', 'interviews', null, false],
    ['screen', 'offer', null, false],
    ['debrief', 'hired', null, false],
    ['interviews', 'screen', null, true],
    ['offer', 'applied', null, true],
    ['screen', 'rejected', null, false],
    ['screen', 'rejected', 'not_a_fit', true],
    ['offer', 'withdrawn', 'other_offer', true],
    ['hired', 'offer', null, false],
    ['rejected', 'applied', null, false],
    ['withdrawn', 'screen', null, false],
    ['rejected', 'withdrawn', 'x', false],
    ['screen', 'screen', null, false],
  ] as const)('%s -> %s (reason %s): %s', (from, to, reason, ok) => {
    expect(checkStageMove({ from, to, reason }).ok).toBe(ok);
  });

  it.each([
    ['applied', 'offer', 'An application moves one stage at a time: from applied the next stage is screen.'],
    ['screen', 'rejected', 'Moving to rejected needs a reason.'],
    ['hired', 'screen', 'The application is hired; that is final.'],
    ['interviews', 'hired', 'Only an application at the offer stage can be hired.'],
  ] as const)('explains why %s -> %s is refused', (from, to, message) => {
    expect(checkStageMove({ from, to, reason: null })).toEqual({ ok: false, message });
  });
});

describe('allowedMoves', () => {
  it.each([
    ['applied', ['screen', 'rejected', 'withdrawn']],
    ['interviews', ['applied', 'screen', 'debrief', 'rejected', 'withdrawn']],
    ['offer', ['applied', 'screen', 'interviews', 'debrief', 'hired', 'rejected', 'withdrawn']],
    ['hired', []],
    ['rejected', []],
  ] as const)('from %s', (from, moves) => {
    expect(allowedMoves(from as Stage)).toEqual(moves);
  });
});
