import { Controller, Inject, Req, Res } from '@nestjs/common';
import { endpoints, type InputOf } from '@scorecard/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Input, Route } from '../../common/route.decorator.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/env.js';
import { setSessionCookie } from '../auth/session-cookie.js';
import { SamlService } from './saml.service.js';

/**
 * The SAML service provider's public endpoints. The ACS is a cross-site form POST from the identity
 * provider: it carries no session and no CSRF header and needs neither (the guard asks only
 * cookie-authenticated writes for the header); the signed assertion is the credential.
 */
@Controller()
export class SamlController {
  constructor(
    private readonly saml: SamlService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Route(endpoints.samlMetadata)
  async metadata(
    @Input() { params }: InputOf<'samlMetadata'>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const xml = await this.saml.metadata(params.organizationSlug);
    void reply.type('application/samlmetadata+xml; charset=utf-8').header('cache-control', 'no-cache');
    return xml;
  }

  @Route(endpoints.samlAcs)
  async acs(
    @Input() { params, body }: InputOf<'samlAcs'>,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    const outcome = await this.saml.acs(params.organizationSlug, body, String(req.id));
    if (outcome.session) setSessionCookie(reply, outcome.session.token, this.config);
    void reply.header('location', outcome.location).header('cache-control', 'no-store');
  }
}
