import { Module } from '@nestjs/common';
import { ScorecardsModule } from '../scorecards/scorecards.module.js';
import { SessionsModule } from '../sessions/sessions.module.js';
import { DebriefEventsController } from './debrief-events.controller.js';
import { DebriefEventsService } from './debrief-events.service.js';
import { EventsModule } from './events.module.js';

/** GET /api/v1/applications/:id/debrief/events: a debrief's live updates as server-sent events. */
@Module({
  imports: [EventsModule, ScorecardsModule, SessionsModule],
  controllers: [DebriefEventsController],
  providers: [DebriefEventsService],
})
export class DebriefEventsModule {}
