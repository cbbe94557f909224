import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../app.module.js';
import { createLogger } from '../common/logger.js';
import { loadConfig } from '../config/env.js';
import { createDataSource, migrate, prepareDatabase } from './data-source.js';
import { startEmbeddedPostgres } from './embedded-postgres.js';
import { seedDemo } from './seed-demo.js';

/** `db:migrate` and `db:seed`: on DATABASE_URL, or on the embedded PostgreSQL in .data. */
async function run(command: string | undefined): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  const embedded = config.databaseUrl
    ? undefined
    : await startEmbeddedPostgres({ dataDir: config.dataDir, database: 'scorecard', log });
  const databaseUrl = config.databaseUrl ?? embedded!.url;
  try {
    if (command === 'migrate') {
      const ds = await createDataSource(databaseUrl).initialize();
      const applied = await migrate(ds);
      console.log(applied.length ? `applied: ${applied.join(', ')}` : 'the database is up to date');
      await ds.destroy();
    } else if (command === 'seed') {
      if (config.env === 'production') throw new Error('demo data is never created in production');
      const { appUrl } = await prepareDatabase(databaseUrl, config.databaseAppUrl);
      const ctx = await NestFactory.createApplicationContext(AppModule.forRoot({ ...config, databaseUrl: appUrl }), {
        logger: false,
      });
      console.log(
        (await seedDemo(ctx, databaseUrl))
          ? 'demo organization created'
          : 'the database already has organizations; nothing seeded',
      );
      await ctx.close();
    } else {
      throw new Error('usage: cli.js migrate|seed');
    }
  } finally {
    await embedded?.stop();
  }
}

run(process.argv[2]).catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
