import { controller } from '../../common/controller.js';
import { HomeService } from './home.service.js';

export const HomeController = controller('HomeController', HomeService, {
  getRecruiterHome: (home, caller, { query }) => home.recruiterHome(caller, query),
  getInterviewerHome: (home, caller, { query }) => home.interviewerHome(caller, query),
  getHiringManagerHome: (home, caller) => home.hiringManagerHome(caller),
});
