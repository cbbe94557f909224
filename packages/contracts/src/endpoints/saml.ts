import { SamlAcsRequest, SamlParams } from '../saml.js';
import { endpointGroup } from './endpoint.js';

/** SAML 2.0 service provider: metadata and the assertion consumer service, per organization. */
export const samlEndpoints = endpointGroup({
  samlMetadata: {
    method: 'get',
    path: '/api/v1/auth/saml/:organizationSlug/metadata',
    summary:
      'The SAML service provider metadata of an organization with a SAML connection (entity id, assertion consumer service)',
    tag: 'sso',
    access: { auth: 'public' },
    params: SamlParams,
    status: 200,
    response: null,
    produces: 'application/samlmetadata+xml',
  },
  samlAcs: {
    method: 'post',
    path: '/api/v1/auth/saml/:organizationSlug/acs',
    summary:
      'Assertion consumer service (HTTP-POST binding, form-encoded): checks the signed assertion, signs in and redirects (303) to the web app; a refused assertion redirects to /sso?error=<code>',
    tag: 'sso',
    access: { auth: 'public' },
    params: SamlParams,
    body: SamlAcsRequest,
    status: 303,
    response: null,
    auditEntity: 'session',
    auditedByHandler: true,
  },
});
