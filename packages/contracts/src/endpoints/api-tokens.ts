import { EmptyBody } from '../auth.js';
import { ApiTokenList, ApiTokenListQuery, CreateApiTokenRequest, CreatedApiToken } from '../api-tokens.js';
import { IdParams } from '../common.js';
import { admins, endpointGroup } from './endpoint.js';

/**
 * Organization API tokens (admins): create (secret shown once), list, revoke. A token can never
 * call these (they are in TOKEN_REFUSED, endpoints/scopes.ts): a machine cannot mint itself more.
 */
export const apiTokenEndpoints = endpointGroup({
  listApiTokens: {
    method: 'get',
    path: '/api/v1/api-tokens',
    summary: 'The API tokens of the organization, newest first (never the secrets)',
    tag: 'api-tokens',
    access: admins,
    query: ApiTokenListQuery,
    status: 200,
    response: ApiTokenList,
  },
  createApiToken: {
    method: 'post',
    path: '/api/v1/api-tokens',
    summary: 'Create an API token for a machine; the answer is the only time its secret is shown',
    tag: 'api-tokens',
    access: admins,
    body: CreateApiTokenRequest,
    status: 201,
    response: CreatedApiToken,
  },
  revokeApiToken: {
    method: 'delete',
    path: '/api/v1/api-tokens/:id',
    summary: 'Revoke an API token: it is refused from the next request on',
    tag: 'api-tokens',
    access: admins,
    params: IdParams,
    body: EmptyBody.optional(),
    status: 204,
    response: null,
  },
});
