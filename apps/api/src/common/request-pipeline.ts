import { Injectable } from '@nestjs/common';
import type { Endpoint } from '@scorecard/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Db } from '../database/db.js';
import { AuditRecorder } from '../modules/audit/audit-recorder.js';
import { IdempotentPost } from '../modules/idempotency/idempotent-post.js';
import type { HandlerRunner } from './route.decorator.js';
import { validateOnce } from './validate-input.js';

/**
 * What every route's handler runs inside, in this order (`Route` wraps each handler in `run`):
 *
 * 1. **Validation** (`validate-input.ts`): params, query and body against the endpoint's schemas;
 *    the handler receives the parsed values. Done as Nest resolves the handler's `Input` argument,
 *    before this runs, or here for a route without one. A refusal happens before anything is read
 *    or written.
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
 * These were four global Nest interceptors. Nest runs a route without interceptors on a fast path
 * and builds an rxjs chain per interceptor per request otherwise (about 30 µs for the first and
 * 15 µs for each next one here). As plain async code around the handler they cost a few function
 * calls, and a public read that needs no step after validation calls its handler directly.
 * docs/PERFORMANCE.md ("The framework's share") has the figures.
 */
@Injectable()
export class RequestPipeline implements HandlerRunner {
  constructor(
    private readonly db: Db,
    private readonly idempotency: IdempotentPost,
    private readonly audit: AuditRecorder,
  ) {}

  run(endpoint: Endpoint, req: FastifyRequest, reply: FastifyReply, handler: () => unknown): unknown {
    validateOnce(endpoint, req);
    const caller = req.caller;
    const audited = this.audit.records(endpoint, req);
    if (!caller && !audited) return handler();
    const recorded = audited ? () => this.audit.around(endpoint, req, async () => handler()) : async () => handler();
    const once = this.idempotency.applies(endpoint, req)
      ? () => this.idempotency.around(endpoint, req, reply, recorded)
      : recorded;
    return caller ? this.db.asTenant(caller.organizationId, once) : once();
  }
}
