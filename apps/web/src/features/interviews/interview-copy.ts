import type { Interview, InterviewAssignment } from '@scorecard/contracts';
import { ApiError, errorMessage } from '@/lib/api';
import { formatDateTime } from '@/lib/format-time';

export { formatDateTime, formatDuration, formatSlot } from '@/lib/format-time';

export type ScorecardState = 'scheduled' | 'awaiting' | 'overdue' | 'submitted' | 'cancelled' | 'none';

/**
 * Where the interview and its feedback stand: "scheduled" until it starts (nobody owes feedback on an
 * interview that hasn't happened), then awaiting feedback, overdue once the due time has passed.
 */
export function scorecardState(interview: Interview, now: number): ScorecardState {
  if (interview.status === 'cancelled') return 'cancelled';
  if (interview.scorecard?.status === 'submitted') return 'submitted';
  if (Date.parse(interview.startsAt) > now) return 'scheduled';
  if (!interview.scorecard) return 'none';
  return Date.parse(interview.feedbackDueAt) < now ? 'overdue' : 'awaiting';
}

export const SCORECARD_STATE_LABELS: Record<ScorecardState, string> = {
  scheduled: 'Scheduled',
  awaiting: 'Awaiting feedback',
  overdue: 'Overdue',
  submitted: 'Submitted',
  cancelled: 'Cancelled',
  none: 'No scorecard',
};

/**
 * "Assigned to Ines Okafor by Riley Recruiter on Wed, Nov 26, 9:12 AM; reassigned to Mateo Silva by
 * Riley Recruiter on Thu, Nov 27, 4:05 PM."
 */
export function assignmentHistory(assignments: readonly InterviewAssignment[], now = new Date()): string {
  const parts = assignments.map((a, index) => {
    const by = a.by ? ` by ${a.by.name}` : '';
    return `${index === 0 ? 'Assigned' : 'reassigned'} to ${a.interviewer.name}${by} on ${formatDateTime(a.at, now)}`;
  });
  return `${parts.join('; ')}.`;
}

/** Someone changed the interview first, or it can no longer change (cancelled, feedback submitted). */
export function isConflict(error: unknown): boolean {
  return error instanceof ApiError && error.status === 409;
}

/** A sentence for a refused or failed change to an interview. */
export function interviewErrorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.code === 'stale_revision' || error.code === 'conflict') {
      return 'Someone changed this interview after you opened it. The list now shows the latest; check it and try again.';
    }
    if (isConflict(error)) return `${error.detail ?? error.title} The list now shows the latest.`;
  }
  return errorMessage(error);
}

/** An interview's seat in a training pairing, in words; null for an ordinary interview. */
export function trainingSeatLabel(interview: Interview): string | null {
  const t = interview.training;
  if (!t) return null;
  if (t.mode === 'shadow') return t.trainee ? 'Shadow' : 'Lead, with a shadow';
  return t.trainee ? 'Trainee leads (reverse shadow)' : 'Observer (reverse shadow)';
}
