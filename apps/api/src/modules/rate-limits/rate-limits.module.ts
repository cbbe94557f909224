import { Module } from '@nestjs/common';
import { LoginFailuresRepository } from './login-failures.repository.js';
import { LoginLimiter } from './login-limiter.js';

/** Limits shared by every instance, kept in PostgreSQL: the sign-in limit and the general request limits. */
@Module({
  providers: [LoginFailuresRepository, LoginLimiter],
  exports: [LoginLimiter],
})
export class RateLimitsModule {}
