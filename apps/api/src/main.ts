import 'reflect-metadata';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createLogger } from './common/logger.js';
import { loadConfigOrExit } from './config/env.js';
import { createApp } from './create-app.js';
import { derivedAppDatabaseUrl, prepareDatabase } from './database/data-source.js';
import { type EmbeddedDatabase, startEmbeddedPostgres } from './database/embedded-postgres.js';
import { checkDatabaseReady, DatabaseNotReadyError } from './database/migration-status.js';
import { DEMO_ORGANIZATION, seedDemo } from './database/seed-demo.js';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const log = createLogger(config.logLevel);
  let embedded: EmbeddedDatabase | undefined;
  let app: NestFastifyApplication | undefined;
  let stopping = false;

  const shutdown = async (reason: string, code: number) => {
    if (stopping) return;
    stopping = true;
    log.info({ reason }, 'shutting down: no new requests, finishing those in flight');
    const force = setTimeout(() => {
      log.error('shutdown took longer than 20 s; exiting');
      process.exit(1);
    }, 20_000);
    force.unref();
    // Connections busy when the shutdown began turn idle once their answer is sent; close them then
    // rather than waiting out the keep-alive timeout.
    const server = app?.getHttpServer();
    const reaper = setInterval(() => server?.closeIdleConnections(), 100);
    try {
      await app?.close();
      clearInterval(reaper);
      await embedded?.stop();
    } catch (err) {
      log.error({ err }, 'error while shutting down');
      code = code || 1;
    }
    log.info('stopped');
    process.exit(code);
  };
  // embedded-postgres installs exit hooks that stop PostgreSQL and exit at once on a signal, which
  // would cut off requests in flight; this process shuts down in order instead.
  for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) process.removeAllListeners(signal);
  process.once('SIGTERM', () => void shutdown('SIGTERM', 0));
  process.once('SIGINT', () => void shutdown('SIGINT', 0));

  try {
    // The owner's URL: needed to migrate, and to derive the app role's login when DATABASE_APP_URL
    // is unset. An instance that does not migrate and is given DATABASE_APP_URL never uses it.
    let ownerUrl = config.databaseUrl;
    if (!ownerUrl && (config.runMigrations || !config.databaseAppUrl)) {
      embedded = await startEmbeddedPostgres({ dataDir: config.dataDir, database: 'scorecard', log });
      ownerUrl = embedded.url;
    }
    const wait = {
      ms: config.dbWaitSeconds * 1000,
      onWait: (err: unknown) =>
        log.warn({ cause: err instanceof Error ? err.message : String(err) }, 'waiting for the database'),
    };
    let appUrl: string;
    if (config.runMigrations) {
      // Migrations run as the tables' owner; requests are served as a role that owns nothing.
      const prepared = await prepareDatabase(ownerUrl!, config.databaseAppUrl, wait);
      appUrl = prepared.appUrl;
      if (prepared.applied.length) log.info({ applied: prepared.applied }, 'migrations applied');
    } else {
      // Migrations are their own step (dist/migrate.js), which also enabled the app role's login.
      // Refuse to serve a database that lacks one of this build's migrations.
      appUrl = config.databaseAppUrl ?? derivedAppDatabaseUrl(ownerUrl!);
      const status = await checkDatabaseReady(appUrl, wait);
      if (status.unknown.length) {
        log.warn(
          { unknown: status.unknown },
          'the database has migrations this build does not know (a newer build migrated it); serving anyway',
        );
      }
      log.info({ applied: status.applied.length }, 'RUN_MIGRATIONS=false: not migrating; every migration is applied');
    }
    app = await createApp({ ...config, databaseUrl: appUrl }, log);
    // Started before the seed: seeding schedules upcoming interviews, whose calendar invitations
    // go on the job queue, which starts with the app.
    await app.init();
    if (config.seedDemo && ownerUrl && (await seedDemo(app, ownerUrl))) {
      log.info(`demo organization "${DEMO_ORGANIZATION}" created`);
    }
    if (stopping) return;
    await app.listen({ port: config.port, host: config.host });
    const url = `http://${['0.0.0.0', '::'].includes(config.host) ? 'localhost' : config.host}:${config.port}`;
    log.info({ url, embeddedPostgres: Boolean(embedded) }, 'Scorecard is running');
    if (config.env !== 'production') {
      // Logs stay JSON; this one plain line is for the person who just typed `pnpm start`.
      const demo = config.seedDemo ? ' Demo sign-in: admin@acme.test / scorecard-demo.' : '';
      process.stdout.write(
        `\nScorecard is running at ${url}${embedded ? ' (embedded PostgreSQL)' : ''}.${demo} Ctrl+C stops it.\n\n`,
      );
    }
  } catch (err) {
    if (err instanceof DatabaseNotReadyError) log.fatal(`failed to start: ${err.message}`);
    else log.fatal({ err }, 'failed to start');
    await shutdown('start-up failed', 1);
  }
}

void main();
