import { IdParams } from '../common.js';
import {
  AdverseImpactQuery,
  AdverseImpactReport,
  CreateSelfIdLinkRequest,
  SelfIdForm,
  SelfIdLink,
  SelfIdLinkStatus,
  SelfIdReceipt,
  SelfIdSettings,
  SelfIdTokenRequest,
  SubmitSelfIdRequest,
  UpdateSelfIdSettingsRequest,
} from '../self-id.js';
import { admins, deciders, endpointGroup, recruiting } from './endpoint.js';

/**
 * Voluntary self-identification and the adverse-impact monitor (issue 24 §3). No endpoint answers
 * one person's answers: the public page learns only whether answers are on file.
 */
export const selfIdEndpoints = endpointGroup({
  getSelfIdSettings: {
    method: 'get',
    path: '/api/v1/organization/self-id',
    summary: 'The voluntary self-identification questions and their categories (the EEO-1 ones by default)',
    tag: 'self-identification',
    access: admins,
    status: 200,
    response: SelfIdSettings,
  },
  updateSelfIdSettings: {
    method: 'put',
    path: '/api/v1/organization/self-id',
    summary:
      'Replace the self-identification questions; answers keep their keys (a removed category is reported as no longer offered)',
    tag: 'self-identification',
    access: admins,
    body: UpdateSelfIdSettingsRequest,
    status: 200,
    response: SelfIdSettings,
    auditEntity: 'organization',
  },
  getSelfIdLink: {
    method: 'get',
    path: '/api/v1/candidates/:id/self-id-link',
    summary: 'Whether a candidate has a working self-identification link (never whether or what they answered)',
    tag: 'self-identification',
    access: recruiting,
    params: IdParams,
    status: 200,
    response: SelfIdLinkStatus,
  },
  createSelfIdLink: {
    method: 'post',
    path: '/api/v1/candidates/:id/self-id-link',
    summary:
      'A new self-identification link for a candidate (the previous one stops working), shown once; optionally emailed to them',
    tag: 'self-identification',
    access: recruiting,
    params: IdParams,
    body: CreateSelfIdLinkRequest,
    status: 201,
    response: SelfIdLink,
    auditEntity: 'candidate',
  },
  getSelfIdForm: {
    method: 'post',
    path: '/api/v1/self-id/form',
    summary: 'The questions a self-identification link asks, and whether answers are on file (never the answers)',
    tag: 'self-identification',
    access: { auth: 'public' },
    body: SelfIdTokenRequest,
    status: 200,
    response: SelfIdForm,
    // Public: nobody signed in and no organization in the answer, so the audit log records nothing.
    auditEntity: 'candidate',
  },
  submitSelfId: {
    method: 'put',
    path: '/api/v1/self-id/answers',
    summary: 'Save a candidate’s voluntary answers through their link, replacing earlier ones',
    tag: 'self-identification',
    access: { auth: 'public' },
    body: SubmitSelfIdRequest,
    status: 200,
    response: SelfIdReceipt,
    // Public: nobody signed in and no organization in the answer, so the audit log records nothing.
    auditEntity: 'candidate',
  },
  withdrawSelfId: {
    method: 'post',
    path: '/api/v1/self-id/withdraw',
    summary: 'Delete a candidate’s voluntary answers through their link',
    tag: 'self-identification',
    access: { auth: 'public' },
    body: SelfIdTokenRequest,
    status: 200,
    response: SelfIdReceipt,
    // Public: nobody signed in and no organization in the answer, so the audit log records nothing.
    auditEntity: 'candidate',
  },
  getAdverseImpact: {
    method: 'get',
    path: '/api/v1/analytics/adverse-impact',
    summary:
      'Adverse impact: per stage step and self-identified group, selection rate, impact ratio (four-fifths rule), Fisher’s exact p-value; mean ratings per competency',
    tag: 'analytics',
    access: deciders,
    query: AdverseImpactQuery,
    status: 200,
    response: AdverseImpactReport,
  },
});
