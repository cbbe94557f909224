import { endpointGroup } from './endpoint.js';

/** Single sign-on: an organization's OpenID Connect or SAML connection, and signing in through it. */
export const ssoEndpoints = endpointGroup({});
