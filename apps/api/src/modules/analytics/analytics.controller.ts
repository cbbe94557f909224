import { controller } from '../../common/controller.js';
import { AnalyticsService } from './analytics.service.js';

export const AnalyticsController = controller('AnalyticsController', AnalyticsService, {
  getCalibration: (analytics, caller, { query }) => analytics.calibration(caller, query),
  getPipelineAnalytics: (analytics, caller, { query }) => analytics.pipeline(caller, query),
});
