import { HiringManagerHome, InterviewerHome, InterviewerHomeQuery } from '../home.js';
import { RecruiterHome, RecruiterHomeQuery } from '../interviews.js';
import { anyone, deciders, recruiting, endpointGroup } from './endpoint.js';

/** Each role’s home page: what needs doing now. */
export const homeEndpoints = endpointGroup({
  getRecruiterHome: {
    method: 'get',
    path: '/api/v1/home/recruiter',
    summary: 'Open openings with counts per stage, stuck applications and overdue scorecards',
    tag: 'home',
    access: recruiting,
    query: RecruiterHomeQuery,
    status: 200,
    response: RecruiterHome,
  },
  getInterviewerHome: {
    method: 'get',
    path: '/api/v1/home/interviewer',
    summary:
      'My interviews today and this week, the scorecards I owe (draft, due, overdue) and my recent submissions, with the debrief once it is open to me',
    tag: 'home',
    access: anyone,
    query: InterviewerHomeQuery,
    status: 200,
    response: InterviewerHome,
  },
  getHiringManagerHome: {
    method: 'get',
    path: '/api/v1/home/hiring-manager',
    summary:
      'Decisions waiting (applications in debrief with scorecards in, disagreements and dealbreakers), my openings with stage counts, my own scorecards due; admins see every opening and their own counts',
    tag: 'home',
    access: deciders,
    status: 200,
    response: HiringManagerHome,
  },
});
