import { describe, expect, it } from '@jest/globals';
import { ErrorCode } from '@scorecard/contracts';
import { ZodError } from 'zod';
import { AppError, ERRORS } from './app-error.js';
import { toProblem } from './problem.js';

describe('the error table: one status and one title per code', () => {
  it('has an entry for every code of the contracts, and none other', () => {
    expect(Object.keys(ERRORS).sort()).toEqual([...ErrorCode.options].sort());
  });

  it.each(ErrorCode.options)('%s answers with the status and title of its entry', (code) => {
    const { body } = toProblem(new AppError(code, 'Something specific.'), 'req-1');
    expect(body).toEqual({
      type: `https://scorecard.dev/problems/${code}`,
      title: ERRORS[code].title,
      status: ERRORS[code].status,
      detail: 'Something specific.',
      code,
      requestId: 'req-1',
    });
  });

  it('keeps apart a state that forbids a change (409) and a stage that does not allow an action (422)', () => {
    expect(new AppError('invalid_transition', 'Already erased.').status).toBe(409);
    expect(new AppError('wrong_stage', 'A decision is made at the debrief stage.').status).toBe(422);
    expect(new AppError('no_rubric', 'The opening has no rubric.').status).toBe(422);
  });

  it('answers field errors and headers as given', () => {
    const err = new AppError('too_many_attempts', 'Wait a minute.', { headers: { 'retry-after': '60' } });
    expect(toProblem(err, 'r').headers).toEqual({ 'retry-after': '60' });
    const invalid = toProblem(AppError.invalid([{ path: 'email', message: 'Enter an email.' }]), 'r').body;
    expect(invalid).toMatchObject({ status: 400, code: 'validation_failed', errors: [{ path: 'email' }] });
  });

  it('answers a zod error thrown anywhere as the same 400 validation problem', () => {
    const zod = new ZodError([{ code: 'custom', path: ['name'], message: 'Enter a name.', input: '' }]);
    expect(toProblem(zod, 'r')).toEqual(toProblem(AppError.invalid([{ path: 'name', message: 'Enter a name.' }]), 'r'));
  });
});
