import { EmptyBody } from '../auth.js';
import { IdParams, PageQuery, paginated } from '../common.js';
import { CastVoteRequest, Meeting, MeetingSummary, RevealRoundRequest } from '../meetings.js';
import { anyone, deciders, endpointGroup } from './endpoint.js';

/**
 * Debrief meetings: two silent rounds of votes around a discussion (issue 24 §1). Whoever may read
 * the application's debrief may read its meetings (votes only once revealed); the opening's hiring
 * manager or an admin starts one and hosts it; the panel votes.
 */
export const meetingEndpoints = endpointGroup({
  startMeeting: {
    method: 'post',
    path: '/api/v1/applications/:id/meetings',
    summary:
      'Start a debrief meeting on an application in debrief (the opening’s hiring manager or an admin hosts it); the panel is the host and every interviewer with a submitted scorecard. One open meeting per application',
    tag: 'meetings',
    access: deciders,
    params: IdParams,
    body: EmptyBody.optional(),
    status: 201,
    response: Meeting,
  },
  listApplicationMeetings: {
    method: 'get',
    path: '/api/v1/applications/:id/meetings',
    summary: 'The debrief meetings of an application, newest first',
    tag: 'meetings',
    access: anyone,
    params: IdParams,
    query: PageQuery,
    status: 200,
    response: paginated(MeetingSummary),
  },
  getMeeting: {
    method: 'get',
    path: '/api/v1/meetings/:id',
    summary:
      'A debrief meeting: who is on the panel and who has voted; the votes of revealed rounds only (the caller’s own always); the discussion order; the movement between rounds once finished',
    tag: 'meetings',
    access: anyone,
    params: IdParams,
    status: 200,
    response: Meeting,
  },
  castMeetingVote: {
    method: 'put',
    path: '/api/v1/meetings/:id/votes/mine',
    summary:
      'Cast or change the caller’s silent vote in the open round (a rating of 1 to 4 per competency and an overall recommendation); the last member’s vote reveals the round',
    tag: 'meetings',
    access: anyone,
    params: IdParams,
    body: CastVoteRequest,
    status: 200,
    response: Meeting,
  },
  revealMeetingRound: {
    method: 'post',
    path: '/api/v1/meetings/:id/reveal',
    summary:
      'Reveal the open round’s votes before everyone has voted (the host); revealing round 2 finishes the meeting',
    tag: 'meetings',
    access: anyone,
    params: IdParams,
    body: RevealRoundRequest,
    status: 200,
    response: Meeting,
  },
  openMeetingRoundTwo: {
    method: 'post',
    path: '/api/v1/meetings/:id/round-two',
    summary: 'Open the second silent vote after the discussion (the host)',
    tag: 'meetings',
    access: anyone,
    params: IdParams,
    body: EmptyBody.optional(),
    status: 200,
    response: Meeting,
  },
  cancelMeeting: {
    method: 'post',
    path: '/api/v1/meetings/:id/cancel',
    summary: 'Cancel an open meeting (the host or an admin); its votes are kept but never shown as a result',
    tag: 'meetings',
    access: anyone,
    params: IdParams,
    body: EmptyBody.optional(),
    status: 200,
    response: Meeting,
  },
});
