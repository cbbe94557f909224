import type { MigrationInterface, QueryRunner } from 'typeorm';
import { QUEUE_SCHEMA } from './1764086400000-Messaging.js';
import { APP_ROLE } from './1764061200000-RowLevelSecurity.js';

/** The daily job that deletes webhook events past their retention (see modules/webhooks). */
export const WEBHOOK_SWEEP_QUEUE = 'webhookSweep';

/**
 * Webhook events are kept WEBHOOK_RETENTION_DAYS (30 by default), then deleted with their
 * deliveries and attempts by a daily job (`webhookSweep`), so the outbox and the delivery log stop
 * growing for ever. An event with a delivery still pending is kept until it settles.
 *
 * The index on deliveries by event serves that job (it finds an event's deliveries) and the
 * foreign key from deliveries to events (deleting an event checks it has none left).
 */
export class WebhookRetention1764129600000 implements MigrationInterface {
  name = 'WebhookRetention1764129600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `create index webhook_deliveries_org_event_idx on webhook_deliveries (organization_id, event_id, status)`,
    );
    await q.query(`select ${QUEUE_SCHEMA}.create_queue($1, $2)`, [
      WEBHOOK_SWEEP_QUEUE,
      JSON.stringify({
        policy: 'standard',
        retryLimit: 0,
        retryDelay: 0,
        retryBackoff: false,
        retentionMinutes: 60 * 24,
      }),
    ]);
    // The queue's new partition table, as the Messaging migration granted the others.
    await q.query(`grant select, insert, update, delete on all tables in schema ${QUEUE_SCHEMA} to ${APP_ROLE}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`select ${QUEUE_SCHEMA}.delete_queue($1)`, [WEBHOOK_SWEEP_QUEUE]);
    await q.query(`drop index webhook_deliveries_org_event_idx`);
  }
}
