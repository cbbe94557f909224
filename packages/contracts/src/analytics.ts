import { z } from 'zod';
import { CandidateSource, Stage } from './candidates.js';
import { Uuid } from './common.js';
import { PersonRef } from './library.js';

const Day = z.iso.date({ message: 'Use a date such as 2026-11-01.' });

/** Which slice of the organization a report covers: one opening or all, and a date range. */
export const AnalyticsQuery = z
  .strictObject({
    openingId: Uuid.optional(),
    /** Inclusive; by the day (UTC) the application was created (or, for calibration, the interview started). */
    from: Day.optional(),
    to: Day.optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'The start must not be after the end.', path: ['to'] });
export type AnalyticsQuery = z.infer<typeof AnalyticsQuery>;

/** A figure and whether there is enough data behind it to mean something. */
const Sampled = <T extends z.ZodType>(value: T) =>
  z.object({ value: value.nullable(), sample: z.number().int(), enough: z.boolean() });

export const InterviewerCalibration = z.object({
  interviewer: PersonRef,
  scorecards: z.number().int(),
  /** Mean difference between their overall score and their co-panelists' on the same candidates (+ lenient, − severe). */
  offset: Sampled(z.number()),
  /** Share of the focus competencies on their scorecards that they left without any rating. */
  unassessedShare: Sampled(z.number()),
  /** Share of their scorecards submitted after the feedback due time, and the median hours late of those. */
  lateShare: Sampled(z.number()),
  medianHoursLate: z.number().nullable(),
  /** How many of their ratings were 1, 2, 3 and 4. */
  ratingDistribution: z.tuple([z.number().int(), z.number().int(), z.number().int(), z.number().int()]),
});
export type InterviewerCalibration = z.infer<typeof InterviewerCalibration>;

export const Calibration = z
  .object({
    thresholds: z.object({
      /** Shared candidates an offset needs before it is shown as meaningful. */
      offsetCandidates: z.number().int(),
      /** Scorecards the shares need. */
      scorecards: z.number().int(),
      /** Comparable units alpha needs. */
      alphaUnits: z.number().int(),
    }),
    interviewers: z.array(InterviewerCalibration),
    /** Panel agreement per competency: Krippendorff's alpha (ordinal) over criteria rated by two or more interviewers of the same candidate. */
    agreement: z.array(
      z.object({
        competencyKey: Uuid,
        competency: z.string(),
        alpha: z.number().nullable(),
        units: z.number().int(),
        enough: z.boolean(),
      }),
    ),
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
