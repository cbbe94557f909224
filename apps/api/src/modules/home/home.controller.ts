import { Controller, Query } from '@nestjs/common';
import { endpoints, type InterviewerHomeQuery, type RecruiterHomeQuery } from '@scorecard/contracts';
import { CurrentCaller, type Caller } from '../../common/request-context.js';
import { Route } from '../../common/route.decorator.js';
import { HomeService } from './home.service.js';

@Controller()
export class HomeController {
  constructor(private readonly home: HomeService) {}

  @Route(endpoints.getRecruiterHome)
  recruiter(@CurrentCaller() caller: Caller, @Query() query: RecruiterHomeQuery) {
    return this.home.recruiterHome(caller, query);
  }

  @Route(endpoints.getInterviewerHome)
  interviewer(@CurrentCaller() caller: Caller, @Query() query: InterviewerHomeQuery) {
    return this.home.interviewerHome(caller, query);
  }

  @Route(endpoints.getHiringManagerHome)
  hiringManager(@CurrentCaller() caller: Caller) {
    return this.home.hiringManagerHome(caller);
  }
}
