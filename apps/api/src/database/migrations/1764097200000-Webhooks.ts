import type { MigrationInterface, QueryRunner } from 'typeorm';
import { QUEUE_SCHEMA } from './1764086400000-Messaging.js';
import { APP_ROLE, isolateTenantTable } from './1764061200000-RowLevelSecurity.js';

/** The queue of webhook delivery attempts: one job per attempt due (see modules/webhooks). */
export const WEBHOOK_QUEUE = 'webhooks';

const EMAIL_KINDS = [
  'invitation',
  'password_reset',
  'scorecard_reminder',
  'scorecard_escalation',
  'calendar_invitation',
  'digest',
];

/**
 * Webhook endpoints, the outbox of events, and their deliveries (see modules/webhooks).
 *
 * 1. `webhook_endpoints`: an organization's receivers: the address, the events they subscribe to,
 *    the signing secret (sealed with SECRETS_KEY), and whether they are switched off (by an admin,
 *    or after deliveries failed for the whole retry window).
 * 2. `webhook_events`: the outbox. One row per event, written in the transaction of the change it
 *    announces (so a rolled-back change leaves none); its id (`msg_…`) is the `webhook-id` header.
 *    Payloads carry ids and non-personal fields only.
 * 3. `webhook_deliveries`: one event to one endpoint: pending, succeeded or failed, the attempts so
 *    far, when the next is due, the latest response. `series_attempt` counts attempts of the current
 *    series (a redelivery starts a new one), which began at `series_started_at`; `lease_until` keeps two workers from sending it at once.
 * 4. `webhook_delivery_attempts`: every attempt, for the delivery log.
 * 5. The `webhooks` queue (pg-boss), and the `webhook_disabled` email kind.
 */
export class Webhooks1764097200000 implements MigrationInterface {
  name = 'Webhooks1764097200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table webhook_endpoints (
        organization_id uuid not null references organizations (id),
        id uuid not null default gen_random_uuid(),
        url text not null check (char_length(url) between 1 and 2000),
        description text not null default '' check (char_length(description) <= 500),
        events text[] not null check (cardinality(events) > 0),
        secret text not null,
        enabled boolean not null default true,
        disabled_at timestamptz,
        disabled_reason text check (disabled_reason in ('manual', 'failing')),
        created_by uuid,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        primary key (organization_id, id),
        check (enabled = (disabled_at is null) and enabled = (disabled_reason is null))
      )`);
    await q.query(
      `create index webhook_endpoints_org_created_idx on webhook_endpoints (organization_id, created_at desc)`,
    );
    await isolateTenantTable(q, 'webhook_endpoints');

    await q.query(`
      create table webhook_events (
        organization_id uuid not null references organizations (id),
        id text not null check (id ~ '^msg_[A-Za-z0-9_-]{16,64}$'),
        type text not null check (char_length(type) between 1 and 100),
        payload jsonb not null,
        occurred_at timestamptz not null default now(),
        primary key (organization_id, id)
      )`);
    await q.query(`create index webhook_events_org_occurred_idx on webhook_events (organization_id, occurred_at)`);
    await isolateTenantTable(q, 'webhook_events');

    await q.query(`
      create table webhook_deliveries (
        organization_id uuid not null,
        id uuid not null default gen_random_uuid(),
        endpoint_id uuid not null,
        event_id text not null,
        status text not null default 'pending' check (status in ('pending', 'succeeded', 'failed')),
        attempts integer not null default 0 check (attempts >= 0),
        series_attempt integer not null default 0 check (series_attempt >= 0),
        series_started_at timestamptz,
        next_attempt_at timestamptz,
        lease_until timestamptz,
        last_attempted_at timestamptz,
        last_response_code integer,
        last_error text check (char_length(last_error) <= 300),
        last_duration_ms integer,
        created_at timestamptz not null default now(),
        primary key (organization_id, id),
        unique (organization_id, endpoint_id, event_id),
        foreign key (organization_id, endpoint_id) references webhook_endpoints (organization_id, id) on delete cascade,
        foreign key (organization_id, event_id) references webhook_events (organization_id, id),
        check ((status = 'pending') = (next_attempt_at is not null))
      )`);
    await q.query(
      `create index webhook_deliveries_org_endpoint_idx on webhook_deliveries (organization_id, endpoint_id, created_at desc)`,
    );
    await q.query(
      `create index webhook_deliveries_org_due_idx on webhook_deliveries (organization_id, next_attempt_at)
        where status = 'pending'`,
    );
    await isolateTenantTable(q, 'webhook_deliveries');

    await q.query(`
      create table webhook_delivery_attempts (
        organization_id uuid not null,
        delivery_id uuid not null,
        attempt integer not null check (attempt >= 1),
        attempted_at timestamptz not null,
        succeeded boolean not null,
        response_code integer,
        error text check (char_length(error) <= 300),
        duration_ms integer not null,
        primary key (organization_id, delivery_id, attempt),
        foreign key (organization_id, delivery_id) references webhook_deliveries (organization_id, id) on delete cascade
      )`);
    await isolateTenantTable(q, 'webhook_delivery_attempts');

    await q.query(`select ${QUEUE_SCHEMA}.create_queue($1, $2)`, [
      WEBHOOK_QUEUE,
      // A job is one attempt; the service schedules the next itself (the backoff of webhookRetryDelay).
      JSON.stringify({
        policy: 'standard',
        retryLimit: 2,
        retryDelay: 30,
        retryBackoff: true,
        retentionMinutes: 60 * 24 * 4,
      }),
    ]);
    // The queue's new partition table, as the Messaging migration granted the others.
    await q.query(`grant select, insert, update, delete on all tables in schema ${QUEUE_SCHEMA} to ${APP_ROLE}`);

    await q.query(`alter table emails drop constraint emails_kind_check`);
    await q.query(
      `alter table emails add constraint emails_kind_check check (kind in (${[...EMAIL_KINDS, 'webhook_disabled'].map((k) => `'${k}'`).join(', ')}))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`delete from emails where kind = 'webhook_disabled'`);
    await q.query(`alter table emails drop constraint emails_kind_check`);
    await q.query(
      `alter table emails add constraint emails_kind_check check (kind in (${EMAIL_KINDS.map((k) => `'${k}'`).join(', ')}))`,
    );
    await q.query(`select ${QUEUE_SCHEMA}.delete_queue($1)`, [WEBHOOK_QUEUE]);
    await q.query(`drop table webhook_delivery_attempts`);
    await q.query(`drop table webhook_deliveries`);
    await q.query(`drop table webhook_events`);
    await q.query(`drop table webhook_endpoints`);
  }
}
