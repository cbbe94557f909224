import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { LeasedCounters } from './leased-counters.js';
import { LoginLimiter } from './login-limiter.js';
import { RateLimitStore } from './rate-limit-store.js';
import { RequestLimitGuard } from './request-limit.guard.js';

/**
 * Limits shared by every instance, kept in PostgreSQL (`rate_limits`): the sign-in limit and the
 * general request limits. The guard is global; it runs after the AuthGuard because AuthModule is
 * registered (and so scanned) before this module.
 */
@Module({
  providers: [RateLimitStore, LeasedCounters, LoginLimiter, { provide: APP_GUARD, useClass: RequestLimitGuard }],
  exports: [LoginLimiter, RateLimitStore],
})
export class RateLimitsModule {}
