import {
  InterviewLocation,
  ScheduleInterviewRequest,
  VideoLink,
  isTimeZone,
  type Interview,
  type UpdateInterviewRequest,
} from '@scorecard/contracts';
import { DEFAULT_FEEDBACK_HOURS, scheduleTimes } from '@scorecard/domain';
import { z } from 'zod';
import { browserTimeZone, zonedInputs, zonedInstant } from './time-zone';

/**
 * The schedule and reschedule forms. People type dates and times as wall-clock time in the chosen
 * time zone (the interviewer's; the browser's by default); the output carries Date objects, which
 * become ISO 8601 with the local offset on the way to the API. Durations, the due-after-end rule,
 * the time zone and the video link (completed with https://) are the contract's and the domain's own.
 */

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The value of a date input for `d` in local time: "2025-12-02". */
export function dateInputValue(d: Date): string {
  return `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The value of a time input for `d` in local time: "10:00". */
export function timeInputValue(d: Date): string {
  return `${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The local instant a date input and a time input describe, or null when either is incomplete. */
export function fromInputs(date: string, time: string): Date | null {
  const dm = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const tm = /^(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?$/.exec(time);
  if (!dm || !tm) return null;
  const [year, month, day, hours, minutes] = [dm[1], dm[2], dm[3], tm[1], tm[2]].map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const d = new Date(2000, 0, 1, hours, minutes);
  d.setFullYear(year, month - 1, day);
  // Rejects impossible dates (31 June) that a browser without a date picker would let through.
  if (d.getFullYear() !== year || d.getMonth() !== month - 1 || d.getDate() !== day || hours > 23 || minutes > 59) {
    return null;
  }
  return d;
}

/** ISO 8601 with the local offset ("2025-12-02T10:00:00+01:00"), as the API asks. */
export function toOffsetIso(d: Date): string {
  const offset = -d.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  return (
    `${dateInputValue(d)}T${timeInputValue(d)}:${pad(d.getSeconds())}` +
    `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}

/** 10:00 local on the next working day (Monday to Friday) after `now`. */
export function nextWorkingDayAt10(now: Date): Date {
  const d = new Date(now);
  d.setHours(10, 0, 0, 0);
  do d.setDate(d.getDate() + 1);
  while (d.getDay() === 0 || d.getDay() === 6);
  return d;
}

/** When feedback is due by default: 24 hours after the end. */
export function defaultDueAt(startsAt: Date, durationMinutes: number): Date {
  return new Date(startsAt.getTime() + (durationMinutes + DEFAULT_FEEDBACK_HOURS * 60) * 60_000);
}

const Duration = ScheduleInterviewRequest.shape.durationMinutes.unwrap();

const timeFields = {
  interviewerId: z.string().min(1, 'Choose an interviewer.'),
  startDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter the date of the interview.'),
  startTime: z.string().regex(/^\d{2}:\d{2}/, 'Enter the start time.'),
  durationMinutes: z
    .string()
    .trim()
    .regex(/^\d+$/, 'Enter whole minutes, for example 45.')
    .transform(Number)
    .pipe(Duration),
  dueMode: z.enum(['default', 'custom']),
  dueDate: z.string(),
  dueTime: z.string(),
  timeZone: z.string().refine(isTimeZone, 'Choose a time zone from the list.'),
  location: InterviewLocation,
  videoLink: VideoLink,
};

type TimeValues = {
  timeZone: string;
  startDate: string;
  startTime: string;
  durationMinutes: number;
  dueMode: 'default' | 'custom';
  dueDate: string;
  dueTime: string;
};

/** The start and the due time (null: 24 hours after the end), checked as the API checks them. */
function checkTimes(v: TimeValues, ctx: z.RefinementCtx) {
  if (!isTimeZone(v.timeZone)) return;
  const startsAt = zonedInstant(v.startDate, v.startTime, v.timeZone);
  if (!startsAt) {
    ctx.addIssue({ code: 'custom', path: ['startDate'], message: 'Enter a valid date and start time.' });
    return;
  }
  if (v.dueMode === 'default') return;
  const due = zonedInstant(v.dueDate, v.dueTime, v.timeZone);
  if (!due) {
    ctx.addIssue({ code: 'custom', path: ['dueDate'], message: 'Enter the date and time feedback is due.' });
    return;
  }
  const times = scheduleTimes({ startsAt, durationMinutes: v.durationMinutes, feedbackDueAt: due });
  if (!times.ok) ctx.addIssue({ code: 'custom', path: ['dueDate'], message: times.message });
}

function toTimes(v: TimeValues) {
  return {
    startsAt: zonedInstant(v.startDate, v.startTime, v.timeZone)!,
    durationMinutes: v.durationMinutes,
    feedbackDueAt: v.dueMode === 'custom' ? zonedInstant(v.dueDate, v.dueTime, v.timeZone) : null,
  };
}

/** Where and in which zone; empty strings mean none. */
function toDetails(v: { timeZone: string; location: string; videoLink: string }) {
  return { timeZone: v.timeZone, location: v.location, videoLink: v.videoLink };
}

export const ScheduleFormSchema = z
  .object({ stepKey: z.string().min(1, 'Choose a step of the plan.'), ...timeFields })
  .superRefine(checkTimes)
  .transform((v) => ({ stepKey: v.stepKey, interviewerId: v.interviewerId, ...toTimes(v), ...toDetails(v) }));
export type InterviewFormInput = z.input<typeof ScheduleFormSchema>;
export type ScheduleFormOutput = z.output<typeof ScheduleFormSchema>;

/** The same fields as scheduling, so both dialogs share their controls; the step can't change. */
export const ChangeFormSchema = z
  .object({ stepKey: z.string(), ...timeFields })
  .superRefine(checkTimes)
  .transform((v) => ({ interviewerId: v.interviewerId, ...toTimes(v), ...toDetails(v) }));
export type ChangeFormOutput = z.output<typeof ChangeFormSchema>;

/** The request for a new interview; the API fills in the default due time itself. */
export function toScheduleRequest(v: ScheduleFormOutput): ScheduleInterviewRequest {
  return {
    stepKey: v.stepKey,
    interviewerId: v.interviewerId,
    startsAt: toOffsetIso(v.startsAt),
    durationMinutes: v.durationMinutes,
    ...(v.feedbackDueAt ? { feedbackDueAt: toOffsetIso(v.feedbackDueAt) } : {}),
    timeZone: v.timeZone,
    ...(v.location ? { location: v.location } : {}),
    ...(v.videoLink ? { videoLink: v.videoLink } : {}),
  };
}

export function changeFormValues(interview: Interview): InterviewFormInput {
  const startsAt = new Date(interview.startsAt);
  const due = new Date(interview.feedbackDueAt);
  const isDefaultDue = due.getTime() === defaultDueAt(startsAt, interview.durationMinutes).getTime();
  const zone = interview.timeZone ?? browserTimeZone();
  const start = zonedInputs(startsAt, zone);
  const dueAt = zonedInputs(due, zone);
  return {
    stepKey: interview.step.key,
    interviewerId: interview.interviewer.id,
    startDate: start.date,
    startTime: start.time,
    durationMinutes: String(interview.durationMinutes),
    dueMode: isDefaultDue ? 'default' : 'custom',
    dueDate: dueAt.date,
    dueTime: dueAt.time,
    timeZone: zone,
    location: interview.location ?? '',
    videoLink: interview.videoLink ?? '',
  };
}

/** The inputs hold whole minutes: a time set elsewhere with seconds is unchanged when its minute is. */
function sameMinute(a: Date, b: string): boolean {
  return Math.floor(a.getTime() / 60_000) === Math.floor(Date.parse(b) / 60_000);
}

/**
 * Only what changed, or null when nothing did. When the time or duration changes and the due time is
 * left out, the API moves it to 24 hours after the new end; a chosen due time is therefore always sent
 * along with a new time.
 */
export function toChangeRequest(interview: Interview, v: ChangeFormOutput): UpdateInterviewRequest | null {
  const body: UpdateInterviewRequest = { revision: interview.revision };
  if (v.interviewerId !== interview.interviewer.id) body.interviewerId = v.interviewerId;
  if (!sameMinute(v.startsAt, interview.startsAt)) body.startsAt = toOffsetIso(v.startsAt);
  if (v.durationMinutes !== interview.durationMinutes) body.durationMinutes = v.durationMinutes;
  const timeChanged = body.startsAt !== undefined || body.durationMinutes !== undefined;
  const due = v.feedbackDueAt ?? defaultDueAt(v.startsAt, v.durationMinutes);
  const dueChanged = !sameMinute(due, interview.feedbackDueAt);
  if (v.feedbackDueAt ? dueChanged || timeChanged : dueChanged && !timeChanged) {
    body.feedbackDueAt = toOffsetIso(due);
  }
  if (v.timeZone !== (interview.timeZone ?? browserTimeZone()) || (interview.timeZone === null && timeChanged)) {
    body.timeZone = v.timeZone;
  }
  if (v.location !== (interview.location ?? '')) body.location = v.location;
  if (v.videoLink !== (interview.videoLink ?? '')) body.videoLink = v.videoLink;
  return Object.keys(body).length > 1 ? body : null;
}

/** The form field that shows an API field error (the API names request fields). */
export function formFieldFor(
  path: string,
):
  | 'stepKey'
  | 'interviewerId'
  | 'startDate'
  | 'durationMinutes'
  | 'dueDate'
  | 'timeZone'
  | 'location'
  | 'videoLink'
  | null {
  switch (path) {
    case 'stepKey':
    case 'interviewerId':
    case 'durationMinutes':
    case 'timeZone':
    case 'location':
    case 'videoLink':
      return path;
    case 'startsAt':
      return 'startDate';
    case 'feedbackDueAt':
      return 'dueDate';
    default:
      return null;
  }
}
