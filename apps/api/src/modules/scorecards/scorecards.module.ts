import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module.js';
import { ScorecardsController } from './scorecards.controller.js';
import { ScorecardsRepository } from './scorecards.repository.js';
import { ScorecardsService } from './scorecards.service.js';
import { WebhooksModule } from '../webhooks/webhooks.module.js';

/**
 * Interviewers' kits and scorecards: drafts, submission, amendments, and the independence rule
 * that keeps the panel's feedback hidden from anyone still owing their own.
 */
@Module({
  imports: [EventsModule, WebhooksModule],
  controllers: [ScorecardsController],
  providers: [ScorecardsRepository, ScorecardsService],
  exports: [ScorecardsService],
})
export class ScorecardsModule {}
