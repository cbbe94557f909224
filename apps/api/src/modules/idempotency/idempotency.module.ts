import { Module } from '@nestjs/common';
import { IdempotencySweepService } from './idempotency-sweep.service.js';
import { IdempotencyInterceptor } from './idempotency.interceptor.js';
import { IdempotencyRepository } from './idempotency.repository.js';

/**
 * `Idempotency-Key` on POST: a retried request answers the first answer and does not act twice.
 * The interceptor is registered globally in app.module.ts, between the request's transaction and
 * the audit log.
 */
@Module({
  providers: [IdempotencyRepository, IdempotencyInterceptor, IdempotencySweepService],
  exports: [IdempotencyRepository, IdempotencyInterceptor, IdempotencySweepService],
})
export class IdempotencyModule {}
