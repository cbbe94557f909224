import { Body, Controller, Param } from '@nestjs/common';
import { type DecideRequest, endpoints } from '@scorecard/contracts';
import { CurrentCaller, type Caller } from '../../common/request-context.js';
import { Route } from '../../common/route.decorator.js';
import { DecisionsService } from './decisions.service.js';

@Controller()
export class DecisionsController {
  constructor(private readonly decisions: DecisionsService) {}

  @Route(endpoints.decide)
  decide(@CurrentCaller() caller: Caller, @Param() p: { id: string }, @Body() body: DecideRequest) {
    return this.decisions.decide(caller, p.id, body);
  }
}
