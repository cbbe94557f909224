import { AsyncLocalStorage } from 'node:async_hooks';
import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { auditEntityType, type Endpoint, endpoints, isAudited } from '@scorecard/contracts';
import type { FastifyRequest } from 'fastify';
import { concatMap, Observable } from 'rxjs';
import { ENDPOINT } from '../../common/route.decorator.js';
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
 * table flags `audited`), and for every request made with an API token, once its handler has succeeded. A request that fails records nothing. A
 * new route is covered the moment it is in the endpoint table; nothing else to do.
 */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly audit: AuditService,
  ) {}

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    const endpoint = this.reflector.get<Endpoint | undefined>(ENDPOINT, ctx.getHandler());
    if (!endpoint || endpoint.auditedByHandler) return next.handle();
    const req = ctx.switchToHttp().getRequest<FastifyRequest>();
    // Every request made with an API token is recorded, reads too, and even a write that changed nothing.
    const viaToken = req.caller?.apiToken !== undefined;
    if (!viaToken && !isAudited(endpoint)) return next.handle();
    const state = { unchanged: false };
    // The handler runs when the stream is subscribed to: inside `outcome`, so it can say "no change".
    const handled = new Observable<unknown>((subscriber) =>
      outcome.run(state, () => next.handle().subscribe(subscriber)),
    );
    return handled.pipe(
      concatMap(async (response: unknown) => {
        if (state.unchanged && !viaToken) return response;
        const event = auditEventFor(endpoint, req, response);
        if (event) await this.audit.record(event);
        return response;
      }),
    );
  }
}
