import { Controller, Param, Query } from '@nestjs/common';
import { type ComparisonQuery, type DebriefQuery, endpoints } from '@scorecard/contracts';
import { CurrentCaller, type Caller } from '../../common/request-context.js';
import { Route } from '../../common/route.decorator.js';
import { DebriefsService } from './debriefs.service.js';

@Controller()
export class DebriefsController {
  constructor(private readonly debriefs: DebriefsService) {}

  @Route(endpoints.getDebrief)
  debrief(@CurrentCaller() caller: Caller, @Param() p: { id: string }, @Query() q: DebriefQuery) {
    return this.debriefs.debrief(caller, p.id, q.ratings);
  }

  @Route(endpoints.getComparison)
  comparison(@CurrentCaller() caller: Caller, @Param() p: { id: string }, @Query() q: ComparisonQuery) {
    return this.debriefs.comparison(caller, p.id, q);
  }
}
