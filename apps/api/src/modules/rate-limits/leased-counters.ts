import { Injectable } from '@nestjs/common';
import { type Count, RateLimitStore } from './rate-limit-store.js';

/** A counter to count one request against, with its limit. */
export interface LeasedBucket {
  key: string;
  windowSeconds: number;
  quota: number;
}

/** Points this instance took from a shared counter at once, handed out to its requests one by one. */
interface Lease {
  /** The point the next request gets (the counter's total as the lease was taken, minus its size, plus one, onwards). */
  next: number;
  /** The last point of the lease. */
  last: number;
  /** When the counter's window ends (epoch ms): the lease is worth nothing after it. */
  expiresAt: number;
}

/** How many points one lease takes: a twentieth of the quota, at least one. */
export function leaseSize(quota: number): number {
  return Math.max(1, Math.floor(quota / 20));
}

/**
 * The request limits' counters, counted in leases: instead of one statement per request, an
 * instance takes `leaseSize(quota)` points of a shared counter at once (one statement, the same
 * `RateLimitStore.consume`) and hands them to its next requests one by one. A request costs a
 * statement only when it finds its lease used up, so a limit of 600 a minute costs one statement
 * per 30 requests, and ten requests at once from one address no longer queue on one locked row.
 *
 * What stays exact: no counter hands out more points than its quota, across all instances, because
 * every point is taken from the shared row first; the request that gets point `quota + 1` is the
 * first refused, as before. What changes: points an instance took but did not hand out before the
 * window ended (or before it stopped) count as used, so a client spread over several instances may
 * be refused up to one lease per instance early. A quota under 40 takes leases of one point: the
 * count is then exactly the one-statement-per-request count (the sign-in limits and every test
 * quota). A lease that is over the quota is kept until its window ends, so a client that is being
 * refused costs no statement at all. Requests of one key that find its lease used up while another
 * request is taking the next one wait for that lease instead of each taking their own: without it, a
 * burst at the start of a window (300 people behind one address, `pnpm load --day`) took a lease per
 * request and used up a quota of 1,000,000 in one second; the limit refused everyone until the window ended.
 */
@Injectable()
export class LeasedCounters {
  private readonly leases = new Map<string, Lease>();
  /** The lease being taken for a key: resolves (never rejects) once it is in `leases` or failed. */
  private readonly renewing = new Map<string, Promise<void>>();

  constructor(private readonly store: RateLimitStore) {}

  /**
   * The counts from the leases this instance holds, without waiting: null when one of the buckets
   * needs a lease (none, used up or expired) or is waiting for one, and then `consume` takes it. A
   * request that only hands out leased points (nearly all of them) creates no promise at all.
   */
  takeNow(buckets: readonly LeasedBucket[]): Map<string, Count> | null {
    const now = Date.now();
    for (const b of buckets) {
      if (this.renewing.has(b.key)) return null;
      const lease = this.leases.get(b.key);
      if (!lease || lease.expiresAt <= now || (lease.next > lease.last && lease.last <= b.quota)) return null;
    }
    const counts = new Map<string, Count>();
    for (const b of buckets) {
      const lease = this.leases.get(b.key)!;
      counts.set(
        b.key,
        lease.next <= lease.last
          ? this.take(b.key, lease, now)
          : // Over the quota until the window ends: refused without asking the database again.
            { key: b.key, points: lease.last + 1, ...left(lease, now) },
      );
    }
    return counts;
  }

  async consume(buckets: readonly LeasedBucket[]): Promise<Map<string, Count>> {
    // A lease of one of these keys on its way serves this request too: wait for it, then look again
    // (from here to registering this request's own renewal below nothing awaits, so no two overlap).
    for (;;) {
      const pending = buckets.map((b) => this.renewing.get(b.key)).filter((p) => p !== undefined);
      if (pending.length === 0) break;
      await Promise.all(pending);
    }
    const now = Date.now();
    const counts = new Map<string, Count>();
    const renew: LeasedBucket[] = [];
    for (const b of buckets) {
      const lease = this.leases.get(b.key);
      if (lease && lease.expiresAt > now && lease.next <= lease.last) counts.set(b.key, this.take(b.key, lease, now));
      else if (lease && lease.expiresAt > now && lease.last > b.quota) {
        // Over the quota until the window ends: refused without asking the database again.
        counts.set(b.key, { key: b.key, points: lease.last + 1, ...left(lease, now) });
      } else renew.push(b);
    }
    if (renew.length === 0) return counts;
    if (this.leases.size > 10_000) this.dropExpired(now);
    const renewal = this.store.consume(
      renew.map((b) => ({ key: b.key, windowSeconds: b.windowSeconds, points: leaseSize(b.quota) })),
    );
    // The waiters look again only after this request has stored its lease (their callbacks run after
    // this one's, one promise step later), and a failed statement lets them try their own.
    const settled = renewal.then(
      () => undefined,
      () => undefined,
    );
    for (const b of renew) this.renewing.set(b.key, settled);
    let taken: Map<string, Count>;
    try {
      taken = await renewal;
    } finally {
      for (const b of renew) if (this.renewing.get(b.key) === settled) this.renewing.delete(b.key);
    }
    const after = Date.now();
    for (const b of renew) {
      const c = taken.get(b.key)!;
      const lease = { next: c.points - leaseSize(b.quota) + 1, last: c.points, expiresAt: after + c.resetMs };
      // A window that ended just before this lease may have started the counter again at fewer points.
      lease.next = Math.max(1, lease.next);
      this.leases.set(b.key, lease);
      counts.set(b.key, this.take(b.key, lease, after));
    }
    return counts;
  }

  private take(key: string, lease: Lease, now: number): Count {
    const points = lease.next;
    lease.next += 1;
    return { key, points, ...left(lease, now) };
  }

  private dropExpired(now: number): void {
    for (const [key, lease] of this.leases) if (lease.expiresAt <= now) this.leases.delete(key);
  }
}

function left(lease: Lease, now: number): Pick<Count, 'resetSeconds' | 'resetMs'> {
  const ms = Math.max(0, lease.expiresAt - now);
  return { resetSeconds: Math.max(1, Math.ceil(ms / 1000)), resetMs: ms };
}
