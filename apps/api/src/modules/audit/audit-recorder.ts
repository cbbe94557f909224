import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable } from '@nestjs/common';
import { auditEntityType, type Endpoint, endpoints, isAudited } from '@scorecard/contracts';
import type { FastifyRequest } from 'fastify';
import { changedFieldNames } from './audit-fields.js';
import type { NewAuditEvent } from './audit.repository.js';
import { AuditService } from './audit.service.js';

const NAMES = new Map<Endpoint, string>((Object.entries(endpoints) as [string, Endpoint][]).map(([n, e]) => [e, n]));

/** The operation name of an endpoint of the table (`createCandidate`). */
export function actionOf(endpoint: Endpoint): string {
  return NAMES.get(endpoint) ?? `${endpoint.method.toUpperCase()} ${endpoint.path}`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const uuid = (v: unknown): string | null => (typeof v === 'string' && UUID.test(v) ? v : null);
const field = (v: unknown, key: string): unknown =>
  typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[key] : undefined;
const camel = (snake: string) => snake.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/**
 * The audit event of a request that succeeded, or null when it names no organization (nobody was
 * signed in and the answer names no one). Who: the caller, or for sign-up and sign-in the user in
 * the answer. What: the path's `:id`, else the answer's `id`, else the answer's object of the
 * entity's kind (`organization.id` for sign-up). Fields: the names of those the body set.
 */
export function auditEventFor(
  endpoint: Endpoint,
  req: Pick<FastifyRequest, 'caller' | 'params' | 'sentBody' | 'id'>,
  response: unknown,
): NewAuditEvent | null {
  const entityType = auditEntityType(endpoint);
  const organizationId = req.caller?.organizationId ?? uuid(field(field(response, 'organization'), 'id'));
  if (!organizationId) return null;
  return {
    organizationId,
    actorUserId: req.caller?.userId ?? uuid(field(field(response, 'user'), 'id')),
    action: actionOf(endpoint),
    entityType,
    entityId:
      uuid(field(req.params, 'id')) ??
      uuid(field(response, 'id')) ??
      uuid(field(field(response, camel(entityType)), 'id')),
    changedFields: changedFieldNames(endpoint.body, req.sentBody),
    requestId: req.id ? String(req.id) : null,
    // Who acted through an API token: the token, beside its creator as the actor.
    ...(req.caller?.apiToken ? { apiTokenId: req.caller.apiToken.id } : {}),
  };
}

/** Per audited request: whether its handler said it changed nothing. */
const outcome = new AsyncLocalStorage<{ unchanged: boolean }>();

/**
 * Called by a service whose write turned out to change nothing (a scorecard submitted again): the
 * request answers as usual but writes no audit event. Outside an audited request it does nothing.
 */
export function auditNothingChanged(): void {
  const current = outcome.getStore();
  if (current) current.unchanged = true;
}

/**
 * Records one audit event for every request to a write endpoint (any method but GET, or a GET the
 * table flags `audited`), and for every request made with an API token, once its handler has
 * succeeded, in the request's transaction. A request that fails records nothing. A new route is
 * covered the moment it is in the endpoint table; nothing else to do. The innermost step of the
 * request pipeline (`common/request-pipeline.ts`).
 */
@Injectable()
export class AuditRecorder {
  constructor(private readonly audit: AuditService) {}

  /** Whether a request to `endpoint` by this caller is recorded at all (so the pipeline can skip the step). */
  records(endpoint: Endpoint, req: FastifyRequest): boolean {
    if (endpoint.auditedByHandler) return false;
    // Every request made with an API token is recorded, reads too, and even a write that changed nothing.
    return req.caller?.apiToken !== undefined || isAudited(endpoint);
  }

  /** Runs `handler` (which `records` said is recorded) and records its event once it has succeeded. */
  async around(endpoint: Endpoint, req: FastifyRequest, handler: () => Promise<unknown>): Promise<unknown> {
    const viaToken = req.caller?.apiToken !== undefined;
    const state = { unchanged: false };
    // The handler runs inside `outcome`, so it can say "no change".
    const response = await outcome.run(state, handler);
    if (state.unchanged && !viaToken) return response;
    const event = auditEventFor(endpoint, req, response);
    if (event) await this.audit.record(event);
    return response;
  }
}
