import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Endpoint } from '@scorecard/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { from, lastValueFrom, type Observable } from 'rxjs';
import { Db } from '../database/db.js';
import { AuditRecorder } from '../modules/audit/audit-recorder.js';
import { IdempotentPost } from '../modules/idempotency/idempotent-post.js';
import { ENDPOINT } from './route.decorator.js';
import { validateInput } from './validate-input.js';

/**
 * The one global interceptor: every route's request passes these steps, in this order, around its
 * handler.
 *
 * 1. **Validation** (`validate-input.ts`): params, query and body against the endpoint's schemas;
 *    the handler receives the parsed values. A refusal happens before anything is read or written.
 * 2. **The tenant transaction** (`Db.asTenant`): a signed-in request runs in one transaction as the
 *    caller's organization, so row-level security applies to every query of the handler, and a
 *    request that fails changes nothing. Public routes (sign-up, sign-in, health) open their own
 *    blocks where they need one.
 * 3. **Idempotency** (`IdempotentPost`): a signed-in POST with `Idempotency-Key` answers a retry
 *    with the first answer, inside the transaction and outside the audit step, so a replay skips
 *    both the handler and the audit event.
 * 4. **Audit** (`AuditRecorder`): a write (or any request with an API token) is recorded once its
 *    handler has succeeded, in the same transaction.
 *
 * They were four Nest interceptors. Nest runs a route without interceptors on a fast path and
 * builds an rxjs chain per interceptor per request otherwise (about 30 µs for the first and 15 µs
 * for each next one here); one interceptor that awaits its steps in plain async code costs the
 * chain once, and a request that needs no step after validation (a public read) returns the
 * handler's stream untouched. docs/PERFORMANCE.md ("The framework's share") has the figures.
 */
@Injectable()
export class RequestPipeline implements NestInterceptor {
  /** Each handler's endpoint entry, read from its metadata once. */
  private readonly endpoints = new WeakMap<object, Endpoint | null>();

  constructor(
    private readonly reflector: Reflector,
    private readonly db: Db,
    private readonly idempotency: IdempotentPost,
    private readonly audit: AuditRecorder,
  ) {}

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    const endpoint = this.endpointOf(ctx.getHandler());
    const http = ctx.switchToHttp();
    const req = http.getRequest<FastifyRequest>();
    if (endpoint) validateInput(endpoint, req);
    const caller = req.caller;
    const idempotent = endpoint !== null && this.idempotency.applies(endpoint, req);
    const audited = endpoint !== null && this.audit.records(endpoint, req);
    if (!caller && !audited) return next.handle();

    // The handler starts when its stream is subscribed to, so subscribing inside the steps below
    // runs it, and everything it awaits, inside them (the transaction's scope, the audit's outcome).
    const handler = () => lastValueFrom(next.handle(), { defaultValue: undefined });
    const recorded = audited ? () => this.audit.around(endpoint, req, handler) : handler;
    const once = idempotent
      ? () => this.idempotency.around(endpoint, req, http.getResponse<FastifyReply>(), recorded)
      : recorded;
    return from(caller ? this.db.asTenant(caller.organizationId, once) : once());
  }

  private endpointOf(handler: object): Endpoint | null {
    let endpoint = this.endpoints.get(handler);
    if (endpoint === undefined) {
      endpoint = this.reflector.get<Endpoint | undefined>(ENDPOINT, handler as never) ?? null;
      this.endpoints.set(handler, endpoint);
    }
    return endpoint;
  }
}
