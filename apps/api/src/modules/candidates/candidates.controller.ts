import { Body, Controller, Param, Query } from '@nestjs/common';
import {
  type CandidateListQuery,
  type CreateCandidateRequest,
  endpoints,
  type UpdateCandidateRequest,
} from '@scorecard/contracts';
import { CurrentCaller, type Caller } from '../../common/request-context.js';
import { Route } from '../../common/route.decorator.js';
import { CandidatesService } from './candidates.service.js';

@Controller()
export class CandidatesController {
  constructor(private readonly candidates: CandidatesService) {}

  @Route(endpoints.listCandidates)
  list(@CurrentCaller() caller: Caller, @Query() query: CandidateListQuery) {
    return this.candidates.list(caller, query);
  }

  @Route(endpoints.createCandidate)
  create(@CurrentCaller() caller: Caller, @Body() body: CreateCandidateRequest) {
    return this.candidates.create(caller, body);
  }

  @Route(endpoints.getCandidate)
  get(@CurrentCaller() caller: Caller, @Param() p: { id: string }) {
    return this.candidates.get(caller, p.id);
  }

  @Route(endpoints.updateCandidate)
  update(@CurrentCaller() caller: Caller, @Param() p: { id: string }, @Body() body: UpdateCandidateRequest) {
    return this.candidates.update(caller, p.id, body);
  }
}
