import { controller } from '../../common/controller.js';
import { EmailLogService } from './email-log.service.js';

export const EmailsController = controller('EmailsController', EmailLogService, {
  listEmails: (svc, caller, { query }) => svc.list(caller, query),
  getEmail: (svc, caller, { params }) => svc.get(caller, params.id),
});
