import { Body, Controller, Param, Query } from '@nestjs/common';
import {
  type AmendScorecardRequest,
  endpoints,
  type MyInterviewsQuery,
  type SaveScorecardRequest,
  type SubmitScorecardRequest,
} from '@scorecard/contracts';
import { CurrentCaller, type Caller } from '../../common/request-context.js';
import { Route } from '../../common/route.decorator.js';
import { ScorecardsService } from './scorecards.service.js';

@Controller()
export class ScorecardsController {
  constructor(private readonly scorecards: ScorecardsService) {}

  @Route(endpoints.listMyInterviews)
  mine(@CurrentCaller() caller: Caller, @Query() q: MyInterviewsQuery) {
    return this.scorecards.listMine(caller, q);
  }

  @Route(endpoints.getInterviewKit)
  kit(@CurrentCaller() caller: Caller, @Param() p: { id: string }) {
    return this.scorecards.kit(caller, p.id);
  }

  @Route(endpoints.getScorecard)
  get(@CurrentCaller() caller: Caller, @Param() p: { id: string }) {
    return this.scorecards.get(caller, p.id);
  }

  @Route(endpoints.saveScorecard)
  save(@CurrentCaller() caller: Caller, @Param() p: { id: string }, @Body() body: SaveScorecardRequest) {
    return this.scorecards.save(caller, p.id, body);
  }

  @Route(endpoints.submitScorecard)
  submit(@CurrentCaller() caller: Caller, @Param() p: { id: string }, @Body() body: SubmitScorecardRequest) {
    return this.scorecards.submit(caller, p.id, body);
  }

  @Route(endpoints.amendScorecard)
  amend(@CurrentCaller() caller: Caller, @Param() p: { id: string }, @Body() body: AmendScorecardRequest) {
    return this.scorecards.amend(caller, p.id, body);
  }

  @Route(endpoints.listApplicationScorecards)
  listForApplication(@CurrentCaller() caller: Caller, @Param() p: { id: string }) {
    return this.scorecards.listForApplication(caller, p.id);
  }
}
