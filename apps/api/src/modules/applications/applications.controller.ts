import { Body, Controller, Param, Query } from '@nestjs/common';
import { type CreateApplicationRequest, endpoints, type MoveApplicationRequest } from '@scorecard/contracts';
import { CurrentCaller, type Caller } from '../../common/request-context.js';
import { Route } from '../../common/route.decorator.js';
import { ApplicationsService } from './applications.service.js';

@Controller()
export class ApplicationsController {
  constructor(private readonly applications: ApplicationsService) {}

  @Route(endpoints.createApplication)
  apply(@CurrentCaller() caller: Caller, @Body() body: CreateApplicationRequest) {
    return this.applications.apply(caller, body.candidateId, body.openingId);
  }

  @Route(endpoints.getApplication)
  get(@CurrentCaller() caller: Caller, @Param() p: { id: string }) {
    return this.applications.get(caller, p.id);
  }

  @Route(endpoints.moveApplication)
  move(@CurrentCaller() caller: Caller, @Param() p: { id: string }, @Body() body: MoveApplicationRequest) {
    return this.applications.move(caller, p.id, body);
  }

  @Route(endpoints.getPipelineBoard)
  board(@CurrentCaller() caller: Caller, @Param() p: { id: string }, @Query() q: { cardsPerColumn: number }) {
    return this.applications.board(caller, p.id, q.cardsPerColumn);
  }
}
