import type {
  Endpoint,
  EndpointBody,
  EndpointInput,
  EndpointParams,
  EndpointQuery,
  EndpointResponse,
} from './endpoints/endpoint.js';
import { analyticsEndpoints } from './endpoints/analytics.js';
import { applicationEndpoints } from './endpoints/applications.js';
import { auditEndpoints } from './endpoints/audit.js';
import { authEndpoints } from './endpoints/auth.js';
import { candidateImportEndpoints } from './endpoints/candidate-imports.js';
import { candidateEndpoints } from './endpoints/candidates.js';
import { debriefEndpoints } from './endpoints/debriefs.js';
import { fileEndpoints } from './endpoints/files.js';
import { homeEndpoints } from './endpoints/home.js';
import { interviewEndpoints } from './endpoints/interviews.js';
import { libraryEndpoints } from './endpoints/library.js';
import { openingEndpoints } from './endpoints/openings.js';
import { organizationEndpoints } from './endpoints/organization.js';
import { privacyEndpoints } from './endpoints/privacy.js';
import { scorecardEndpoints } from './endpoints/scorecards.js';
import { systemEndpoints } from './endpoints/system.js';
import { userEndpoints } from './endpoints/users.js';
import { emailEndpoints } from './endpoints/emails.js';
import { invitationEndpoints } from './endpoints/invitations.js';
import { reminderEndpoints } from './endpoints/reminders.js';
import { calendarEndpoints } from './endpoints/calendar.js';
import { notificationEndpoints } from './endpoints/notifications.js';
import { ssoEndpoints } from './endpoints/sso.js';
import { samlEndpoints } from './endpoints/saml.js';
import { scimEndpoints } from './endpoints/scim.js';
import { twoFactorEndpoints } from './endpoints/two-factor.js';
import { apiTokenEndpoints } from './endpoints/api-tokens.js';
import { webhookEndpoints } from './endpoints/webhooks.js';
import { integrationEndpoints } from './endpoints/integrations.js';
import { qualificationEndpoints } from './endpoints/qualification.js';
import { questionBankEndpoints } from './endpoints/question-bank.js';
import { selfIdEndpoints } from './endpoints/self-id.js';
import { packetEndpoints } from './endpoints/packets.js';
import { meetingEndpoints } from './endpoints/meetings.js';

export {
  type Access,
  type Endpoint,
  type EndpointId,
  endpointGroup,
  type HttpMethod,
  type PathParamNames,
  type PathParams,
} from './endpoints/endpoint.js';
export type { ENDPOINT_OF } from './endpoints/endpoint.js';
export { checklistEndpoints, rubricEndpoints, type VersionedDocumentEndpoints } from './endpoints/library.js';

const { getCalibration, getPipelineAnalytics } = analyticsEndpoints;

/**
 * Every operation of the API, in one table, assembled from one file per context (`endpoints/*.ts`).
 * The API routes, validates and authorises from it; the OpenAPI document is generated from it (in
 * this order); the web client types its calls with it.
 */
export const endpoints = {
  ...systemEndpoints,
  ...authEndpoints,
  ...userEndpoints,
  ...libraryEndpoints,
  ...openingEndpoints,
  ...candidateEndpoints,
  ...privacyEndpoints,
  ...fileEndpoints,
  ...applicationEndpoints,
  ...interviewEndpoints,
  ...homeEndpoints,
  ...candidateImportEndpoints,
  ...scorecardEndpoints,
  ...debriefEndpoints,
  getCalibration,
  ...organizationEndpoints,
  getPipelineAnalytics,
  ...auditEndpoints,
  ...emailEndpoints,
  ...invitationEndpoints,
  ...reminderEndpoints,
  ...calendarEndpoints,
  ...notificationEndpoints,
  ...twoFactorEndpoints,
  ...ssoEndpoints,
  ...samlEndpoints,
  ...scimEndpoints,
  ...apiTokenEndpoints,
  ...webhookEndpoints,
  ...integrationEndpoints,
  ...qualificationEndpoints,
  ...questionBankEndpoints,
  ...selfIdEndpoints,
  ...packetEndpoints,
  ...meetingEndpoints,
} as const satisfies Record<string, Endpoint>;

export type EndpointName = keyof typeof endpoints;

/** An endpoint, by its name in the table or as the entry itself (`'getCandidate'` or `typeof endpoints.getCandidate`). */
type Resolve<E extends Endpoint | EndpointName> = E extends EndpointName ? (typeof endpoints)[E] : Extract<E, Endpoint>;

/** The validated path parameters a handler of the endpoint receives: `ParamsOf<'getCandidate'>` is `{ id: string }`. */
export type ParamsOf<E extends Endpoint | EndpointName> = EndpointParams<Resolve<E>>;
/** The parsed query (defaults filled in) a handler of the endpoint receives. */
export type QueryOf<E extends Endpoint | EndpointName> = EndpointQuery<Resolve<E>>;
/** The parsed body a handler of the endpoint receives. */
export type BodyOf<E extends Endpoint | EndpointName> = EndpointBody<Resolve<E>>;
/** The validated params, query and body together, as a handler takes them: `@Input() { params, body }: InputOf<'updateCandidate'>`. */
export type InputOf<E extends Endpoint | EndpointName> = EndpointInput<Resolve<E>>;
/** The endpoint's success body (`undefined` when it has none). */
export type ResponseOf<E extends Endpoint | EndpointName> = EndpointResponse<Resolve<E>>;

/** The header the web client sends on every request; cookie-authenticated writes without it are refused. */
export const CSRF_HEADER = 'x-requested-with';
export const CSRF_HEADER_VALUE = 'scorecard';
export const SESSION_COOKIE = 'scorecard_session';
