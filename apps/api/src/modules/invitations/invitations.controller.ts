import { Controller, Inject, Req, Res } from '@nestjs/common';
import { endpoints, type InputOf } from '@scorecard/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { controller } from '../../common/controller.js';
import { Input, Route } from '../../common/route.decorator.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/env.js';
import { setSessionCookie } from '../auth/session-cookie.js';
import { InvitationsService } from './invitations.service.js';

/** The admins' side: adding a user (an invitation without a password), resending and revoking. */
export const InvitationsController = controller('InvitationsController', InvitationsService, {
  createUser: (invitations, caller, { body }) => invitations.createUser(caller, body),
  resendInvitation: (invitations, caller, { params }) => invitations.resend(caller, params.id),
  revokeInvitation: (invitations, caller, { params }) => invitations.revoke(caller, params.id),
});

/** The public side: the links' pages; the two that set a password sign in with a cookie, like login. */
@Controller()
export class PasswordLinksController {
  constructor(
    private readonly invitations: InvitationsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Route(endpoints.inspectInvitation)
  inspectInvitation(@Input() { body }: InputOf<'inspectInvitation'>) {
    return this.invitations.inspect(body.token);
  }

  @Route(endpoints.acceptInvitation)
  async acceptInvitation(
    @Input() { body }: InputOf<'acceptInvitation'>,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const session = await this.invitations.accept(body, String(req.id));
    setSessionCookie(reply, session.token, this.config);
    return session;
  }

  @Route(endpoints.requestPasswordReset)
  requestPasswordReset(@Input() { body }: InputOf<'requestPasswordReset'>) {
    return this.invitations.requestPasswordReset(body.email);
  }

  @Route(endpoints.confirmPasswordReset)
  async confirmPasswordReset(
    @Input() { body }: InputOf<'confirmPasswordReset'>,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const session = await this.invitations.confirmPasswordReset(body, String(req.id));
    setSessionCookie(reply, session.token, this.config);
    return session;
  }
}
