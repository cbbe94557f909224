import { Injectable } from '@nestjs/common';
import type { Endpoint } from '@scorecard/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../common/app-error.js';
import { SecretBox } from '../../common/secret-box.js';
import { actionOf } from '../audit/audit-recorder.js';
import { isValidIdempotencyKey, principalOf, requestFingerprint } from './idempotency-key.js';
import { IdempotencyRepository } from './idempotency.repository.js';

/** The request header that names a retry-safe request, and the answer header that marks a replay. */
export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';
export const IDEMPOTENT_REPLAYED_HEADER = 'Idempotent-Replayed';

/**
 * `Idempotency-Key` on a signed-in POST (a session or an API token): a retried request answers the
 * first answer and does not act twice. A step of the request pipeline (`common/request-pipeline.ts`):
 * inside the request's transaction and outside the audit step, so a replay writes no audit event.
 *
 * Before the handler, the key is claimed with an insert in the request's transaction. A concurrent
 * request with the same key waits on that row until the first transaction ends: committed, it
 * replays the stored answer (same status and body, `Idempotent-Replayed: true`) without running
 * the handler; rolled back (the first one failed), it acts itself. After the handler succeeds its
 * status and body are stored (sealed) on the row, in the same transaction. An error answer is never
 * stored: its transaction rolls back with the claim, so a retry acts again. The same key with
 * another request (method, path, params, query or body) answers 422 `idempotency_key_reused`.
 * Keys belong to one caller (`user:<id>`, or `token:<id>` for an API token) for 24 hours.
 */
@Injectable()
export class IdempotentPost {
  constructor(
    private readonly repo: IdempotencyRepository,
    private readonly box: SecretBox,
  ) {}

  /** Whether the request carries a key this step handles: a signed-in POST with `Idempotency-Key`. */
  applies(endpoint: Endpoint, req: FastifyRequest): boolean {
    // Signed-in POSTs only: public ones (sign-up, sign-in…) have no caller to keep keys for, SCIM its own rules.
    return (
      req.method === 'POST' &&
      req.caller !== undefined &&
      req.headers[IDEMPOTENCY_KEY_HEADER] !== undefined &&
      endpoint.access.auth === 'session'
    );
  }

  /** Runs `handler` once per key (see the class comment); call it only when `applies` said so. */
  async around(
    endpoint: Endpoint,
    req: FastifyRequest,
    reply: FastifyReply,
    handler: () => Promise<unknown>,
  ): Promise<unknown> {
    const caller = req.caller!;
    const header = req.headers[IDEMPOTENCY_KEY_HEADER];
    if (!isValidIdempotencyKey(header))
      throw new AppError(
        'invalid_idempotency_key',
        'The Idempotency-Key header must be 1 to 255 visible ASCII characters, sent once (a UUID, for example).',
      );
    const id = { organizationId: caller.organizationId, principal: principalOf(caller), key: header };
    const fingerprint = requestFingerprint({
      method: req.method,
      path: endpoint.path,
      params: req.params,
      query: req.query,
      body: req.sentBody ?? req.body,
    });
    if (!(await this.repo.claim(id, actionOf(endpoint), fingerprint))) {
      const stored = await this.repo.find(id);
      if (!stored?.fingerprint.equals(fingerprint))
        throw new AppError(
          'idempotency_key_reused',
          `This Idempotency-Key was used for another request${stored ? ` (${stored.operation})` : ''} in the last 24 hours: send a new key with a new request.`,
        );
      if (stored.response_status === null || stored.response_body === null)
        throw new AppError('conflict', 'The first request with this Idempotency-Key has not finished: retry shortly.');
      void reply.header(IDEMPOTENT_REPLAYED_HEADER, 'true').status(stored.response_status);
      const body: unknown = JSON.parse(this.box.open(stored.response_body));
      return body === null ? undefined : body;
    }
    const response = await handler();
    await this.repo.answer(id, endpoint.status, this.box.seal(JSON.stringify(response ?? null)));
    return response;
  }
}
