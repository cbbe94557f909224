import { Module } from '@nestjs/common';
import { ApiTokensController } from './api-tokens.controller.js';
import { ApiTokensRepository } from './api-tokens.repository.js';
import { ApiTokensService } from './api-tokens.service.js';

/**
 * Organization API tokens for machines: created by admins with scopes (the secret shown once),
 * listed with their last use, revoked. Requests with a token are authenticated by the AuthGuard
 * (api-token-auth.ts): the token acts as its creator, within its scopes.
 */
@Module({
  controllers: [ApiTokensController],
  providers: [ApiTokensService, ApiTokensRepository],
})
export class ApiTokensModule {}
