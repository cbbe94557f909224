import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Idempotency-Key: the first answer to a POST, kept 24 hours per caller (see modules/idempotency). */
export class IdempotencyKeys1764100800000 implements MigrationInterface {
  name = 'IdempotencyKeys1764100800000';

  async up(_q: QueryRunner): Promise<void> {}

  async down(_q: QueryRunner): Promise<void> {}
}
