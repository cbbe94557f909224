import { controller } from '../../common/controller.js';
import { MeetingsService } from './meetings.service.js';

export const MeetingsController = controller('MeetingsController', MeetingsService, {
  startMeeting: (meetings, caller, { params }) => meetings.start(caller, params.id),
  listApplicationMeetings: (meetings, caller, { params, query }) => meetings.list(caller, params.id, query),
  getMeeting: (meetings, caller, { params }) => meetings.get(caller, params.id),
  castMeetingVote: (meetings, caller, { params, body }) => meetings.vote(caller, params.id, body),
  revealMeetingRound: (meetings, caller, { params, body }) => meetings.reveal(caller, params.id, body),
  openMeetingRoundTwo: (meetings, caller, { params }) => meetings.openRoundTwo(caller, params.id),
  cancelMeeting: (meetings, caller, { params }) => meetings.cancel(caller, params.id),
});
