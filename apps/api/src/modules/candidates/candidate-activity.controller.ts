import { Body, Controller, Param, Query } from '@nestjs/common';
import { type CandidateActivityQuery, type CreateCandidateNoteRequest, endpoints } from '@scorecard/contracts';
import { CurrentCaller, type Caller } from '../../common/request-context.js';
import { Route } from '../../common/route.decorator.js';
import { CandidateActivityService } from './candidate-activity.service.js';

@Controller()
export class CandidateActivityController {
  constructor(private readonly activity: CandidateActivityService) {}

  @Route(endpoints.addCandidateNote)
  addNote(@CurrentCaller() caller: Caller, @Param() p: { id: string }, @Body() body: CreateCandidateNoteRequest) {
    return this.activity.addNote(caller, p.id, body);
  }

  @Route(endpoints.getCandidateActivity)
  feed(@CurrentCaller() caller: Caller, @Param() p: { id: string }, @Query() query: CandidateActivityQuery) {
    return this.activity.feed(caller, p.id, query);
  }
}
