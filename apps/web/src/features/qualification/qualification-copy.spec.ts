import { describe, expect, test } from '@jest/globals';
import type { CalibrationCheck, CompetencyPath } from '@scorecard/contracts';
import { calibrationText, nextStepText, progressText, remainingText, signed } from './qualification-copy';

const path = (over: Partial<CompetencyPath>): CompetencyPath => ({
  competencyKey: '57d675d5-b1b7-4de7-a458-f848b268d170',
  competency: 'Technical depth',
  level: 'shadowing',
  nextLevel: 'reverse_shadowing',
  shadowSessions: 1,
  reverseShadowSessions: 0,
  done: 1,
  needed: 2,
  calibrationRequired: false,
  ready: false,
  nextStep: 'shadow',
  ...over,
});

describe('a competency’s progress and next step, in words', () => {
  test.each([
    [
      'one of two shadow sessions',
      path({}),
      '1 of 2 shadow sessions',
      'Sit in beside a qualified interviewer as their shadow: 1 shadow session to go.',
    ],
    [
      'reverse shadowing, none done',
      path({ level: 'reverse_shadowing', nextLevel: 'qualified', done: 0, needed: 2, nextStep: 'reverse_shadow' }),
      '0 of 2 reverse-shadow sessions',
      'Lead the interview while a qualified interviewer observes: 2 reverse-shadow sessions to go.',
    ],
    [
      'ready for approval',
      path({ done: 2, ready: true, nextStep: 'approval' }),
      '2 of 2 shadow sessions',
      'Ready: a hiring manager approves your move to reverse shadowing.',
    ],
    [
      'waiting on the calibration check',
      path({ level: 'reverse_shadowing', nextLevel: 'qualified', done: 1, needed: 1, nextStep: 'calibration' }),
      '1 of 1 reverse-shadow session',
      'Pass the calibration check: your ratings on 10 or more units, with your offset’s interval within ±0.5.',
    ],
    [
      'qualified',
      path({ level: 'qualified', nextLevel: null, done: 0, needed: 0, nextStep: 'none' }),
      'Qualified',
      'You lead interviews on this competency, and may have a shadow beside you.',
    ],
  ])('%s', (_what, c, progress, next) => {
    expect(progressText(c)).toBe(progress);
    expect(nextStepText(c)).toBe(next);
  });
});

describe('the calibration check in words', () => {
  test.each<[string, CalibrationCheck, string]>([
    [
      'too few units',
      { state: 'not_enough_units', units: 8, offset: 0.5, interval: null },
      'Not enough data yet: 8 units of the 10 needed.',
    ],
    [
      'outside (the worked example of docs/MEASUREMENT.md)',
      { state: 'outside', units: 16, offset: 0.5, interval: { low: 0.2248, high: 0.7752 } },
      'Not passed: offset +0.50 (95% interval +0.22 to +0.78) on 16 units; the interval must lie within ±0.5.',
    ],
    [
      'passed',
      { state: 'passed', units: 24, offset: -0.1, interval: { low: -0.3, high: 0.1 } },
      'Passed: offset \u22120.10 (95% interval \u22120.30 to +0.10) on 24 units, within ±0.5.',
    ],
  ])('%s', (_what, check, text) => {
    expect(calibrationText(check)).toBe(text);
  });

  test('shows no sign on a zero', () => {
    expect(signed(0)).toBe('0.00');
    expect(signed(-0.001)).toBe('0.00');
  });
});

describe('what is left before a promotion, for the hiring manager', () => {
  test.each([
    [path({}), '1 more shadow session'],
    [
      path({ level: 'reverse_shadowing', done: 0, needed: 2, nextStep: 'reverse_shadow' }),
      '2 more reverse-shadow sessions',
    ],
    [path({ done: 1, needed: 1, nextStep: 'calibration' }), 'the calibration check'],
    [path({ done: 2, ready: true, nextStep: 'approval' }), null],
  ])('%#: %s', (c, text) => {
    expect(remainingText(c)).toBe(text);
  });
});
