import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyInstance } from 'fastify';
import type { Pool } from 'pg';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { DataSource } from 'typeorm';

/** The `route` label of a request that matched no route (404s, probes of random paths): one series for all. */
export const UNMATCHED_ROUTE = '(unmatched)';

/** Methods get their own label value; anything else Fastify lets through is counted as `other`. */
const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/**
 * The app's Prometheus metrics, on a registry this app instance owns: never prom-client's global
 * one, so several apps in one process (the tests start many) each count their own requests, and
 * `collectDefaultMetrics` runs once per registry.
 *
 * - `http_requests_total` (counter) and `http_request_duration_seconds` (histogram), labelled by
 *   `method`, `route` and `status_code`. `route` is the route's template as registered
 *   (`/api/v1/candidates/:id`), never the URL the client sent, so ids and query strings never
 *   become label values and the number of series stays bounded; a request that matched no route
 *   is `(unmatched)`. Recorded in Fastify's `onResponse` hook, which runs for every answered
 *   request: successes, problem answers, 404s, Fastify's own 400/413/415. Requests Node's HTTP
 *   parser refuses before Fastify sees them (431, a malformed request line) are not counted. The
 *   duration of the debrief's event stream is how long the stream stayed open.
 * - `db_pool_connections`, `db_pool_idle_connections`, `db_pool_waiting_requests`,
 *   `db_pool_max_connections` (gauges): the `pg` pool TypeORM serves requests from, read at
 *   scrape time.
 * - Node.js and process metrics from prom-client (`process_*`, `nodejs_*`).
 */
@Injectable()
export class MetricsService implements OnModuleDestroy {
  readonly registry = new Registry();

  private readonly requests = new Counter({
    name: 'http_requests_total',
    help: 'HTTP requests answered, by method, route template and status code.',
    labelNames: ['method', 'route', 'status_code'] as const,
    registers: [this.registry],
  });

  private readonly duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Time from receiving an HTTP request to the end of its answer, by method, route template and status code.',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  constructor(@InjectDataSource() private readonly ds: DataSource) {
    collectDefaultMetrics({ register: this.registry });
    const pool = () => this.pool();
    const gauge = (name: string, help: string, read: (p: Pool) => number) =>
      new Gauge({
        name,
        help,
        registers: [this.registry],
        collect() {
          const p = pool();
          this.set(p ? read(p) : 0);
        },
      });
    gauge('db_pool_connections', 'Connections open in the database pool, idle or in use.', (p) => p.totalCount);
    gauge('db_pool_idle_connections', 'Open connections in the database pool not in use.', (p) => p.idleCount);
    gauge(
      'db_pool_waiting_requests',
      'Requests for a database connection waiting because every pooled connection is in use.',
      (p) => p.waitingCount,
    );
    gauge(
      'db_pool_max_connections',
      'The most connections the database pool opens (DB_POOL_SIZE).',
      (p) => (p as Pool & { options: { max?: number } }).options.max ?? 10,
    );
  }

  /** The `pg` pool TypeORM's PostgreSQL driver holds (`driver.master`); none while the DataSource is closed. */
  private pool(): Pool | undefined {
    if (!this.ds.isInitialized) return undefined;
    return (this.ds.driver as unknown as { master?: Pool }).master;
  }

  /**
   * Counts and times every request `fastify` answers from now on. Each series' children are looked
   * up once (prom-client hashes the labels on every `inc` and `observe` otherwise), and the hook is
   * synchronous: it runs on every request, so it allocates as little as it can.
   */
  instrument(fastify: FastifyInstance): void {
    const series = new Map<string, { requests: { inc(): void }; duration: { observe(v: number): void } }>();
    fastify.addHook('onResponse', (req, reply, done) => {
      const method = METHODS.has(req.method) ? req.method : 'other';
      const route = req.routeOptions.url ?? UNMATCHED_ROUTE;
      const status = reply.statusCode;
      const id = `${method} ${status} ${route}`;
      let s = series.get(id);
      if (!s) {
        const labels = { method, route, status_code: String(status) };
        s = { requests: this.requests.labels(labels), duration: this.duration.labels(labels) };
        series.set(id, s);
      }
      s.requests.inc();
      s.duration.observe(reply.elapsedTime / 1000);
      done();
    });
  }

  /** Every metric in the text exposition format (`contentType`). */
  text(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  onModuleDestroy(): void {
    this.registry.clear();
  }
}
