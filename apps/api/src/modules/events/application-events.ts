import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { DebriefEventKind } from '@scorecard/contracts';
import pg from 'pg';
import type { EntityManager } from 'typeorm';
import { z } from 'zod';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/env.js';

/** The PostgreSQL channel every API instance listens on. */
export const CHANNEL = 'scorecard_events';

/** What a notification says: which application changed and how, never any feedback. */
const Payload = z.object({
  organizationId: z.string().min(1),
  applicationId: z.string().min(1),
  kind: DebriefEventKind,
});
export type ApplicationEvent = z.infer<typeof Payload>;

export interface Subscriber {
  /** Called for each change of the application, and with `resync` when changes may have been missed. */
  changed(kind: DebriefEventKind): void;
  /** Called once when the server shuts down: end the stream. */
  close(): void;
}

const MIN_RETRY_MS = 250;
/**
 * The longest wait between reconnect attempts. Live updates are lost until the listener is back,
 * so after a long outage it must not sleep through the database's return: one connection attempt
 * per instance every few seconds costs nothing.
 */
export const MAX_RETRY_MS = 5_000;

/** The wait before the next reconnect attempt after `failures` failed ones: doubling, capped, with jitter. */
export function reconnectDelayMs(failures: number, random: () => number = Math.random): number {
  const base = Math.min(MAX_RETRY_MS, MIN_RETRY_MS * 2 ** Math.min(failures, 20));
  return base / 2 + random() * (base / 2);
}

/**
 * Application changes across every API instance, through PostgreSQL LISTEN/NOTIFY. Writers call
 * `notify` inside their transaction, so the event is delivered only if it commits. Each instance
 * holds one dedicated connection (not from the pool) that listens on the channel, reconnects with
 * backoff when it drops, and hands each event to this instance's subscribers of that organization
 * and application.
 */
@Injectable()
export class ApplicationEvents implements OnModuleInit, BeforeApplicationShutdown, OnApplicationShutdown {
  /** How often the listening connection proves it is alive (tests shorten it). */
  static heartbeatMs = 30_000;
  private readonly log = new Logger(ApplicationEvents.name);
  private readonly subscribers = new Map<string, Set<Subscriber>>();
  private client: pg.Client | null = null;
  private retry: NodeJS.Timeout | null = null;
  private failures = 0;
  private everConnected = false;
  private closing = false;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** Within the writer's transaction: tells every instance, on commit, that an application changed. */
  async notify(m: EntityManager, event: ApplicationEvent): Promise<void> {
    const payload: ApplicationEvent = {
      organizationId: event.organizationId,
      applicationId: event.applicationId,
      kind: event.kind,
    };
    await m.query(`select pg_notify($1, $2)`, [CHANNEL, JSON.stringify(payload)]);
  }

  /** Registers a subscriber to one application's events; returns the function that removes it. */
  subscribe(organizationId: string, applicationId: string, subscriber: Subscriber): () => void {
    if (this.closing) {
      subscriber.close();
      return () => undefined;
    }
    const key = `${organizationId}:${applicationId}`;
    let set = this.subscribers.get(key);
    if (!set) this.subscribers.set(key, (set = new Set()));
    set.add(subscriber);
    return () => {
      const current = this.subscribers.get(key);
      current?.delete(subscriber);
      if (current?.size === 0) this.subscribers.delete(key);
    };
  }

  /** How many subscribers this instance holds (for tests and diagnostics). */
  get subscriberCount(): number {
    let n = 0;
    for (const set of this.subscribers.values()) n += set.size;
    return n;
  }

  async onModuleInit(): Promise<void> {
    await this.connect();
  }

  /** Ends every stream before the HTTP server closes, so a shutdown never waits on an open stream. */
  beforeApplicationShutdown(): void {
    this.closing = true;
    for (const set of this.subscribers.values()) {
      for (const s of set) {
        try {
          s.close();
        } catch (err) {
          this.log.warn(`a subscriber failed to close: ${String(err)}`);
        }
      }
    }
    this.subscribers.clear();
  }

  async onApplicationShutdown(): Promise<void> {
    this.closing = true;
    if (this.retry) clearTimeout(this.retry);
    this.retry = null;
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    if (this.closing) return;
    // A session of its own: DATABASE_LISTEN_URL when requests go through a transaction pooler.
    const url = this.config.databaseListenUrl ?? this.config.databaseUrl;
    if (!url) throw new Error('ApplicationEvents needs the database URL the app uses');
    const client = new pg.Client({
      connectionString: url,
      application_name: 'scorecard-events',
      // A connection attempt that hangs (a server or proxy that accepts but never answers) would
      // otherwise never fail, and so never be retried: the listener would stay gone for good.
      connectionTimeoutMillis: 5_000,
      // The connection mostly reads: keep-alive and the heartbeat below notice a peer that vanished.
      keepAlive: true,
      query_timeout: 10_000,
    });
    let dropped = false;
    let heartbeat: NodeJS.Timeout | undefined = undefined;
    const drop = (why: string) => {
      if (dropped) return;
      dropped = true;
      clearInterval(heartbeat);
      if (this.client === client) this.client = null;
      void client.end().catch(() => undefined);
      if (!this.closing) {
        this.log.warn(`lost the ${CHANNEL} listener connection (${why}); reconnecting`);
        this.scheduleReconnect();
      }
    };
    client.on('error', (err) => drop(err.message));
    client.on('end', () => drop('connection ended'));
    client.on('notification', (n) => {
      if (n.channel === CHANNEL && n.payload) this.dispatch(n.payload);
    });
    try {
      await client.connect();
      await client.query(`listen ${CHANNEL}`);
    } catch (err) {
      drop(err instanceof Error ? err.message : String(err));
      return;
    }
    if (this.closing) {
      dropped = true;
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.failures = 0;
    // A connection that died silently (a failover, a cut network path) fails this query, where
    // waiting for notifications would wait forever.
    heartbeat = setInterval(() => {
      client
        .query('select 1')
        .catch((err: unknown) => drop(`heartbeat: ${err instanceof Error ? err.message : String(err)}`));
    }, ApplicationEvents.heartbeatMs);
    heartbeat.unref();
    if (this.everConnected) {
      this.log.log(`listening on ${CHANNEL} again`);
      // Notifications sent while the connection was down are lost: every subscriber refetches.
      for (const set of this.subscribers.values()) for (const s of set) s.changed('resync');
    }
    this.everConnected = true;
  }

  private scheduleReconnect(): void {
    if (this.retry || this.closing) return;
    const delay = reconnectDelayMs(this.failures);
    this.failures += 1;
    this.retry = setTimeout(() => {
      this.retry = null;
      void this.connect();
    }, delay);
    this.retry.unref();
  }

  private dispatch(raw: string): void {
    let event: ApplicationEvent;
    try {
      const parsed = Payload.safeParse(JSON.parse(raw));
      if (!parsed.success) return;
      event = parsed.data;
    } catch {
      return;
    }
    const set = this.subscribers.get(`${event.organizationId}:${event.applicationId}`);
    if (!set) return;
    for (const s of set) s.changed(event.kind);
  }
}
