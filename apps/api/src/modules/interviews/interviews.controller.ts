import { controller } from '../../common/controller.js';
import { InterviewsService } from './interviews.service.js';

export const InterviewsController = controller('InterviewsController', InterviewsService, {
  listApplicationInterviews: (interviews, caller, { params, query }) => interviews.list(caller, params.id, query),
  scheduleInterview: (interviews, caller, { params, body }) => interviews.schedule(caller, params.id, body),
  updateInterview: (interviews, caller, { params, body }) => interviews.update(caller, params.id, body),
  cancelInterview: (interviews, caller, { params, body }) => interviews.cancel(caller, params.id, body),
});
