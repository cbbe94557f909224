import { STATUS_CODES } from 'node:http';
import { HttpException } from '@nestjs/common';
import type { ErrorCode, Problem } from '@scorecard/contracts';
import { ZodError } from 'zod';
import { AppError, titleFor } from './app-error.js';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

export interface ProblemAnswer {
  body: Problem;
  headers: Record<string, string>;
  /** Unexpected: log it with its stack (the client never sees the stack). */
  unexpected: boolean;
}

const CODE_BY_STATUS: Record<number, ErrorCode> = {
  400: 'bad_request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  405: 'not_found',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'too_many_attempts',
  503: 'service_unavailable',
};

function problem(status: number, code: ErrorCode, detail: string, requestId: string): Problem {
  return { type: `https://scorecard.dev/problems/${code}`, title: titleFor(code), status, detail, code, requestId };
}

/**
 * The raw HTTP answer to a request Node could not even parse (headers or URL too large, a broken
 * request line, a timeout), which never reaches a route: problem details like every other error.
 */
export function clientErrorResponse(err: { code?: string }): string {
  const [status, detail] =
    err.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'The request line or headers are too large.']
      : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'The request took too long to arrive.']
        : [400, 'The request is not valid HTTP.'];
  const { requestId: _, ...body } = problem(status, 'bad_request', detail, '');
  const text = JSON.stringify(body);
  return (
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: ${PROBLEM_CONTENT_TYPE}\r\n` +
    `Content-Length: ${Buffer.byteLength(text)}\r\nConnection: close\r\n\r\n${text}`
  );
}

/** SQLSTATE class 08 (connection exception), 57P01-57P03 (shutting down, crashed, starting up). */
const DB_GONE_SQLSTATE = /^(08[0-9A-Z]{3}|57P0[123])$/;
const DB_GONE_ERRNO = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH']);
/**
 * What `pg` and `pg-pool` say when a connection drops or cannot be had, and what TypeORM says to
 * the next statement of a request whose connection it released because that connection failed
 * (TypeORM releases a query runner by itself when its connection emits an error).
 */
const DB_GONE_MESSAGE =
  /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Database connection provided by a query runner was already released|Query runner already released)/;

/**
 * Whether an error means the database cannot be reached right now (restarting, failing over, the
 * connection cut): a request that failed so may succeed when retried, so it is a 503, not a bug.
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  let e: unknown = err;
  for (let depth = 0; depth < 3 && e !== null && typeof e === 'object'; depth++) {
    const { code, message } = e as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && (DB_GONE_SQLSTATE.test(code) || DB_GONE_ERRNO.has(code))) return true;
    if (typeof message === 'string' && DB_GONE_MESSAGE.test(message)) return true;
    // TypeORM wraps the driver's error; Node reports every address it tried in an AggregateError.
    const { driverError, cause, errors } = e as { driverError?: unknown; cause?: unknown; errors?: unknown };
    e = driverError ?? cause ?? (Array.isArray(errors) ? errors[0] : undefined);
  }
  return false;
}

export function zodToFieldErrors(err: ZodError) {
  return err.issues.map((i) => ({
    path: i.path.map(String).join('.') || '(body)',
    message: i.code === 'unrecognized_keys' ? `Unknown field(s): ${i.keys.join(', ')}.` : i.message,
  }));
}

/**
 * Turns anything thrown while answering a request into RFC 9457 problem details, including Fastify's
 * own errors (bad JSON, a body over the limit), which Nest hands to the same exception filter.
 */
export function toProblem(err: unknown, requestId: string): ProblemAnswer {
  if (err instanceof ZodError) return toProblem(AppError.invalid(zodToFieldErrors(err)), requestId);
  if (err instanceof AppError) {
    const body = problem(err.status, err.code, err.detail, requestId);
    if (err.extra.errors) body.errors = err.extra.errors;
    if (err.extra.organizations) body.organizations = err.extra.organizations;
    return { body, headers: err.extra.headers ?? {}, unexpected: false };
  }
  if (isDatabaseUnavailable(err)) {
    return {
      body: problem(
        503,
        'service_unavailable',
        'The database is not available right now; try again shortly.',
        requestId,
      ),
      headers: { 'retry-after': '1' },
      unexpected: false,
    };
  }
  const status =
    err instanceof HttpException
      ? err.getStatus()
      : typeof (err as { statusCode?: unknown })?.statusCode === 'number'
        ? (err as { statusCode: number }).statusCode
        : 500;
  if (status >= 400 && status < 500) {
    const code = CODE_BY_STATUS[status] ?? 'bad_request';
    const fastifyCode = (err as { code?: string }).code;
    const detail =
      fastifyCode === 'FST_ERR_CTP_INVALID_JSON_BODY' || (err instanceof SyntaxError && status === 400)
        ? 'The request body is not valid JSON.'
        : code === 'not_found'
          ? 'No such resource.'
          : code === 'payload_too_large'
            ? 'The request body is too large.'
            : code === 'unsupported_media_type'
              ? 'Send the request body as application/json.'
              : err instanceof Error
                ? err.message
                : 'Bad request.';
    return { body: problem(status, code, detail, requestId), headers: {}, unexpected: false };
  }
  return {
    body: problem(500, 'internal', 'An unexpected error occurred; it has been logged.', requestId),
    headers: {},
    unexpected: true,
  };
}
