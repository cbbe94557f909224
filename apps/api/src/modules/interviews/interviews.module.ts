import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module.js';
import { EventsModule } from '../events/events.module.js';
import { UsersModule } from '../users/users.module.js';
import { InterviewsController } from './interviews.controller.js';
import { InterviewsRepository } from './interviews.repository.js';
import { InterviewsService } from './interviews.service.js';
import { WebhooksModule } from '../webhooks/webhooks.module.js';

/** Interviews scheduled from plan steps, their assignment history and the scorecard each one owes. */
@Module({
  imports: [UsersModule, EventsModule, CalendarModule, WebhooksModule],
  controllers: [InterviewsController],
  providers: [InterviewsRepository, InterviewsService],
  exports: [InterviewsService, InterviewsRepository],
})
export class InterviewsModule {}
