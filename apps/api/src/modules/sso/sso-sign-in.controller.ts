import { Controller, Inject, Req, Res } from '@nestjs/common';
import { endpoints, type InputOf } from '@scorecard/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Input, Route } from '../../common/route.decorator.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/env.js';
import { setSessionCookie } from '../auth/session-cookie.js';
import { OIDC_STATE_COOKIE, OIDC_STATE_COOKIE_PATH, OIDC_STATE_TTL_SECONDS, OidcService } from './oidc.service.js';

/** Signing in through the organization's identity provider: the start, and the OpenID Connect redirect URI. */
@Controller()
export class SsoSignInController {
  constructor(
    private readonly oidc: OidcService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Route(endpoints.startSso)
  async startSso(@Input() { body }: InputOf<'startSso'>, @Res({ passthrough: true }) reply: FastifyReply) {
    const { redirectUrl, stateCookie } = await this.oidc.start(body);
    if (stateCookie) {
      void reply.setCookie(OIDC_STATE_COOKIE, stateCookie, {
        httpOnly: true,
        sameSite: 'lax',
        secure: this.config.cookieSecure,
        path: OIDC_STATE_COOKIE_PATH,
        maxAge: OIDC_STATE_TTL_SECONDS,
      });
    }
    return { redirectUrl };
  }

  @Route(endpoints.oidcCallback)
  async oidcCallback(
    @Input() { query }: InputOf<'oidcCallback'>,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const outcome = await this.oidc.callback(query, req.cookies?.[OIDC_STATE_COOKIE], {
      action: 'oidcCallback',
      requestId: String(req.id),
    });
    // The pending sign-in is used once, whatever the outcome.
    void reply.clearCookie(OIDC_STATE_COOKIE, {
      httpOnly: true,
      sameSite: 'lax',
      secure: this.config.cookieSecure,
      path: OIDC_STATE_COOKIE_PATH,
    });
    if (outcome.session) setSessionCookie(reply, outcome.session.token, this.config);
    void reply.header('cache-control', 'no-store').redirect(outcome.location, 302);
  }
}
