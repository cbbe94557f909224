import { Injectable } from '@nestjs/common';
import type {
  WebhookDelivery,
  WebhookDeliveryStatus,
  WebhookDisabledReason,
  WebhookEndpoint,
  WebhookEventType,
  WebhookPayloadType,
} from '@scorecard/contracts';
import { Db, type Col, type Cols } from '../../database/db.js';

type EndpointRow = Cols<
  'webhook_endpoints',
  'id' | 'url' | 'description' | 'events' | 'enabled' | 'disabled_reason' | 'disabled_at' | 'created_at'
> & {
  last_status: Col<'webhook_deliveries', 'status'> | null;
  last_response_code: number | null;
  last_attempted_at: Date | null;
};

type DeliveryRow = Cols<
  'webhook_deliveries',
  | 'id'
  | 'event_id'
  | 'status'
  | 'attempts'
  | 'last_response_code'
  | 'last_error'
  | 'last_duration_ms'
  | 'last_attempted_at'
  | 'next_attempt_at'
  | 'created_at'
> & { event_type: string };

function toEndpoint(r: EndpointRow): WebhookEndpoint {
  return {
    id: r.id,
    url: r.url,
    description: r.description,
    events: r.events as WebhookEventType[],
    enabled: r.enabled,
    disabledReason: r.disabled_reason as WebhookDisabledReason | null,
    disabledAt: r.disabled_at?.toISOString() ?? null,
    createdAt: r.created_at.toISOString(),
    lastDelivery:
      r.last_status && r.last_attempted_at
        ? {
            status: r.last_status as WebhookDeliveryStatus,
            responseCode: r.last_response_code,
            attemptedAt: r.last_attempted_at.toISOString(),
          }
        : null,
  };
}

function toDelivery(r: DeliveryRow): WebhookDelivery {
  return {
    id: r.id,
    eventId: r.event_id,
    eventType: r.event_type as WebhookPayloadType,
    status: r.status as WebhookDeliveryStatus,
    attempts: r.attempts,
    responseCode: r.last_response_code,
    error: r.last_error,
    durationMs: r.last_duration_ms,
    attemptedAt: r.last_attempted_at?.toISOString() ?? null,
    nextAttemptAt: r.next_attempt_at?.toISOString() ?? null,
    createdAt: r.created_at.toISOString(),
  };
}

const ENDPOINT_SELECT = `
  select e.id, e.url, e.description, e.events, e.enabled, e.disabled_reason, e.disabled_at, e.created_at,
         l.status as last_status, l.last_response_code, l.last_attempted_at
    from webhook_endpoints e
    left join lateral (
      select d.status, d.last_response_code, d.last_attempted_at
        from webhook_deliveries d
       where d.organization_id = e.organization_id and d.endpoint_id = e.id and d.last_attempted_at is not null
       order by d.last_attempted_at desc
       limit 1
    ) l on true`;

const DELIVERY_SELECT = `
  select d.id, d.event_id, d.status, d.attempts, d.last_response_code, d.last_error, d.last_duration_ms,
         d.last_attempted_at, d.next_attempt_at, d.created_at, ev.type as event_type
    from webhook_deliveries d
    join webhook_events ev on ev.organization_id = d.organization_id and ev.id = d.event_id`;

/** A delivery claimed for one attempt: everything the request needs. */
export interface ClaimedDelivery {
  id: string;
  endpointId: string;
  url: string;
  sealedSecret: string;
  eventId: string;
  eventType: string;
  payload: { type: string; version: number; timestamp: string; data: Record<string, unknown> };
  seriesAttempt: number;
  seriesStartedAt: Date | null;
}

export interface AttemptResult {
  succeeded: boolean;
  responseCode: number | null;
  error: string | null;
  durationMs: number;
}

/** Webhook endpoints, the outbox of events, deliveries and their attempts. */
@Injectable()
export class WebhooksRepository {
  constructor(private readonly db: Db) {}

  // ---- endpoints ----

