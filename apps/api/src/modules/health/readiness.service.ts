import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Readiness } from '@scorecard/contracts';
import type { DataSource } from 'typeorm';
import { AppError } from '../../common/app-error.js';
import { isDatabaseUnavailable } from '../../common/problem.js';
import { Db } from '../../database/db.js';
import { compareMigrations, knownMigrations } from '../../database/migration-status.js';

/** PostgreSQL's "undefined table": no migration has ever run on this database. */
const UNDEFINED_TABLE = '42P01';

function sqlState(err: unknown): string | undefined {
  const e = err as { code?: unknown; driverError?: { code?: unknown } } | null;
  const code = e?.driverError?.code ?? e?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * Whether this instance may take traffic: the database answers, and every migration this build
 * knows (`migrations` in data-source.ts; the comparison is start-up's, in migration-status.ts) is recorded in TypeORM's table
 * (`typeorm_migrations`: id, timestamp, name). Migrations recorded there that this build does not
 * know are fine: a newer instance of a rolling deploy ran them, and they are written to work with
 * the code before them.
 *
 * The query runs as the API's own role, `scorecard_app`, which may read that table (the
 * RowLevelSecurity migration grants select on every table and revokes only the writes on this one).
 */
@Injectable()
export class ReadinessService {
  constructor(
    private readonly db: Db,
    @InjectDataSource() private readonly ds: DataSource,
  ) {}

  async check(): Promise<Readiness> {
    const table = this.ds.options.migrationsTableName ?? 'migrations';
    let applied: string[];
    try {
      const rows: { name: string }[] = await this.db.query(`select name from "${table.replace(/"/g, '""')}"`);
      applied = rows.map((r) => r.name);
    } catch (err) {
      if (isDatabaseUnavailable(err) || !this.ds.isInitialized) {
        throw new AppError('service_unavailable', 'The database does not answer.');
      }
      if (sqlState(err) !== UNDEFINED_TABLE) {
        throw new AppError('service_unavailable', `The migrations table ${table} cannot be read.`);
      }
      applied = [];
    }
    const known = knownMigrations();
    const { pending } = compareMigrations(applied, known);
    if (pending.length > 0) {
      const n = pending.length;
      throw new AppError(
        'service_unavailable',
        `${n} ${n === 1 ? 'migration is' : 'migrations are'} not applied: ${pending.join(', ')}.`,
      );
    }
    return { status: 'ready', migrations: { applied: known.length, pending: 0, latest: known.at(-1) ?? '' } };
  }
}
