import type { ApiScope } from '../api-tokens.js';

/**
 * The one table of what API tokens may call: endpoint name → the scope it needs (reads `x:read`,
 * writes `x:write`). An endpoint not listed refuses every token (403 `insufficient_scope`),
 * whatever its scopes; every endpoint is either here or in TOKEN_REFUSED below (a unit test checks
 * it), so a new endpoint must be classified. A token acts as its creator: the endpoint's roles and
 * every rule of the service (the independence rule, authorship) apply to the creator as they are now.
 */
export const TOKEN_SCOPES: Readonly<Record<string, ApiScope>> = {
  // Openings and their plans.
  listOpenings: 'openings:read',
  getOpening: 'openings:read',
  createOpening: 'openings:write',
  updateOpening: 'openings:write',
  saveOpeningPlan: 'openings:write',
  changeOpeningStatus: 'openings:write',
  // Rubrics and red-flag checklists: read only (designing them is a screen's work).
  listRubrics: 'library:read',
  getRubric: 'library:read',
  getRubricVersion: 'library:read',
  listChecklists: 'library:read',
  getChecklist: 'library:read',
  getChecklistVersion: 'library:read',
  // Candidates, their notes, files, imports, and the privacy export and erasure (admins' tokens only).
  listCandidates: 'candidates:read',
  getCandidate: 'candidates:read',
  getCandidateActivity: 'candidates:read',
  listCandidateFiles: 'candidates:read',
  downloadFile: 'candidates:read',
  exportCandidate: 'candidates:read',
  getCandidateImport: 'candidates:read',
  listCandidateImportCandidates: 'candidates:read',
  createCandidate: 'candidates:write',
  updateCandidate: 'candidates:write',
  addCandidateNote: 'candidates:write',
  uploadCandidateFile: 'candidates:write',
  deleteFile: 'candidates:write',
  eraseCandidate: 'candidates:write',
  createCandidateImport: 'candidates:write',
  addCandidateImportRows: 'candidates:write',
  commitCandidateImport: 'candidates:write',
  applyCandidateImport: 'candidates:write',
  // Applications and the pipeline.
  getApplication: 'applications:read',
  getPipelineBoard: 'applications:read',
  getBoardColumn: 'applications:read',
  createApplication: 'applications:write',
  moveApplication: 'applications:write',
  // Interviews: the people who can sit on a panel, an application's interviews, the creator's own
  // interviews and kits (a draft scorecard's content is withheld from a token), scheduling.
  listPeople: 'interviews:read',
  listApplicationInterviews: 'interviews:read',
  listMyInterviews: 'interviews:read',
  getInterviewKit: 'interviews:read',
  scheduleInterview: 'interviews:write',
  updateInterview: 'interviews:write',
  cancelInterview: 'interviews:write',
  remindInterviewer: 'interviews:write',
  addTrainingSeat: 'interviews:write',
  // Scorecards: submitted ones (never a draft's content), and the creator's own to write.
  getScorecard: 'scorecards:read',
  listApplicationScorecards: 'scorecards:read',
  saveScorecard: 'scorecards:write',
  submitScorecard: 'scorecards:write',
  amendScorecard: 'scorecards:write',
  // Debriefs, comparisons, decisions.
  getDebrief: 'decisions:read',
  getComparison: 'decisions:read',
  getCommitteePacket: 'decisions:read',
  decide: 'decisions:write',
  // Debrief meetings (issue 24 §1): reading a meeting is reading the debrief's record; voting,
  // starting and hosting are in TOKEN_REFUSED (people vote, machines don't).
  listApplicationMeetings: 'decisions:read',
  getMeeting: 'decisions:read',
  // The audit log.
  listAuditEvents: 'audit:read',
  // Lines of other issue 23 work (webhooks, scorecard import, decision packet) follow.
  importScorecard: 'scorecards:write',
  getDecisionPacket: 'decisions:read',
  listWebhooks: 'webhooks:manage',
  createWebhook: 'webhooks:manage',
  getWebhook: 'webhooks:manage',
  updateWebhook: 'webhooks:manage',
  deleteWebhook: 'webhooks:manage',
  listWebhookDeliveries: 'webhooks:manage',
  redeliverWebhook: 'webhooks:manage',
  sendTestWebhook: 'webhooks:manage',
};

