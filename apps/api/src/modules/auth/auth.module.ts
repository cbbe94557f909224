import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { LibraryModule } from '../library/library.module.js';
import { OrganizationsModule } from '../organizations/organizations.module.js';
import { RateLimitsModule } from '../rate-limits/rate-limits.module.js';
import { SessionsModule } from '../sessions/sessions.module.js';
import { SignInModule } from '../sign-in/sign-in.module.js';
import { SsoModule } from '../sso/sso.module.js';
import { TwoFactorModule } from '../two-factor/two-factor.module.js';
import { UsersModule } from '../users/users.module.js';
import { AuthController } from './auth.controller.js';
import { AuthGuard } from './auth.guard.js';
import { AuthService } from './auth.service.js';

@Module({
  imports: [
    OrganizationsModule,
    UsersModule,
    SessionsModule,
    LibraryModule,
    RateLimitsModule,
    SignInModule,
    SsoModule,
    TwoFactorModule,
  ],
  controllers: [AuthController],
  providers: [AuthService, { provide: APP_GUARD, useClass: AuthGuard }],
})
export class AuthModule {}
