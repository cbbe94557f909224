import { describe, expect, test } from '@jest/globals';
import { ApiError } from '@/lib/api';
import { arrowMove, isStaleMove, moveErrorMessage, moveLabel, timeInStage } from './pipeline-copy';

const DAY = 86_400_000;
const entered = '2026-12-01T10:00:00.000Z';

describe('pipeline copy', () => {
  test.each([
    [DAY - 1, 'Under a day'],
    [DAY, '1 day'],
    [12 * DAY + 5, '12 days'],
  ])('%i ms in a stage reads "%s"', (ms, text) => {
    expect(timeInStage(entered, Date.parse(entered) + ms)).toBe(text);
  });

  test.each([
    ['screen', 1, { to: 'interviews' }],
    ['screen', -1, { to: 'applied' }],
    ['applied', -1, { refused: 'Applied is the first stage.' }],
    ['offer', 1, { refused: 'Offer is the last active stage. Use Move to hire, reject or withdraw.' }],
  ] as const)('an arrow key from %s (%i) gives %j', (from, direction, result) => {
    expect(arrowMove(from, direction)).toEqual(result);
  });

  test('a final stage refuses any arrow move', () => {
    expect(arrowMove('hired', -1)).toEqual({ refused: expect.stringContaining('is final') });
  });

  test.each([
    ['screen', 'rejected', 'Reject…'],
    ['screen', 'withdrawn', 'Withdraw…'],
    ['offer', 'hired', 'Hire'],
    ['interviews', 'screen', 'Back to Screen'],
  ] as const)('the move menu from %s to %s says "%s"', (from, to, label) => {
    expect(moveLabel(from, to)).toBe(label);
  });

  test('a stale move says someone else moved the card first, and is recognised as stale', () => {
    const stale = new ApiError({ status: 409, code: 'stale_revision', title: 'Stale' });
    expect(moveErrorMessage(stale, 'Noor')).toMatch(/^Someone else moved Noor first\./);
    expect(isStaleMove(stale)).toBe(true);
    expect(isStaleMove(new Error('x'))).toBe(false);
  });

  test('validation errors are listed in one sentence', () => {
    const invalid = new ApiError({
      status: 400,
      code: 'validation_failed',
      title: 'Invalid',
      fieldErrors: [
        { path: 'reason', message: 'Choose a reason.' },
        { path: 'note', message: 'Add a note.' },
      ],
    });
    expect(moveErrorMessage(invalid, 'Noor')).toBe('Choose a reason. Add a note.');
  });
});
