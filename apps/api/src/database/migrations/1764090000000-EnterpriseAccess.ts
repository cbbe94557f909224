import type { MigrationInterface, QueryRunner } from 'typeorm';
import { isolateTenantTable } from './1764061200000-RowLevelSecurity.js';

/**
 * Single sign-on, SCIM provisioning, two-factor sign-in and shared rate limits.
 *
 * 1. `organizations.slug`: the name in SSO and SAML addresses (`/auth/saml/acme/acs`), unique,
 *    found before the organization is known through `slug_lookup` (`app.organization_slug`);
 *    `app_slug_available` tells a new organization whether a slug is free.
 *    `require_sso` refuses password sign-in for everyone but `sso_break_glass_user_id`;
 *    `require_two_factor` makes password accounts enrol in two-factor sign-in.
 * 2. `users`: an email is unique per organization, not across them, so adding a user never
 *    reveals that the address has an account elsewhere. Two-factor: the TOTP secret (encrypted
 *    with SECRETS_KEY), when it was turned on, and the last time step used (a code works once).
 *    `scim_external_id`: the identity provider's id for a user it provisioned.
 * 3. `sso_connections`: one per organization, OpenID Connect or SAML, the client secret encrypted.
 *    `sso_domain_lookup` finds the organization of an email domain before sign-in.
 * 4. `saml_assertions`: the ids of SAML assertions already used, kept until they expire (replay).
 * 5. `scim_tokens`: bearer tokens of an organization's SCIM client, stored as SHA-256 hashes and
 *    found by hash before the organization is known (`scim_token_lookup`).
 * 6. `two_factor_recovery_codes`: ten one-time codes per user, hashed.
 * 7. `rate_limits`: counters shared by every instance, in rate-limiter-flexible's own table shape.
 *    Not tenant data (keys are addresses and user ids), so no row-level security. The sign-in
 *    limit counts there too, so `login_failures` is dropped.
 * 8. `user_tokens`: a two-factor challenge (the step between password and code) and a pending
 *    SSO sign-in are short-lived tokens like the others.
 */
