import { controller } from '../../common/controller.js';
import { CandidatesService } from './candidates.service.js';

export const CandidatesController = controller('CandidatesController', CandidatesService, {
  listCandidates: (candidates, caller, { query }) => candidates.list(caller, query),
  createCandidate: (candidates, caller, { body }) => candidates.create(caller, body),
  getCandidate: (candidates, caller, { params }) => candidates.get(caller, params.id),
  updateCandidate: (candidates, caller, { params, body }) => candidates.update(caller, params.id, body),
});
