import { Candidate } from '../candidates.js';
import { IdParams } from '../common.js';
import { CandidateExport, EraseCandidateRequest } from '../privacy.js';
import { admins, endpointGroup } from './endpoint.js';

/** A candidate’s personal data: its export and its erasure (admins). */
export const privacyEndpoints = endpointGroup({
  exportCandidate: {
    method: 'get',
    path: '/api/v1/candidates/:id/export',
    summary:
      'Everything held about a candidate as JSON (a download): applications, stage history, interviews, scorecards, decisions, import rows and audit events',
    tag: 'privacy',
    access: admins,
    params: IdParams,
    status: 200,
    response: CandidateExport,
    audited: true,
  },
  eraseCandidate: {
    method: 'post',
    path: '/api/v1/candidates/:id/erase',
    summary:
      'Erase a candidate’s personal data (confirm with their full name): name, contact details and every mention in notes and evidence; ratings, stages and decisions stay for statistics (409 if already erased)',
    tag: 'privacy',
    access: admins,
    params: IdParams,
    body: EraseCandidateRequest,
    status: 200,
    response: Candidate,
  },
});
