import { controller } from '../../common/controller.js';
import { QualificationService } from './qualification.service.js';

export const QualificationController = controller('QualificationController', QualificationService, {
  getQualificationSettings: (q, caller) => q.settings(caller),
  updateQualificationSettings: (q, caller, { body }) => q.updateSettings(caller, body),
  getMyQualification: (q, caller) => q.mine(caller),
  listQualificationMembers: (q, caller, { query }) => q.list(caller, query),
  promoteInterviewer: (q, caller, { params, body }) => q.promote(caller, params.id, body.competencyKey),
  startTraining: (q, caller, { params, body }) => q.startTraining(caller, params.id, body),
  addTrainingSeat: (q, caller, { params, body }) => q.addSeat(caller, params.id, body),
});
