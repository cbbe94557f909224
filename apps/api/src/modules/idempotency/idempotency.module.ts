import { Module } from '@nestjs/common';
import { IdempotencySweepService } from './idempotency-sweep.service.js';
import { IdempotentPost } from './idempotent-post.js';
import { IdempotencyRepository } from './idempotency.repository.js';

/**
 * `Idempotency-Key` on POST: a retried request answers the first answer and does not act twice.
 * `IdempotentPost` is a step of the request pipeline (common/request-pipeline.ts), between the
 * request's transaction and the audit log.
 */
@Module({
  providers: [IdempotencyRepository, IdempotentPost, IdempotencySweepService],
  exports: [IdempotencyRepository, IdempotentPost, IdempotencySweepService],
})
export class IdempotencyModule {}
