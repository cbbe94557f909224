import { Controller, Inject, Req, Res } from '@nestjs/common';
import { endpoints, type InputOf } from '@scorecard/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentCaller, type Caller } from '../../common/request-context.js';
import { Input, Route } from '../../common/route.decorator.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/env.js';
import { setSessionCookie } from '../auth/session-cookie.js';
import { TwoFactorService } from './two-factor.service.js';

/** Two-factor sign-in: the signed-in user's own settings, the organization's requirement, and the code step of sign-in. */
@Controller()
export class TwoFactorController {
  constructor(
    private readonly twoFactor: TwoFactorService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Route(endpoints.getTwoFactor)
  getTwoFactor(@CurrentCaller() caller: Caller) {
    return this.twoFactor.status(caller);
  }

  @Route(endpoints.setupTwoFactor)
  setupTwoFactor(@CurrentCaller() caller: Caller) {
    return this.twoFactor.setup(caller);
  }

  @Route(endpoints.enableTwoFactor)
  enableTwoFactor(
    @CurrentCaller() caller: Caller,
    @Input() { body }: InputOf<'enableTwoFactor'>,
    @Req() req: FastifyRequest,
  ) {
    return this.twoFactor.enable(caller, body.code, req.ip);
  }

  @Route(endpoints.regenerateRecoveryCodes)
  regenerateRecoveryCodes(
    @CurrentCaller() caller: Caller,
    @Input() { body }: InputOf<'regenerateRecoveryCodes'>,
    @Req() req: FastifyRequest,
  ) {
    return this.twoFactor.regenerateRecoveryCodes(caller, body.code, req.ip);
  }

  @Route(endpoints.disableTwoFactor)
  disableTwoFactor(
    @CurrentCaller() caller: Caller,
    @Input() { body }: InputOf<'disableTwoFactor'>,
    @Req() req: FastifyRequest,
  ) {
    return this.twoFactor.disable(caller, body, req.ip);
  }

  @Route(endpoints.getTwoFactorPolicy)
  getTwoFactorPolicy(@CurrentCaller() caller: Caller) {
    return this.twoFactor.policy(caller);
  }

  @Route(endpoints.updateTwoFactorPolicy)
  updateTwoFactorPolicy(@CurrentCaller() caller: Caller, @Input() { body }: InputOf<'updateTwoFactorPolicy'>) {
    return this.twoFactor.setPolicy(caller, body);
  }

  @Route(endpoints.setupTwoFactorLogin)
  setupTwoFactorLogin(@Input() { body }: InputOf<'setupTwoFactorLogin'>) {
    return this.twoFactor.setupLogin(body.challenge);
  }

  @Route(endpoints.completeTwoFactorLogin)
  async completeTwoFactorLogin(
    @Input() { body }: InputOf<'completeTwoFactorLogin'>,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const answer = await this.twoFactor.completeLogin(body, req.ip, String(req.id));
    setSessionCookie(reply, answer.token, this.config);
    return answer;
  }
}
