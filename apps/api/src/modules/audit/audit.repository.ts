import { Injectable } from '@nestjs/common';
import type { AuditEvent } from '@scorecard/contracts';
import type { EntityManager } from 'typeorm';
import { Db } from '../../database/db.js';

/** One audit event to append; the database stamps its id and time. */
export interface NewAuditEvent {
  organizationId: string;
  actorUserId: string | null;
  /** The endpoint's operation name, e.g. `createCandidate`. */
  action: string;
  entityType: string;
  entityId: string | null;
  /** Field names only, already stripped of secrets. */
  changedFields: readonly string[];
  requestId: string | null;
}

/** What the audit log is filtered and paged by (bounds already resolved to instants). */
export interface AuditFilter {
  actorUserId?: string | undefined;
  action?: string | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
  /** Inclusive. */
  from?: Date | undefined;
  /** Exclusive. */
  toExclusive?: Date | undefined;
}

export type AuditPage =
  { direction: 'newest' } | { direction: 'older'; cursor: string } | { direction: 'newer'; cursor: string };

interface EventRow {
  id: string;
  occurred_at: Date;
  actor_user_id: string | null;
  actor_name: string | null;
  actor_email: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  changed_fields: string[];
  request_id: string | null;
}

function toEvent(r: EventRow): AuditEvent {
  return {
    id: r.id,
    occurredAt: r.occurred_at.toISOString(),
    actor:
      r.actor_user_id && r.actor_name !== null
        ? { id: r.actor_user_id, name: r.actor_name, email: r.actor_email ?? '' }
        : null,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    changedFields: r.changed_fields,
    requestId: r.request_id,
  };
}

@Injectable()
export class AuditRepository {
  constructor(private readonly db: Db) {}

  /** Appends one event; the table refuses updates and deletes. */
  async append(event: NewAuditEvent, m: EntityManager = this.db.manager): Promise<void> {
    await m.query(
      `insert into audit_events
              (organization_id, actor_user_id, action, entity_type, entity_id, changed_fields, request_id)
       values ($1, $2, $3, $4, $5, $6::text[], $7)`,
      [
        event.organizationId,
        event.actorUserId,
        event.action,
        event.entityType,
        event.entityId,
        [...event.changedFields],
        event.requestId,
      ],
    );
  }

  /**
   * One page of the organization's events, newest first, by keyset on (occurred_at, id) from the
   * cursor event: `limit + 1` rows are read to tell whether more lie beyond the page, and, with a
   * cursor, one `exists` tells whether any lie on its other side.
   */
  async list(
    organizationId: string,
    filter: AuditFilter,
    page: AuditPage,
    limit: number,
    m: EntityManager = this.db.manager,
  ): Promise<{ items: AuditEvent[]; older: boolean; newer: boolean }> {
    const args: unknown[] = [organizationId];
    const where = ['e.organization_id = $1'];
    const add = (sql: (p: string) => string, value: unknown) => {
      args.push(value);
      where.push(sql(`$${args.length}`));
    };
    if (filter.actorUserId) add((p) => `e.actor_user_id = ${p}`, filter.actorUserId);
    if (filter.action) add((p) => `e.action = ${p}`, filter.action);
    if (filter.entityType) add((p) => `e.entity_type = ${p}`, filter.entityType);
    if (filter.entityId) add((p) => `e.entity_id = ${p}`, filter.entityId);
    if (filter.from) add((p) => `e.occurred_at >= ${p}`, filter.from);
    if (filter.toExclusive) add((p) => `e.occurred_at < ${p}`, filter.toExclusive);
    const filterArgs = args.length;

    let cursorCte = '';
    let cursorJoin = '';
    let beyond = '';
    let behind = '';
    if (page.direction !== 'newest') {
      args.push(page.cursor);
      cursorCte = `with c as (select occurred_at, id from audit_events where organization_id = $1 and id = $${args.length}) `;
      cursorJoin = ' cross join c';
      const [ahead, back] = page.direction === 'older' ? ['<', '>'] : ['>', '<'];
      beyond = ` and (e.occurred_at, e.id) ${ahead} (c.occurred_at, c.id)`;
      behind = ` and (e.occurred_at, e.id) ${back} (c.occurred_at, c.id)`;
    }
    const order = page.direction === 'newer' ? 'asc' : 'desc';
    args.push(limit + 1);
    const rows: EventRow[] = await m.query(
      `${cursorCte}select e.id, e.occurred_at, e.actor_user_id, u.name as actor_name, u.email as actor_email,
              e.action, e.entity_type, e.entity_id, e.changed_fields, e.request_id
         from audit_events e${cursorJoin}
         left join users u on u.organization_id = e.organization_id and u.id = e.actor_user_id
        where ${where.join(' and ')}${beyond}
        order by e.occurred_at ${order}, e.id ${order}
        limit $${args.length}`,
      args,
    );
    const more = rows.length > limit;
    const pageRows = rows.slice(0, limit);
    if (page.direction === 'newer') pageRows.reverse();

    let otherSide = false;
    if (page.direction !== 'newest') {
      const [r]: { found: boolean }[] = await m.query(
        `${cursorCte}select exists (select 1 from audit_events e${cursorJoin}
                where ${where.join(' and ')}${behind}) as found`,
        [...args.slice(0, filterArgs), page.cursor],
      );
      otherSide = r?.found ?? false;
    }
    return {
      items: pageRows.map(toEvent),
      older: page.direction === 'newer' ? otherSide : more,
      newer: page.direction === 'newest' ? false : page.direction === 'newer' ? more : otherSide,
    };
  }
}
