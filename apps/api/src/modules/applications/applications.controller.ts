import { controller } from '../../common/controller.js';
import { ApplicationsService } from './applications.service.js';

export const ApplicationsController = controller('ApplicationsController', ApplicationsService, {
  createApplication: (applications, caller, { body }) => applications.apply(caller, body.candidateId, body.openingId),
  getApplication: (applications, caller, { params }) => applications.get(caller, params.id),
  moveApplication: (applications, caller, { params, body }) => applications.move(caller, params.id, body),
  getPipelineBoard: (applications, caller, { params, query }) =>
    applications.board(caller, params.id, query.cardsPerColumn),
  getBoardColumn: (applications, caller, { params, query }) =>
    applications.boardColumn(caller, params.id, params.stage, query),
});