  async list(
    organizationId: string,
    page: number,
    pageSize: number,
  ): Promise<{ items: WebhookEndpoint[]; total: number }> {
    const [rows, [count]] = await Promise.all([
      this.db.query<EndpointRow[]>(
        `${ENDPOINT_SELECT} where e.organization_id = $1 order by e.created_at desc, e.id limit $2 offset $3`,
        [organizationId, pageSize, (page - 1) * pageSize],
      ),
      this.db.query<{ total: number }[]>(
        `select count(*)::int as total from webhook_endpoints where organization_id = $1`,
        [organizationId],
      ),
    ]);
    return { items: rows.map(toEndpoint), total: count?.total ?? 0 };
  }

  async find(organizationId: string, id: string): Promise<WebhookEndpoint | null> {
    const [row] = await this.db.query<EndpointRow[]>(`${ENDPOINT_SELECT} where e.organization_id = $1 and e.id = $2`, [
      organizationId,
      id,
    ]);
    return row ? toEndpoint(row) : null;
  }

  async insert(
    organizationId: string,
    input: { url: string; description: string; events: string[]; sealedSecret: string; createdBy: string },
  ): Promise<string> {
    const [row] = await this.db.query<Cols<'webhook_endpoints', 'id'>[]>(
      `insert into webhook_endpoints (organization_id, url, description, events, secret, created_by)
       values ($1, $2, $3, $4, $5, $6) returning id`,
      [organizationId, input.url, input.description, input.events, input.sealedSecret, input.createdBy],
    );
    return row!.id;
  }

  /** Applies the given changes; `enabled` false records a manual switch-off, true clears it. False when not found. */
  async update(
    organizationId: string,
    id: string,
    changes: { url?: string; description?: string; events?: string[]; enabled?: boolean },
  ): Promise<boolean> {
    const [, count] = await this.db.query<[unknown, number]>(
      `update webhook_endpoints
          set url = coalesce($3, url),
              description = coalesce($4, description),
              events = coalesce($5::text[], events),
              disabled_at = case when $6::boolean is null then disabled_at when $6 then null
                                 when enabled then now() else disabled_at end,
              disabled_reason = case when $6::boolean is null then disabled_reason when $6 then null
                                     when enabled then 'manual' else disabled_reason end,
              enabled = coalesce($6::boolean, enabled),
              updated_at = now()
        where organization_id = $1 and id = $2`,
      [
        organizationId,
        id,
        changes.url ?? null,
        changes.description ?? null,
        changes.events ?? null,
        changes.enabled ?? null,
      ],
    );
    return count > 0;
  }

  async delete(organizationId: string, id: string): Promise<boolean> {
    const [, count] = await this.db.query<[unknown, number]>(
      `delete from webhook_endpoints where organization_id = $1 and id = $2`,
      [organizationId, id],
    );
    return count > 0;
  }

  /** The sealed secret and state of an endpoint, or null. */
  async endpointState(organizationId: string, id: string): Promise<{ enabled: boolean } | null> {
    const [row] = await this.db.query<Cols<'webhook_endpoints', 'enabled'>[]>(
      `select enabled from webhook_endpoints where organization_id = $1 and id = $2`,
      [organizationId, id],
    );
    return row ?? null;
  }

  // ---- outbox ----

  /**
   * Writes the event and one pending delivery per enabled endpoint subscribed to its type, in one
   * statement; writes nothing when no endpoint subscribes. Returns the new deliveries' ids.
   */
  async emit(
    organizationId: string,
    event: { id: string; type: WebhookEventType; payload: object; occurredAt: Date },
  ): Promise<string[]> {
    const rows = await this.db.query<Cols<'webhook_deliveries', 'id'>[]>(
      `with ev as (
         insert into webhook_events (organization_id, id, type, payload, occurred_at)
         select $1, $2, $3, $4, $5
          where exists (select 1 from webhook_endpoints
                         where organization_id = $1 and enabled and $3 = any(events))
         returning organization_id, id, occurred_at
       )
       insert into webhook_deliveries (organization_id, endpoint_id, event_id, next_attempt_at, created_at)
       select ev.organization_id, e.id, ev.id, ev.occurred_at, ev.occurred_at
         from ev
         join webhook_endpoints e on e.organization_id = ev.organization_id and e.enabled and $3 = any(e.events)
       returning id`,
      [organizationId, event.id, event.type, JSON.stringify(event.payload), event.occurredAt],
    );
    return rows.map((r) => r.id);
  }

