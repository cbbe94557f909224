import { EmptyBody } from '../auth.js';
import { IdParams } from '../common.js';
import { ReminderSettings, RemindNowResult, UpdateReminderSettingsRequest } from '../reminders.js';
import { admins, anyone, endpointGroup, recruiting } from './endpoint.js';

/** Scorecard reminders: when they go out and to whom, and a reminder sent on demand. */
export const reminderEndpoints = endpointGroup({
  getReminderSettings: {
    method: 'get',
    path: '/api/v1/organization/reminder-settings',
    summary: 'When scorecard reminders go out and to whom they escalate',
    tag: 'organization',
    access: anyone,
    status: 200,
    response: ReminderSettings,
  },
  updateReminderSettings: {
    method: 'patch',
    path: '/api/v1/organization/reminder-settings',
    summary: 'Change the reminder schedule (hours 1–168 and 1–336, escalation after 1–10) and its three switches',
    tag: 'organization',
    access: admins,
    body: UpdateReminderSettingsRequest,
    status: 200,
    response: ReminderSettings,
    auditEntity: 'organization',
  },
  remindInterviewer: {
    method: 'post',
    path: '/api/v1/interviews/:id/remind',
    summary:
      'Email the interviewer a reminder now (422 before the interview ends or with nothing owed; 429 within an hour of the last one)',
    tag: 'interviews',
    access: recruiting,
    params: IdParams,
    body: EmptyBody.optional(),
    status: 202,
    response: RemindNowResult,
  },
});
