/**
 * Interviewer qualification (issue 24 §5): per competency an interviewer is shadowing,
 * reverse-shadowing or qualified. Shadow sessions (sitting beside a qualified lead) take a
 * shadowing interviewer towards reverse-shadowing; reverse-shadow sessions (leading while a
 * qualified interviewer observes) take them towards qualified. Promotion is never automatic: these
 * rules say when someone is ready, a hiring manager approves.
 */

export type QualificationLevel = 'shadowing' | 'reverse_shadowing' | 'qualified';

/** The kind of a training pairing: a shadow beside a qualified lead, or a trainee leading under a qualified observer. */
export type TrainingMode = 'shadow' | 'reverse_shadow';

export const QUALIFICATION_LEVELS: readonly QualificationLevel[] = ['shadowing', 'reverse_shadowing', 'qualified'];

/** The level after this one, or null when qualified. */
export function nextLevel(level: QualificationLevel): QualificationLevel | null {
  const i = QUALIFICATION_LEVELS.indexOf(level);
  return QUALIFICATION_LEVELS[i + 1] ?? null;
}

/** The organization's rule for moving up. */
export interface QualificationPolicy {
  /** Shadow sessions a shadowing interviewer completes before reverse-shadowing (1–20, default 2). */
  shadowSessions: number;
  /** Reverse-shadow sessions before qualified (1–20, default 2). */
  reverseShadowSessions: number;
  /** Qualifying also needs the calibration check passed. */
  needsCalibration: boolean;
}

export const DEFAULT_QUALIFICATION_POLICY: QualificationPolicy = {
  shadowSessions: 2,
  reverseShadowSessions: 2,
  needsCalibration: false,
};

/** Matched units the calibration check needs, and how far from 0 the offset's interval may reach. */
export const CALIBRATION_CHECK_MIN_UNITS = 10;
export const CALIBRATION_CHECK_BOUND = 0.5;

export type CalibrationCheck = 'passed' | 'outside' | 'not_enough_units';

/**
 * The calibration check: passed when the interviewer's offset rests on at least 10 matched units
 * and its whole 95% interval lies within ±0.5 (a rating point's half: no detectable leniency or
 * severity of that size); `outside` with enough units and an interval reaching past ±0.5;
 * `not_enough_units` below 10 units, or without an interval.
 */
export function calibrationCheck(offset: {
  sample: number;
  interval: { low: number; high: number } | null;
}): CalibrationCheck {
  if (offset.sample < CALIBRATION_CHECK_MIN_UNITS || !offset.interval) return 'not_enough_units';
  const { low, high } = offset.interval;
  return low >= -CALIBRATION_CHECK_BOUND && high <= CALIBRATION_CHECK_BOUND ? 'passed' : 'outside';
}

/**
 * A member's level in a competency with no recorded level: shadowing when the organization starts
 * new interviewers shadowing and the member was created since it began to, otherwise qualified
 * (so nobody who interviewed before qualification existed becomes unqualified).
 */
export function defaultLevel(memberCreatedAt: Date, newInterviewersShadowSince: Date | null): QualificationLevel {
  return newInterviewersShadowSince !== null && memberCreatedAt.getTime() >= newInterviewersShadowSince.getTime()
    ? 'shadowing'
    : 'qualified';
}

/** Where one interviewer stands in one competency. */
export interface CompetencyProgress {
  level: QualificationLevel;
  /** Completed shadow sessions (a submitted shadow scorecard on a step focused on the competency). */
  shadowSessions: number;
  /** Completed reverse-shadow sessions (an interview they led with a qualified observer, their scorecard submitted). */
  reverseShadowSessions: number;
  calibration: CalibrationCheck;
}

export interface Readiness {
  /** The level a promotion would give, null when qualified. */
  next: QualificationLevel | null;
  /** Sessions of the current level done and needed (both 0 when qualified). */
  done: number;
  needed: number;
  /** Whether the calibration check stands in the way (only for the step to qualified, when the organization needs it). */
  calibrationRequired: boolean;
  /** All conditions met: a hiring manager may approve the promotion. */
  ready: boolean;
  /** What the interviewer does next. */
  nextStep: 'shadow' | 'reverse_shadow' | 'calibration' | 'approval' | 'none';
}

