import { AsyncLocalStorage } from 'node:async_hooks';
import { Global, Injectable, Module } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Selectable } from 'kysely';
import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { isDatabaseUnavailable } from '../common/problem.js';
import type { DB } from './schema.generated.js';

/**
 * The columns `K` of table `T` as pg returns them (schema.generated.ts, from the migrated schema by
 * `pnpm db:types`): a repository's row type is built from these, so a renamed or retyped column
 * fails `tsc`. Aliased columns take one column's type: `{ hm_name: Col<'users', 'name'> }`. pg
 * returns bigint (and `count(*)` without a cast) and numeric as string, timestamptz as Date.
 */
export type Row<T extends keyof DB> = Selectable<DB[T]>;
export type Cols<T extends keyof DB, K extends keyof Selectable<DB[T]>> = Pick<Selectable<DB[T]>, K>;
export type Col<T extends keyof DB, K extends keyof Selectable<DB[T]>> = Selectable<DB[T]>[K];
/** Columns of table `T` under other names: `As<'users', { hm_id: 'id'; hm_name: 'name' }>`. */
export type As<T extends keyof DB, M extends Record<string, keyof Selectable<DB[T]>>> = {
  [A in keyof M]: Selectable<DB[T]>[M[A]];
};
/** `c.id as candidate_id, c.name as candidate_name`, as many statements name a candidate. */
export type CandidateAs = As<'candidates', { candidate_id: 'id'; candidate_name: 'name' }>;
/** `o.id as opening_id, o.title as opening_title`, as many statements name an opening. */
export type OpeningAs = As<'openings', { opening_id: 'id'; opening_title: 'title' }>;
/** Columns from a left join: all there, or all null (test one of them to narrow the others). */
export type LeftJoined<T> = T | { [K in keyof T]: null };

/** Whether `err` is PostgreSQL refusing a duplicate of unique `constraint` (23505), as pg or TypeORM throws it. */
export function isUniqueViolation(err: unknown, constraint: string): boolean {
  const e = err as { code?: string; constraint?: string; driverError?: { code?: string; constraint?: string } };
  const d = e.driverError ?? e;
  return d.code === '23505' && d.constraint === constraint;
}

/** `s` as a literal part of a LIKE pattern (with the default escape, backslash). */
export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The transaction-local settings the row-level security policies read (see the RowLevelSecurity migration). */
export const TENANT_SETTING = 'app.organization_id';
export const LOGIN_LOOKUP_SETTING = 'app.login_email';
export const ORGANIZATION_LIST_SETTING = 'app.organization_list';

interface Scope {
  manager: EntityManager;
  organizationId: string | null;
}

/**
 * The database as repositories see it. Inside a request (or any `asTenant` block) every query runs
 * on that block's one transaction, which has told PostgreSQL the organization with a
 * transaction-local `set_config`: row-level security then shows and accepts only that
 * organization's rows, even to a query that forgets its `organization_id` filter, and nothing
 * outlives the transaction on a pooled connection. Outside a block, queries run without an
 * organization and see no tenant rows at all.
 */
@Injectable()
export class Db {
  private readonly scope = new AsyncLocalStorage<Scope>();

  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** The current block's transaction, or the pool outside one. */
  get manager(): EntityManager {
    return this.scope.getStore()?.manager ?? this.ds.manager;
  }

  /**
   * What `sql` returns: its rows (`query<XRow[]>`), or for an update or delete `[rows, count]`. The
   * caller names the type, built with `Cols`/`Col`; there is no default, so an untyped call gives
   * `unknown`.
   */
  query<Result>(sql: string, params?: unknown[]): Promise<Result> {
    // Outside a block a read runs alone on a pooled connection that may be dead (see `pooled`).
    if (this.scope.getStore() || !/^\s*select\b/i.test(sql)) return this.manager.query<Result>(sql, params);
    return this.pooled((runner) => runner.query(sql, params) as Promise<Result>).then(async ({ runner, result }) => {
      await runner.release();
      return result;
    });
  }

  /**
   * Runs `fn` outside any block, for work that outlives the request that started it (the timers of
   * an event stream): its queries then run on their own, not in a transaction already committed.
   */
  outside<T>(fn: () => T): T {
    return this.scope.exit(fn);
  }

  /** A transaction; inside a block it is a savepoint of the block's transaction. */
  transaction<T>(fn: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.manager.transaction(fn);
  }

