import { controller } from '../../common/controller.js';
import { ApiTokensService } from './api-tokens.service.js';

export const ApiTokensController = controller('ApiTokensController', ApiTokensService, {
  listApiTokens: (tokens, caller, { query }) => tokens.list(caller, query),
  createApiToken: (tokens, caller, { body }) => tokens.create(caller, body),
  revokeApiToken: (tokens, caller, { params }) => tokens.revoke(caller, params.id),
});
