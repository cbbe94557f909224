import { Module } from '@nestjs/common';
import { SessionsModule } from '../sessions/sessions.module.js';
import { UsersModule } from '../users/users.module.js';

/** SCIM 2.0 provisioning (RFC 7643/7644) for identity providers, and the SCIM tokens admins create. */
@Module({
  imports: [UsersModule, SessionsModule],
  controllers: [],
  providers: [],
})
export class ScimModule {}
