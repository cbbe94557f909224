import { Controller, Param, Req, Res } from '@nestjs/common';
import { endpoints } from '@scorecard/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentCaller, type Caller } from '../../common/request-context.js';
import { Route } from '../../common/route.decorator.js';
import { DebriefEventsService } from './debrief-events.service.js';

@Controller()
export class DebriefEventsController {
  constructor(private readonly debriefEvents: DebriefEventsService) {}

  /** A stream: the service writes the raw reply, so Nest sends nothing itself. */
  @Route(endpoints.debriefEvents)
  events(
    @CurrentCaller() caller: Caller,
    @Param() p: { id: string },
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    return this.debriefEvents.stream(caller, p.id, req, reply);
  }
}