/** Whether an interviewer is ready for the next level in a competency, and what is left to do. */
export function readiness(p: CompetencyProgress, policy: QualificationPolicy): Readiness {
  const next = nextLevel(p.level);
  if (next === null) {
    return { next, done: 0, needed: 0, calibrationRequired: false, ready: false, nextStep: 'none' };
  }
  const shadowing = p.level === 'shadowing';
  const needed = shadowing ? policy.shadowSessions : policy.reverseShadowSessions;
  const done = shadowing ? p.shadowSessions : p.reverseShadowSessions;
  const calibrationRequired = !shadowing && policy.needsCalibration;
  const sessionsMet = done >= needed;
  const calibrationMet = !calibrationRequired || p.calibration === 'passed';
  const ready = sessionsMet && calibrationMet;
  const nextStep = !sessionsMet
    ? shadowing
      ? 'shadow'
      : 'reverse_shadow'
    : !calibrationMet
      ? 'calibration'
      : 'approval';
  return { next, done, needed, calibrationRequired, ready, nextStep };
}

export type PairingVerdict = { ok: true } | { ok: false; path: 'interviewerId' | 'lead'; message: string };

/**
 * Whether a training pairing may be scheduled on a step, given each side's levels in the step's
 * focus competencies (a missing key reads as qualified: the caller resolves defaults first).
 * - `shadow`: the interview's interviewer leads and must be qualified in every focus competency;
 *   the added interviewer must be shadowing in at least one of them.
 * - `reverse_shadow`: the interview's interviewer is the trainee, reverse-shadowing in at least one
 *   of them; the added interviewer observes and must be qualified in every one.
 * A step without focus competencies (the candidate's questions) trains nothing.
 */
export function checkPairing(input: {
  mode: TrainingMode;
  focusCompetencyKeys: readonly string[];
  interviewerLevels: Readonly<Record<string, QualificationLevel>>;
  addedLevels: Readonly<Record<string, QualificationLevel>>;
  samePerson: boolean;
}): PairingVerdict {
  const keys = input.focusCompetencyKeys;
  if (keys.length === 0) {
    return {
      ok: false,
      path: 'lead',
      message: 'This step has no focus competencies, so there is nothing to train on.',
    };
  }
  if (input.samePerson) {
    return { ok: false, path: 'interviewerId', message: 'Choose someone other than the interview’s interviewer.' };
  }
  const level = (levels: Readonly<Record<string, QualificationLevel>>, key: string) => levels[key] ?? 'qualified';
  const qualifiedInAll = (levels: Readonly<Record<string, QualificationLevel>>) =>
    keys.every((k) => level(levels, k) === 'qualified');
  const atInSome = (levels: Readonly<Record<string, QualificationLevel>>, wanted: QualificationLevel) =>
    keys.some((k) => level(levels, k) === wanted);
  if (input.mode === 'shadow') {
    if (!qualifiedInAll(input.interviewerLevels)) {
      return {
        ok: false,
        path: 'lead',
        message:
          'A shadow sits beside a qualified lead: this interview’s interviewer is not qualified in every competency of the step.',
      };
    }
    if (!atInSome(input.addedLevels, 'shadowing')) {
      return {
        ok: false,
        path: 'interviewerId',
        message: 'Choose someone who is shadowing in at least one competency of this step.',
      };
    }
    return { ok: true };
  }
  if (!atInSome(input.interviewerLevels, 'reverse_shadowing')) {
    return {
      ok: false,
      path: 'lead',
      message:
        'In a reverse shadow the trainee leads: this interview’s interviewer is not reverse-shadowing in any competency of the step.',
    };
  }
  if (!qualifiedInAll(input.addedLevels)) {
    return {
      ok: false,
      path: 'interviewerId',
      message: 'The observer must be qualified in every competency of this step.',
    };
  }
  return { ok: true };
}
