import { createRequire } from 'node:module';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type PgBossType from 'pg-boss';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/env.js';
import { Db } from '../../database/db.js';
import {
  QUEUE_SCHEMA,
  type QueueName as MessagingQueueName,
} from '../../database/migrations/1764086400000-Messaging.js';
import type { WEBHOOK_QUEUE } from '../../database/migrations/1764097200000-Webhooks.js';
import type { IDEMPOTENCY_SWEEP_QUEUE } from '../../database/migrations/1764100800000-IdempotencyKeys.js';
import type { WEBHOOK_SWEEP_QUEUE } from '../../database/migrations/1764129600000-WebhookRetention.js';

const require = createRequire(import.meta.url);
const PgBoss = require('pg-boss') as typeof PgBossType;

export type QueueName =
  MessagingQueueName | typeof WEBHOOK_QUEUE | typeof IDEMPOTENCY_SWEEP_QUEUE | typeof WEBHOOK_SWEEP_QUEUE;

/** A job as its worker sees it: its data, and which attempt this is (0 first, `retryLimit` last). */
export interface QueueJob<T> {
  id: string;
  data: T;
  retryCount: number;
  retryLimit: number;
}

interface Registration {
  handler: (job: QueueJob<never>) => Promise<void>;
  /** A cron expression (UTC) when the queue runs periodically. */
  cron?: string;
  /** Jobs fetched at once and worked side by side (1 unless the queue asks for more). */
  batchSize?: number;
}

/**
 * The job queue: pg-boss on the app's own database (schema `pgboss`, made by the Messaging
 * migration), so every instance shares one queue with no other server. A job is sent inside the
 * current transaction (`Db`): it exists exactly when the change that caused it commits. A handler
 * that throws is retried with backoff as its queue says (QUEUES); one that keeps failing stays in
 * pg-boss as `failed`. Periodic queues are started by a cron schedule that pg-boss fires once per
 * tick across all instances (QUEUE_SCHEDULES=false leaves the schedules to other instances).
 */
@Injectable()
export class QueueService implements OnApplicationBootstrap, OnApplicationShutdown {
  private boss: PgBossType | undefined;
  private readonly registrations = new Map<QueueName, Registration>();

  constructor(
    private readonly db: Db,
    @Inject(APP_CONFIG) private readonly config: AppConfig & { databaseUrl: string },
  ) {}

  private readonly log = new Logger('Queue');

  /** Called by feature modules in `onModuleInit`: `handler` works `queue`'s jobs from start-up on. */
  register<T>(
    queue: QueueName,
    handler: (job: QueueJob<T>) => Promise<void>,
    options: { cron?: string; batchSize?: number } = {},
  ): void {
    this.registrations.set(queue, {
      handler: handler as Registration['handler'],
      cron: options.cron,
      batchSize: options.batchSize,
    });
  }

  /**
   * Adds a job in the current transaction (a request's, or an `asTenant` block's): committed with
   * it, or gone with its rollback. Outside a transaction it is added on its own.
   */
  async send(
    queue: QueueName,
    data: object,
    options: { startAfter?: Date; retryDelay?: number; retryLimit?: number; singletonKey?: string } = {},
  ): Promise<void> {
    const boss = this.started();
    const db = {
      executeSql: async (text: string, values: unknown[]) => ({ rows: await this.db.query<unknown[]>(text, values) }),
    };
    await boss.send(queue, data, { ...options, db });
  }

  async onApplicationBootstrap(): Promise<void> {
    // pg-boss hands its options to pg.Pool, which takes the two timeouts below; its types omit them.
    const options: PgBossType.ConstructorOptions & { connectionTimeoutMillis: number; query_timeout: number } = {
      connectionString: this.config.databaseUrl,
      schema: QUEUE_SCHEMA,
      max: 3,
      application_name: 'scorecard-queue',
      // As the app's pool: a connection that cannot be made fails in 5 s, and a statement on a
      // connection that died silently (a failover) fails in 10 s instead of holding a worker, or
      // the shutdown, forever.
      connectionTimeoutMillis: 5_000,
      query_timeout: 10_000,
      // The schema and its queues are the Messaging migration's; the app role may create nothing.
      migrate: false,
      schedule: this.config.queueSchedules,
      supervise: true,
    };
    const boss = new PgBoss(options);
    boss.on('error', (err) => this.log.warn(`job queue: ${err.message}`));
    await boss.start();
    this.boss = boss;
    for (const [queue, { handler, cron, batchSize = 1 }] of this.registrations) {
      await boss.work(
        queue,
        { batchSize, includeMetadata: true, pollingIntervalSeconds: this.config.jobPollSeconds },
        async (jobs) => {
          const run = (job: (typeof jobs)[number]) =>
            handler({
              id: job.id,
              data: job.data as never,
              retryCount: job.retryCount,
              retryLimit: job.retryLimit,
            }).catch((err: unknown) => {
              // pg-boss keeps the error on the job; the log says it too, so a failed attempt (and
              // the wait for its retry) is never silent.
              const last = job.retryCount >= job.retryLimit;
              const message = err instanceof Error ? err.message : String(err);
              this.log.warn(
                `${queue} job ${job.id}: attempt ${job.retryCount + 1} failed${last ? ' (giving up)' : ''}: ${message}`,
              );
              throw err;
            });
          if (jobs.length <= 1) {
            if (jobs[0]) await run(jobs[0]);
            return;
          }
          // A batch is worked side by side; a job that throws fails (and is retried) alone, the
          // others complete.
          const results = await Promise.allSettled(jobs.map(run));
          for (const [i, result] of results.entries()) {
            if (result.status === 'rejected') {
              const message = result.reason instanceof Error ? result.reason.message : String(result.reason);
              await boss.fail(queue, jobs[i]!.id, { message });
            }
          }
        },
      );
      if (cron && this.config.queueSchedules) await boss.schedule(queue, cron, {}, { tz: 'UTC' });
      else if (!cron) await boss.unschedule(queue).catch(() => undefined);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    const boss = this.boss;
    this.boss = undefined;
    if (!boss) return;
    // Jobs in hand finish (up to 10 s); the rest wait in the database for any instance. A stop
    // that cannot reach the database (closing its pool on dead connections) is not waited for
    // beyond 15 s.
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      boss.stop({ graceful: true, wait: true, timeout: 10_000 }),
      new Promise((resolve) => (timer = setTimeout(resolve, 15_000))),
    ]);
    clearTimeout(timer);
    // pg-boss checks once a second, after `stop` has resolved, that its stopped workers have left
    // their loops; wait out that check so nothing of the queue runs after the app has closed.
    await new Promise((resolve) => setTimeout(resolve, 1_100));
  }

  private started(): PgBossType {
    if (!this.boss) throw new Error('the job queue has not started');
    return this.boss;
  }
}
