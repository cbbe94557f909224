import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit log: one row per successful write (and per audited read), naming who, which operation,
 * what it acted on, when, and the names of the fields the request set; never their values. Append-
 * only: a trigger refuses UPDATE, DELETE and TRUNCATE, whoever asks (the table's owner included), so
 * neither a bug nor a stolen application login can rewrite history; only dropping the trigger, which
 * needs the owner's DDL rights, could.
 */
export class AuditLog1764054000000 implements MigrationInterface {
  name = 'AuditLog1764054000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table audit_events (
        organization_id uuid not null references organizations (id),
        id uuid not null default gen_random_uuid(),
        occurred_at timestamptz not null default now(),
        actor_user_id uuid,
        action text not null check (length(action) between 1 and 100),
        entity_type text not null check (length(entity_type) between 1 and 100),
        entity_id uuid,
        changed_fields text[] not null default '{}',
        request_id text,
        primary key (organization_id, id),
        foreign key (organization_id, actor_user_id) references users (organization_id, id)
      )`);
    await q.query(
      `create index audit_events_org_time_idx on audit_events (organization_id, occurred_at desc, id desc)`,
    );
    await q.query(
      `create index audit_events_org_entity_idx on audit_events (organization_id, entity_type, entity_id, occurred_at desc)`,
    );
    await q.query(
      `create index audit_events_org_actor_idx on audit_events (organization_id, actor_user_id, occurred_at desc)`,
    );
    await q.query(`
      create function scorecard_forbid_audit_change() returns trigger language plpgsql as $$
      begin
        raise exception 'audit events are append-only' using errcode = 'check_violation';
      end $$`);
    await q.query(`
      create trigger audit_events_append_only before update or delete on audit_events
      for each row execute function scorecard_forbid_audit_change()`);
    await q.query(`
      create trigger audit_events_no_truncate before truncate on audit_events
      for each statement execute function scorecard_forbid_audit_change()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table audit_events`);
    await q.query(`drop function scorecard_forbid_audit_change()`);
  }
}
