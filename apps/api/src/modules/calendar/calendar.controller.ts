import { Controller, Res } from '@nestjs/common';
import { endpoints, type InputOf } from '@scorecard/contracts';
import type { FastifyReply } from 'fastify';
import { controller } from '../../common/controller.js';
import { Input, Route } from '../../common/route.decorator.js';
import { CalendarFeedService } from './calendar-feed.service.js';

/** The signed-in user's own feed: on, off, reset. */
export const CalendarFeedSettingsController = controller('CalendarFeedSettingsController', CalendarFeedService, {
  getCalendarFeed: (feeds, caller) => feeds.state(caller),
  enableCalendarFeed: (feeds, caller) => feeds.enable(caller),
  disableCalendarFeed: (feeds, caller) => feeds.disable(caller),
});

/** The feed itself, fetched by calendar apps with the link's token and no session. */
@Controller()
export class CalendarFeedController {
  constructor(private readonly feeds: CalendarFeedService) {}

  @Route(endpoints.calendarFeed)
  async feed(
    @Input() { params }: InputOf<'calendarFeed'>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const body = await this.feeds.render(params.file);
    void reply
      .type('text/calendar; charset=utf-8')
      .header('cache-control', 'private, max-age=300')
      .header('content-disposition', 'inline; filename="interviews.ics"')
      .header('x-content-type-options', 'nosniff');
    return body;
  }
}
