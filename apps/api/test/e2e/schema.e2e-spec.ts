import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** Tables that are not owned by one organization, and why. */
const GLOBAL_TABLES: Record<string, string> = {
  organizations: 'the tenants themselves',
  rate_limits: 'sign-in and request counters keyed by email, user id, token hash or address, shared by every instance',
  typeorm_migrations: 'migration bookkeeping',
};

/** Indexes on tenant tables that cannot lead with organization_id, and why. */
const GLOBAL_INDEXES: Record<string, string> = {
  users_email_idx: 'sign-in finds the accounts of an email (one per organization) before the organization is known',
  scim_tokens_token_hash_key:
    'an identity provider’s SCIM request finds its token by hash before the organization is known',
  api_tokens_token_hash_key: 'a machine’s request finds its API token by hash before the organization is known',
  sso_connections_domains_idx: '"Sign in with SSO" finds the organization of an email domain before it is known',
  sessions_token_hash_key: 'a request finds its session by token hash before the organization is known',
  user_tokens_token_hash_key:
    'an invitation, reset, unsubscribe or calendar-feed link finds its token by hash before the organization is known',
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

/**
 * Distribution by organization_id (a Citus-style sharded cluster): rows of one organization live
 * on one shard, so every uniqueness rule must include organization_id (a shard can only check its
 * own rows), and every reference must stay inside one organization. These unique indexes
 * cannot: each is needed before the organization is known. They keep the schema from being
 * distributed as it is; each needs a global lookup table (or a token that names its organization)
 * first. Listed so that no new one appears unnoticed, and so that removing one updates this list.
 */
const DISTRIBUTION_BLOCKERS: Record<string, string> = {
  sessions_token_hash_key: 'a session is found by its token hash alone; uniqueness across organizations',
  user_tokens_token_hash_key: 'a link’s token is found by its hash alone, as a session’s is',
  scim_tokens_token_hash_key: 'a SCIM token is found by its hash alone, as a session’s is',
  api_tokens_token_hash_key: 'an API token is found by its hash alone, as a session’s is',
};

describe('distribution by organization_id (Citus)', () => {
  it('every tenant table has a primary key that includes organization_id', async () => {
    const offenders = (await tenantTables()).filter((r) => !r.pk?.includes('organization_id'));
    expect(offenders.map((r) => `${r.table} (${r.pk ? r.pk.join(', ') : 'no primary key'})`)).toEqual([]);
  });

  it('every foreign key between tenant tables carries organization_id to organization_id', async () => {
    const fks = await foreignKeys();
    const global = (name: string) => name in GLOBAL_TABLES;
    const between = fks.filter((f) => !global(f.table) && !global(f.references));
    expect(between.length).toBeGreaterThan(10);
    const offenders = between
      .filter((f) => !f.columns.some((c, i) => c === 'organization_id' && f.referencedColumns[i] === 'organization_id'))
      .map(
        (f) => `${f.table}.${f.name} (${f.columns.join(', ')}) -> ${f.references} (${f.referencedColumns.join(', ')})`,
      );
    expect(offenders).toEqual([]);
    // A tenant table points at a global one only through its organization (organizations.id); a global
    // table never points into a tenant table.
    const crossing = fks
      .filter((f) => global(f.table) !== global(f.references))
      .filter(
        (f) =>
          global(f.table) ||
          f.references !== 'organizations' ||
          f.columns.join() !== 'organization_id' ||
          f.referencedColumns.join() !== 'id',
      )
      .map(
        (f) => `${f.table}.${f.name} (${f.columns.join(', ')}) -> ${f.references} (${f.referencedColumns.join(', ')})`,
      );
    expect(crossing).toEqual([]);
  });

  it('every primary key, unique constraint and unique index of a tenant table includes organization_id', async () => {
    const unique: { table: string; index: string; columns: (string | null)[]; constraint: string | null }[] =
      await t.db.query(
        `select tbl.relname as table, idx.relname as index, con.contype as constraint,
                array(select a.attname::text from unnest(i.indkey) with ordinality k(attnum, n)
                        left join pg_attribute a on a.attrelid = tbl.oid and a.attnum = k.attnum
                       order by k.n) as columns
           from pg_index i
           join pg_class idx on idx.oid = i.indexrelid
           join pg_class tbl on tbl.oid = i.indrelid
           join pg_namespace n on n.oid = tbl.relnamespace
           left join pg_constraint con on con.conindid = i.indexrelid and con.conrelid = tbl.oid
          where n.nspname = 'public' and (i.indisunique or i.indisprimary or con.contype = 'x')
          order by 1, 2`,
      );
    const tenant = unique.filter((u) => !(u.table in GLOBAL_TABLES));
    expect(tenant.length).toBeGreaterThan(10);
    const offenders = tenant
      .filter((u) => !u.columns.includes('organization_id'))
      .map((u) => u.index)
      .sort();
    expect(offenders).toEqual(Object.keys(DISTRIBUTION_BLOCKERS).sort());
  });
});

/** Every base table of the public schema but the global ones, with its primary key's columns. */
async function tenantTables(): Promise<{ table: string; pk: string[] | null }[]> {
  const rows: { table: string; pk: string[] | null }[] = await t.db.query(
    `select c.relname as table,
            (select array(select a.attname::text from unnest(con.conkey) with ordinality k(attnum, n)
                            join pg_attribute a on a.attrelid = c.oid and a.attnum = k.attnum order by k.n)
               from pg_constraint con where con.conrelid = c.oid and con.contype = 'p') as pk
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p')
      order by 1`,
  );
  const tenant = rows.filter((r) => !(r.table in GLOBAL_TABLES));
  expect(tenant.length).toBeGreaterThan(10);
  return tenant;
}

/** Every foreign key of the public schema, with its columns and the referenced columns, in order. */
async function foreignKeys(): Promise<
  { table: string; name: string; columns: string[]; references: string; referencedColumns: string[] }[]
> {
  return t.db.query(
    `select src.relname as table, con.conname as name, dst.relname as references,
            array(select a.attname::text from unnest(con.conkey) with ordinality k(attnum, n)
                    join pg_attribute a on a.attrelid = src.oid and a.attnum = k.attnum order by k.n) as columns,
            array(select a.attname::text from unnest(con.confkey) with ordinality k(attnum, n)
                    join pg_attribute a on a.attrelid = dst.oid and a.attnum = k.attnum order by k.n)
              as "referencedColumns"
       from pg_constraint con
       join pg_class src on src.oid = con.conrelid
       join pg_class dst on dst.oid = con.confrelid
       join pg_namespace n on n.oid = src.relnamespace
      where n.nspname = 'public' and con.contype = 'f'
      order by 1, 2`,
  );
}
