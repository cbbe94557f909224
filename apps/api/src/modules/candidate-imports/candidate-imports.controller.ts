import { controller } from '../../common/controller.js';
import { CandidateImportsService } from './candidate-imports.service.js';

export const CandidateImportsController = controller('CandidateImportsController', CandidateImportsService, {
  createCandidateImport: (imports, caller) => imports.create(caller),
  getCandidateImport: (imports, caller, { params }) => imports.get(caller, params.id),
  addCandidateImportRows: (imports, caller, { params, body }) => imports.addRows(caller, params.id, body),
  commitCandidateImport: (imports, caller, { params, body }) => imports.commit(caller, params.id, body),
  listCandidateImportCandidates: (imports, caller, { params, query }) => imports.listAdded(caller, params.id, query),
  applyCandidateImport: (imports, caller, { params, body }) => imports.applyAll(caller, params.id, body),
});
