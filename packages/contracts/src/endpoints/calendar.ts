import { CalendarFeed, CalendarFeedLink, CalendarFeedParams } from '../calendar.js';
import { anyone, endpointGroup } from './endpoint.js';

/** Each user's private calendar feed of the interviews they run (invitations go out by email). */
export const calendarEndpoints = endpointGroup({
  getCalendarFeed: {
    method: 'get',
    path: '/api/v1/me/calendar-feed',
    summary: 'Whether your private calendar feed is on, and since when',
    tag: 'calendar',
    access: anyone,
    status: 200,
    response: CalendarFeed,
  },
  enableCalendarFeed: {
    method: 'post',
    path: '/api/v1/me/calendar-feed',
    summary: 'Turn your calendar feed on, or reset its link (the old link stops working); the link is shown once',
    tag: 'calendar',
    access: anyone,
    status: 200,
    response: CalendarFeedLink,
    auditEntity: 'user',
  },
  disableCalendarFeed: {
    method: 'delete',
    path: '/api/v1/me/calendar-feed',
    summary: 'Turn your calendar feed off: its link stops working',
    tag: 'calendar',
    access: anyone,
    status: 204,
    response: null,
    auditEntity: 'user',
  },
  calendarFeed: {
    method: 'get',
    path: '/api/v1/calendar-feeds/:file',
    summary:
      'A private calendar feed (iCalendar, METHOD:PUBLISH) of one user’s interviews; `file` is `<token>.ics` from the link',
    tag: 'calendar',
    access: { auth: 'public' },
    params: CalendarFeedParams,
    status: 200,
    response: null,
    produces: 'text/calendar',
  },
});