export class EnterpriseAccess1764090000000 implements MigrationInterface {
  name = 'EnterpriseAccess1764090000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      alter table organizations
        add column slug text,
        add column require_sso boolean not null default false,
        add column sso_break_glass_user_id uuid,
        add column require_two_factor boolean not null default false`);
    // Existing organizations get a slug from their name; a name taken twice gets a suffix of its id.
    await q.query(`
      with base as (
        select id, coalesce(nullif(trim(both '-' from lower(regexp_replace(name, '[^a-zA-Z0-9]+', '-', 'g'))), ''), 'org') as s
          from organizations
      ), ranked as (
        select id, s, row_number() over (partition by s order by id) as n from base
      )
      update organizations o
         set slug = left(case when r.n = 1 then r.s else r.s || '-' || left(replace(o.id::text, '-', ''), 6) end, 63)
        from ranked r where r.id = o.id`);
    await q.query(`alter table organizations alter column slug set not null`);
    await q.query(`
      alter table organizations add constraint organizations_slug_check
        check (slug ~ '^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$')`);
    await q.query(`create unique index organizations_slug_key on organizations (slug)`);
    // Whether a slug is free, for a new organization: the app role sees no other organization's row.
    await q.query(`
      create function app_slug_available(p_slug text) returns boolean
      language sql stable security definer set search_path = public as $$
        select not exists (select 1 from organizations where slug = p_slug)
      $$`);
    await q.query(`
      create policy slug_lookup on organizations for select
        using (slug = nullif(current_setting('app.organization_slug', true), ''))`);

    await q.query(`drop index users_email_key`);
    await q.query(`create unique index users_org_email_key on users (organization_id, email)`);
    await q.query(`create index users_email_idx on users (email)`);
    await q.query(`
      alter table users
        add column two_factor_secret text,
        add column two_factor_enabled_at timestamptz,
        add column two_factor_last_step bigint,
        add column scim_external_id text,
        add column last_signed_in_at timestamptz`);
    await q.query(
      `create unique index users_org_scim_external_id_key on users (organization_id, scim_external_id)
        where scim_external_id is not null`,
    );

    await q.query(`
      create table sso_connections (
        organization_id uuid primary key references organizations (id),
        protocol text not null check (protocol in ('oidc', 'saml')),
        enabled boolean not null default false,
        oidc_issuer text,
        oidc_client_id text,
        oidc_client_secret text,
        saml_entry_point text,
        saml_idp_issuer text,
        saml_idp_certificate text,
        allowed_domains text[] not null default '{}',
        default_role text not null default 'interviewer'
          check (default_role in ('admin', 'recruiter', 'hiring_manager', 'interviewer')),
        updated_at timestamptz not null default now(),
        updated_by uuid
      )`);
    await q.query(`create index sso_connections_domains_idx on sso_connections using gin (allowed_domains)`);
    await isolateTenantTable(q, 'sso_connections');
    await q.query(`
      create policy sso_domain_lookup on sso_connections for select
        using (enabled and allowed_domains @> array[nullif(current_setting('app.email_domain', true), '')])`);
    await q.query(`
      create policy sso_slug_lookup on sso_connections for select
        using (organization_id = (select id from organizations
                                   where slug = nullif(current_setting('app.organization_slug', true), '')))`);

    await q.query(`
      create table saml_assertions (
        organization_id uuid not null references organizations (id),
        assertion_id text not null,
        expires_at timestamptz not null,
        primary key (organization_id, assertion_id)
      )`);
    await q.query(`create index saml_assertions_org_expires_idx on saml_assertions (organization_id, expires_at)`);
    await isolateTenantTable(q, 'saml_assertions');

    await q.query(`
      create table scim_tokens (
        organization_id uuid not null references organizations (id),
        id uuid not null default gen_random_uuid(),
        name text not null check (char_length(name) between 1 and 120),
        token_hash bytea not null,
        created_by uuid,
        created_at timestamptz not null default now(),
        last_used_at timestamptz,
        revoked_at timestamptz,
        primary key (organization_id, id)
      )`);
    await q.query(`create unique index scim_tokens_token_hash_key on scim_tokens (token_hash)`);
    await q.query(`create index scim_tokens_org_created_idx on scim_tokens (organization_id, created_at desc)`);
    await isolateTenantTable(q, 'scim_tokens');
    await q.query(`
      create policy scim_token_lookup on scim_tokens for select
        using (token_hash = decode(nullif(current_setting('app.scim_token_hash', true), ''), 'hex'))`);

    await q.query(`
      create table two_factor_recovery_codes (
        organization_id uuid not null,
        user_id uuid not null,
        code_hash bytea not null,
        used_at timestamptz,
        created_at timestamptz not null default now(),
        primary key (organization_id, user_id, code_hash),
        foreign key (organization_id, user_id) references users (organization_id, id)
      )`);
    await isolateTenantTable(q, 'two_factor_recovery_codes');

    await q.query(`
      create table rate_limits (
        key varchar(255) primary key,
        points integer not null default 0,
        expire bigint
      )`);
    await q.query(`create index rate_limits_expire_idx on rate_limits (expire)`);
    // The sign-in limit counts in rate_limits now (one statement per attempt): the old table goes.
    await q.query(`drop table login_failures`);

    await q.query(`alter table user_tokens drop constraint user_tokens_purpose_check`);
    await q.query(`
      alter table user_tokens add constraint user_tokens_purpose_check
        check (purpose in ('invitation', 'password_reset', 'calendar_feed', 'unsubscribe', 'two_factor_challenge'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`delete from user_tokens where purpose = 'two_factor_challenge'`);
    await q.query(`alter table user_tokens drop constraint user_tokens_purpose_check`);
    await q.query(`
      alter table user_tokens add constraint user_tokens_purpose_check
        check (purpose in ('invitation', 'password_reset', 'calendar_feed', 'unsubscribe'))`);
    await q.query(`
      create table login_failures (
        id bigint generated always as identity primary key,
        email text not null,
        ip text not null,
        failed_at timestamptz not null default now()
      )`);
    await q.query(`create index login_failures_email_idx on login_failures (email, failed_at)`);
    await q.query(`create index login_failures_ip_idx on login_failures (ip, failed_at)`);
    await q.query(`drop table rate_limits`);
    await q.query(`drop table two_factor_recovery_codes`);
    await q.query(`drop table scim_tokens`);
    await q.query(`drop table saml_assertions`);
    await q.query(`drop table sso_connections`);
    await q.query(`drop index users_org_scim_external_id_key`);
    await q.query(`
      alter table users
        drop column two_factor_secret, drop column two_factor_enabled_at, drop column two_factor_last_step,
        drop column scim_external_id, drop column last_signed_in_at`);
    await q.query(`drop index users_email_idx`);
    await q.query(`drop index users_org_email_key`);
    await q.query(`create unique index users_email_key on users (email)`);
    await q.query(`drop policy slug_lookup on organizations`);
    await q.query(`drop function app_slug_available(text)`);
    await q.query(`drop index organizations_slug_key`);
    await q.query(`
      alter table organizations
        drop constraint organizations_slug_check, drop column slug, drop column require_sso,
        drop column sso_break_glass_user_id, drop column require_two_factor`);
  }
}
