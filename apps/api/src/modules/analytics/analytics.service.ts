import { Injectable } from '@nestjs/common';
import {
  type AnalyticsQuery,
  type Calibration,
  type CalibrationQuery,
  CandidateSource,
  type PipelineAnalytics,
  type Stage,
} from '@scorecard/contracts';
import {
  ACTIVE_STAGES,
  alphaFromShapes,
  bootstrapAlphaInterval,
  funnelConversion,
  MIN_ALPHA_UNITS,
  MIN_SCORECARDS,
  offsetFigure,
  sampled,
} from '@scorecard/domain';
import { AppError } from '../../common/app-error.js';
import type { Caller } from '../../common/request-context.js';
import { AnalyticsRepository } from './analytics.repository.js';
import { CalibrationRepository } from './calibration.repository.js';
import type { Slice } from './slice-sql.js';
import { FigureCache } from './figure-cache.js';

const DAY = 86_400_000;

/** The pipeline's steps in order: every active stage, then hired (rejected and withdrawn are exits). */
const FUNNEL: readonly Stage[] = [...ACTIVE_STAGES, 'hired'];

/** Dates are whole days in UTC: `from` at its start, `to` up to the start of the next day. */
function sliceOf(q: AnalyticsQuery): Slice {
  return {
    openingId: q.openingId ?? null,
    from: q.from ? new Date(`${q.from}T00:00:00Z`) : null,
    to: q.to ? new Date(new Date(`${q.to}T00:00:00Z`).getTime() + DAY) : null,
  };
}

const share = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

/** The calibration's figures from what the database aggregated (exported for the tests that recompute it). */
export function calibrationFigures({
  interviewers,
  agreement,
  minUnits,
}: Awaited<ReturnType<CalibrationRepository['calibration']>>): Calibration {
  return {
    thresholds: { offsetUnits: minUnits, scorecards: MIN_SCORECARDS, alphaUnits: MIN_ALPHA_UNITS },
    interviewers: interviewers.map((i) => ({
      interviewer: i.interviewer,
      scorecards: i.scorecards,
      offset: offsetFigure(i.offset, minUnits),
      unassessedShare: sampled(share(i.unassessed, i.asked), i.scorecards, MIN_SCORECARDS),
      lateShare: sampled(share(i.late, i.scorecards), i.scorecards, MIN_SCORECARDS),
      medianHoursLate: i.medianHoursLate,
      ratingDistribution: i.ratingDistribution,
    })),
    agreement: agreement.map((c) => {
      const { alpha, units, allSame } = alphaFromShapes(c.shapes, 'ordinal');
      return {
        competencyKey: c.competencyKey,
        competency: c.competency,
        alpha,
        units,
        enough: units >= MIN_ALPHA_UNITS,
        interval: alpha === null ? null : bootstrapAlphaInterval(c.shapes, 'ordinal'),
        allSame,
      };
    }),
  };
}

@Injectable()
export class AnalyticsService {
  constructor(
    private readonly analytics: AnalyticsRepository,
    private readonly calibrations: CalibrationRepository,
    private readonly figures: FigureCache,
  ) {}

  /**
   * Interviewer calibration over the submitted scorecards in the slice, as first submitted. The
   * database aggregates (each interviewer's matched-unit differences to count, mean and standard
   * deviation; agreement units to their shapes); the domain turns them into figures: the offset's t
   * interval and verdict against the organization's minimum, alpha and its seeded bootstrap interval.
   * Imported scorecards (from another system) count only with `includeImported`.
   *
   * The answer is computed once per data version (`FigureCache`): first one statement reads whether
   * the opening is the organization's (404 otherwise) and the answer's key; while no write has
   * changed the slice's figures that is the whole cost. Otherwise the figures' query runs (reading
   * its key again, from its own snapshot) and the answer is kept under that key.
   */
  async calibration(caller: Caller, q: CalibrationQuery): Promise<Calibration> {
    const slice = sliceOf(q);
    const { found, key } = await this.calibrations.calibrationKey(caller.organizationId, caller.userId, slice);
    if (!found) throw AppError.notFound('opening');
    const cached = this.figures.get(FigureCache.keyOf(caller.organizationId, slice, q.includeImported, key));
    if (cached) return cached;
    const computed = await this.calibrations.calibration(
      caller.organizationId,
      caller.userId,
      slice,
      q.includeImported,
    );
    const answer = calibrationFigures(computed);
    this.figures.set(FigureCache.keyOf(caller.organizationId, slice, q.includeImported, computed.key), answer);
    return answer;
  }

  /**
   * Pipeline analytics over the applications in the slice: three queries (four with an opening,
   * 404 when it is not the organization's).
   */
  async pipeline(caller: Caller, q: AnalyticsQuery): Promise<PipelineAnalytics> {
    const slice = sliceOf(q);
    const [found, moves, sources, overdue] = await Promise.all([
      this.openingFound(caller, slice),
      this.analytics.moves(caller.organizationId, slice),
      this.analytics.sources(caller.organizationId, slice),
      this.analytics.overdue(caller.organizationId, slice),
    ]);
    if (!found) throw AppError.notFound('opening');
    const order = (s: CandidateSource) => CandidateSource.options.indexOf(s);
    return {
      funnel: funnelConversion(FUNNEL.map((stage) => ({ stage, reached: moves.reached[stage] ?? 0 }))),
      timeInStage: ACTIVE_STAGES.map((stage) => ({
        stage,
        medianDays: moves.stays[stage]?.medianDays ?? null,
        sample: moves.stays[stage]?.sample ?? 0,
      })),
      sources: [...sources].sort((a, b) => b.applications - a.applications || order(a.source) - order(b.source)),
      overdueByInterviewer: overdue,
    };
  }

  private async openingFound(caller: Caller, slice: Slice): Promise<boolean> {
    return slice.openingId === null || this.analytics.openingExists(caller.organizationId, slice.openingId);
  }
}
