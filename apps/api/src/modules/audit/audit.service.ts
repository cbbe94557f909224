import { Injectable } from '@nestjs/common';
import {
  type AuditEventList,
  type AuditEventListQuery,
  auditFromInstant,
  auditToInstantExclusive,
} from '@scorecard/contracts';
import type { EntityManager } from 'typeorm';
import type { Caller } from '../../common/request-context.js';
import { Db } from '../../database/db.js';
import { withoutSecrets } from './audit-fields.js';
import { AuditRepository, type AuditPage, type NewAuditEvent } from './audit.repository.js';

/**
 * The audit log. Every write through the API is recorded by `AuditRecorder` (a step of the request pipeline); other code that
 * changes data outside a request (or on behalf of someone else) calls `record` itself.
 */
@Injectable()
export class AuditService {
  constructor(
    private readonly events: AuditRepository,
    private readonly db: Db,
  ) {}

  /**
   * Appends one event: on `m` when given, otherwise on the current request's transaction (so a write
   * and its event commit or roll back together), or in a transaction of its own as the event's
   * organization outside a request (after sign-up or sign-in). Field names that look like secrets
   * are dropped here, whoever the caller.
   */
  record(event: NewAuditEvent, m?: EntityManager): Promise<void> {
    const clean = { ...event, changedFields: withoutSecrets(event.changedFields) };
    if (m) return this.events.append(clean, m);
    return this.db.asTenant(event.organizationId, () => this.events.append(clean));
  }

  async list(caller: Caller, q: AuditEventListQuery): Promise<AuditEventList> {
    const page: AuditPage = q.before
      ? { direction: 'older', cursor: q.before }
      : q.after
        ? { direction: 'newer', cursor: q.after }
        : { direction: 'newest' };
    const { items, older, newer } = await this.events.list(
      caller.organizationId,
      {
        actorUserId: q.actor,
        action: q.action,
        entityType: q.entityType,
        entityId: q.entityId,
        from: q.from ? auditFromInstant(q.from) : undefined,
        toExclusive: q.to ? auditToInstantExclusive(q.to) : undefined,
      },
      page,
      q.pageSize,
    );
    return {
      items,
      pageSize: q.pageSize,
      older: older ? (items.at(-1)?.id ?? null) : null,
      newer: newer ? (items[0]?.id ?? null) : null,
    };
  }
}
