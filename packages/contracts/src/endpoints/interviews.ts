import { IdParams } from '../common.js';
import {
  CancelInterviewRequest,
  Interview,
  InterviewList,
  InterviewListQuery,
  ScheduleInterviewRequest,
  UpdateInterviewRequest,
} from '../interviews.js';
import { recruiting, endpointGroup } from './endpoint.js';

/** Scheduling interviews: schedule, reschedule or reassign, cancel. */
export const interviewEndpoints = endpointGroup({
  listApplicationInterviews: {
    method: 'get',
    path: '/api/v1/applications/:id/interviews',
    summary: 'The interviews of an application, with their scorecard state and assignment history',
    tag: 'interviews',
    access: recruiting,
    params: IdParams,
    query: InterviewListQuery,
    status: 200,
    response: InterviewList,
  },
  scheduleInterview: {
    method: 'post',
    path: '/api/v1/applications/:id/interviews',
    summary: 'Schedule an interview from a plan step; creates the interviewer’s empty draft scorecard',
    tag: 'interviews',
    access: recruiting,
    params: IdParams,
    body: ScheduleInterviewRequest,
    status: 201,
    response: Interview,
  },
  updateInterview: {
    method: 'patch',
    path: '/api/v1/interviews/:id',
    summary:
      'Reschedule or reassign an interview (409 if someone changed it first; 422 training_refused if a reassignment would break a training pairing)',
    tag: 'interviews',
    access: recruiting,
    params: IdParams,
    body: UpdateInterviewRequest,
    status: 200,
    response: Interview,
  },
  cancelInterview: {
    method: 'post',
    path: '/api/v1/interviews/:id/cancel',
    summary: 'Cancel an interview whose feedback is not yet submitted',
    tag: 'interviews',
    access: recruiting,
    params: IdParams,
    body: CancelInterviewRequest,
    status: 200,
    response: Interview,
  },
});
