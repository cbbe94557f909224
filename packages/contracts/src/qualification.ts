import { z } from 'zod';
import { PageQuery, Uuid, paginated } from './common.js';
import { PersonRef } from './library.js';

/**
 * Interviewer qualification (issue 24 §5): per competency of the rubric, an interviewer is
 * shadowing, reverse-shadowing or qualified. Shadow scorecards are kept and shown but count in no
 * figure; a hiring manager approves every promotion.
 */

export const QualificationLevel = z.enum(['shadowing', 'reverse_shadowing', 'qualified']);
export type QualificationLevel = z.infer<typeof QualificationLevel>;

export const QUALIFICATION_LEVEL_LABELS: Record<QualificationLevel, string> = {
  shadowing: 'Shadowing',
  reverse_shadowing: 'Reverse shadowing',
  qualified: 'Qualified',
};

/** `shadow`: a trainee sits beside a qualified lead; `reverse_shadow`: the trainee leads, a qualified interviewer observes. */
export const TrainingMode = z.enum(['shadow', 'reverse_shadow']);
export type TrainingMode = z.infer<typeof TrainingMode>;

export const TRAINING_MODE_LABELS: Record<TrainingMode, string> = {
  shadow: 'Shadow',
  reverse_shadow: 'Reverse shadow',
};

export const CalibrationCheckState = z.enum(['passed', 'outside', 'not_enough_units']);
export type CalibrationCheckState = z.infer<typeof CalibrationCheckState>;

/** The bounds of the session settings (the organizations table checks the same). */
export const QUALIFICATION_LIMITS = { sessions: { min: 1, max: 20, default: 2 } } as const;

export const QualificationSettings = z
  .object({
    /** Shadow sessions before a shadowing interviewer may be promoted to reverse shadowing. */
    shadowSessions: z.number().int(),
    /** Reverse-shadow sessions before a reverse-shadowing interviewer may be promoted to qualified. */
    reverseShadowSessions: z.number().int(),
    /** Qualifying also needs the calibration check: an offset interval within ±0.5 on 10 or more matched units. */
    needsCalibration: z.boolean(),
    /** Members added from `newInterviewersShadowSince` on start shadowing every competency; everyone else is qualified. */
    newInterviewersShadow: z.boolean(),
    newInterviewersShadowSince: z.iso.datetime({ offset: true }).nullable(),
  })
  .meta({ id: 'QualificationSettings' });
export type QualificationSettings = z.infer<typeof QualificationSettings>;

const sessions = (what: string) =>
  z
    .number({ message: `Give the number of ${what} as a whole number.` })
    .int({ message: `Give the number of ${what} as a whole number.` })
    .min(QUALIFICATION_LIMITS.sessions.min, {
      message: `At least ${QUALIFICATION_LIMITS.sessions.min} ${what.replace(/s$/, '')}.`,
    })
    .max(QUALIFICATION_LIMITS.sessions.max, { message: `At most ${QUALIFICATION_LIMITS.sessions.max} ${what}.` });

/** Any of the settings; those left out stay as they are. */
export const UpdateQualificationSettingsRequest = z
  .strictObject({
    shadowSessions: sessions('shadow sessions').optional(),
    reverseShadowSessions: sessions('reverse-shadow sessions').optional(),
    needsCalibration: z
      .boolean({ message: 'Say whether qualifying needs the calibration check: true or false.' })
      .optional(),
    newInterviewersShadow: z
      .boolean({ message: 'Say whether new interviewers start shadowing: true or false.' })
      .optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: 'Change at least one setting.' })
  .meta({ id: 'UpdateQualificationSettingsRequest' });
export type UpdateQualificationSettingsRequest = z.infer<typeof UpdateQualificationSettingsRequest>;

/** The calibration check of one interviewer, on their scorecards (shadow ones included) against the counted panel's. */
export const CalibrationCheck = z
  .object({
    state: CalibrationCheckState,
    /** Matched units: criteria of candidates they rated that a counted scorecard of someone else rated too. */
    units: z.number().int(),
    /** Their mean difference from the others (positive: more lenient), null without units. */
    offset: z.number().nullable(),
    interval: z.object({ low: z.number(), high: z.number() }).nullable(),
  })
  .meta({ id: 'CalibrationCheck' });
