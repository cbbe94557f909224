import type { EndpointName } from '@scorecard/contracts';

/** What each audited operation did, in words, for the log's Action column and filter. */
const ACTION_LABELS: Partial<Record<EndpointName, string>> = {
  signup: 'Signed up, creating the organization',
  login: 'Signed in',
  logout: 'Signed out',
  createUser: 'Added a user',
  updateUser: 'Changed a user',
  createRubric: 'Created a rubric',
  updateRubric: 'Renamed or archived a rubric',
  duplicateRubric: 'Duplicated a rubric',
  startRubricDraft: 'Started a rubric draft',
  saveRubricVersion: 'Saved a rubric draft',
  publishRubricVersion: 'Published a rubric version',
  createChecklist: 'Created a red-flag checklist',
  updateChecklist: 'Renamed or archived a red-flag checklist',
  duplicateChecklist: 'Duplicated a red-flag checklist',
  startChecklistDraft: 'Started a red-flag checklist draft',
  saveChecklistVersion: 'Saved a red-flag checklist draft',
  publishChecklistVersion: 'Published a red-flag checklist version',
  markQuestion: 'Marked a rubric question retired or possibly leaked',
  createOpening: 'Created an opening',
  updateOpening: 'Changed an opening',
  saveOpeningPlan: 'Saved an interview plan',
  changeOpeningStatus: 'Changed an opening’s status',
  createCandidate: 'Added a candidate',
  updateCandidate: 'Changed a candidate',
  exportCandidate: 'Exported a candidate’s data',
  eraseCandidate: 'Erased a candidate’s personal data',
  getCommitteePacket: 'Downloaded a committee packet (PDF)',
  uploadCandidateFile: 'Attached a file to a candidate',
  deleteFile: 'Deleted a candidate’s file',
  createApplication: 'Applied a candidate to an opening',
  moveApplication: 'Moved an application',
  scheduleInterview: 'Scheduled an interview',
  updateInterview: 'Rescheduled or reassigned an interview',
  cancelInterview: 'Cancelled an interview',
  createCandidateImport: 'Started a candidate import',
  addCandidateImportRows: 'Checked rows of a candidate import',
  commitCandidateImport: 'Imported candidates',
  saveScorecard: 'Saved a scorecard draft',
  submitScorecard: 'Submitted a scorecard',
  amendScorecard: 'Amended a scorecard',
  decide: 'Recorded a hiring decision',
  resendInvitation: 'Resent an invitation',
  revokeInvitation: 'Revoked an invitation',
  acceptInvitation: 'Accepted an invitation and set a password',
  confirmPasswordReset: 'Reset their password',
  updateReminderSettings: 'Changed the scorecard reminders',
  remindInterviewer: 'Reminded an interviewer of a scorecard',
  enableCalendarFeed: 'Turned on or reset their calendar feed',
  disableCalendarFeed: 'Turned off their calendar feed',
  updatePreferences: 'Changed their email preferences',
  unsubscribe: 'Unsubscribed from an email',
};

const ENTITY_LABELS: Record<string, string> = {
  organization: 'Organization',
  session: 'Session',
  user: 'User',
  rubric: 'Rubric',
  rubric_version: 'Rubric version',
  red_flag_checklist: 'Red-flag checklist',
  red_flag_checklist_version: 'Red-flag checklist version',
  opening: 'Opening',
  candidate: 'Candidate',
  file: 'File',
  application: 'Application',
  interview: 'Interview',
  candidate_import: 'Candidate import',
  scorecard: 'Scorecard',
};

/** "createCandidate" → "Create candidate": for an operation added after this list was written. */
function humanize(name: string): string {
  const words = name
    .replace(/_/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function actionLabel(action: string): string {
  return ACTION_LABELS[action as EndpointName] ?? humanize(action);
}

export function entityLabel(entityType: string): string {
  return ENTITY_LABELS[entityType] ?? humanize(entityType);
}

/** The app's page for an entity, where there is one. */
export function entityPath(entityType: string, id: string): string | null {
  switch (entityType) {
    case 'candidate':
      return `/candidates/${id}`;
    case 'opening':
      return `/openings/${id}`;
    case 'application':
      return `/applications/${id}`;
    case 'rubric':
      return `/rubrics/${id}`;
    case 'red_flag_checklist':
      return `/red-flags/${id}`;
    default:
      return null;
  }
}
