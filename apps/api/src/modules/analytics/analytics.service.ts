import { Injectable } from '@nestjs/common';
import {
  type AnalyticsQuery,
  type Calibration,
  CandidateSource,
  type PipelineAnalytics,
  type Stage,
} from '@scorecard/contracts';
import {
  ACTIVE_STAGES,
  funnelConversion,
  interviewerOffsets,
  krippendorffAlpha,
  MIN_ALPHA_UNITS,
  MIN_OFFSET_CANDIDATES,
  MIN_SCORECARDS,
  sampled,
} from '@scorecard/domain';
import { AppError } from '../../common/app-error.js';
import type { Caller } from '../../common/request-context.js';
import { AnalyticsRepository, type Slice } from './analytics.repository.js';

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

@Injectable()
export class AnalyticsService {
  constructor(private readonly analytics: AnalyticsRepository) {}

  /**
   * Interviewer calibration over the submitted scorecards in the slice: one query (two with an
   * opening, which must be the organization's: 404 otherwise). The offsets and alpha are the
   * domain's functions over what the database gathered; every figure comes with its sample and
   * whether it reaches the stated threshold.
   */
  async calibration(caller: Caller, q: AnalyticsQuery): Promise<Calibration> {
    const slice = sliceOf(q);
    const [found, { interviewers, agreement }] = await Promise.all([
      this.openingFound(caller, slice),
      this.analytics.calibration(caller.organizationId, caller.userId, slice),
    ]);
    if (!found) throw AppError.notFound('opening');
    const offsets = interviewerOffsets(
      interviewers.flatMap((i) =>
        i.scores.map((s) => ({ unit: s.applicationId, interviewer: i.interviewer.id, score: s.score })),
      ),
    );
    return {
      thresholds: { offsetCandidates: MIN_OFFSET_CANDIDATES, scorecards: MIN_SCORECARDS, alphaUnits: MIN_ALPHA_UNITS },
      interviewers: interviewers.map((i) => {
        const offset = offsets.get(i.interviewer.id);
        return {
          interviewer: i.interviewer,
          scorecards: i.scorecards,
          offset: sampled(offset?.offset ?? null, offset?.candidates ?? 0, MIN_OFFSET_CANDIDATES),
          unassessedShare: sampled(share(i.unassessed, i.focus), i.scorecards, MIN_SCORECARDS),
          lateShare: sampled(share(i.late, i.scorecards), i.scorecards, MIN_SCORECARDS),
          medianHoursLate: i.medianHoursLate,
          ratingDistribution: i.ratingDistribution,
        };
      }),
      agreement: agreement.map((c) => {
        // Units with the same ratings share one array: alpha only counts pairs within each unit.
        const units = c.shapes.flatMap((s) => new Array<number[]>(s.units).fill(s.ratings));
        const { alpha, units: n } = krippendorffAlpha(units, 'ordinal');
        return {
          competencyKey: c.competencyKey,
          competency: c.competency,
          alpha,
          units: n,
          enough: n >= MIN_ALPHA_UNITS,
        };
      }),
    };
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
