import type { Stage } from './pipeline.js';

/**
 * Scorecard reminders with escalation. After an interview ENDS, its interviewer is reminded to
 * submit the scorecard: step 1 is due `firstHours` after the end, and each later step `repeatHours`
 * after the one before. Steps 1..K (K = `escalateAfter`) remind the interviewer, step K+1 tells the
 * opening's hiring manager, step K+2 its recruiter, and nothing comes after that.
 */
export type ReminderAudience = 'interviewer' | 'hiring_manager' | 'recruiter';

export interface ReminderPolicy {
  /** Hours after the interview ends until the first reminder (1..168). */
  readonly firstHours: number;
  /** Hours between one step and the next (1..336). */
  readonly repeatHours: number;
  /** Reminders to the interviewer before the hiring manager is told (1..10). */
  readonly escalateAfter: number;
  readonly remindInterviewers: boolean;
  readonly escalateToHiringManager: boolean;
  readonly escalateToRecruiter: boolean;
}

export const DEFAULT_REMINDER_POLICY: ReminderPolicy = {
  firstHours: 2,
  repeatHours: 24,
  escalateAfter: 2,
  remindInterviewers: true,
  escalateToHiringManager: true,
  escalateToRecruiter: true,
};

const HOUR = 3_600_000;

/** How many steps the schedule has: the interviewer's K, then the hiring manager, then the recruiter. */
export function reminderStepCount(policy: ReminderPolicy): number {
  return policy.escalateAfter + 2;
}

/** Who step `step` (1-based) goes to. */
export function reminderAudience(step: number, policy: ReminderPolicy): ReminderAudience {
  if (step <= policy.escalateAfter) return 'interviewer';
  return step === policy.escalateAfter + 1 ? 'hiring_manager' : 'recruiter';
}

/** Whether the organization sends the steps of `audience` at all. */
export function audienceEnabled(audience: ReminderAudience, policy: ReminderPolicy): boolean {
  switch (audience) {
    case 'interviewer':
      return policy.remindInterviewers;
    case 'hiring_manager':
      return policy.escalateToHiringManager;
    case 'recruiter':
      return policy.escalateToRecruiter;
  }
}

/** The steps that are sent (a switched-off audience's steps are skipped; the others keep their times). */
export function enabledReminderSteps(policy: ReminderPolicy): number[] {
  const steps: number[] = [];
  for (let n = 1; n <= reminderStepCount(policy); n++) {
    if (audienceEnabled(reminderAudience(n, policy), policy)) steps.push(n);
  }
  return steps;
}

/** When step `step` is due: end + first + (step - 1) × repeat. */
export function reminderDueAt(endsAt: Date, step: number, policy: ReminderPolicy): Date {
  return new Date(endsAt.getTime() + (policy.firstHours + (step - 1) * policy.repeatHours) * HOUR);
}

export interface DueReminder {
  step: number;
  audience: ReminderAudience;
  dueAt: Date;
}

/**
 * The step to send now for one interview, if any: the LATEST step that is due (its time has come),
 * comes after `lastStep` (the last scheduled step already sent, null for none) and whose audience
 * is switched on. Missed steps are not sent one after another (after downtime only the latest
 * goes out), and nothing is ever due before the interview has ended.
 */
export function dueReminder(input: {
  endsAt: Date;
  policy: ReminderPolicy;
  lastStep: number | null;
  now: Date;
}): DueReminder | null {
  const { endsAt, policy, now } = input;
  if (now.getTime() < endsAt.getTime()) return null;
  const last = input.lastStep ?? 0;
  const steps = enabledReminderSteps(policy);
  for (let i = steps.length - 1; i >= 0; i--) {
    const step = steps[i]!;
    if (step <= last) return null;
    const dueAt = reminderDueAt(endsAt, step, policy);
    if (dueAt.getTime() <= now.getTime()) return { step, audience: reminderAudience(step, policy), dueAt };
  }
  return null;
}

/** A manual "remind now" is allowed once an hour per interview. */
export const MANUAL_REMINDER_INTERVAL_SECONDS = 3600;

/** Stages after which a scorecard is no longer chased: the candidate is out of the running. */
export const UNREMINDED_STAGES: readonly Stage[] = ['rejected', 'withdrawn'];

