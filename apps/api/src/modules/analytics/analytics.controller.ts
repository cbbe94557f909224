import { Controller, Query } from '@nestjs/common';
import { type AnalyticsQuery, endpoints } from '@scorecard/contracts';
import { CurrentCaller, type Caller } from '../../common/request-context.js';
import { Route } from '../../common/route.decorator.js';
import { AnalyticsService } from './analytics.service.js';

@Controller()
export class AnalyticsController {
  constructor(private readonly analytics: AnalyticsService) {}

  @Route(endpoints.getCalibration)
  calibration(@CurrentCaller() caller: Caller, @Query() q: AnalyticsQuery) {
    return this.analytics.calibration(caller, q);
  }

  @Route(endpoints.getPipelineAnalytics)
  pipeline(@CurrentCaller() caller: Caller, @Query() q: AnalyticsQuery) {
    return this.analytics.pipeline(caller, q);
  }
}
