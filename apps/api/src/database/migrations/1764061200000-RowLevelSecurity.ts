import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The role the API connects as. It owns nothing, so row-level security always applies to it. */
export const APP_ROLE = 'scorecard_app';

/**
 * Row-level security on one tenant table: FORCE, so even its owner is filtered, and one policy that
 * shows and accepts only rows of the organization set for the current transaction. Later
 * migrations that create a tenant table call this too (the schema test checks every one does).
 */
export async function isolateTenantTable(q: QueryRunner, table: string, column = 'organization_id'): Promise<void> {
  await q.query(`alter table ${table} enable row level security`);
  await q.query(`alter table ${table} force row level security`);
  await q.query(
    `create policy tenant_isolation on ${table} using (${column} = app_current_org()) with check (${column} = app_current_org())`,
  );
}

/**
 * Row-level security as a second line of defence behind the `organization_id` filter in every
 * query. The API connects as `scorecard_app`, a role without ownership; each request runs in one
 * transaction that names its organization with `set_config('app.organization_id', …, true)`, which
 * ends with the transaction and so is safe behind a pooler in transaction mode. Without that
 * setting a query sees no tenant row at all.
 *
 * Two narrow lookups come before the organization is known, each keyed by a secret or an exact
 * value the caller must already hold: a session by its token hash, and a user by the email they
 * sign in with. `app_resolve_session` does the first in one statement.
 */
export class RowLevelSecurity1764061200000 implements MigrationInterface {
  name = 'RowLevelSecurity1764061200000';

  async up(q: QueryRunner): Promise<void> {
    // Roles belong to the whole server: another database there may have created it already, or be
    // creating it at this very moment.
    await q.query(`
      do $$ begin
        if not exists (select 1 from pg_roles where rolname = '${APP_ROLE}') then
          create role ${APP_ROLE} nologin;
        end if;
      exception when duplicate_object or unique_violation then null;
      end $$`);
    await q.query(`grant usage on schema public to ${APP_ROLE}`);
    await q.query(`grant select, insert, update, delete on all tables in schema public to ${APP_ROLE}`);
    await q.query(`grant usage, select on all sequences in schema public to ${APP_ROLE}`);
    await q.query(`revoke insert, update, delete on typeorm_migrations from ${APP_ROLE}`);
    await q.query(
      `alter default privileges in schema public grant select, insert, update, delete on tables to ${APP_ROLE}`,
    );
    await q.query(`alter default privileges in schema public grant usage, select on sequences to ${APP_ROLE}`);

    // STABLE and plain SQL: the planner inlines it and evaluates it once per query, so the policy
    // costs one comparison on a column the query's index already leads with.
    await q.query(`
      create function app_current_org() returns uuid language sql stable parallel safe as $$
        select nullif(current_setting('app.organization_id', true), '')::uuid
      $$`);

    const tables: { table_name: string }[] = await q.query(`
      select c.table_name
        from information_schema.columns c
        join information_schema.tables t using (table_schema, table_name)
       where c.table_schema = 'public' and c.column_name = 'organization_id' and t.table_type = 'BASE TABLE'
       order by c.table_name`);
    for (const { table_name } of tables) await isolateTenantTable(q, table_name);
    await isolateTenantTable(q, 'organizations', 'id');

    await q.query(`
      create policy login_lookup on users for select
        using (email = nullif(current_setting('app.login_email', true), ''))`);
    await q.query(`
      create policy session_lookup on sessions for select
        using (token_hash = decode(nullif(current_setting('app.session_token', true), ''), 'hex'))`);

    // The caller behind a session token, in one statement: find the session by its hash, then name
    // its organization for the rest of this statement's transaction and read the user and
    // organization under the ordinary tenant policy.
    await q.query(`
      create function app_resolve_session(p_token_hash bytea)
      returns table (session_id uuid, organization_id uuid, organization_name text,
                     user_id uuid, name text, email text, role text)
      language plpgsql volatile as $$
      #variable_conflict use_column
      declare
        v_org uuid;
      begin
        perform set_config('app.session_token', encode(p_token_hash, 'hex'), true);
        select s.organization_id into v_org
          from sessions s
         where s.token_hash = p_token_hash and s.revoked_at is null and s.expires_at > now();
        if v_org is null then
          return;
        end if;
        perform set_config('app.organization_id', v_org::text, true);
        perform set_config('app.session_token', '', true);
        return query
          select s.id, s.organization_id, o.name::text, u.id, u.name::text, u.email::text, u.role::text
            from sessions s
            join users u on u.organization_id = s.organization_id and u.id = s.user_id
            join organizations o on o.id = s.organization_id
           where s.token_hash = p_token_hash and s.revoked_at is null and s.expires_at > now() and u.active;
      end $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop function app_resolve_session(bytea)`);
    await q.query(`drop policy session_lookup on sessions`);
    await q.query(`drop policy login_lookup on users`);
    const tables: { tablename: string }[] = await q.query(
      `select tablename from pg_policies where schemaname = 'public' and policyname = 'tenant_isolation'`,
    );
    for (const { tablename } of tables) {
      await q.query(`drop policy tenant_isolation on ${tablename}`);
      await q.query(`alter table ${tablename} no force row level security`);
      await q.query(`alter table ${tablename} disable row level security`);
    }
    await q.query(`drop function app_current_org()`);
    await q.query(`alter default privileges in schema public revoke all on tables from ${APP_ROLE}`);
    await q.query(`alter default privileges in schema public revoke all on sequences from ${APP_ROLE}`);
    await q.query(`revoke all on all tables in schema public from ${APP_ROLE}`);
    await q.query(`revoke all on all sequences in schema public from ${APP_ROLE}`);
    await q.query(`revoke usage on schema public from ${APP_ROLE}`);
  }
}