export type RemindNowVerdict =
  | { ok: true }
  | { ok: false; code: 'nothing_to_remind' | 'interview_not_ended'; message: string }
  | { ok: false; code: 'reminder_too_soon'; message: string; retryAfterSeconds: number };

/**
 * Whether someone may press "remind now" for an interview: its scorecard must be owed (interview
 * scheduled and ended, scorecard not submitted, candidate still in the running, or hired), and the
 * last manual reminder must be at least an hour old.
 */
export function canRemindNow(input: {
  status: 'scheduled' | 'cancelled';
  scorecardStatus: 'draft' | 'submitted' | null;
  stage: Stage;
  endsAt: Date;
  lastManualAt: Date | null;
  now: Date;
}): RemindNowVerdict {
  if (input.status === 'cancelled') {
    return { ok: false, code: 'nothing_to_remind', message: 'This interview was cancelled.' };
  }
  if (input.scorecardStatus !== 'draft') {
    return { ok: false, code: 'nothing_to_remind', message: 'The scorecard has been submitted already.' };
  }
  if (UNREMINDED_STAGES.includes(input.stage)) {
    return {
      ok: false,
      code: 'nothing_to_remind',
      message: `The application is ${input.stage}, so its scorecards are no longer chased.`,
    };
  }
  if (input.now.getTime() < input.endsAt.getTime()) {
    return {
      ok: false,
      code: 'interview_not_ended',
      message: 'The interview has not ended yet, so its scorecard is not due.',
    };
  }
  if (input.lastManualAt) {
    const opensAt = input.lastManualAt.getTime() + MANUAL_REMINDER_INTERVAL_SECONDS * 1000;
    if (opensAt > input.now.getTime()) {
      const retryAfterSeconds = Math.max(1, Math.ceil((opensAt - input.now.getTime()) / 1000));
      return {
        ok: false,
        code: 'reminder_too_soon',
        message: `A reminder went out ${agoText(input.now.getTime() - input.lastManualAt.getTime())}; the next one is possible in ${durationText(retryAfterSeconds * 1000)}.`,
        retryAfterSeconds,
      };
    }
  }
  return { ok: true };
}

/** "3 h 20 min", "45 min", "2 days 4 h": a span in plain words, minutes rounded up. */
export function durationText(ms: number): string {
  const minutes = Math.max(1, Math.ceil(ms / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours < 48) return rest ? `${hours} h ${rest} min` : `${hours} h`;
  const days = Math.floor(hours / 24);
  const h = hours % 24;
  return h ? `${days} days ${h} h` : `${days} days`;
}

/** "just now", "5 min ago", "3 h ago", "2 days ago": how long ago something happened, rounded down. */
export function agoText(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.floor(hours / 24)} days ago`;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * The schedule in plain words, as the settings page previews it: "The interviewer is reminded 2 h
 * after the interview ends, then every 24 h (2 reminders); after 2 reminders the hiring manager is
 * told (50 h after the end), then the recruiter (74 h after the end)."
 */
export function describeReminderPolicy(policy: ReminderPolicy): string {
  const { firstHours: first, repeatHours: every, escalateAfter: k } = policy;
  const at = (step: number) => first + (step - 1) * every;
  const escalations = [
    policy.escalateToHiringManager ? { who: 'the hiring manager', at: at(k + 1) } : null,
    policy.escalateToRecruiter ? { who: 'the recruiter', at: at(k + 2) } : null,
  ].filter((x): x is { who: string; at: number } => x !== null);
  if (!policy.remindInterviewers && escalations.length === 0) {
    return 'No scorecard reminders are sent: every step is switched off.';
  }
  const interviewer = !policy.remindInterviewers
    ? 'Interviewers are not reminded'
    : k === 1
      ? `The interviewer is reminded ${first} h after the interview ends (1 reminder)`
      : `The interviewer is reminded ${first} h after the interview ends, then every ${every} h (${plural(k, 'reminder', 'reminders')})`;
  if (escalations.length === 0) return `${interviewer}; nobody else is told.`;
  const [firstTold, thenTold] = escalations;
  const when = (e: { at: number }) => `(${e.at} h after the end)`;
  const told = `${firstTold!.who} is told ${when(firstTold!)}${thenTold ? `, then ${thenTold.who} ${when(thenTold)}` : ''}`;
  return policy.remindInterviewers
    ? `${interviewer}; after ${plural(k, 'reminder', 'reminders')} ${told}.`
    : `${interviewer}; ${told}.`;
}
