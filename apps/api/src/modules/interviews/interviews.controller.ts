import { Body, Controller, Param, Query } from '@nestjs/common';
import {
  type CancelInterviewRequest,
  endpoints,
  type ScheduleInterviewRequest,
  type UpdateInterviewRequest,
} from '@scorecard/contracts';
import { CurrentCaller, type Caller } from '../../common/request-context.js';
import { Route } from '../../common/route.decorator.js';
import { InterviewsService } from './interviews.service.js';

@Controller()
export class InterviewsController {
  constructor(private readonly interviews: InterviewsService) {}

  @Route(endpoints.listApplicationInterviews)
  list(@CurrentCaller() caller: Caller, @Param() p: { id: string }, @Query() q: { page: number; pageSize: number }) {
    return this.interviews.list(caller, p.id, q);
  }

  @Route(endpoints.scheduleInterview)
  schedule(@CurrentCaller() caller: Caller, @Param() p: { id: string }, @Body() body: ScheduleInterviewRequest) {
    return this.interviews.schedule(caller, p.id, body);
  }

  @Route(endpoints.updateInterview)
  update(@CurrentCaller() caller: Caller, @Param() p: { id: string }, @Body() body: UpdateInterviewRequest) {
    return this.interviews.update(caller, p.id, body);
  }

  @Route(endpoints.cancelInterview)
  cancel(@CurrentCaller() caller: Caller, @Param() p: { id: string }, @Body() body: CancelInterviewRequest) {
    return this.interviews.cancel(caller, p.id, body);
  }
}
