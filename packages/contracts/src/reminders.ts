import { z } from 'zod';
import { Uuid } from './common.js';
import { PersonRef } from './library.js';

/** The bounds of each reminder setting (the organizations table checks the same). */
export const REMINDER_LIMITS = {
  firstHours: { min: 1, max: 168, default: 2 },
  repeatHours: { min: 1, max: 336, default: 24 },
  escalateAfter: { min: 1, max: 10, default: 2 },
} as const;

/**
 * When scorecard reminders go out in the organization, and to whom. Step 1 reminds the interviewer
 * `firstHours` after the interview ends, each later step comes `repeatHours` after the one before;
 * after `escalateAfter` reminders the opening's hiring manager is told, one step later its recruiter.
 * A switched-off audience's steps are skipped; the others keep their times.
 */
export const ReminderSettings = z
  .object({
    firstHours: z.number().int(),
    repeatHours: z.number().int(),
    escalateAfter: z.number().int(),
    remindInterviewers: z.boolean(),
    escalateToHiringManager: z.boolean(),
    escalateToRecruiter: z.boolean(),
  })
  .meta({ id: 'ReminderSettings' });
export type ReminderSettings = z.infer<typeof ReminderSettings>;

const hours = (what: string, { min, max }: { min: number; max: number }) =>
  z
    .number({ message: `Give the ${what} as a whole number of hours.` })
    .int({ message: `Give the ${what} as a whole number of hours.` })
    .min(min, { message: `The ${what} is at least ${min} hour${min === 1 ? '' : 's'}.` })
    .max(max, { message: `The ${what} is at most ${max} hours (${max / 24} days).` });

const onOff = (what: string) => z.boolean({ message: `Say whether ${what}: true or false.` });

/** Any of the settings; those left out stay as they are. */
export const UpdateReminderSettingsRequest = z
  .strictObject({
    firstHours: hours('time until the first reminder', REMINDER_LIMITS.firstHours).optional(),
    repeatHours: hours('time between reminders', REMINDER_LIMITS.repeatHours).optional(),
    escalateAfter: z
      .number({ message: 'Give a whole number of reminders.' })
      .int({ message: 'Give a whole number of reminders.' })
      .min(REMINDER_LIMITS.escalateAfter.min, { message: 'Escalate after at least 1 reminder.' })
      .max(REMINDER_LIMITS.escalateAfter.max, {
        message: `Escalate after at most ${REMINDER_LIMITS.escalateAfter.max} reminders.`,
      })
      .optional(),
    remindInterviewers: onOff('interviewers are reminded').optional(),
    escalateToHiringManager: onOff('the hiring manager is told').optional(),
    escalateToRecruiter: onOff('the recruiter is told').optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: 'Change at least one setting.' })
  .meta({ id: 'UpdateReminderSettingsRequest' });
export type UpdateReminderSettingsRequest = z.infer<typeof UpdateReminderSettingsRequest>;

/** A "remind now" that went out: to whom, when, and when the next one is possible (an hour later). */
export const RemindNowResult = z
  .object({
    interviewId: Uuid,
    interviewer: PersonRef,
    remindedAt: z.iso.datetime({ offset: true }),
    nextAllowedAt: z.iso.datetime({ offset: true }),
  })
  .meta({ id: 'RemindNowResult' });
export type RemindNowResult = z.infer<typeof RemindNowResult>;
