import { Controller, Inject, Req, Res } from '@nestjs/common';
import { endpoints, type InputOf } from '@scorecard/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentCaller, type Caller } from '../../common/request-context.js';
import { Input, Route } from '../../common/route.decorator.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/env.js';
import { AuthService, toMe } from './auth.service.js';
import { clearSessionCookie, setSessionCookie } from './session-cookie.js';

@Controller()
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Route(endpoints.signup)
  async signup(
    @Input() { body }: InputOf<'signup'>,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const session = await this.auth.signup(body, String(req.id));
    setSessionCookie(reply, session.token, this.config);
    return session;
  }

  @Route(endpoints.login)
  async login(
    @Input() { body }: InputOf<'login'>,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const answer = await this.auth.login(body, req.ip, String(req.id));
    if ('token' in answer) setSessionCookie(reply, answer.token, this.config);
    return answer;
  }

  @Route(endpoints.logout)
  async logout(@CurrentCaller() caller: Caller, @Res({ passthrough: true }) reply: FastifyReply) {
    await this.auth.logout(caller);
    clearSessionCookie(reply, this.config);
  }

  @Route(endpoints.me)
  me(@CurrentCaller() caller: Caller) {
    return toMe(caller);
  }
}