  /**
   * Runs `fn` in one transaction as organization `organizationId`: committed when it resolves,
   * rolled back when it throws. Nested calls for the same organization join the outer block.
   */
  asTenant<T>(organizationId: string, fn: () => Promise<T>): Promise<T> {
    const outer = this.scope.getStore();
    if (outer) {
      if (outer.organizationId === organizationId) return fn();
      throw new Error('asTenant: already working for another organization');
    }
    return this.block({ [TENANT_SETTING]: organizationId }, organizationId, fn);
  }

  /**
   * Runs `fn` in one transaction with the given lookup settings and no organization: used only to
   * find a session by its token hash or a user by the email they sign in with.
   */
  lookup<T>(settings: Record<string, string>, fn: () => Promise<T>): Promise<T> {
    if (this.scope.getStore()) throw new Error('lookup: already inside a block');
    return this.block(settings, null, fn);
  }

  /**
   * The ids of every organization, for periodic jobs that then work each one `asTenant`: the only
   * cross-organization read the app role may make (the `organization_list` policy), ids alone.
   */
  async organizationIds(): Promise<string[]> {
    const rows = await this.lookup({ [ORGANIZATION_LIST_SETTING]: 'on' }, () =>
      this.query<Cols<'organizations', 'id'>[]>(`select id from organizations order by id`),
    );
    return rows.map((r) => r.id);
  }

  /**
   * For periodic jobs: `work` for every organization, each in a tenant transaction of its own, and
   * the sum of what they answer. One organization's failure goes to `failed` and leaves the others
   * alone (the job's next run tries it again).
   */
  async sumOverOrganizations(
    work: (organizationId: string) => Promise<number>,
    failed: (organizationId: string, err: Error) => void,
  ): Promise<number> {
    let sum = 0;
    for (const organizationId of await this.organizationIds()) {
      try {
        sum += await this.asTenant(organizationId, () => work(organizationId));
      } catch (err) {
        failed(organizationId, err as Error);
      }
    }
    return sum;
  }

  /**
   * Runs `first` (the first statement) on a pooled connection, which the caller then owns. A
   * connection can be dead while it sits idle in the pool (PostgreSQL restarted or failed over, or
   * ended it) without the pool knowing yet; that shows on the first statement, before any work, so
   * the connection is thrown away and the next one tried, at worst a new one. A connection that
   * cannot be made at all is not retried.
   */
  private async pooled<T>(first: (runner: QueryRunner) => Promise<T>): Promise<{ runner: QueryRunner; result: T }> {
    const poolSize = (this.ds.options as { extra?: { max?: number } }).extra?.max ?? 10;
    for (let attempt = 1; ; attempt++) {
      const runner = this.ds.createQueryRunner();
      await runner.connect();
      try {
        return { runner, result: await first(runner) };
      } catch (err) {
        const retry = attempt <= poolSize && isDatabaseUnavailable(err);
        // Released with its error, the connection is discarded rather than pooled again.
        const pg = runner as QueryRunner & { releasePostgresConnection?: (err: unknown) => Promise<void> };
        await (retry && pg.releasePostgresConnection ? pg.releasePostgresConnection(err) : runner.release()).catch(
          () => undefined,
        );
        if (!retry) throw err;
      }
    }
  }

  /** A pooled connection with its transaction started (see `pooled`). */
  private async begin(): Promise<QueryRunner> {
    return (await this.pooled((runner) => runner.startTransaction())).runner;
  }

  private async block<T>(
    settings: Record<string, string>,
    organizationId: string | null,
    fn: () => Promise<T>,
  ): Promise<T> {
    const runner = await this.begin();
    // One connection answers one statement at a time: statements a handler starts together
    // (Promise.all) take their turn here instead of piling onto the driver.
    const send = runner.query.bind(runner);
    let last: Promise<unknown> = Promise.resolve();
    runner.query = ((...args: Parameters<typeof send>) => {
      const next = last.then(() => send(...args));
      last = next.catch(() => undefined);
      return next;
    }) as typeof send;
    try {
      try {
        const entries = Object.entries(settings);
        await runner.query(
          `select ${entries.map((_, i) => `set_config($${2 * i + 1}, $${2 * i + 2}, true)`).join(', ')}`,
          entries.flat(),
        );
        const result = await this.scope.run({ manager: runner.manager, organizationId }, fn);
        await runner.commitTransaction();
        return result;
      } catch (err) {
        await runner.rollbackTransaction().catch(() => undefined);
        throw err;
      }
    } finally {
      await runner.release();
    }
  }
}

/** Makes `Db` available everywhere. */
@Global()
@Module({ providers: [Db], exports: [Db] })
export class DbModule {}
