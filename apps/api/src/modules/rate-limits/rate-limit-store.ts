import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

/** One counter to take a point from: its key and the length of its fixed window. */
export interface Bucket {
  key: string;
  windowSeconds: number;
  /** Points to take at once (1 unless a lease of several is taken: see `LeasedCounters`). */
  points?: number;
}

/** A counter after this request was counted: points used in the window (this one's included), and when the window ends. */
export interface Count {
  key: string;
  points: number;
  /** Seconds until the window ends and the count starts again (at least 1). */
  resetSeconds: number;
  /** The same in milliseconds, as the database counted it. */
  resetMs: number;
}

/**
 * Fixed-window counters in the `rate_limits` table (rate-limiter-flexible's shape: key, points,
 * expire in epoch milliseconds), shared by every instance. `consume` counts a request against
 * several counters in ONE statement (`insert … on conflict do update … returning`): PostgreSQL
 * locks each row while it adds the point, so parallel requests are counted one after the other and
 * each sees the count its own point made; nothing is checked before it is counted. The statement
 * runs on its own pooled connection, never inside the request's transaction, so a counter row is
 * locked only for that statement. Keys are locked in sorted order, so two statements never deadlock.
 */
@Injectable()
export class RateLimitStore {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async consume(buckets: readonly Bucket[]): Promise<Map<string, Count>> {
    const unique = [...new Map(buckets.map((b) => [b.key, b])).values()];
    const sorted = unique.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    const rows = await this.ds.query<{ key: string; points: number; reset_ms: string }[]>(
      `with now as (select (extract(epoch from clock_timestamp()) * 1000)::bigint as ms)
       insert into rate_limits as r (key, points, expire)
       select b.key, b.points, now.ms + b.window_ms
         from unnest($1::text[], $2::bigint[], $3::int[]) with ordinality as b(key, window_ms, points, n), now
        order by b.n
       on conflict (key) do update
          set points = case when r.expire <= (select ms from now) then excluded.points else r.points + excluded.points end,
              expire = case when r.expire <= (select ms from now) then excluded.expire else r.expire end
       returning r.key, r.points, r.expire - (select ms from now) as reset_ms`,
      [sorted.map((b) => b.key), sorted.map((b) => b.windowSeconds * 1000), sorted.map((b) => b.points ?? 1)],
    );
    // Expired counters are reset by the next request for their key; now and then the rest are dropped.
    if (Math.random() < 0.01) void this.sweep();
    return new Map(
      rows.map((r) => [
        r.key,
        {
          key: r.key,
          points: r.points,
          resetSeconds: Math.max(1, Math.ceil(Number(r.reset_ms) / 1000)),
          resetMs: Number(r.reset_ms),
        },
      ]),
    );
  }

  /** Takes `points` back from a counter (never below zero), e.g. a sign-in attempt that turned out right. */
  async refund(key: string, points: number): Promise<void> {
    await this.ds.query(`update rate_limits set points = greatest(0, points - $2) where key = $1`, [key, points]);
  }

  async delete(key: string): Promise<void> {
    await this.ds.query(`delete from rate_limits where key = $1`, [key]);
  }

  private async sweep(): Promise<void> {
    try {
      await this.ds.query(
        `delete from rate_limits where expire < (extract(epoch from clock_timestamp()) * 1000)::bigint`,
      );
    } catch {
      // Best effort: the next sweep tries again.
    }
  }
}