export type CalibrationCheck = z.infer<typeof CalibrationCheck>;

/** Where one interviewer stands in one competency, and what comes next. */
export const CompetencyPath = z
  .object({
    competencyKey: Uuid,
    competency: z.string(),
    level: QualificationLevel,
    /** The level a promotion gives; null once qualified. */
    nextLevel: QualificationLevel.nullable(),
    shadowSessions: z.number().int(),
    reverseShadowSessions: z.number().int(),
    /** Sessions of the current level done and needed (0 and 0 once qualified). */
    done: z.number().int(),
    needed: z.number().int(),
    /** The calibration check stands between them and qualified (the organization asks for it). */
    calibrationRequired: z.boolean(),
    /** Every condition met: a hiring manager may approve the promotion. */
    ready: z.boolean(),
    nextStep: z.enum(['shadow', 'reverse_shadow', 'calibration', 'approval', 'none']),
  })
  .meta({ id: 'CompetencyPath' });
export type CompetencyPath = z.infer<typeof CompetencyPath>;

/** One interviewer's qualification path, competency by competency (the rubrics' competencies, in rubric order). */
export const QualificationPath = z
  .object({
    member: PersonRef,
    calibration: CalibrationCheck,
    competencies: z.array(CompetencyPath),
  })
  .meta({ id: 'QualificationPath' });
export type QualificationPath = z.infer<typeof QualificationPath>;

export const QualificationMembersQuery = PageQuery.extend({
  /** `ready`: only members ready for a promotion in some competency; `training`: anyone not qualified everywhere. */
  filter: z.enum(['ready', 'training', 'all'], { message: 'Choose ready, training or all.' }).default('training'),
});
export type QualificationMembersQuery = z.infer<typeof QualificationMembersQuery>;

export const QualificationMemberList = paginated(QualificationPath).meta({ id: 'QualificationMemberList' });
export type QualificationMemberList = z.infer<typeof QualificationMemberList>;

/** Approve one promotion: the member moves to the next level in this competency. */
export const PromoteInterviewerRequest = z
  .strictObject({
    competencyKey: Uuid.meta({ description: 'The competency to promote them in.' }),
  })
  .meta({ id: 'PromoteInterviewerRequest' });
export type PromoteInterviewerRequest = z.infer<typeof PromoteInterviewerRequest>;

/** Start a member's training: they become shadowing in these competencies (their sessions so far stay counted). */
export const StartTrainingRequest = z
  .strictObject({
    competencyKeys: z
      .array(Uuid, { message: 'Choose the competencies to train in.' })
      .min(1, 'Choose at least one competency.')
      .max(50, 'At most 50 competencies.'),
  })
  .meta({ id: 'StartTrainingRequest' });
export type StartTrainingRequest = z.infer<typeof StartTrainingRequest>;

/**
 * Add the second seat of a training pairing to a scheduled interview. `shadow`: the interview's
 * interviewer leads (qualified in every focus competency) and `interviewerId` shadows;
 * `reverse_shadow`: the interview's interviewer is the trainee and leads, `interviewerId` observes
 * (qualified in every focus competency). The new seat is an interview of its own, with its own scorecard.
 */
export const AddTrainingSeatRequest = z
  .strictObject({
    mode: TrainingMode,
    interviewerId: Uuid,
  })
  .meta({ id: 'AddTrainingSeatRequest' });
export type AddTrainingSeatRequest = z.infer<typeof AddTrainingSeatRequest>;

/** An interview's place in a training pairing; null for an ordinary interview. */
export const InterviewTraining = z
  .object({
    mode: TrainingMode,
    /** This seat is the trainee's: its scorecard is a shadow scorecard and counts in no figure. */
    trainee: z.boolean(),
    /** On the added seat: the interview it sits beside; null on the first seat. */
    companionOf: Uuid.nullable(),
  })
  .meta({ id: 'InterviewTraining' });
export type InterviewTraining = z.infer<typeof InterviewTraining>;
