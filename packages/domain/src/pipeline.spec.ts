import { describe, expect, it } from '@jest/globals';
import {
  allowedMoves,
  checkStageMove,
  checkUndo,
  UNDO_WINDOW_SECONDS,
  type Stage,
  type UndoneMove,
} from './pipeline.js';

describe('checkStageMove', () => {
  it.each([
    ['applied', 'screen', null, true],
    ['screen', 'interviews', null, true],
    ['interviews', 'debrief', null, true],
    ['debrief', 'offer', null, true],
    ['offer', 'hired', null, true],
    ['applied', 'interviews', null, true],
    ['applied', 'debrief', null, true],
    ['screen', 'debrief', null, true],
    ['applied', 'offer', null, false],
    ['screen', 'offer', null, false],
    ['interviews', 'offer', null, false],
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
    ['applied', 'offer', 'An offer follows the debrief: move the application to debrief first.'],
    ['screen', 'rejected', 'Moving to rejected needs a reason.'],
    ['hired', 'screen', 'The application is hired; that is final.'],
    ['interviews', 'hired', 'Only an application at the offer stage can be hired.'],
  ] as const)('explains why %s -> %s is refused', (from, to, message) => {
    expect(checkStageMove({ from, to, reason: null })).toEqual({ ok: false, message });
  });
});

describe('allowedMoves', () => {
  it.each([
    ['applied', ['screen', 'interviews', 'debrief', 'rejected', 'withdrawn']],
    ['interviews', ['applied', 'screen', 'debrief', 'rejected', 'withdrawn']],
    ['debrief', ['applied', 'screen', 'interviews', 'offer', 'rejected', 'withdrawn']],
    ['offer', ['applied', 'screen', 'interviews', 'debrief', 'hired', 'rejected', 'withdrawn']],
    ['hired', []],
    ['rejected', []],
  ] as const)('from %s', (from, moves) => {
    expect(allowedMoves(from as Stage)).toEqual(moves);
  });
});

describe('checkUndo', () => {
  const at = new Date('2026-01-05T10:00:00Z');
  const move = (over: Partial<UndoneMove> = {}): UndoneMove => ({
    id: 'm1',
    from: 'interviews',
    to: 'rejected',
    by: 'u1',
    at,
    isUndo: false,
    byDecision: false,
    ...over,
  });
  const seconds = (s: number) => new Date(at.getTime() + s * 1000);

  it.each([
    ['a rejection, by its author, 3 s later', move(), 'u1', 3, 'interviews'],
    ['a move forward', move({ from: 'screen', to: 'interviews' }), 'u1', 9, 'screen'],
    ['a move back past several stages', move({ from: 'debrief', to: 'applied' }), 'u1', 1, 'debrief'],
    ['a hire', move({ from: 'offer', to: 'hired' }), 'u1', 1, 'offer'],
    ['at the end of the window', move(), 'u1', UNDO_WINDOW_SECONDS, 'interviews'],
  ] as const)('allows undoing %s', (_name, last, caller, after, to) => {
    expect(checkUndo({ undoOf: 'm1', last, callerId: caller, now: seconds(after) })).toEqual({ ok: true, to });
  });

  it.each([
    [
      'a move that is no longer the latest',
      'm0',
      move(),
      'u1',
      1,
      'Only the latest move can be undone; the application has moved since.',
    ],
    [
      'an application without moves',
      'm1',
      null,
      'u1',
      1,
      'Only the latest move can be undone; the application has moved since.',
    ],
    ['someone else’s move', 'm1', move(), 'u2', 1, 'Only the person who made a move can undo it.'],
    [
      'a move past the window',
      'm1',
      move(),
      'u1',
      UNDO_WINDOW_SECONDS + 1,
      `A move can be undone for ${UNDO_WINDOW_SECONDS} seconds; move the application instead.`,
    ],
    ['applying', 'm1', move({ from: null, to: 'applied' }), 'u1', 1, 'Applying is not a move that can be undone.'],
    ['an undo', 'm1', move({ isUndo: true }), 'u1', 1, 'An undo can’t be undone; move the application instead.'],
    [
      'a decision’s move',
      'm1',
      move({ byDecision: true }),
      'u1',
      1,
      'A move made by a decision can’t be undone; the decision stays on record.',
    ],
  ] as const)('refuses undoing %s', (_name, undoOf, last, caller, after, message) => {
    expect(checkUndo({ undoOf, last, callerId: caller, now: seconds(after) })).toEqual({ ok: false, message });
  });
});
