import 'reflect-metadata';
import { createLogger } from './common/logger.js';
import { loadConfigOrExit } from './config/env.js';
import { prepareDatabase } from './database/data-source.js';
import { knownMigrations } from './database/migration-status.js';

/**
 * The migrate step of a deployment (`node apps/api/dist/migrate.js`): run it once, before the API
 * instances that start with RUN_MIGRATIONS=false. As the owner (DATABASE_URL) it waits for the
 * database (DB_WAIT_SECONDS), applies every pending migration under the advisory lock, and, when
 * DATABASE_APP_URL is unset, lets `scorecard_app` log in with the password derived from the
 * owner's, exactly as start-up does with RUN_MIGRATIONS=true. Exits 0 when the database is up to
 * date, 1 with the reason otherwise. Safe to run again, and alongside instances that migrate.
 */
async function run(): Promise<number> {
  const config = loadConfigOrExit();
  if (!config.databaseUrl) {
    console.error(
      'Invalid configuration:\n  DATABASE_URL: required by the migrate step (the database owner: postgres://owner:password@host:5432/db). ' +
        'For the embedded development database, use `pnpm db:migrate` or `pnpm start`.',
    );
    return 1;
  }
  const log = createLogger(config.logLevel);
  try {
    const { applied } = await prepareDatabase(config.databaseUrl, config.databaseAppUrl, {
      ms: config.dbWaitSeconds * 1000,
      onWait: (err) =>
        log.warn({ cause: err instanceof Error ? err.message : String(err) }, 'waiting for the database'),
    });
    const known = knownMigrations();
    log.info(
      { applied, known: known.length, latest: known.at(-1) },
      applied.length
        ? `applied ${applied.length} migration${applied.length === 1 ? '' : 's'}: ${applied.join(', ')}`
        : `the database is up to date (${known.length} migrations, latest ${known.at(-1)})`,
    );
    return 0;
  } catch (err) {
    log.fatal({ err }, `migrations failed: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
}

run().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
