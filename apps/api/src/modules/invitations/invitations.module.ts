import { Module } from '@nestjs/common';
import { SessionsModule } from '../sessions/sessions.module.js';
import { SignInModule } from '../sign-in/sign-in.module.js';
import { SsoModule } from '../sso/sso.module.js';
import { UsersModule } from '../users/users.module.js';
import { InvitationsController, PasswordLinksController } from './invitations.controller.js';
import { InvitationsService } from './invitations.service.js';

/**
 * Invitations and password resets: links sent by email that let a person set their password.
 * Adding a user (`createUser`) lives here, since without a password it is an invitation.
 */
@Module({
  imports: [UsersModule, SessionsModule, SignInModule, SsoModule],
  controllers: [InvitationsController, PasswordLinksController],
  providers: [InvitationsService],
})
export class InvitationsModule {}
