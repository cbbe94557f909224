import { describe, expect, it } from '@jest/globals';
import {
  calibrationCheck,
  checkPairing,
  defaultLevel,
  nextLevel,
  readiness,
  type CompetencyProgress,
  type QualificationLevel,
  type QualificationPolicy,
} from './qualification.js';

const policy: QualificationPolicy = { shadowSessions: 2, reverseShadowSessions: 3, needsCalibration: false };
const withCalibration: QualificationPolicy = { ...policy, needsCalibration: true };

describe('the level after each level', () => {
  it.each([
    ['shadowing', 'reverse_shadowing'],
    ['reverse_shadowing', 'qualified'],
    ['qualified', null],
  ] as const)('%s → %s', (level, next) => {
    expect(nextLevel(level)).toBe(next);
  });
});

describe('the calibration check: 10+ matched units and the whole interval within ±0.5', () => {
  it.each([
    // sample, interval, verdict
    [10, { low: -0.5, high: 0.5 }, 'passed'], // the bounds themselves pass
    [25, { low: -0.2, high: 0.3 }, 'passed'],
    [10, { low: -0.51, high: 0.1 }, 'outside'],
    [40, { low: 0.6, high: 0.9 }, 'outside'], // lenient by more than half a point
    [9, { low: -0.1, high: 0.1 }, 'not_enough_units'],
    [12, null, 'not_enough_units'],
    [0, null, 'not_enough_units'],
  ] as const)('%i units, %j: %s', (sample, interval, verdict) => {
    expect(calibrationCheck({ sample, interval })).toBe(verdict);
  });
});

describe('the level of a member with no recorded level', () => {
  const since = new Date('2026-03-01T00:00:00Z');
  it.each([
    ['no shadowing for new interviewers', new Date('2026-05-01T00:00:00Z'), null, 'qualified'],
    ['created before new interviewers started shadowing', new Date('2026-01-01T00:00:00Z'), since, 'qualified'],
    ['created the very moment it began', since, since, 'shadowing'],
    ['created after', new Date('2026-03-02T00:00:00Z'), since, 'shadowing'],
  ] as const)('%s: %s', (_what, created, shadowSince, level) => {
    expect(defaultLevel(created, shadowSince)).toBe(level);
  });
});

describe('readiness for the next level (shadow 2, reverse shadow 3)', () => {
  const at = (
    level: QualificationLevel,
    shadow: number,
    reverse: number,
    calibration: CompetencyProgress['calibration'],
  ) => ({ level, shadowSessions: shadow, reverseShadowSessions: reverse, calibration }) as const;
  it.each([
    // progress, policy → ready, done, needed, nextStep
    ['shadowing, none done', at('shadowing', 0, 0, 'not_enough_units'), policy, false, 0, 2, 'shadow'],
    ['shadowing, one of two', at('shadowing', 1, 0, 'not_enough_units'), policy, false, 1, 2, 'shadow'],
    ['shadowing, two of two', at('shadowing', 2, 0, 'not_enough_units'), policy, true, 2, 2, 'approval'],
    ['shadowing, more than needed', at('shadowing', 5, 0, 'outside'), policy, true, 5, 2, 'approval'],
    // the calibration check only stands before qualified
    [
      'shadowing, two done, check needed but not passed',
      at('shadowing', 2, 0, 'outside'),
      withCalibration,
      true,
      2,
      2,
      'approval',
    ],
    ['reverse shadowing, two of three', at('reverse_shadowing', 9, 2, 'passed'), policy, false, 2, 3, 'reverse_shadow'],
    [
      'reverse shadowing, three of three',
      at('reverse_shadowing', 0, 3, 'not_enough_units'),
      policy,
      true,
      3,
      3,
      'approval',
    ],
    [
      'three of three, check needed, too few units',
      at('reverse_shadowing', 0, 3, 'not_enough_units'),
      withCalibration,
      false,
      3,
      3,
      'calibration',
    ],
    [
      'three of three, check needed, outside',
      at('reverse_shadowing', 0, 3, 'outside'),
      withCalibration,
      false,
      3,
      3,
      'calibration',
    ],
    [
      'three of three, check needed and passed',
      at('reverse_shadowing', 0, 3, 'passed'),
      withCalibration,
      true,
      3,
      3,
      'approval',
    ],
    ['qualified', at('qualified', 0, 0, 'passed'), withCalibration, false, 0, 0, 'none'],
  ] as const)('%s', (_what, progress, rule, ready, done, needed, nextStep) => {
    expect(readiness(progress, rule)).toMatchObject({ ready, done, needed, nextStep });
  });

  it('says the calibration check is required only on the way to qualified, when the organization asks for it', () => {
    expect(readiness(at('reverse_shadowing', 0, 0, 'passed'), withCalibration).calibrationRequired).toBe(true);
    expect(readiness(at('shadowing', 0, 0, 'passed'), withCalibration).calibrationRequired).toBe(false);
    expect(readiness(at('reverse_shadowing', 0, 0, 'passed'), policy).calibrationRequired).toBe(false);
  });
});

describe('who may be paired on a step focused on competencies A and B', () => {
  const keys = ['A', 'B'];
  it.each([
    // mode, interviewer's levels, added person's levels, ok, refused path
    ['shadow: qualified lead, shadowing trainee', 'shadow', {}, { A: 'shadowing' }, true, null],
    ['shadow: trainee shadowing in B only', 'shadow', {}, { A: 'qualified', B: 'shadowing' }, true, null],
    [
      'shadow: lead still reverse-shadowing in B',
      'shadow',
      { B: 'reverse_shadowing' },
      { A: 'shadowing' },
      false,
      'lead',
    ],
    ['shadow: the added person is already qualified', 'shadow', {}, {}, false, 'interviewerId'],
    [
      'shadow: the added person is reverse-shadowing, not shadowing',
      'shadow',
      {},
      { A: 'reverse_shadowing' },
      false,
      'interviewerId',
    ],
    ['reverse: trainee leads, qualified observer', 'reverse_shadow', { A: 'reverse_shadowing' }, {}, true, null],
    ['reverse: the lead is only shadowing', 'reverse_shadow', { A: 'shadowing' }, {}, false, 'lead'],
    ['reverse: the lead is qualified', 'reverse_shadow', {}, {}, false, 'lead'],
    [
      'reverse: the observer is not qualified in B',
      'reverse_shadow',
      { A: 'reverse_shadowing' },
      { B: 'shadowing' },
      false,
      'interviewerId',
    ],
  ] as const)('%s', (_what, mode, interviewerLevels, addedLevels, ok, path) => {
    const verdict = checkPairing({
      mode,
      focusCompetencyKeys: keys,
      interviewerLevels,
      addedLevels,
      samePerson: false,
    });
    expect(verdict.ok).toBe(ok);
    if (!verdict.ok) expect(verdict.path).toBe(path);
  });

  it('refuses a step without focus competencies', () => {
    expect(
      checkPairing({
        mode: 'shadow',
        focusCompetencyKeys: [],
        interviewerLevels: {},
        addedLevels: { A: 'shadowing' },
        samePerson: false,
      }),
    ).toMatchObject({ ok: false, path: 'lead' });
  });

  it('refuses pairing someone with themselves', () => {
    expect(
      checkPairing({
        mode: 'shadow',
        focusCompetencyKeys: keys,
        interviewerLevels: {},
        addedLevels: {},
        samePerson: true,
      }),
    ).toMatchObject({ ok: false, path: 'interviewerId' });
  });
});
