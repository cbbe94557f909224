import { DataSource } from 'typeorm';
import { Foundation1764028800000 } from './migrations/1764028800000-Foundation.js';
import { LibraryAndOpenings1764032400000 } from './migrations/1764032400000-LibraryAndOpenings.js';
import { Pipeline1764036000000 } from './migrations/1764036000000-Pipeline.js';
import { Interviews1764039600000 } from './migrations/1764039600000-Interviews.js';
import { Scorecards1764043200000 } from './migrations/1764043200000-Scorecards.js';
import { Decisions1764046800000 } from './migrations/1764046800000-Decisions.js';
import { AnalyticsIndexes1764050400000 } from './migrations/1764050400000-AnalyticsIndexes.js';

/** Every migration, in order. Committed migrations are never edited: add a new one. */
export const migrations = [
  Foundation1764028800000,
  LibraryAndOpenings1764032400000,
  Pipeline1764036000000,
  Interviews1764039600000,
  Scorecards1764043200000,
  Decisions1764046800000,
  AnalyticsIndexes1764050400000,
];

/** One DataSource definition, shared by the app, the tests and the `db:migrate` command. */
export function createDataSource(url: string, poolSize = 10): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    migrations,
    migrationsTableName: 'typeorm_migrations',
    synchronize: false,
    migrationsRun: false,
    extra: { max: poolSize, connectionTimeoutMillis: 5000 },
  });
}

/** Any number of instances may start at once: one runs the migrations, the others wait. */
export async function migrate(ds: DataSource): Promise<string[]> {
  const runner = ds.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('select pg_advisory_lock(727274)');
    const done = await ds.runMigrations({ transaction: 'each' });
    return done.map((m) => m.name);
  } finally {
    await runner.query('select pg_advisory_unlock(727274)').catch(() => undefined);
    await runner.release();
  }
}
