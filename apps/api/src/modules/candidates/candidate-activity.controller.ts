import { controller } from '../../common/controller.js';
import { CandidateActivityService } from './candidate-activity.service.js';

export const CandidateActivityController = controller('CandidateActivityController', CandidateActivityService, {
  addCandidateNote: (activity, caller, { params, body }) => activity.addNote(caller, params.id, body),
  getCandidateActivity: (activity, caller, { params, query }) => activity.feed(caller, params.id, query),
});
