import {
  OidcCallbackQuery,
  SsoConnection,
  SsoStartRequest,
  SsoStartResponse,
  UpdateSsoConnectionRequest,
} from '../sso.js';
import { admins, endpointGroup } from './endpoint.js';

/** Single sign-on: an organization's OpenID Connect or SAML connection, and signing in through it. */
export const ssoEndpoints = endpointGroup({
  getSsoConnection: {
    method: 'get',
    path: '/api/v1/sso-connection',
    summary: 'The organization’s single sign-on connection and the addresses its identity provider needs',
    tag: 'sso',
    access: admins,
    status: 200,
    response: SsoConnection,
  },
  updateSsoConnection: {
    method: 'put',
    path: '/api/v1/sso-connection',
    summary: 'Set the single sign-on connection, and whether the organization requires SSO',
    tag: 'sso',
    access: admins,
    body: UpdateSsoConnectionRequest,
    status: 200,
    response: SsoConnection,
    auditEntity: 'sso_connection',
  },
  startSso: {
    method: 'post',
    path: '/api/v1/auth/sso/start',
    summary: 'Find the organization by email domain or short name and answer its identity provider’s sign-in address',
    tag: 'auth',
    access: { auth: 'public' },
    body: SsoStartRequest,
    status: 200,
    response: SsoStartResponse,
  },
  oidcCallback: {
    method: 'get',
    path: '/api/v1/auth/oidc/callback',
    summary: 'The OpenID Connect redirect URI: signs in and redirects to the app (errors redirect to /sso?error=)',
    tag: 'auth',
    access: { auth: 'public' },
    query: OidcCallbackQuery,
    status: 302,
    response: null,
    auditEntity: 'session',
    auditedByHandler: true,
  },
});
