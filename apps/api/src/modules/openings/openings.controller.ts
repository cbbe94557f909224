import { controller } from '../../common/controller.js';
import { OpeningsService } from './openings.service.js';

export const OpeningsController = controller('OpeningsController', OpeningsService, {
  listOpenings: (openings, caller, { query }) => openings.list(caller, query),
  createOpening: (openings, caller, { body }) => openings.create(caller, body),
  getOpening: (openings, caller, { params }) => openings.get(caller, params.id),
  updateOpening: (openings, caller, { params, body }) => openings.update(caller, params.id, body),
  saveOpeningPlan: (openings, caller, { params, body }) =>
    openings.savePlan(caller, params.id, body.steps, body.revision),
  changeOpeningStatus: (openings, caller, { params, body }) => openings.changeStatus(caller, params.id, body),
});
