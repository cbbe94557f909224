import { z } from 'zod';
import { Uuid } from './common.js';

/** The bounds of the matched units a calibration offset needs before anyone is called lenient or severe. */
export const CALIBRATION_MIN_UNITS = { min: 2, max: 1000, default: 10 } as const;
/** The bounds of the days in an active stage after which an application counts as stuck. */
export const STUCK_DAYS = { min: 1, max: 365, default: 7 } as const;

/** The organization's settings: any member may read them, an admin changes them. */
export const OrganizationSettings = z
  .object({
    /** The organization. */
    id: Uuid,
    /**
     * Matched units (same candidate, same question, rated by the interviewer and someone else) an
     * interviewer's offset needs before the calibration calls them lenient or severe.
     */
    calibrationMinUnits: z.number().int(),
    /** Days in an active stage after which an application is stuck (the board highlights it). */
    stuckDays: z.number().int(),
  })
  .meta({ id: 'OrganizationSettings' });
export type OrganizationSettings = z.infer<typeof OrganizationSettings>;

export const UpdateOrganizationSettingsRequest = z
  .strictObject({
    calibrationMinUnits: z
      .number({ message: 'Give a whole number of units.' })
      .int({ message: 'Give a whole number of units.' })
      .min(CALIBRATION_MIN_UNITS.min, { message: `At least ${CALIBRATION_MIN_UNITS.min} units.` })
      .max(CALIBRATION_MIN_UNITS.max, { message: `At most ${CALIBRATION_MIN_UNITS.max} units.` })
      .optional(),
    stuckDays: z
      .number({ message: 'Give a whole number of days.' })
      .int({ message: 'Give a whole number of days.' })
      .min(STUCK_DAYS.min, { message: `At least ${STUCK_DAYS.min} day.` })
      .max(STUCK_DAYS.max, { message: `At most ${STUCK_DAYS.max} days.` })
      .optional(),
  })
  .refine((v) => v.calibrationMinUnits !== undefined || v.stuckDays !== undefined, {
    message: 'Change at least one setting.',
  })
  .meta({ id: 'UpdateOrganizationSettingsRequest' });
export type UpdateOrganizationSettingsRequest = z.infer<typeof UpdateOrganizationSettingsRequest>;
