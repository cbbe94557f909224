import type { AnalyticsQuery } from '@scorecard/contracts';

export const analyticsKeys = {
  all: ['analytics'] as const,
  pipeline: (query: AnalyticsQuery) => [...analyticsKeys.all, 'pipeline', query] as const,
  calibration: (query: AnalyticsQuery, includeImported: boolean) =>
    [...analyticsKeys.all, 'calibration', query, { includeImported }] as const,
  adverseImpact: (query: AnalyticsQuery) => [...analyticsKeys.all, 'adverse-impact', query] as const,
  /** The openings to filter by. */
  openings: () => [...analyticsKeys.all, 'openings'] as const,
};
