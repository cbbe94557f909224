import pg from 'pg';
import { migrations, waitForDatabase } from './data-source.js';

/** The migrations of this build, in order, by the name TypeORM records for each. */
export function knownMigrations(): string[] {
  return migrations.map((M) => new M().name ?? M.name);
}

export interface MigrationStatus {
  /** Recorded in `typeorm_migrations`, in the order they ran. */
  applied: string[];
  /** Known to this build and not recorded: the database is not ready for this build. */
  pending: string[];
  /** Recorded but unknown to this build: a newer build migrated the database (a rolling deploy). */
  unknown: string[];
}

/** Compares the migrations recorded in `typeorm_migrations` with this build's list. */
export function compareMigrations(applied: string[], known: string[] = knownMigrations()): MigrationStatus {
  const recorded = new Set(applied);
  return {
    applied,
    pending: known.filter((name) => !recorded.has(name)),
    unknown: applied.filter((name) => !known.includes(name)),
  };
}

/**
 * Reads `typeorm_migrations` and compares it with this build's list, through `url` (the app role may read that
 * table: the RowLevelSecurity migration revokes only its writes). A database never migrated has
 * no such table: everything is pending.
 */
export async function readMigrationStatus(url: string): Promise<MigrationStatus> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    let applied: string[] = [];
    try {
      const res = await client.query<{ name: string }>('select name from typeorm_migrations order by id');
      applied = res.rows.map((r) => r.name);
    } catch (err) {
      // 42P01: undefined table.
      if ((err as { code?: string }).code !== '42P01') throw err;
    }
    return compareMigrations(applied);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** The database cannot serve this build yet; the message says what to do. */
export class DatabaseNotReadyError extends Error {}

/**
 * For an instance that does not migrate (RUN_MIGRATIONS=false): waits for the database like
 * start-up does, then checks that the serving role can sign in and that no migration of this
 * build is pending. Throws a DatabaseNotReadyError naming the cause and the fix otherwise.
 */
export async function checkDatabaseReady(
  appUrl: string,
  wait: { ms: number; onWait?: (err: unknown) => void },
): Promise<MigrationStatus> {
  const role = decodeURIComponent(new URL(appUrl).username) || '(default role)';
  try {
    await waitForDatabase(appUrl, wait.ms, wait.onWait);
  } catch (err) {
    const code = (err as { code?: string }).code;
    // 28P01: wrong password; 28000: the role may not log in, does not exist, or pg_hba refuses it.
    if (code === '28P01' || code === '28000') {
      throw new DatabaseNotReadyError(
        `cannot sign in to the database as ${role} (${err instanceof Error ? err.message : String(err)}). ` +
          'RUN_MIGRATIONS=false: run the migrate step first (node apps/api/dist/migrate.js with the same ' +
          'DATABASE_URL), which creates the role and enables its login; with DATABASE_APP_URL, check its user ' +
          'and password.',
      );
    }
    throw err;
  }
  let status: MigrationStatus;
  try {
    status = await readMigrationStatus(appUrl);
  } catch (err) {
    if ((err as { code?: string }).code === '42501') {
      throw new DatabaseNotReadyError(
        `${role} may not read typeorm_migrations (${(err as Error).message}): DATABASE_APP_URL must be ` +
          'scorecard_app or a role granted scorecard_app.',
      );
    }
    throw err;
  }
  if (status.pending.length > 0) {
    const n = status.pending.length;
    throw new DatabaseNotReadyError(
      `the database lacks ${n} migration${n === 1 ? '' : 's'} this build needs (${status.pending.join(', ')}). ` +
        'RUN_MIGRATIONS=false, so this instance does not apply them: run the migrate step first ' +
        '(node apps/api/dist/migrate.js), or start with RUN_MIGRATIONS=true.',
    );
  }
  return status;
}
