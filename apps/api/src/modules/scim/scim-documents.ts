import { SCIM_GROUP_SCHEMA, SCIM_LIST_SCHEMA, SCIM_MAX_RESULTS, SCIM_USER_SCHEMA } from '@scorecard/contracts';

/** The static discovery documents of RFC 7643 §5-7, for a service provider at `base` (…/scim/v2). */

export function serviceProviderConfig(base: string) {
  return {
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig'],
    documentationUri: `${base.replace(/\/scim\/v2$/, '')}/api/docs`,
    patch: { supported: true },
    bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
    filter: { supported: true, maxResults: SCIM_MAX_RESULTS },
    changePassword: { supported: false },
    sort: { supported: false },
    etag: { supported: false },
    authenticationSchemes: [
      {
        type: 'oauthbearertoken',
        name: 'OAuth Bearer Token',
        description: 'A SCIM token created by an admin under Settings → Provisioning, sent as Authorization: Bearer.',
        primary: true,
      },
    ],
    meta: { resourceType: 'ServiceProviderConfig', location: `${base}/ServiceProviderConfig` },
  };
}

const attr = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  type: 'string',
  multiValued: false,
  required: false,
  caseExact: false,
  mutability: 'readWrite',
  returned: 'default',
  uniqueness: 'none',
  ...extra,
});

const USER_SCHEMA = {
  id: SCIM_USER_SCHEMA,
  name: 'User',
  description: 'A member of the organization. userName is the email address they sign in with.',
  attributes: [
    attr('userName', { required: true, uniqueness: 'server' }),
    attr('externalId', { caseExact: true }),
    attr('displayName'),
    attr('name', {
      type: 'complex',
      subAttributes: [attr('formatted'), attr('givenName'), attr('familyName')],
    }),
    attr('active', { type: 'boolean' }),
    attr('emails', {
      type: 'complex',
      multiValued: true,
      subAttributes: [attr('value'), attr('type'), attr('primary', { type: 'boolean' })],
    }),
    attr('groups', {
      type: 'complex',
      multiValued: true,
      mutability: 'readOnly',
      subAttributes: [attr('value', { mutability: 'readOnly' }), attr('display', { mutability: 'readOnly' })],
    }),
  ],
  meta: { resourceType: 'Schema' },
};

const GROUP_SCHEMA = {
  id: SCIM_GROUP_SCHEMA,
  name: 'Group',
  description: 'One group per role (admin, recruiter, hiring_manager, interviewer); membership sets the role.',
  attributes: [
    attr('displayName', { required: true, mutability: 'readOnly' }),
    attr('members', {
      type: 'complex',
      multiValued: true,
      subAttributes: [attr('value', { mutability: 'immutable' }), attr('display', { mutability: 'readOnly' })],
    }),
  ],
  meta: { resourceType: 'Schema' },
};

export function schemas(base: string) {
  const resources = [USER_SCHEMA, GROUP_SCHEMA].map((s) => ({
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:Schema'],
    ...s,
    meta: { ...s.meta, location: `${base}/Schemas/${s.id}` },
  }));
  return { schemas: [SCIM_LIST_SCHEMA], totalResults: 2, startIndex: 1, itemsPerPage: 2, Resources: resources };
}

export function resourceTypes(base: string) {
  const resources = [
    { id: 'User', name: 'User', endpoint: '/Users', schema: SCIM_USER_SCHEMA },
    { id: 'Group', name: 'Group', endpoint: '/Groups', schema: SCIM_GROUP_SCHEMA },
  ].map((r) => ({
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:ResourceType'],
    ...r,
    meta: { resourceType: 'ResourceType', location: `${base}/ResourceTypes/${r.id}` },
  }));
  return { schemas: [SCIM_LIST_SCHEMA], totalResults: 2, startIndex: 1, itemsPerPage: 2, Resources: resources };
}