/**
 * The endpoints that never take an API token, whatever its scopes (403 `insufficient_scope`): signing
 * in and sessions, users and invitations, single sign-on, SCIM and two-factor, the organization's
 * settings, API tokens themselves (a token cannot mint or revoke tokens), calendar feeds,
 * notification preferences, home screens, event streams, analytics, emails and metrics; and the
 * public and SCIM endpoints, which take no session at all. A token is a machine's, not a person's.
 */
export const TOKEN_REFUSED: readonly string[] = [
  // Public: no session, so a token is never looked at.
  'health',
  'ready',
  'metrics',
  'signup',
  'login',
  'inspectInvitation',
  'acceptInvitation',
  'requestPasswordReset',
  'confirmPasswordReset',
  'calendarFeed',
  'describeUnsubscribe',
  'unsubscribe',
  'setupTwoFactorLogin',
  'completeTwoFactorLogin',
  'startSso',
  'oidcCallback',
  'samlMetadata',
  'samlAcs',
  // Sessions and the signed-in person.
  'logout',
  'me',
  // Users and invitations.
  'listUsers',
  'createUser',
  'getUser',
  'updateUser',
  'resendInvitation',
  'revokeInvitation',
  // Designing the library (no scope writes rubrics or checklists).
  'createRubric',
  'updateRubric',
  'duplicateRubric',
  'startRubricDraft',
  'saveRubricVersion',
  'publishRubricVersion',
  'createChecklist',
  'updateChecklist',
  'duplicateChecklist',
  'startChecklistDraft',
  'saveChecklistVersion',
  'publishChecklistVersion',
  // Marking a question retired or possibly leaked takes it out of the rubric's draft: designing, too.
  'markQuestion',
  // Home screens, event streams, analytics.
  'getRecruiterHome',
  'getInterviewerHome',
  'getHiringManagerHome',
  'debriefEvents',
  'getCalibration',
  'getPipelineAnalytics',
  'getQuestionBank',
  // Interviewer qualification (issue 24 §5): people's paths and promotions are people's work.
  'getQualificationSettings',
  'updateQualificationSettings',
  'getMyQualification',
  'listQualificationMembers',
  'promoteInterviewer',
  'startTraining',
  // Settings, emails, reminders' settings.
  'getOrganizationSettings',
  'updateOrganizationSettings',
  'listEmails',
  'getEmail',
  'getReminderSettings',
  'updateReminderSettings',
  // Calendar, preferences, two-factor, SSO.
  'getCalendarFeed',
  'enableCalendarFeed',
  'disableCalendarFeed',
  'getPreferences',
  'updatePreferences',
  'getTwoFactor',
  'setupTwoFactor',
  'enableTwoFactor',
  'regenerateRecoveryCodes',
  'disableTwoFactor',
  'getTwoFactorPolicy',
  'updateTwoFactorPolicy',
  'getSsoConnection',
  'updateSsoConnection',
  // SCIM tokens and SCIM (which takes SCIM tokens only).
  'listScimTokens',
  'createScimToken',
  'revokeScimToken',
  'scimServiceProviderConfig',
  'scimSchemas',
  'scimResourceTypes',
  'scimListUsers',
  'scimGetUser',
  'scimCreateUser',
  'scimReplaceUser',
  'scimPatchUser',
  'scimDeleteUser',
  'scimListGroups',
  'scimGetGroup',
  'scimPatchGroup',
  'scimReplaceGroup',
  'scimCreateGroup',
  'scimDeleteGroup',
  // Debrief meetings: a vote is a person's judgement in the room, never a machine's; the host
  // runs the meeting live. A token may read meetings (decisions:read) but never start or vote.
  'startMeeting',
  'castMeetingVote',
  'revealMeetingRound',
  'openMeetingRoundTwo',
  'cancelMeeting',
  // Voluntary self-identification (issue 24 §3): the candidate's public link takes no session; the
  // rest is sensitive data a named person handles in the product, never a machine: the questions
  // (admins), the link (a recruiter, on the candidate's page), and the adverse-impact report, whose
  // group figures, combined across slices by a script, could narrow down to an individual.
  'getSelfIdForm',
  'submitSelfId',
  'withdrawSelfId',
  'getSelfIdSettings',
  'updateSelfIdSettings',
  'getSelfIdLink',
  'createSelfIdLink',
  'getAdverseImpact',
  // API tokens themselves.
  'listApiTokens',
  'createApiToken',
  'revokeApiToken',
];
