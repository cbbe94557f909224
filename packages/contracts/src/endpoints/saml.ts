import { endpointGroup } from './endpoint.js';

/** SAML 2.0 service provider: metadata and the assertion consumer service, per organization. */
export const samlEndpoints = endpointGroup({});
