import { z } from 'zod';
import { CandidateSource, Stage } from './candidates.js';
import { Uuid } from './common.js';
import { PersonRef } from './library.js';

const Day = z.iso.date({ message: 'Use a date such as 2026-11-01.' });

/** Which slice of the organization a report covers: one opening or all, and a date range. */
const SliceFields = {
  openingId: Uuid.optional(),
  /** Inclusive; by the day (UTC) the application was created (or, for calibration, the interview started). */
  from: Day.optional(),
  to: Day.optional(),
};
const inOrder = (q: { from?: string; to?: string }) => !q.from || !q.to || q.from <= q.to;
const OUT_OF_ORDER = { message: 'The start must not be after the end.', path: ['to'] };

export const AnalyticsQuery = z.strictObject(SliceFields).refine(inOrder, OUT_OF_ORDER);
export type AnalyticsQuery = z.infer<typeof AnalyticsQuery>;

/** A calibration's slice; imported scorecards (from another system) count only with `includeImported=true`. */
export const CalibrationQuery = z
  .strictObject({
    ...SliceFields,
    includeImported: z
      .enum(['true', 'false'])
      .default('false')
      .transform((v) => v === 'true'),
  })
  .refine(inOrder, OUT_OF_ORDER);
export type CalibrationQuery = z.infer<typeof CalibrationQuery>;

/** A figure and whether there is enough data behind it to mean something. */
const Sampled = <T extends z.ZodType>(value: T) =>
  z.object({ value: value.nullable(), sample: z.number().int(), enough: z.boolean() });

/** A 95% interval. */
export const CalibrationInterval = z.object({ low: z.number(), high: z.number() });
export type CalibrationInterval = z.infer<typeof CalibrationInterval>;

/** What an offset says: lenient or severe only with enough units and a 95% interval that excludes 0. */
export const OffsetVerdict = z.enum(['lenient', 'severe', 'in_line', 'not_enough_data']);
export type OffsetVerdict = z.infer<typeof OffsetVerdict>;

/**
 * An interviewer's offset on matched units (docs/MEASUREMENT.md): the mean, over the units (same
 * candidate, same question) they rated and at least one other interviewer rated, of their rating
 * minus the others' mean; with the number of units, the standard error and a 95% t interval.
 */
export const CalibrationOffset = z.object({
  value: z.number().nullable(),
  /** Matched units. */
  sample: z.number().int(),
  /** The units reach the organization's minimum. */
  enough: z.boolean(),
  /** mean ± t(0.975, n − 1) · SE; null below two units. */
  interval: CalibrationInterval.nullable(),
  standardError: z.number().nullable(),
  verdict: OffsetVerdict,
});
export type CalibrationOffset = z.infer<typeof CalibrationOffset>;

export const InterviewerCalibration = z.object({
  interviewer: PersonRef,
  scorecards: z.number().int(),
  /** Their rating minus their co-raters' mean on the same candidate and question (+ lenient, − severe), first submissions only. */
  offset: CalibrationOffset,
  /** Share of the questions their interviews asked that their scorecards left not assessed. */
  unassessedShare: Sampled(z.number()),
  /** Share of their scorecards submitted after the feedback due time, and the median hours late of those. */
  lateShare: Sampled(z.number()),
  medianHoursLate: z.number().nullable(),
  /** How many of their ratings (as first submitted) were 1, 2, 3 and 4. */
  ratingDistribution: z.tuple([z.number().int(), z.number().int(), z.number().int(), z.number().int()]),
});
export type InterviewerCalibration = z.infer<typeof InterviewerCalibration>;

export const CalibrationAgreement = z.object({
  competencyKey: Uuid,
  competency: z.string(),
  /** Null when undefined: no unit rated by two interviewers, or every value the same (`allSame`). */
  alpha: z.number().nullable(),
  /** Units (candidate × question) rated by two or more interviewers. */
  units: z.number().int(),
  enough: z.boolean(),
  /** 95% percentile bootstrap interval over 1,000 seeded resamples of units; null when alpha is. */
  interval: CalibrationInterval.nullable(),
  /** Every value in the units is the same rating: agreement is total, and alpha has nothing to measure. */
  allSame: z.boolean(),
});
export type CalibrationAgreement = z.infer<typeof CalibrationAgreement>;

export const Calibration = z
  .object({
    thresholds: z.object({
      /** Matched units an offset needs before anyone is called lenient or severe (the organization's setting). */
      offsetUnits: z.number().int(),
      /** Scorecards the shares need. */
      scorecards: z.number().int(),
      /** Comparable units alpha needs. */
      alphaUnits: z.number().int(),
    }),
    interviewers: z.array(InterviewerCalibration),
    /** Panel agreement per competency: Krippendorff's alpha (ordinal), one value per interviewer per unit. */
    agreement: z.array(CalibrationAgreement),
  })
  .meta({ id: 'Calibration' });
export type Calibration = z.infer<typeof Calibration>;

export const PipelineAnalytics = z
  .object({
    /** In pipeline order: applications that ever reached each stage, and the share that went on to the next. */
    funnel: z.array(z.object({ stage: Stage, reached: z.number().int(), conversion: z.number().nullable() })),
    /** Every active stage in order: the median days an application spent in it before leaving it, over the `sample` times it was left (null when never). */
    timeInStage: z.array(z.object({ stage: Stage, medianDays: z.number().nullable(), sample: z.number().int() })),
    sources: z.array(
      z.object({
        source: CandidateSource,
        applications: z.number().int(),
        interviewed: z.number().int(),
        offers: z.number().int(),
        hires: z.number().int(),
      }),
    ),
    overdueByInterviewer: z.array(
      z.object({ interviewer: PersonRef, overdue: z.number().int(), oldestDueAt: z.iso.datetime({ offset: true }) }),
    ),
  })
  .meta({ id: 'PipelineAnalytics' });
export type PipelineAnalytics = z.infer<typeof PipelineAnalytics>;
