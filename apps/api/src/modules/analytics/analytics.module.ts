import { Module } from '@nestjs/common';
import { AnalyticsController } from './analytics.controller.js';
import { AnalyticsRepository } from './analytics.repository.js';
import { CalibrationRepository } from './calibration.repository.js';
import { AnalyticsService } from './analytics.service.js';
import { FigureCache } from './figure-cache.js';

/**
 * Interviewer calibration and pipeline analytics: figures gathered in SQL over the organization's
 * scorecards and stage history, the statistics (alpha, offsets, conversion) from the domain.
 */
@Module({
  controllers: [AnalyticsController],
  providers: [AnalyticsRepository, CalibrationRepository, AnalyticsService, FigureCache],
})
export class AnalyticsModule {}
