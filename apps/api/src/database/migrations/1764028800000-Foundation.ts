import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Organizations, users, sessions and the sign-in failure log.
 *
 * Tenant tables carry `organization_id` in their primary key and lead every index with it, and
 * references between tenant rows are composite `(organization_id, id)` foreign keys, so a row can
 * never point into another organization and the schema can be distributed by organization.
 * Two indexes are global on purpose: sign-in finds a user by email, and a request finds its
 * session by token hash, before the organization is known.
 */
export class Foundation1764028800000 implements MigrationInterface {
  name = 'Foundation1764028800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table organizations (
        id uuid primary key default gen_random_uuid(),
        name text not null check (length(name) between 1 and 200),
        created_at timestamptz not null default now()
      )`);
    await q.query(`
      create table users (
        organization_id uuid not null references organizations (id),
        id uuid not null default gen_random_uuid(),
        email text not null check (email = lower(email)),
        name text not null,
        role text not null check (role in ('admin', 'recruiter', 'hiring_manager', 'interviewer')),
        password_hash text not null,
        active boolean not null default true,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        deactivated_at timestamptz,
        primary key (organization_id, id)
      )`);
    await q.query(`create unique index users_email_key on users (email)`);
    await q.query(`create index users_org_name_idx on users (organization_id, lower(name), id)`);
    await q.query(`create index users_org_role_active_idx on users (organization_id, role, active)`);
    await q.query(`
      create table sessions (
        organization_id uuid not null,
        id uuid not null default gen_random_uuid(),
        user_id uuid not null,
        token_hash bytea not null,
        created_at timestamptz not null default now(),
        expires_at timestamptz not null,
        revoked_at timestamptz,
        primary key (organization_id, id),
        foreign key (organization_id, user_id) references users (organization_id, id)
      )`);
    await q.query(`create unique index sessions_token_hash_key on sessions (token_hash)`);
    await q.query(`create index sessions_org_user_idx on sessions (organization_id, user_id) where revoked_at is null`);
    await q.query(`
      create table login_failures (
        id bigint generated always as identity primary key,
        email text not null,
        ip text not null,
        failed_at timestamptz not null default now()
      )`);
    await q.query(`create index login_failures_email_idx on login_failures (email, failed_at)`);
    await q.query(`create index login_failures_ip_idx on login_failures (ip, failed_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table login_failures`);
    await q.query(`drop table sessions`);
    await q.query(`drop table users`);
    await q.query(`drop table organizations`);
  }
}