  /** The test event and its one delivery, to `endpointId` only. */
  async emitTest(
    organizationId: string,
    endpointId: string,
    event: { id: string; payload: object; occurredAt: Date },
  ): Promise<string> {
    const [row] = await this.db.query<Cols<'webhook_deliveries', 'id'>[]>(
      `with ev as (
         insert into webhook_events (organization_id, id, type, payload, occurred_at)
         values ($1, $3, 'webhook.test', $4, $5)
         returning organization_id, id, occurred_at
       )
       insert into webhook_deliveries (organization_id, endpoint_id, event_id, next_attempt_at, created_at)
       select ev.organization_id, $2, ev.id, ev.occurred_at, ev.occurred_at from ev
       returning id`,
      [organizationId, endpointId, event.id, JSON.stringify(event.payload), event.occurredAt],
    );
    return row!.id;
  }

  // ---- deliveries ----

  async listDeliveries(
    organizationId: string,
    endpointId: string,
    page: number,
    pageSize: number,
  ): Promise<{ items: WebhookDelivery[]; total: number }> {
    const [rows, [count]] = await Promise.all([
      this.db.query<DeliveryRow[]>(
        `${DELIVERY_SELECT} where d.organization_id = $1 and d.endpoint_id = $2
          order by d.created_at desc, d.id desc limit $3 offset $4`,
        [organizationId, endpointId, pageSize, (page - 1) * pageSize],
      ),
      this.db.query<{ total: number }[]>(
        `select count(*)::int as total from webhook_deliveries where organization_id = $1 and endpoint_id = $2`,
        [organizationId, endpointId],
      ),
    ]);
    return { items: rows.map(toDelivery), total: count?.total ?? 0 };
  }

  async findDelivery(organizationId: string, endpointId: string, id: string): Promise<WebhookDelivery | null> {
    const [row] = await this.db.query<DeliveryRow[]>(
      `${DELIVERY_SELECT} where d.organization_id = $1 and d.endpoint_id = $2 and d.id = $3`,
      [organizationId, endpointId, id],
    );
    return row ? toDelivery(row) : null;
  }

  /** Starts a new series of attempts for a delivery, due at `now`. False when not found. */
  async restart(organizationId: string, endpointId: string, id: string, now: Date): Promise<boolean> {
    const [, count] = await this.db.query<[unknown, number]>(
      `update webhook_deliveries
          set status = 'pending', series_attempt = 0, series_started_at = null, next_attempt_at = $4, lease_until = null
        where organization_id = $1 and endpoint_id = $2 and id = $3`,
      [organizationId, endpointId, id, now],
    );
    return count > 0;
  }

  /**
   * Claims a due delivery for one attempt (a lease of `leaseSeconds`), so that two workers never
   * send it at once; null when it is not due, not pending, leased, or its endpoint is switched off.
   */
  async claim(organizationId: string, id: string, now: Date, leaseSeconds: number): Promise<ClaimedDelivery | null> {
    // An update answers [rows, count].
    const [[row]] = await this.db.query<
      [
        {
          id: string;
          endpoint_id: string;
          url: string;
          secret: string;
          event_id: string;
          event_type: string;
          payload: ClaimedDelivery['payload'];
          series_attempt: number;
          series_started_at: Date | null;
        }[],
        number,
      ]
    >(
      `update webhook_deliveries d
          set lease_until = $3::timestamptz + make_interval(secs => $4)
         from webhook_endpoints e, webhook_events ev
        where d.organization_id = $1 and d.id = $2 and d.status = 'pending' and d.next_attempt_at <= $3
          and (d.lease_until is null or d.lease_until < $3)
          and e.organization_id = d.organization_id and e.id = d.endpoint_id and e.enabled
          and ev.organization_id = d.organization_id and ev.id = d.event_id
       returning d.id, e.id as endpoint_id, e.url, e.secret, ev.id as event_id, ev.type as event_type, ev.payload,
                 d.series_attempt, d.series_started_at`,
      [organizationId, id, now, leaseSeconds],
    );
    if (!row) return null;
    return {
      id: row.id,
      endpointId: row.endpoint_id,
      url: row.url,
      sealedSecret: row.secret,
      eventId: row.event_id,
      eventType: row.event_type,
      payload: row.payload,
      seriesAttempt: row.series_attempt,
      seriesStartedAt: row.series_started_at,
    };
  }

