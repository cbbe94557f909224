import { IdParams } from '../common.js';
import { EmailDetail, EmailList, EmailListQuery } from '../messaging.js';
import { admins, endpointGroup } from './endpoint.js';

/** The Email log: every message the product sent, held or failed to send (admins). */
export const emailEndpoints = endpointGroup({
  listEmails: {
    method: 'get',
    path: '/api/v1/emails',
    summary: 'The Email log: every email of the organization, newest first, with its status',
    tag: 'email',
    access: admins,
    query: EmailListQuery,
    status: 200,
    response: EmailList,
  },
  getEmail: {
    method: 'get',
    path: '/api/v1/emails/:id',
    summary: 'One email as it was sent: its text and HTML parts, headers and calendar attachment',
    tag: 'email',
    access: admins,
    params: IdParams,
    status: 200,
    response: EmailDetail,
  },
});
