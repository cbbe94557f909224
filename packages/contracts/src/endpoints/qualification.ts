import { IdParams } from '../common.js';
import { Interview } from '../interviews.js';
import {
  AddTrainingSeatRequest,
  PromoteInterviewerRequest,
  QualificationMemberList,
  QualificationMembersQuery,
  QualificationPath,
  QualificationSettings,
  StartTrainingRequest,
  UpdateQualificationSettingsRequest,
} from '../qualification.js';
import { admins, anyone, deciders, endpointGroup, recruiting } from './endpoint.js';

/** Interviewer qualification: shadowing, reverse-shadowing, qualified (issue 24 §5). */
export const qualificationEndpoints = endpointGroup({
  getQualificationSettings: {
    method: 'get',
    path: '/api/v1/organization/qualification-settings',
    summary: 'How many shadow and reverse-shadow sessions a level needs, the calibration check, new interviewers',
    tag: 'organization',
    access: anyone,
    status: 200,
    response: QualificationSettings,
  },
  updateQualificationSettings: {
    method: 'patch',
    path: '/api/v1/organization/qualification-settings',
    summary:
      'Change the sessions each level needs (1–20), the calibration check, and whether new interviewers start shadowing',
    tag: 'organization',
    access: admins,
    body: UpdateQualificationSettingsRequest,
    status: 200,
    response: QualificationSettings,
    auditEntity: 'organization',
  },
  getMyQualification: {
    method: 'get',
    path: '/api/v1/qualification/me',
    summary: 'The caller’s qualification path: per competency their level, sessions done and needed, what is next',
    tag: 'qualification',
    access: anyone,
    status: 200,
    response: QualificationPath,
  },
  listQualificationMembers: {
    method: 'get',
    path: '/api/v1/qualification/members',
    summary: 'Members in training (or ready for a promotion, or everyone) with their paths',
    tag: 'qualification',
    access: deciders,
    query: QualificationMembersQuery,
    status: 200,
    response: QualificationMemberList,
  },
  promoteInterviewer: {
    method: 'post',
    path: '/api/v1/qualification/members/:id/promotions',
    summary: 'Approve a promotion to the next level in one competency (422 until they are ready)',
    tag: 'qualification',
    access: deciders,
    params: IdParams,
    body: PromoteInterviewerRequest,
    status: 201,
    response: QualificationPath,
    auditEntity: 'user',
  },
  startTraining: {
    method: 'post',
    path: '/api/v1/qualification/members/:id/training',
    summary: 'Start a member shadowing in some competencies (admins)',
    tag: 'qualification',
    access: admins,
    params: IdParams,
    body: StartTrainingRequest,
    status: 200,
    response: QualificationPath,
    auditEntity: 'user',
  },
  addTrainingSeat: {
    method: 'post',
    path: '/api/v1/interviews/:id/training',
    summary:
      'Add a shadow beside a qualified lead, or a qualified observer beside a reverse-shadowing trainee (422 training_refused otherwise)',
    tag: 'interviews',
    access: recruiting,
    params: IdParams,
    body: AddTrainingSeatRequest,
    status: 201,
    response: Interview,
  },
});
