import { Injectable } from '@nestjs/common';
import { DEBRIEF_EVENT_NAMES } from '@scorecard/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Caller } from '../../common/request-context.js';
import { ScorecardsService } from '../scorecards/scorecards.service.js';
import { ApplicationEvents } from './application-events.js';
import { EventStream } from './event-stream.js';

/**
 * The live stream of one debrief: whoever may read the debrief (the independence rule) hears when
 * it changes, on whichever API instance the change was made. Events carry only the kind of change.
 */
@Injectable()
export class DebriefEventsService {
  constructor(
    private readonly events: ApplicationEvents,
    private readonly scorecards: ScorecardsService,
  ) {}

  async stream(caller: Caller, applicationId: string, req: FastifyRequest, reply: FastifyReply): Promise<void> {
    // 404 outside the caller's organization, 403 while the caller may not see the panel's feedback:
    // answered as problem+json before the stream starts.
    await this.scorecards.checkPanelAccess(caller, applicationId);
    const stream = new EventStream(req, reply);
    let unsubscribe: () => void = () => undefined;
    stream.open(() => unsubscribe());
    unsubscribe = this.events.subscribe(caller.organizationId, applicationId, {
      changed: (kind) => stream.send(DEBRIEF_EVENT_NAMES.changed, { kind }),
      close: () => stream.end(),
    });
    stream.send(DEBRIEF_EVENT_NAMES.ready, {});
  }
}