  /**
   * Records attempt `seriesAttempt` (1-based) of a claimed delivery and what follows: succeeded,
   * pending again at `nextAttemptAt`, or failed for good (`nextAttemptAt` null after a failure).
   */
  async recordAttempt(
    organizationId: string,
    id: string,
    input: AttemptResult & { at: Date; seriesAttempt: number; nextAttemptAt: Date | null },
  ): Promise<void> {
    const status = input.succeeded ? 'succeeded' : input.nextAttemptAt ? 'pending' : 'failed';
    await this.db.query(
      `with d as (
         update webhook_deliveries
            set status = $3, attempts = attempts + 1, series_attempt = $4,
                series_started_at = coalesce(series_started_at, $5),
                next_attempt_at = $6, lease_until = null, last_attempted_at = $5,
                last_response_code = $7, last_error = $8, last_duration_ms = $9
          where organization_id = $1 and id = $2
          returning organization_id, id, attempts
       )
       insert into webhook_delivery_attempts
         (organization_id, delivery_id, attempt, attempted_at, succeeded, response_code, error, duration_ms)
       select organization_id, id, attempts, $5, $10, $7, $8, $9 from d`,
      [
        organizationId,
        id,
        status,
        input.seriesAttempt,
        input.at,
        input.succeeded ? null : input.nextAttemptAt,
        input.responseCode,
        input.error,
        input.durationMs,
        input.succeeded,
      ],
    );
  }

  /** When anything sent to the endpoint last succeeded, or null. */
  async lastSuccessAt(organizationId: string, endpointId: string): Promise<Date | null> {
    const [row] = await this.db.query<{ at: Date | null }[]>(
      `select max(a.attempted_at) as at
         from webhook_delivery_attempts a
         join webhook_deliveries d on d.organization_id = a.organization_id and d.id = a.delivery_id
        where a.organization_id = $1 and d.endpoint_id = $2 and a.succeeded`,
      [organizationId, endpointId],
    );
    return row?.at ?? null;
  }

  /**
   * Switches a failing endpoint off and fails its pending deliveries; false when it was off already
   * (another worker got there first).
   */
  async disableFailing(organizationId: string, endpointId: string, now: Date): Promise<boolean> {
    const [, count] = await this.db.query<[unknown, number]>(
      `update webhook_endpoints
          set enabled = false, disabled_at = $3, disabled_reason = 'failing', updated_at = now()
        where organization_id = $1 and id = $2 and enabled`,
      [organizationId, endpointId, now],
    );
    if (count === 0) return false;
    await this.db.query(
      `update webhook_deliveries
          set status = 'failed', next_attempt_at = null, lease_until = null, last_error = 'endpoint disabled'
        where organization_id = $1 and endpoint_id = $2 and status = 'pending'`,
      [organizationId, endpointId],
    );
    return true;
  }

  /** Pending deliveries due at `now`, oldest first (the controllable clock's entry point). */
  async due(organizationId: string, now: Date, limit: number): Promise<string[]> {
    const rows = await this.db.query<Cols<'webhook_deliveries', 'id'>[]>(
      `select id from webhook_deliveries
        where organization_id = $1 and status = 'pending' and next_attempt_at <= $2
        order by next_attempt_at, id limit $3`,
      [organizationId, now, limit],
    );
    return rows.map((r) => r.id);
  }

  /** The active admins of the organization, to tell when an endpoint is switched off. */
  async adminIds(organizationId: string): Promise<string[]> {
    const rows = await this.db.query<Cols<'users', 'id'>[]>(
      `select id from users where organization_id = $1 and role = 'admin' and active order by id`,
      [organizationId],
    );
    return rows.map((r) => r.id);
  }
}
