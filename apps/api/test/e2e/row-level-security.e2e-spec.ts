import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { AuthSession } from '@scorecard/contracts';
import pg from 'pg';
import { Db, LOGIN_LOOKUP_SETTING } from '../../src/database/db.js';
import { hashToken } from '../../src/modules/sessions/sessions.repository.js';
import { bearer, openOpeningWithPlan, signup, uniqueEmail } from '../support/factories.js';
import { countAppQueries, startTestApp, type TestApp } from '../support/test-app.js';

// Row-level security is the second line of defence: these tests bypass the API's own
// `organization_id` filters and query the tables directly as the API's database role.

let t: TestApp;
let db: Db;
let a: AuthSession;
let b: AuthSession;
let tenantTables: string[];

async function asApp<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: t.appDatabaseUrl });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

async function addCandidate(s: AuthSession, name: string): Promise<string> {
  const res = await t
    .http()
    .post('/api/v1/candidates')
    .set(bearer(s.token))
    .send({ name, email: uniqueEmail('cand'), source: 'referral' });
  if (res.status !== 201) throw new Error(JSON.stringify(res.body));
  return res.body.id as string;
}

beforeAll(async () => {
  t = await startTestApp();
  db = t.app.get(Db);
  a = await signup(t, 'Org A');
  b = await signup(t, 'Org B');
  // Both organizations get rows in most tables: library, opening with a plan, candidates.
  for (const s of [a, b]) {
    const opening = await openOpeningWithPlan(t, s);
    const candidateId = await addCandidate(s, `Candidate of ${s.organization.name}`);
    await t
      .http()
      .post('/api/v1/applications')
      .set(bearer(s.token))
      .send({ candidateId, openingId: opening.id })
      .expect(201);
  }
  const rows: { table_name: string }[] = await t.db.query(
    `select table_name from information_schema.columns
      where table_schema = 'public' and column_name = 'organization_id' order by table_name`,
  );
  tenantTables = rows.map((r) => r.table_name);
});
afterAll(async () => {
  await t.close();
});

describe('the API’s database role', () => {
  it('is neither superuser nor exempt from row-level security, and owns no table', async () => {
    const [me] = await asApp(async (c) => (await c.query(`select current_user as name`)).rows as { name: string }[]);
    const [role]: { rolsuper: boolean; rolbypassrls: boolean }[] = await t.db.query(
      `select rolsuper, rolbypassrls from pg_roles where rolname = $1`,
      [me!.name],
    );
    expect(role).toEqual({ rolsuper: false, rolbypassrls: false });
    const owned: unknown[] = await t.db.query(`select tablename from pg_tables where tableowner = $1`, [me!.name]);
    expect(owned).toEqual([]);
  });

  it('every table with organization_id, and organizations itself, forces row-level security with a tenant policy', async () => {
    const rows: { relname: string; relrowsecurity: boolean; relforcerowsecurity: boolean; policy: string | null }[] =
      await t.db.query(
        `select c.relname, c.relrowsecurity, c.relforcerowsecurity, p.policyname as policy
           from pg_class c
           left join pg_policies p on p.schemaname = 'public' and p.tablename = c.relname and p.policyname = 'tenant_isolation'
          where c.relnamespace = 'public'::regnamespace and c.relname = any($1)`,
        [[...tenantTables, 'organizations']],
      );
    expect(rows).toHaveLength(tenantTables.length + 1);
    for (const r of rows) {
      expect({ table: r.relname, rls: r.relrowsecurity, force: r.relforcerowsecurity, policy: r.policy }).toEqual({
        table: r.relname,
        rls: true,
        force: true,
        policy: 'tenant_isolation',
      });
    }
  });
});

describe('a query that forgets its organization filter', () => {
  it('sees only the current organization’s rows in every tenant table', async () => {
    let tablesWhereOtherOrgHasRows = 0;
    for (const table of tenantTables) {
      const [{ n: othersTotal }] = (await t.db.query(
        `select count(*)::int as n from ${table} where organization_id <> $1`,
        [b.organization.id],
      )) as [{ n: number }];
      if (othersTotal > 0) tablesWhereOtherOrgHasRows++;
      const [{ n: own }] = (await t.db.query(`select count(*)::int as n from ${table} where organization_id = $1`, [
        b.organization.id,
      ])) as [{ n: number }];
      const seen: { organization_id: string }[] = await db.asTenant(b.organization.id, () =>
        db.query(`select organization_id from ${table}`),
      );
      expect({
        table,
        rows: seen.length,
        foreign: seen.filter((r) => r.organization_id !== b.organization.id),
      }).toEqual({ table, rows: own, foreign: [] });
    }
    // The check means something only if the other organization really has rows in those tables.
    expect(tablesWhereOtherOrgHasRows).toBeGreaterThanOrEqual(11);
  });

  it('sees no organization but its own', async () => {
    const orgs: { id: string }[] = await db.asTenant(b.organization.id, () => db.query(`select id from organizations`));
    expect(orgs).toEqual([{ id: b.organization.id }]);
  });

  it('sees nothing at all outside a request’s transaction', async () => {
    for (const table of ['organizations', 'users', 'sessions', 'candidates', 'openings']) {
      const [row]: { n: number }[] = await db.query(`select count(*)::int as n from ${table}`);
      expect({ table, n: row?.n }).toEqual({ table, n: 0 });
    }
  });

  it('changes no row of another organization', async () => {
    const before: unknown[] = await t.db.query(
      `select id, name, revision from candidates where organization_id = $1 order by id`,
      [a.organization.id],
    );
    const updated = await db.asTenant(b.organization.id, async () => {
      const [, n]: [unknown, number] = await db.query(`update candidates set name = name || ' (edited)'`);
      const [, d]: [unknown, number] = await db.query(`delete from candidate_tags`);
      return n + d;
    });
    expect(updated).toBeGreaterThan(0);
    const after: unknown[] = await t.db.query(
      `select id, name, revision from candidates where organization_id = $1 order by id`,
      [a.organization.id],
    );
    expect(after).toEqual(before);
  });

  it('cannot write a row into another organization', async () => {
    await expect(
      db.asTenant(b.organization.id, () =>
        db.query(
          `insert into candidates (organization_id, name, email) values ($1, 'Planted', 'planted@example.test')`,
          [a.organization.id],
        ),
      ),
    ).rejects.toThrow(/row-level security/);
    await expect(
      db.asTenant(b.organization.id, () => db.query(`update candidates set organization_id = $1`, [a.organization.id])),
    ).rejects.toThrow(/row-level security/);
    const planted: unknown[] = await t.db.query(`select 1 from candidates where email = 'planted@example.test'`);
    expect(planted).toEqual([]);
  });
});

