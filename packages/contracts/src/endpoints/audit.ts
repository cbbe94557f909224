import { AuditEventList, AuditEventListQuery } from '../audit.js';
import { admins, endpointGroup } from './endpoint.js';

/** The audit log (read only: nothing changes or removes an event). */
export const auditEndpoints = endpointGroup({
  listAuditEvents: {
    method: 'get',
    path: '/api/v1/audit-events',
    summary: 'The audit log, newest first: who changed what and when (field names only, never values or secrets)',
    tag: 'audit',
    access: admins,
    query: AuditEventListQuery,
    status: 200,
    response: AuditEventList,
  },
});
