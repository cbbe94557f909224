import { Body, Controller, Param, Query } from '@nestjs/common';
import {
  type ChangeOpeningStatusRequest,
  type CreateOpeningRequest,
  endpoints,
  type OpeningListQuery,
  type SavePlanRequest,
  type UpdateOpeningRequest,
} from '@scorecard/contracts';
import { CurrentCaller, type Caller } from '../../common/request-context.js';
import { Route } from '../../common/route.decorator.js';
import { OpeningsService } from './openings.service.js';

type IdParam = { id: string };

@Controller()
export class OpeningsController {
  constructor(private readonly openings: OpeningsService) {}

  @Route(endpoints.listOpenings)
  list(@CurrentCaller() caller: Caller, @Query() query: OpeningListQuery) {
    return this.openings.list(caller, query);
  }

  @Route(endpoints.createOpening)
  create(@CurrentCaller() caller: Caller, @Body() body: CreateOpeningRequest) {
    return this.openings.create(caller, body);
  }

  @Route(endpoints.getOpening)
  get(@CurrentCaller() caller: Caller, @Param() p: IdParam) {
    return this.openings.get(caller, p.id);
  }

  @Route(endpoints.updateOpening)
  update(@CurrentCaller() caller: Caller, @Param() p: IdParam, @Body() body: UpdateOpeningRequest) {
    return this.openings.update(caller, p.id, body);
  }

  @Route(endpoints.saveOpeningPlan)
  savePlan(@CurrentCaller() caller: Caller, @Param() p: IdParam, @Body() body: SavePlanRequest) {
    return this.openings.savePlan(caller, p.id, body.steps, body.revision);
  }

  @Route(endpoints.changeOpeningStatus)
  changeStatus(@CurrentCaller() caller: Caller, @Param() p: IdParam, @Body() body: ChangeOpeningStatusRequest) {
    return this.openings.changeStatus(caller, p.id, body);
  }
}
