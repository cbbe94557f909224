import { Inject, Injectable } from '@nestjs/common';
import {
  CALENDAR_FEED_DAYS_BACK,
  CALENDAR_FEED_MAX_EVENTS,
  type CalendarFeed,
  type CalendarFeedLink,
  calendarFeedToken,
} from '@scorecard/contracts';
import { AppError } from '../../common/app-error.js';
import type { Caller } from '../../common/request-context.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/env.js';
import { Db } from '../../database/db.js';
import { MailService } from '../mail/mail.service.js';
import { UserTokensService } from '../tokens/user-tokens.service.js';
import { CalendarRepository } from './calendar.repository.js';
import { buildCalendar } from './ical.js';
import { interviewEvent } from './interview-event.js';

/** How often a subscribed calendar is asked to refresh (apps may wait longer). */
const REFRESH_SECONDS = 15 * 60;

const noFeed = () => AppError.notFound('calendar feed');

/**
 * Each user's private calendar feed: an iCalendar document (METHOD:PUBLISH) of the interviews they
 * run, from CALENDAR_FEED_DAYS_BACK days ago on, cancelled ones marked CANCELLED, with the same UIDs
 * as the invitations so a calendar that has both shows one event. Its link carries a long-lived
 * token (only its hash is stored); turning the feed on again makes a new link and ends the old one.
 */
@Injectable()
export class CalendarFeedService {
  constructor(
    private readonly db: Db,
    private readonly repo: CalendarRepository,
    private readonly tokens: UserTokensService,
    private readonly mail: MailService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async state(caller: Caller): Promise<CalendarFeed> {
    const since = await this.repo.feedSince(caller.organizationId, caller.userId);
    return { enabled: since !== null, since: since?.toISOString() ?? null };
  }

  /** Turns the feed on, or resets its link: the new link is answered this once. */
  async enable(caller: Caller): Promise<CalendarFeedLink> {
    const token = await this.tokens.issue({
      organizationId: caller.organizationId,
      userId: caller.userId,
      purpose: 'calendar_feed',
      replace: true,
    });
    const since = await this.repo.feedSince(caller.organizationId, caller.userId);
    if (!since) throw new Error('a calendar-feed token just issued is not there');
    const httpsUrl = this.mail.link(`/api/v1/calendar-feeds/${token}.ics`);
    return { enabled: true, since: since.toISOString(), httpsUrl, webcalUrl: httpsUrl.replace(/^https?:/, 'webcal:') };
  }

  async disable(caller: Caller): Promise<void> {
    await this.tokens.revoke(caller.organizationId, caller.userId, 'calendar_feed');
  }

  /** The feed behind a link's `<token>.ics`; an unknown or revoked link, or a deactivated owner, is not found. */
  async render(file: string, now = new Date()): Promise<string> {
    const token = calendarFeedToken(file);
    const found = token ? await this.tokens.find(token, 'calendar_feed') : null;
    if (!found || this.tokens.problem(found, now)) throw noFeed();
    return this.db.asTenant(found.organizationId, async () => {
      const owner = await this.repo.feedOwner(found.organizationId, found.userId);
      if (!owner?.active) throw noFeed();
      const from = new Date(now.getTime() - CALENDAR_FEED_DAYS_BACK * 24 * 3600_000);
      const interviews = await this.repo.interviewsOf(found.organizationId, owner.id, from, CALENDAR_FEED_MAX_EVENTS);
      return buildCalendar({
        method: 'PUBLISH',
        timeZone: owner.time_zone,
        name: `Scorecard interviews · ${owner.organization_name}`,
        refreshSeconds: REFRESH_SECONDS,
        now,
        events: interviews.map((i) =>
          interviewEvent(i, { publicUrl: this.config.publicUrl, kitUrl: this.mail.link(`/interviews/${i.id}`) }),
        ),
      });
    });
  }
}
