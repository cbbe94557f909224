import type { MigrationInterface, QueryRunner } from 'typeorm';
import { QUEUE_SCHEMA } from './1764086400000-Messaging.js';
import { APP_ROLE, isolateTenantTable } from './1764061200000-RowLevelSecurity.js';

/** The periodic job that deletes expired keys (see modules/idempotency). */
export const IDEMPOTENCY_SWEEP_QUEUE = 'idempotencyKeySweep';

/**
 * Idempotency-Key: the first answer to a POST, kept 24 hours per caller (see modules/idempotency).
 *
 * `idempotency_keys`: one row per organization, caller (`principal`: `user:<id>` or `token:<id>`) and
 * key. The row is inserted in the request's own transaction before its handler runs, so a second
 * request with the same key waits on the primary key until the first one ends; it holds the
 * request's fingerprint (SHA-256 of method, path, params, query and body) and, once the handler has
 * succeeded, its status and JSON answer, sealed with SECRETS_KEY (AES-256-GCM: an answer may carry
 * a secret shown once, such as a new token, and always carries personal data). A key older than
 * 24 hours counts as absent; an hourly job (`idempotencyKeySweep`) deletes such rows.
 */
export class IdempotencyKeys1764100800000 implements MigrationInterface {
  name = 'IdempotencyKeys1764100800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table idempotency_keys (
        organization_id uuid not null references organizations (id),
        principal text not null check (principal ~ '^(user|token):[0-9a-f-]{36}$'),
        key text not null check (key ~ '^[\\x21-\\x7e]{1,255}$'),
        operation text not null check (char_length(operation) between 1 and 200),
        fingerprint bytea not null check (octet_length(fingerprint) = 32),
        response_status integer check (response_status between 100 and 599),
        response_body text,
        created_at timestamptz not null default now(),
        primary key (organization_id, principal, key)
      )`);
    await q.query(`create index idempotency_keys_org_created_idx on idempotency_keys (organization_id, created_at)`);
    await isolateTenantTable(q, 'idempotency_keys');
    await q.query(`select ${QUEUE_SCHEMA}.create_queue($1, $2)`, [
      IDEMPOTENCY_SWEEP_QUEUE,
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
    await q.query(`select ${QUEUE_SCHEMA}.delete_queue($1)`, [IDEMPOTENCY_SWEEP_QUEUE]);
    await q.query(`drop table idempotency_keys`);
  }
}
