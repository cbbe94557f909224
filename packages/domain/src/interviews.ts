/**
 * Interview scheduling rules: when an interview ends, when its feedback is due, and which
 * applications can still be interviewed.
 */
import { FINAL_STAGES, type Stage } from './pipeline.js';

export const DEFAULT_FEEDBACK_HOURS = 24;
const HOUR = 3_600_000;
const MINUTE = 60_000;

export type ScheduleTimes =
  | { ok: true; startsAt: Date; endsAt: Date; feedbackDueAt: Date }
  | { ok: false; path: 'feedbackDueAt' | 'startsAt'; message: string };

/**
 * The interview's end and feedback due time. Feedback is due 24 hours after the end unless a due
 * time is given, and a given due time must come after the end.
 */
export function scheduleTimes(input: {
  startsAt: Date;
  durationMinutes: number;
  feedbackDueAt?: Date | null;
}): ScheduleTimes {
  const { startsAt, durationMinutes } = input;
  if (Number.isNaN(startsAt.getTime())) return { ok: false, path: 'startsAt', message: 'Enter a valid start time.' };
  const endsAt = new Date(startsAt.getTime() + durationMinutes * MINUTE);
  const feedbackDueAt = input.feedbackDueAt ?? new Date(endsAt.getTime() + DEFAULT_FEEDBACK_HOURS * HOUR);
  if (feedbackDueAt.getTime() <= endsAt.getTime()) {
    return { ok: false, path: 'feedbackDueAt', message: 'Feedback must be due after the interview ends.' };
  }
  return { ok: true, startsAt, endsAt, feedbackDueAt };
}

/** Interviews can be scheduled for an application until it reaches a final stage. */
export function canScheduleInterview(stage: Stage): { ok: true } | { ok: false; message: string } {
  return FINAL_STAGES.includes(stage)
    ? { ok: false, message: `The application is ${stage}, so no more interviews can be scheduled.` }
    : { ok: true };
}

export type ReassignVerdict = { ok: true } | { ok: false; message: string };

/** An interview can be reassigned or cancelled only while its feedback has not been submitted. */
export function canChangeInterview(input: {
  status: 'scheduled' | 'cancelled';
  scorecardStatus: 'draft' | 'submitted' | null;
}): ReassignVerdict {
  if (input.status === 'cancelled') return { ok: false, message: 'This interview was cancelled.' };
  if (input.scorecardStatus === 'submitted') {
    return { ok: false, message: 'Feedback for this interview is already submitted, so it can no longer change.' };
  }
  return { ok: true };
}
