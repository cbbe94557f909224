import 'reflect-metadata';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createLogger } from './common/logger.js';
import { ConfigError, loadConfig } from './config/env.js';
import { createApp } from './create-app.js';
import { prepareDatabase } from './database/data-source.js';
import { type EmbeddedDatabase, startEmbeddedPostgres } from './database/embedded-postgres.js';
import { DEMO_ORGANIZATION, seedDemo } from './database/seed-demo.js';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
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
    let databaseUrl = config.databaseUrl;
    if (!databaseUrl) {
      embedded = await startEmbeddedPostgres({ dataDir: config.dataDir, database: 'scorecard', log });
      databaseUrl = embedded.url;
    }
    // Migrations run as the tables' owner; requests are served as a role that owns nothing.
    const { appUrl, applied } = await prepareDatabase(databaseUrl, config.databaseAppUrl, {
      ms: config.dbWaitSeconds * 1000,
      onWait: (err) =>
        log.warn({ cause: err instanceof Error ? err.message : String(err) }, 'waiting for the database'),
    });
    if (applied.length) log.info({ applied }, 'migrations applied');
    app = await createApp({ ...config, databaseUrl: appUrl }, log);
    if (config.seedDemo && (await seedDemo(app, databaseUrl))) {
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
    log.fatal({ err }, 'failed to start');
    await shutdown('start-up failed', 1);
  }
}

void main();
