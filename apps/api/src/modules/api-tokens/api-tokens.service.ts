import { Injectable } from '@nestjs/common';
import type { ApiTokenList, ApiTokenListQuery, CreateApiTokenRequest, CreatedApiToken } from '@scorecard/contracts';
import { AppError } from '../../common/app-error.js';
import type { Caller } from '../../common/request-context.js';
import { newApiToken } from './api-token-auth.js';
import { ApiTokensRepository } from './api-tokens.repository.js';

/** API tokens, managed by admins: created (the secret shown once), listed without it, revoked. */
@Injectable()
export class ApiTokensService {
  constructor(private readonly tokens: ApiTokensRepository) {}

  async list(caller: Caller, q: ApiTokenListQuery): Promise<ApiTokenList> {
    const { items, total } = await this.tokens.list(caller.organizationId, {
      limit: q.pageSize,
      offset: (q.page - 1) * q.pageSize,
    });
    return { items, total, page: q.page, pageSize: q.pageSize };
  }

  async create(caller: Caller, input: CreateApiTokenRequest): Promise<CreatedApiToken> {
    const { token, hash } = newApiToken();
    const id = await this.tokens.insert(caller.organizationId, {
      name: input.name,
      scopes: input.scopes,
      expiresAt: input.expiresAt ?? null,
      tokenHash: hash,
      createdBy: caller.userId,
    });
    const created = await this.tokens.find(caller.organizationId, id);
    if (!created) throw new Error('created token not found');
    return { ...created, token };
  }

  async revoke(caller: Caller, id: string): Promise<void> {
    if (!(await this.tokens.revoke(caller.organizationId, id))) throw AppError.notFound('API token');
  }
}