describe('the organization setting', () => {
  it('ends with its transaction, so a pooled connection never carries it to the next request', async () => {
    for (let i = 0; i < 8; i++) {
      await db.asTenant(i % 2 ? a.organization.id : b.organization.id, () => db.query(`select 1`));
      const [row]: { org: string | null }[] = await db.query(
        `select nullif(current_setting('app.organization_id', true), '') as org`,
      );
      expect(row?.org).toBeNull();
    }
  });

  it('is set per request: concurrent requests of two organizations each see only their own', async () => {
    const runs = await Promise.all(
      Array.from({ length: 12 }, (_, i) => (i % 2 ? a : b)).map(async (s) => {
        const res = await t.http().get('/api/v1/candidates?pageSize=100').set(bearer(s.token)).expect(200);
        return { org: s.organization.name, names: (res.body.items as { name: string }[]).map((c) => c.name) };
      }),
    );
    for (const r of runs) expect(r.names.every((n) => n.includes(r.org))).toBe(true);
  });
});

describe('the two lookups made before the organization is known', () => {
  it('a session is found only by the hash of its own token', async () => {
    const [wrong] = await asApp(
      async (c) => (await c.query(`select * from app_resolve_session($1)`, [hashToken('nope')])).rows,
    );
    expect(wrong).toBeUndefined();
    const [right] = await asApp(
      async (c) => (await c.query(`select * from app_resolve_session($1)`, [hashToken(a.token)])).rows,
    );
    expect(right).toMatchObject({ organization_id: a.organization.id, user_id: a.user.id, email: a.user.email });
    const [{ n }] = await asApp(async (c) => (await c.query(`select count(*)::int as n from sessions`)).rows);
    expect(n).toBe(0);
  });

  it('the sign-in lookup shows one user, the one with that email, and nothing else of their organization', async () => {
    const seen = await db.lookup({ [LOGIN_LOOKUP_SETTING]: a.user.email }, async () => ({
      users: (await db.query(`select id from users`)) as { id: string }[],
      candidates: (await db.query(`select id from candidates`)) as unknown[],
      organizations: (await db.query(`select id from organizations`)) as unknown[],
    }));
    expect(seen).toEqual({ users: [{ id: a.user.id }], candidates: [], organizations: [] });
  });
});

/** Every `Index Cond` in a JSON plan, with the index it was used on. */
function indexConditions(plan: Record<string, unknown>): string[] {
  const own = plan['Index Cond'] ? [`${String(plan['Index Name'])}: ${String(plan['Index Cond'])}`] : [];
  const children = (plan.Plans as Record<string, unknown>[] | undefined) ?? [];
  return [...own, ...children.flatMap(indexConditions)];
}

describe('indexes under the policy', () => {
  // A qual that is not leakproof (`like`, `lower`) is evaluated only after the policy, so it cannot
  // be an index condition: with it, a search reads every candidate of the organization.
  it('the candidate search turns its prefix into an index range on name, email, title and company', async () => {
    const c = await signup(t, 'Org C');
    // Enough candidates that reading them all costs more than the index ranges do.
    await t.db.query(
      `insert into candidates (organization_id, name, email, current_title, current_company, source,
                               links, desired_career_path)
       select $1, 'Bulk ' || i, 'bulk' || i || '@example.test', 'Engineer ' || i, 'Company ' || i, 'referral',
              '{}', 'undecided'
         from generate_series(1, 5000) i`,
      [c.organization.id],
    );
    await t.db.query('analyze candidates');
    const queries = countAppQueries(t);
    try {
      await t.http().get('/api/v1/candidates?q=Cand').set(bearer(c.token)).expect(200);
    } finally {
      queries.restore();
    }
    const search = queries.statements().find((s) => s.sql.includes('starts_with'));
    expect(search).toBeDefined();
    const conditions = await asApp(async (client) => {
      await client.query('begin');
      try {
        await client.query(`select set_config('app.organization_id', $1, true)`, [c.organization.id]);
        const { rows } = await client.query(`explain (format json) ${search!.sql}`, search!.params);
        return indexConditions((rows[0]['QUERY PLAN'] as { Plan: Record<string, unknown> }[])[0]!.Plan);
      } finally {
        await client.query('rollback');
      }
    });
    for (const column of ['search_name', 'email', 'search_title', 'search_company']) {
      expect(conditions.some((cond) => new RegExp(`\\(${column} (~>=~|>=) 'cand'`).test(cond))).toBe(true);
    }
  });
});
