import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module.js';
import { ScorecardsModule } from '../scorecards/scorecards.module.js';
import { MeetingsController } from './meetings.controller.js';
import { MeetingsRepository } from './meetings.repository.js';
import { MeetingsService } from './meetings.service.js';

/**
 * Debrief meetings: two silent rounds of votes around a discussion (issue 24 §1). Access follows
 * the debrief (the scorecards context's independence rule); every change is announced on the
 * application's live stream. `MeetingsService.latestFinished` is the record kept with the decision.
 */
@Module({
  imports: [ScorecardsModule, EventsModule],
  controllers: [MeetingsController],
  providers: [MeetingsRepository, MeetingsService],
  exports: [MeetingsService],
})
export class MeetingsModule {}
