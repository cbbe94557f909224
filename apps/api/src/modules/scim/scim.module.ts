import { Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { SCIM_CONTENT_TYPE } from '@scorecard/contracts';
import type { FastifyInstance } from 'fastify';
import { AuditModule } from '../audit/audit.module.js';
import { SessionsModule } from '../sessions/sessions.module.js';
import { UsersModule } from '../users/users.module.js';
import { ScimTokensController } from './scim-tokens.controller.js';
import { ScimTokensRepository } from './scim-tokens.repository.js';
import { ScimTokensService } from './scim-tokens.service.js';
import { ScimController } from './scim.controller.js';
import { ScimRepository } from './scim.repository.js';
import { ScimService } from './scim.service.js';

/** SCIM 2.0 provisioning (RFC 7643/7644) for identity providers, and the SCIM tokens admins create. */
@Module({
  imports: [UsersModule, SessionsModule, AuditModule],
  controllers: [ScimTokensController, ScimController],
  providers: [ScimTokensRepository, ScimTokensService, ScimRepository, ScimService],
})
export class ScimModule implements OnModuleInit {
  constructor(private readonly adapter: HttpAdapterHost) {}

  /** SCIM clients send `application/scim+json`: parsed as JSON (Fastify knows only application/json). */
  onModuleInit(): void {
    const fastify = this.adapter.httpAdapter.getInstance<FastifyInstance>();
    if (fastify.hasContentTypeParser(SCIM_CONTENT_TYPE)) return;
    fastify.addContentTypeParser(
      SCIM_CONTENT_TYPE,
      { parseAs: 'string' },
      fastify.getDefaultJsonParser('error', 'error'),
    );
  }
}
