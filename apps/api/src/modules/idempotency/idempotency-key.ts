import { createHash } from 'node:crypto';

/** How long a key's first answer is kept: after this a key counts as absent and acts again. */
export const IDEMPOTENCY_KEY_HOURS = 24;

/** 1–255 visible ASCII characters (0x21–0x7E): a UUID, a ULID, or the caller's own request id. */
const KEY = /^[\x21-\x7e]{1,255}$/;

/** Whether `value` (the header as Fastify parsed it) is a usable Idempotency-Key. */
export function isValidIdempotencyKey(value: unknown): value is string {
  return typeof value === 'string' && KEY.test(value);
}

/** Who a key belongs to: an API token by itself, anyone else as the user. */
export function principalOf(caller: { userId: string; apiToken?: { id: string } }): string {
  return caller.apiToken ? `token:${caller.apiToken.id}` : `user:${caller.userId}`;
}

/**
 * `value` as JSON with every object's keys in sorted order and no whitespace, so the same data
 * sent with its fields in another order reads the same. `undefined` fields are left out, as
 * `JSON.stringify` does; an `undefined` value as a whole reads `null`.
 */
export function canonicalJson(value: unknown): string {
  if (value === undefined || value === null) return 'null';
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  if (typeof value === 'object') {
    if (typeof (value as { toJSON?: unknown }).toJSON === 'function')
      return canonicalJson((value as { toJSON: () => unknown }).toJSON());
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** What makes two requests "the same" for one key: SHA-256 of method, path with its params, query and body. */
export function requestFingerprint(request: {
  method: string;
  path: string;
  params: unknown;
  query: unknown;
  body: unknown;
}): Buffer {
  const { method, path, params, query, body } = request;
  return createHash('sha256')
    .update(canonicalJson({ method: method.toUpperCase(), path, params: params ?? {}, query: query ?? {}, body }))
    .digest();
}
