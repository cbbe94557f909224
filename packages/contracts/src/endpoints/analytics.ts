import { AnalyticsQuery, Calibration, CalibrationQuery, PipelineAnalytics } from '../analytics.js';
import { deciders, recruiting, endpointGroup } from './endpoint.js';

/** Analytics: interviewer calibration and the pipeline. */
export const analyticsEndpoints = endpointGroup({
  getCalibration: {
    method: 'get',
    path: '/api/v1/analytics/calibration',
    summary:
      'Interviewer calibration: leniency, unassessed focus, lateness, and panel agreement (Krippendorff’s alpha)',
    tag: 'analytics',
    access: deciders,
    query: CalibrationQuery,
    status: 200,
    response: Calibration,
  },
  getPipelineAnalytics: {
    method: 'get',
    path: '/api/v1/analytics/pipeline',
    summary: 'Pipeline analytics: funnel, time in stage, source effectiveness, overdue scorecards by interviewer',
    tag: 'analytics',
    access: recruiting,
    query: AnalyticsQuery,
    status: 200,
    response: PipelineAnalytics,
  },
});
