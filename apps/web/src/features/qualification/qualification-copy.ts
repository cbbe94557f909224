import { QUALIFICATION_LEVEL_LABELS, type CalibrationCheck, type CompetencyPath } from '@scorecard/contracts';

const MINUS = '\u2212';

/** "1 session", "2 sessions". */
export function sessions(n: number, kind: 'shadow' | 'reverse-shadow' = 'shadow'): string {
  return `${n} ${kind} ${n === 1 ? 'session' : 'sessions'}`;
}

/** A figure with two decimals and its sign: "+0.50", "−0.12", "0.00". */
export function signed(value: number): string {
  // Half up on the magnitude, two decimals (kept here so the home does not load the domain package).
  const shown = (Math.round(Math.abs(value) * 100 + 1e-9) / 100).toFixed(2);
  if (Number(shown) === 0) return shown;
  return value > 0 ? `+${shown}` : `${MINUS}${shown}`;
}

/** Where someone stands in one competency, in a few words: "1 of 2 shadow sessions", "Qualified". */
export function progressText(c: CompetencyPath): string {
  if (c.level === 'qualified') return 'Qualified';
  const kind = c.level === 'shadowing' ? 'shadow' : 'reverse-shadow';
  return `${c.done} of ${sessions(c.needed, kind)}`;
}

/** What comes next in one competency, as a sentence to the interviewer. */
export function nextStepText(c: CompetencyPath): string {
  const left = Math.max(c.needed - c.done, 0);
  switch (c.nextStep) {
    case 'shadow':
      return `Sit in beside a qualified interviewer as their shadow: ${sessions(left)} to go.`;
    case 'reverse_shadow':
      return `Lead the interview while a qualified interviewer observes: ${sessions(left, 'reverse-shadow')} to go.`;
    case 'calibration':
      return 'Pass the calibration check: your ratings on 10 or more units, with your offset’s interval within ±0.5.';
    case 'approval':
      return `Ready: a hiring manager approves your move to ${QUALIFICATION_LEVEL_LABELS[c.nextLevel ?? 'qualified'].toLowerCase()}.`;
    case 'none':
      return 'You lead interviews on this competency, and may have a shadow beside you.';
  }
}

/** The calibration check in words: its state, the offset with its interval, and the units behind it. */
export function calibrationText(check: CalibrationCheck): string {
  const units = `${check.units} ${check.units === 1 ? 'unit' : 'units'}`;
  if (check.state === 'not_enough_units' || check.offset === null || check.interval === null) {
    return `Not enough data yet: ${units} of the 10 needed.`;
  }
  const figure = `offset ${signed(check.offset)} (95% interval ${signed(check.interval.low)} to ${signed(check.interval.high)}) on ${units}`;
  return check.state === 'passed'
    ? `Passed: ${figure}, within ±0.5.`
    : `Not passed: ${figure}; the interval must lie within ±0.5.`;
}

/** What is left before a promotion, for the hiring manager: "1 more shadow session", "the calibration check". */
export function remainingText(c: CompetencyPath): string | null {
  const left = Math.max(c.needed - c.done, 0);
  if (c.nextStep === 'shadow') return `${left} more ${left === 1 ? 'shadow session' : 'shadow sessions'}`;
  if (c.nextStep === 'reverse_shadow')
    return `${left} more ${left === 1 ? 'reverse-shadow session' : 'reverse-shadow sessions'}`;
  if (c.nextStep === 'calibration') return 'the calibration check';
  return null;
}
