import {
  Preferences,
  UnsubscribeQuery,
  UnsubscribeRequest,
  Unsubscription,
  UpdatePreferencesRequest,
} from '../notifications.js';
import { anyone, endpointGroup } from './endpoint.js';

/** Each user's own email preferences and time zone, and the one-click unsubscribe link of optional emails. */
export const notificationEndpoints = endpointGroup({
  getPreferences: {
    method: 'get',
    path: '/api/v1/me/preferences',
    summary: 'Your time zone and which optional emails you get',
    tag: 'notifications',
    access: anyone,
    status: 200,
    response: Preferences,
  },
  updatePreferences: {
    method: 'patch',
    path: '/api/v1/me/preferences',
    summary: 'Change your time zone or turn optional emails on or off',
    tag: 'notifications',
    access: anyone,
    body: UpdatePreferencesRequest,
    status: 200,
    response: Preferences,
    auditEntity: 'user',
  },
  describeUnsubscribe: {
    method: 'get',
    path: '/api/v1/unsubscribe',
    summary: 'What an unsubscribe link would turn off (changes nothing: link scanners follow GETs)',
    tag: 'notifications',
    access: { auth: 'public' },
    query: UnsubscribeQuery,
    status: 200,
    response: Unsubscription,
  },
  unsubscribe: {
    method: 'post',
    path: '/api/v1/unsubscribe',
    summary: 'Turn off the kind of email an unsubscribe link came in (RFC 8058 one-click; no session needed)',
    tag: 'notifications',
    access: { auth: 'public' },
    query: UnsubscribeQuery,
    body: UnsubscribeRequest,
    status: 200,
    response: Unsubscription,
    auditEntity: 'user',
  },
});
