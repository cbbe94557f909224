import { Module } from '@nestjs/common';
import { CalendarFeedController, CalendarFeedSettingsController } from './calendar.controller.js';
import { CalendarFeedService } from './calendar-feed.service.js';
import { CalendarInvitationsService } from './calendar-invitations.service.js';
import { CalendarRepository } from './calendar.repository.js';

/** Calendar invitations by email and each user's private calendar feed. */
@Module({
  controllers: [CalendarFeedSettingsController, CalendarFeedController],
  providers: [CalendarRepository, CalendarInvitationsService, CalendarFeedService],
  exports: [CalendarInvitationsService],
})
export class CalendarModule {}
