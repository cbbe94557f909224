import { Controller, Req, Res } from '@nestjs/common';
import { endpoints, type InputOf } from '@scorecard/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentCaller, type Caller } from '../../common/request-context.js';
import { Input, Route } from '../../common/route.decorator.js';
import { DebriefEventsService } from './debrief-events.service.js';

@Controller()
export class DebriefEventsController {
  constructor(private readonly debriefEvents: DebriefEventsService) {}

  /** A stream: the service writes the raw reply, so Nest sends nothing itself. */
  @Route(endpoints.debriefEvents)
  events(
    @CurrentCaller() caller: Caller,
    @Input() { params }: InputOf<'debriefEvents'>,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    return this.debriefEvents.stream(caller, params.id, req, reply);
  }
}
