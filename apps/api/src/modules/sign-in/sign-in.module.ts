import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { SessionsModule } from '../sessions/sessions.module.js';
import { UsersModule } from '../users/users.module.js';
import { SignInService } from './sign-in.service.js';

/** Completing a sign-in, whichever way it was proven: session, audit event, last sign-in, in one transaction. */
@Module({
  imports: [SessionsModule, UsersModule, AuditModule],
  providers: [SignInService],
  exports: [SignInService],
})
export class SignInModule {}
