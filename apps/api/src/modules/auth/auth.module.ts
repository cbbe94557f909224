import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { LibraryModule } from '../library/library.module.js';
import { OrganizationsModule } from '../organizations/organizations.module.js';
import { SessionsModule } from '../sessions/sessions.module.js';
import { UsersModule } from '../users/users.module.js';
import { AuthController } from './auth.controller.js';
import { AuthGuard } from './auth.guard.js';
import { AuthService } from './auth.service.js';
import { LoginFailuresRepository } from './login-failures.repository.js';

@Module({
  imports: [OrganizationsModule, UsersModule, SessionsModule, LibraryModule],
  controllers: [AuthController],
  providers: [AuthService, LoginFailuresRepository, { provide: APP_GUARD, useClass: AuthGuard }],
})
export class AuthModule {}
