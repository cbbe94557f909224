import { controller } from '../../common/controller.js';
import { DecisionsService } from './decisions.service.js';

export const DecisionsController = controller('DecisionsController', DecisionsService, {
  decide: (decisions, caller, { params, body }) => decisions.decide(caller, params.id, body),
});
