import type { MigrationInterface, QueryRunner } from 'typeorm';
import { isolateTenantTable } from './1764061200000-RowLevelSecurity.js';

/**
 * API tokens for machines (see modules/api-tokens), and who used one in the audit log.
 *
 * 1. `api_tokens`: an organization's tokens, stored as SHA-256 hashes of the secret (`sc_…`), each
 *    with its scopes, its creator (whom it acts as), an optional expiry, its last use and its
 *    revocation. Found by hash before the organization is known through `api_token_lookup`
 *    (`app.api_token_hash`), like SCIM tokens.
 * 2. `audit_events.api_token_id`: the token a request came with, when it came with one.
 */
export class ApiTokens1764093600000 implements MigrationInterface {
  name = 'ApiTokens1764093600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table api_tokens (
        organization_id uuid not null references organizations (id),
        id uuid not null default gen_random_uuid(),
        name text not null check (char_length(name) between 1 and 120),
        scopes text[] not null check (cardinality(scopes) > 0),
        token_hash bytea not null,
        created_by uuid not null,
        created_at timestamptz not null default now(),
        expires_at timestamptz,
        last_used_at timestamptz,
        revoked_at timestamptz,
        primary key (organization_id, id),
        foreign key (organization_id, created_by) references users (organization_id, id)
      )`);
    await q.query(`create unique index api_tokens_token_hash_key on api_tokens (token_hash)`);
    await q.query(`create index api_tokens_org_created_idx on api_tokens (organization_id, created_at desc)`);
    await isolateTenantTable(q, 'api_tokens');
    await q.query(`
      create policy api_token_lookup on api_tokens for select
        using (token_hash = decode(nullif(current_setting('app.api_token_hash', true), ''), 'hex'))`);

    await q.query(`alter table audit_events add column api_token_id uuid`);
    await q.query(`
      alter table audit_events add constraint audit_events_api_token_fkey
        foreign key (organization_id, api_token_id) references api_tokens (organization_id, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`alter table audit_events drop constraint audit_events_api_token_fkey`);
    await q.query(`alter table audit_events drop column api_token_id`);
    await q.query(`drop table api_tokens`);
  }
}
