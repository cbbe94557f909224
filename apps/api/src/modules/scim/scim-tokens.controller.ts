import { controller } from '../../common/controller.js';
import { ScimTokensService } from './scim-tokens.service.js';

export const ScimTokensController = controller('ScimTokensController', ScimTokensService, {
  listScimTokens: (tokens, caller) => tokens.list(caller),
  createScimToken: (tokens, caller, { body }) => tokens.create(caller, body),
  revokeScimToken: (tokens, caller, { params }) => tokens.revoke(caller, params.id),
});
