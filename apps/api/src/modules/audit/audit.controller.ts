import { controller } from '../../common/controller.js';
import { AuditService } from './audit.service.js';

/** Reading the audit log. There is deliberately no route that changes or removes an event. */
export const AuditController = controller('AuditController', AuditService, {
  listAuditEvents: (audit, caller, { query }) => audit.list(caller, query),
});
