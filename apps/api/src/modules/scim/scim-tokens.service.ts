import { Injectable } from '@nestjs/common';
import type { CreatedScimToken, CreateScimTokenRequest, ScimTokenList } from '@scorecard/contracts';
import { AppError } from '../../common/app-error.js';
import type { Caller } from '../../common/request-context.js';
import { newScimToken } from './scim-auth.js';
import { ScimTokensRepository } from './scim-tokens.repository.js';

/** SCIM tokens, managed by admins: created (shown once), listed without the token, revoked. */
@Injectable()
export class ScimTokensService {
  constructor(private readonly tokens: ScimTokensRepository) {}

  async list(caller: Caller): Promise<ScimTokenList> {
    return { items: await this.tokens.list(caller.organizationId) };
  }

  async create(caller: Caller, input: CreateScimTokenRequest): Promise<CreatedScimToken> {
    const { token, hash } = newScimToken();
    const id = await this.tokens.insert(caller.organizationId, input.name, hash, caller.userId);
    const created = await this.tokens.find(caller.organizationId, id);
    if (!created) throw new Error('created token not found');
    return { ...created, token };
  }

  async revoke(caller: Caller, id: string): Promise<void> {
    if (!(await this.tokens.revoke(caller.organizationId, id))) throw AppError.notFound('SCIM token');
  }
}
