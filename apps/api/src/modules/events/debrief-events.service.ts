import { Injectable } from '@nestjs/common';
import { DEBRIEF_EVENT_NAMES } from '@scorecard/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Caller } from '../../common/request-context.js';
import { ScorecardsService } from '../scorecards/scorecards.service.js';
import { ApplicationEvents } from './application-events.js';
import { Db } from '../../database/db.js';
import { requestToken } from '../auth/auth.guard.js';
import { SessionsService } from '../sessions/sessions.service.js';
import { EventStream, HEARTBEAT_MS } from './event-stream.js';

/**
 * The live stream of one debrief: whoever may read the debrief (the independence rule) hears when
 * it changes, on whichever API instance the change was made. Events carry only the kind of change.
 */
@Injectable()
export class DebriefEventsService {
  /** How often an open stream checks that its session is still live (tests shorten it). */
  static sessionCheckMs = HEARTBEAT_MS;

  constructor(
    private readonly events: ApplicationEvents,
    private readonly scorecards: ScorecardsService,
    private readonly sessions: SessionsService,
    private readonly db: Db,
  ) {}

  async stream(caller: Caller, applicationId: string, req: FastifyRequest, reply: FastifyReply): Promise<void> {
    // 404 outside the caller's organization, 403 while the caller may not see the panel's feedback:
    // answered as problem+json before the stream starts.
    await this.scorecards.checkPanelAccess(caller, applicationId);
    const stream = new EventStream(req, reply);
    let unsubscribe: () => void = () => undefined;
    // A stream outlives its request: once its session is signed out, expired or its user
    // deactivated, it ends (the browser's reconnect then answers 401). A failed check (the
    // database is away) leaves it open; the listener tells it to resync once the database is back.
    const token = requestToken(req);
    const check = this.db.outside(() =>
      setInterval(() => {
        if (!token) return stream.end();
        this.sessions.resolve(token).then(
          (live) => {
            if (!live || live.sessionId !== caller.sessionId) stream.end();
          },
          () => undefined,
        );
      }, DebriefEventsService.sessionCheckMs),
    );
    check.unref();
    stream.open(() => {
      clearInterval(check);
      unsubscribe();
    });
    unsubscribe = this.events.subscribe(caller.organizationId, applicationId, {
      changed: (kind) => stream.send(DEBRIEF_EVENT_NAMES.changed, { kind }),
      close: () => stream.end(),
    });
    stream.send(DEBRIEF_EVENT_NAMES.ready, {});
  }
}
