import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** Tables that are not owned by one organization, and why. */
const GLOBAL_TABLES: Record<string, string> = {
  organizations: 'the tenants themselves',
  login_failures: 'recorded before anyone is signed in, keyed by email and IP',
  typeorm_migrations: 'migration bookkeeping',
};

/** Indexes on tenant tables that cannot lead with organization_id, and why. */
const GLOBAL_INDEXES: Record<string, string> = {
  users_email_key: 'sign-in finds the user by email before the organization is known',
  sessions_token_hash_key: 'a request finds its session by token hash before the organization is known',
};

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('the schema is ready to be split by organization', () => {
  it('every tenant table has a NOT NULL organization_id column', async () => {
    const tables: { table_name: string; has_org: boolean; nullable: string | null }[] = await t.db.query(
      `select t.table_name, c.column_name is not null as has_org, c.is_nullable as nullable
         from information_schema.tables t
         left join information_schema.columns c
           on c.table_schema = t.table_schema and c.table_name = t.table_name and c.column_name = 'organization_id'
        where t.table_schema = 'public' and t.table_type = 'BASE TABLE'
        order by t.table_name`,
    );
    expect(tables.length).toBeGreaterThan(3);
    const offenders = tables
      .filter((r) => !(r.table_name in GLOBAL_TABLES))
      .filter((r) => !r.has_org || r.nullable !== 'NO')
      .map((r) => r.table_name);
    expect(offenders).toEqual([]);
  });

  it('every index of a tenant table leads with organization_id', async () => {
    const indexes: { table: string; index: string; first_column: string }[] = await t.db.query(
      `select tbl.relname as table, idx.relname as index, a.attname as first_column
         from pg_index i
         join pg_class idx on idx.oid = i.indexrelid
         join pg_class tbl on tbl.oid = i.indrelid
         join pg_namespace n on n.oid = tbl.relnamespace
         left join pg_attribute a on a.attrelid = tbl.oid and a.attnum = i.indkey[0]
        where n.nspname = 'public'
        order by 1, 2`,
    );
    const offenders = indexes
      .filter((r) => !(r.table in GLOBAL_TABLES) && !(r.index in GLOBAL_INDEXES))
      .filter((r) => r.first_column !== 'organization_id')
      .map((r) => `${r.table}.${r.index} (${r.first_column ?? 'expression'})`);
    expect(offenders).toEqual([]);
    expect(indexes.map((r) => r.index)).toEqual(expect.arrayContaining(Object.keys(GLOBAL_INDEXES)));
  });

  it('all migrations are applied and none is pending', async () => {
    expect(await t.db.showMigrations()).toBe(false);
  });
});
