import { controller } from '../../common/controller.js';
import { ScorecardsService } from './scorecards.service.js';

export const ScorecardsController = controller('ScorecardsController', ScorecardsService, {
  listMyInterviews: (scorecards, caller, { query }) => scorecards.listMine(caller, query),
  getInterviewKit: (scorecards, caller, { params }) => scorecards.kit(caller, params.id),
  getScorecard: (scorecards, caller, { params }) => scorecards.get(caller, params.id),
  saveScorecard: (scorecards, caller, { params, body }) => scorecards.save(caller, params.id, body),
  submitScorecard: (scorecards, caller, { params, body }) => scorecards.submit(caller, params.id, body),
  amendScorecard: (scorecards, caller, { params, body }) => scorecards.amend(caller, params.id, body),
  listApplicationScorecards: (scorecards, caller, { params }) => scorecards.listForApplication(caller, params.id),
});
