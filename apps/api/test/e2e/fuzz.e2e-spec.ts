import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  type AuthSession,
  type CreatedScimToken,
  Problem,
  SCIM_CONTENT_TYPE,
  SCIM_ERROR_SCHEMA,
  SCIM_PATCH_SCHEMA,
  SCIM_USER_SCHEMA,
} from '@scorecard/contracts';
import fc from 'fast-check';
import { APP_CONFIG } from '../../src/config/config.module.js';
import type { AppConfig } from '../../src/config/env.js';
import { buildOpenApiDocument } from '../../src/openapi/document.js';
import { PASSWORD, signup, uniqueEmail } from '../support/factories.js';
import { buildOrg, foreignIds, fresh, listen, must, type OrgFixture } from '../support/org-fixture.js';
import { fillPath, type OperationRequest, VALID_REQUESTS, validRequest } from '../support/operations.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Fuzzing: every operation of the OpenAPI document receives random and malformed input, signed in
 * as an admin of an organization with real data (so handlers get past validation where they can)
 * and again as an interviewer: mutated valid bodies, wrong types, huge strings and bodies, deeply
 * nested JSON, unicode (NUL, lone surrogates, RTL and zero-width characters), odd numbers, broken
 * and near-valid UUIDs in the path, odd query strings, wrong content types and invalid JSON text.
 * Every answer is a success or a 4xx problem+json with the RFC 9457 fields, never a 5xx, and no
 * answer carries a stack trace, a source path or SQL. Seeded, so CI sees the same inputs every time.
 *
 * Two kinds of operation answer otherwise, by design, and are judged by their own rules:
 * - SCIM operations (`/scim/v2/...`) are called by an identity provider with a SCIM token, not a
 *   session: they are fuzzed with a valid SCIM token (and again with a session, which they refuse),
 *   in an organization of their own (SCIM deactivates people and changes roles, which would break the
 *   fixture the other operations run on), and every error must be SCIM's error document
 *   (`application/scim+json`, RFC 7644 §3.12), never problem+json, never a 5xx.
 * - The OIDC callback and the SAML ACS are where a browser lands from the identity provider: a bad
 *   answer from it is a redirect to `/sso?error=<code>`, so for those two a 4xx problem OR such a
 *   redirect is right; any other redirect, or a 5xx, is not.
 */

const SEED = 9_457;
/** Random inputs per operation; each is sent twice, as the admin and as the interviewer. */
const RUNS = 30;
const BODY_LIMIT = 1024 * 1024;

interface Operation {
  operationId: string;
  method: string;
  /** In OpenAPI form: `/api/v1/openings/{id}`. */
  path: string;
  /** The path parameter inputs go into (`id`, or a calendar feed's `file`), if the path has one. */
  param: string | undefined;
  takesBody: boolean;
  queryKeys: string[];
  /** The content types the document gives its success answers (JSON, or a stream or text for some). */
  successTypes: string[];
  /** `scim`: SCIM token and SCIM errors; `redirect`: may answer a redirect to `/sso?error=<code>`. */
  kind: 'api' | 'scim' | 'redirect';
}

/** The operations whose refusals are browser redirects to the sign-in page's error (the identity provider's answer was bad). */
const REDIRECTING = new Set(['oidcCallback', 'samlAcs']);

type DocOperation = {
  operationId: string;
  requestBody?: unknown;
  parameters?: { in: string; name: string }[];
  responses?: Record<string, { content?: Record<string, unknown> }>;
};
const document = buildOpenApiDocument('test') as unknown as { paths: Record<string, Record<string, DocOperation>> };
const operations: Operation[] = Object.entries(document.paths).flatMap(([path, item]) =>
  Object.entries(item).map(([method, op]) => ({
    operationId: op.operationId,
    method: method.toUpperCase(),
    path,
    param: /\{(\w+)\}/.exec(path)?.[1],
    takesBody: op.requestBody !== undefined,
    queryKeys: (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
    successTypes: Object.entries(op.responses ?? {})
      .filter(([status]) => status.startsWith('2'))
      .flatMap(([, r]) => Object.keys(r.content ?? {})),
    kind: path.startsWith('/scim/') ? 'scim' : REDIRECTING.has(op.operationId) ? 'redirect' : 'api',
  })),
);

// ---------------------------------------------------------------------------------------------
// The raw client: exact bytes on the wire, any content type, and streams cut off once they start.

let base: { host: string; port: number };

interface Wire {
  method: string;
  /** Already percent-encoded where needed: sent as is. */
  target: string;
  headers: Record<string, string>;
  body: Buffer | null;
}
interface Answer {
  status: number;
  contentType: string;
  text: string;
  location: string;
}

function send(w: Wire): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers = { ...w.headers, ...(w.body ? { 'content-length': String(w.body.length) } : {}) };
    // A fresh connection each time: the server closes some (after a 431 or 413), and reusing one would race that.
    const req = http.request({ ...base, agent: false, method: w.method, path: w.target, headers }, (res) => {
      const contentType = String(res.headers['content-type'] ?? '');
      if (contentType.startsWith('text/event-stream')) {
        res.destroy();
        resolve({ status: res.statusCode ?? 0, contentType, text: '', location: '' });
        return;
      }
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          contentType,
          text: Buffer.concat(chunks).toString('utf8'),
          location: String(res.headers.location ?? ''),
        }),
      );
      res.on('error', reject);
    });
    req.setTimeout(30_000, () => req.destroy(new Error(`no answer within 30 s to ${w.method} ${w.target}`)));
    req.on('error', reject);
    req.end(w.body ?? undefined);
  });
}

/** Percent-encodes everything but unreserved characters, from the UTF-8 bytes (lone surrogates included). */
function encode(s: string): string {
  let out = '';
  for (const ch of s) {
    if (/^[A-Za-z0-9\-._~]$/.test(ch)) out += ch;
    else for (const b of Buffer.from(ch, 'utf8')) out += `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Inputs.

/** A JSON token sent exactly as written: numbers JSON.stringify cannot write, escapes, deep nesting. */
class Raw {
  constructor(readonly json: string) {}
}

function toJson(v: unknown): string {
  if (v instanceof Raw) return v.json;
  if (Array.isArray(v)) return `[${v.map(toJson).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    return `{${Object.entries(v)
      .map(([k, x]) => `${JSON.stringify(k)}:${toJson(x)}`)
      .join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

const nest = (depth: number, open: string, leaf: string, close: string) =>
  `${open.repeat(depth)}${leaf}${close.repeat(depth)}`;
const HUGE = 'x'.repeat(100_000);
/**
 * A query value over Node's 16 KiB limit on the request line and headers (431), yet short enough to
 * arrive in one read: the server closes the connection on it, and unread bytes would reset it.
 */
const HUGE_QUERY = `q=${'x'.repeat(20_000)}`;
const DEEP_ARRAYS = new Raw(nest(10_000, '[', '', ']'));
const DEEP_OBJECTS = new Raw(nest(10_000, '{"a":', '1', '}'));

const SPECIAL_CHARS = [
  '\u0000',
  '\ud800',
  '\udfff',
  '\u202e',
  '\u200f',
  '\u200b',
  '\ufeff',
  '\u2028',
  '\uffff',
  '\u0007',
];
const unicodeString = fc.string({
  unit: fc.oneof(fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }), fc.constantFrom(...SPECIAL_CHARS)),
  maxLength: 30,
});

const NASTY_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  'lone \udfff low',
  '\udc00\ud800',
  '\u202eevil\u202c',
  '\u200b\u200d\ufeff',
  'שלום عليكم',
  '🙂'.repeat(50),
  'Z\u0335\u0321a\u0336l\u0335g\u0336o',
  '\r\n\t\v\f',
  "'; drop table users; --",
  "' or '1'='1",
  '%00',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  '${7*7}{{7*7}}',
  '\\',
  '"',
  'null',
  'NaN',
  '-0',
  '1e309',
  '00000000-0000-0000-0000-000000000000',
  'ＡＤＭＩＮ',
  'admin',
  HUGE,
  'é'.repeat(60_000),
];

const nastyString = fc.oneof(fc.constantFrom(...NASTY_STRINGS), unicodeString, fc.string({ maxLength: 30 }));
const nastyNumber = fc.oneof(
  fc.constantFrom(
    new Raw('1e309'),
    new Raw('-1e309'),
    new Raw('-0'),
    new Raw('1e-400'),
    new Raw('123456789012345678901234567890'),
    new Raw('NaN'),
    new Raw('Infinity'),
    0,
    -1,
    1.5,
    2 ** 31,
    2 ** 53 + 2,
    -(2 ** 63),
    Number.MAX_VALUE,
    Number.MIN_VALUE,
  ),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);
const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: nastyString },
  { weight: 2, arbitrary: nastyNumber },
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom<unknown>(
    [],
    {},
    [null],
    [[]],
    { $ne: null },
    { $gt: '' },
    DEEP_ARRAYS,
    DEEP_OBJECTS,
    new Raw('"\\u0000"'),
    new Raw('"\\ud800"'),
    new Raw('"\\udfff\\ud800"'),
    new Raw('"a\\u0000\\u0000b"'),
  ),
  fc.array(fc.oneof(nastyString, nastyNumber, fc.constant(null)), { maxLength: 5 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.oneof(nastyString, fc.integer()), { maxKeys: 4 }),
  fc.jsonValue({ maxDepth: 3 }),
);

type Path = (string | number)[];

/** Every position in a JSON value (the value itself first). */
function positions(value: unknown, path: Path = []): Path[] {
  if (Array.isArray(value)) return [path, ...value.flatMap((v, i) => positions(v, [...path, i]))];
  if (value !== null && typeof value === 'object') {
    return [path, ...Object.entries(value).flatMap(([k, v]) => positions(v, [...path, k]))];
  }
  return [path];
}

type Mutation =
  | { kind: 'replace'; path: Path; value: unknown }
  | { kind: 'wrap'; path: Path; value: unknown }
  | { kind: 'delete'; path: Path }
  | { kind: 'add'; path: Path; key: string; value: unknown };

function mutate(body: unknown, mutations: Mutation[]): unknown {
  let root: unknown = structuredClone(body);
  for (const m of mutations) {
    const parentPath = m.path.slice(0, -1);
    const last = m.path.at(-1);
    const parent = parentPath.reduce<unknown>(
      (v, seg) => (v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[seg] : undefined),
      root,
    ) as Record<string | number, unknown> | undefined;
    const here = last === undefined ? root : parent?.[last];
    const set = (v: unknown) => {
      if (last === undefined) root = v;
      else if (parent !== null && typeof parent === 'object') parent[last] = v;
    };
    if (m.kind === 'replace') set(m.value);
    else if (m.kind === 'wrap') set([here, m.value]);
    else if (m.kind === 'delete') {
      if (Array.isArray(parent) && typeof last === 'number') parent.splice(last, 1);
      else if (parent !== null && typeof parent === 'object' && last !== undefined) delete parent[last];
    } else if (here !== null && typeof here === 'object' && !Array.isArray(here)) {
      Object.defineProperty(here, m.key, { value: m.value, enumerable: true, writable: true });
    }
  }
  return root;
}

/** The valid body with every string (or number) replaced. */
function everyLeaf(value: unknown, kind: 'string' | 'number', to: (v: unknown) => unknown): unknown {
  if (Array.isArray(value)) return value.map((v) => everyLeaf(v, kind, to));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, everyLeaf(v, kind, to)]));
  }
  return typeof value === kind ? to(value) : value;
}

const CONTENT_TYPES = [
  'application/json; charset=utf-8',
  'application/json; charset=utf-16',
  'application/json; charset=iso-8859-1',
  'APPLICATION/JSON',
  'application/json;',
  'application/vnd.api+json',
  'application/problem+json',
  'text/plain',
  'text/html',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=xyz',
  'application/octet-stream',
  'application/xml',
  '*/*',
  'json',
  'application/',
];

const INVALID_JSON = [
  '{',
  '{"a":',
  '[1,]',
  "{'a':1}",
  '{"a":1}}',
  '\ufeff{}',
  '',
  ' ',
  'NaN',
  '{"a":NaN}',
  '{"a":undefined}',
  'nul',
  '"unterminated',
  '{"a":"\\x00"}',
  '{"a":"\\u12"}',
  '{"__proto__":{"role":"admin"}}',
  '{"constructor":{"prototype":{"role":"admin"}}}',
  '\u0000',
  '['.repeat(100_000),
];

/** One request's input: what to put in the path, query string, content type and body. */
interface Input {
  /** Wire-ready value of the operation's path parameter (`param`); undefined: the valid one. */
  id?: string;
  /** Wire-ready query string without `?`; undefined: the valid one; '': none. */
  query?: string;
  /** null: no content-type header; undefined: JSON when there is a body. */
  contentType?: string | null;
  /** JSON value (sent through toJson) or raw bytes; undefined: the valid body. */
  body?: { json: unknown } | { raw: Buffer } | null;
}

function validQuery(req: OperationRequest): string {
  return Object.entries(req.query ?? {})
    .map(([k, v]) => `${encode(k)}=${encode(v)}`)
    .join('&');
}

function wire(op: Operation, req: OperationRequest, input: Input, token: string | null): Wire {
  const params = Object.fromEntries(Object.entries(req.params ?? {}).map(([k, v]) => [k, encode(v)]));
  if (op.param !== undefined && input.id !== undefined) params[op.param] = input.id;
  const query = input.query ?? validQuery(req);
  const target = fillPath(op.path, params) + (query ? `?${query}` : '');
  let body: Buffer | null = null;
  const given = input.body === undefined ? (req.body === undefined ? null : { json: req.body }) : input.body;
  if (given && 'raw' in given) body = given.raw;
  else if (given) body = Buffer.from(toJson(given.json), 'utf8');
  // Identity providers send SCIM's own media type; the rest of the API JSON.
  const json = op.kind === 'scim' ? SCIM_CONTENT_TYPE : 'application/json';
  const contentType = input.contentType === undefined ? (body ? json : null) : input.contentType;
  return {
    method: op.method,
    target,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(contentType !== null ? { 'content-type': contentType } : {}),
    },
    body,
  };
}

/** Inputs for a path parameter: broken ids, other organizations' ids, near misses of the valid one (a uuid or a feed's file). */
function idInput(validId: string | undefined, others: string[]): fc.Arbitrary<string> {
  const last = (validId?.length ?? 1) - 1;
  const near = validId
    ? [
        fc.constant(validId.toUpperCase()),
        fc.constant(validId.replace(/-/g, '')),
        fc.constant(`{${validId}}`),
        fc.constant(`urn:uuid:${validId}`),
        fc.constantFrom('%20', '%00', '%0A', 'a', '0', '-', '%2F').map((s) => `${validId}${s}`),
        fc.nat(last).map((i) => validId.slice(0, i) + validId.slice(i + 1)),
        fc
          .tuple(fc.nat(last), fc.constantFrom('g', 'z', '-', '0', 'G', '%C3%A9'))
          .map(([i, c]) => validId.slice(0, i) + c + validId.slice(i + 1)),
      ]
    : [];
  return fc.oneof(
    fc.constantFrom(
      'null',
      'undefined',
      '0',
      '-1',
      'NaN',
      'true',
      '%00',
      'a%00b',
      '%ZZ',
      '%',
      '%E0%A4%A',
      '%ED%A0%80',
      '%F0%9F%99%82',
      '..',
      '%2e%2e',
      '%2F',
      '%252F',
      '00000000-0000-0000-0000-000000000000',
      'ffffffff-ffff-ffff-ffff-ffffffffffff',
      'x'.repeat(2000),
      "'%20or%201=1--",
      '%7B%7D',
      '__proto__',
    ),
    fc.uuid(),
    fc.constantFrom(...others),
    unicodeString.map(encode),
    ...near,
  );
}

function queryInput(op: Operation, req: OperationRequest): fc.Arbitrary<string> {
  const valid = Object.entries(req.query ?? {});
  const keys = [...new Set([...op.queryKeys, ...valid.map(([k]) => k)])];
  const key = fc.oneof(
    ...(keys.length ? [{ weight: 3, arbitrary: fc.constantFrom(...keys) }] : []),
    fc.constantFrom('page', 'pageSize', '__proto__', 'constructor', 'a[b]', 'a[]', '', '%', 'q%00'),
    fc.string({ maxLength: 10 }),
  );
  const value = fc.oneof(
    fc.constantFrom('', '-1', '0', '1e309', 'NaN', '1.5', '99999999999999999999', 'true', '[]', 'x'.repeat(8_000)),
    nastyString.filter((s) => s.length < 10_000),
  );
  const raw = (k: string) => (/^(%|a\[b\]|a\[\])$/.test(k) ? k : encode(k));
  return fc.oneof(
    // The valid query with some values replaced, keys repeated or added, or the array form.
    fc
      .array(
        fc.oneof(
          fc.tuple(key, value).map(([k, v]) => `${raw(k)}=${encode(v)}`),
          fc.tuple(key, value, value).map(([k, a, b]) => `${raw(k)}=${encode(a)}&${raw(k)}=${encode(b)}`),
          fc.tuple(key, value).map(([k, v]) => `${raw(k)}[]=${encode(v)}&${raw(k)}[x]=1`),
          key.map((k) => raw(k)),
        ),
        { minLength: 1, maxLength: 4 },
      )
      .map((parts) => [validQuery(req), ...parts].filter(Boolean).join('&')),
    fc.constantFrom('&&&', '=', '==&=', '%', '%ZZ=1', 'a=%E0%A4%A', HUGE_QUERY, '?=?'),
  );
}

function bodyInput(req: OperationRequest): fc.Arbitrary<Input['body']> {
  const valid = req.body ?? {};
  const spots = positions(valid);
  const mutation: fc.Arbitrary<Mutation> = fc.oneof(
    {
      weight: 4,
      arbitrary: fc.record({
        kind: fc.constant('replace' as const),
        path: fc.constantFrom(...spots),
        value: nastyValue,
      }),
    },
    fc.record({ kind: fc.constant('wrap' as const), path: fc.constantFrom(...spots), value: nastyValue }),
    fc.record({ kind: fc.constant('delete' as const), path: fc.constantFrom(...spots) }),
    fc.record({
      kind: fc.constant('add' as const),
      path: fc.constantFrom(...spots),
      key: fc.oneof(fc.constantFrom('__proto__', 'constructor', 'organizationId', ''), fc.string({ maxLength: 10 })),
      value: nastyValue,
    }),
  );
  return fc.oneof(
    {
      weight: 6,
      arbitrary: fc.array(mutation, { minLength: 1, maxLength: 3 }).map((ms) => ({ json: mutate(valid, ms) })),
    },
    { weight: 2, arbitrary: nastyValue.map((json) => ({ json })) },
    fc.constantFrom(...INVALID_JSON).map((s) => ({ raw: Buffer.from(s, 'utf8') })),
    fc.uint8Array({ maxLength: 64 }).map((a) => ({ raw: Buffer.from(a) })),
    fc.constant(null),
  );
}

function randomInput(op: Operation, req: OperationRequest, others: string[]): fc.Arbitrary<Input> {
  return fc.record(
    {
      id:
        op.param !== undefined
          ? fc.oneof({ weight: 2, arbitrary: fc.constant(undefined) }, idInput(req.params?.[op.param], others))
          : fc.constant(undefined),
      query: fc.oneof({ weight: op.queryKeys.length ? 1 : 3, arbitrary: fc.constant(undefined) }, queryInput(op, req)),
      contentType: fc.oneof(
        { weight: 6, arbitrary: fc.constant(undefined) },
        fc.constantFrom<string | null>(...CONTENT_TYPES, null),
      ),
      body: fc.oneof({ weight: op.takesBody ? 1 : 3, arbitrary: fc.constant(undefined) }, bodyInput(req)),
    },
    { noNullPrototype: true },
  );
}

/**
 * A fixed input, and the status it must get from an operation that takes a body (`4xx`: any client
 * error). Operations without a body ignore one (Fastify does not read a GET's body), so for them
 * only the general rules hold; `always` marks expectations about the URL, which hold for all.
 */
interface Fixed {
  label: string;
  input: Input;
  expect?: number | '4xx';
  always?: boolean;
}

const at = (value: unknown, path: Path) => path.reduce<unknown>((v, seg) => (v as Record<string, unknown>)[seg], value);

/** The valid body with one string replaced, for each of its strings in turn: every text field reaches storage. */
function eachString(valid: unknown, label: string, to: (s: string) => unknown): Fixed[] {
  return positions(valid)
    .filter((p) => typeof at(valid, p) === 'string')
    .map((p) => ({
      label: `${label} in ${p.join('.')}`,
      input: { body: { json: mutate(valid, [{ kind: 'replace', path: p, value: to(at(valid, p) as string) }]) } },
      expect: 400,
    }));
}

/** Fixed inputs every operation gets, whatever the random ones turn out to be. */
function catalogue(req: OperationRequest, op: Operation): Fixed[] {
  // SCIM's paging parameters are its own (RFC 7644 §3.4.2.4); other unknown keys it ignores, as identity providers expect.
  const [pageKey, sizeKey, searchKey] =
    op.kind === 'scim' ? ['startIndex', 'count', 'filter'] : ['page', 'pageSize', 'q'];
  const valid = req.body ?? {};
  const jsonText = Buffer.from(toJson(valid), 'utf8');
  const query = Object.entries(req.query ?? {});
  const fixed: Fixed[] = [
    ...eachString(valid, 'a NUL byte', (s) => `${s}\u0000x`),
    ...eachString(valid, 'an escaped NUL', (s) => new Raw(`${JSON.stringify(s).slice(0, -1)}\\u0000"`)),
    ...eachString(valid, 'a lone surrogate', (s) => `${s}\ud800`),
    ...eachString(valid, 'an escaped lone surrogate', (s) => new Raw(`${JSON.stringify(s).slice(0, -1)}\\udc00"`)),
    ...query.map(([key]): Fixed => ({
      label: `a NUL byte in the query's ${key}`,
      input: { query: query.map(([k, v]) => `${encode(k)}=${encode(v)}${k === key ? '%00' : ''}`).join('&') },
      expect: 400,
      always: true,
    })),
    { label: 'invalid JSON text', input: { body: { raw: Buffer.from('{"a":', 'utf8') } }, expect: 400 },
    {
      label: 'a body one byte over the limit',
      input: { body: { raw: Buffer.from(`"${'x'.repeat(BODY_LIMIT - 1)}"`, 'utf8') } },
      expect: 413,
    },
    { label: '100,000 characters in every string', input: { body: { json: everyLeaf(valid, 'string', () => HUGE) } } },
    {
      label: 'RTL and zero-width characters in every string',
      input: { body: { json: everyLeaf(valid, 'string', (s) => `\u202e${String(s)}\u200b`) } },
    },
    { label: '1e309 in every number', input: { body: { json: everyLeaf(valid, 'number', () => new Raw('1e309')) } } },
    { label: '-0 in every number', input: { body: { json: everyLeaf(valid, 'number', () => new Raw('-0')) } } },
    { label: '10,000 nested arrays', input: { body: { json: DEEP_ARRAYS } }, expect: 400 },
    { label: '10,000 nested objects', input: { body: { json: DEEP_OBJECTS } }, expect: 400 },
    { label: 'an array where an object is expected', input: { body: { json: [valid] } }, expect: 400 },
    { label: 'null', input: { body: { json: null } }, expect: 400 },
    { label: 'an empty JSON body', input: { body: { raw: Buffer.alloc(0) } }, expect: 400 },
    {
      label: 'invalid UTF-8',
      input: { body: { raw: Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0xc3, 0x28, 0x7d]) } },
      expect: 400,
    },
    { label: 'valid JSON as text/plain', input: { contentType: 'text/plain', body: { raw: jsonText } }, expect: '4xx' },
    {
      label: 'valid JSON as a form',
      input: { contentType: 'application/x-www-form-urlencoded', body: { raw: jsonText } },
      expect: '4xx',
    },
    { label: 'valid JSON as XML', input: { contentType: 'application/xml', body: { raw: jsonText } }, expect: 415 },
    {
      label: 'valid JSON as UTF-16',
      input: { contentType: 'application/json; charset=utf-16', body: { raw: jsonText } },
    },
    { label: 'a JSON body without a content type', input: { contentType: null, body: { raw: jsonText } }, expect: 415 },
    {
      label: 'a query over the header size limit',
      input: { query: HUGE_QUERY },
      expect: 431,
      always: true,
    },
    {
      label: 'a repeated query key',
      input: { query: `${validQuery(req)}&${pageKey}=1&${pageKey}=2&${sizeKey}=1&${sizeKey}=-1` },
      expect: 400,
      always: true,
    },
    {
      label: 'the array form of query keys',
      input: { query: `${pageKey}[]=1&${pageKey}[x]=2&q[$ne]=1` },
      // The query parser builds no objects from brackets: these are unknown keys, which the strict
      // schemas refuse and SCIM's (loose: identity providers send extra parameters) ignores.
      expect: op.kind === 'scim' ? undefined : 400,
      always: true,
    },
    {
      label: 'a broken percent-encoding in the query',
      input: { query: `${searchKey}=%E0%A4%A&${pageKey}=%` },
      expect: 400,
      always: true,
    },
  ];
  return fixed;
}

// ---------------------------------------------------------------------------------------------
// What every answer must look like.

/** Signs of a stack trace in any answer; one counts only when the request did not contain it already. */
const STACK_TRACES = [/\n\s+at /, /\bat [\w$.<>]+ \(/, /\.[cm]?[jt]s:\d+:\d+/, /node_modules/, /QueryFailed/];
/** And of other internals in an error answer (a success may quote stored text that reads like these). */
const LEAKS = [
  ...STACK_TRACES,
  /\.[cm]?[jt]s:\d+/,
  /TypeORM/i,
  /\bpg_\w/,
  /postgres/i,
  /invalid input syntax/i,
  /violates [\w ]*constraint/i,
  /duplicate key value/i,
  /syntax error at or near/i,
  /\bselect\b[\s\S]{1,200}\bfrom\b/i,
  /\binsert into\b/i,
  /\bupdate\s+"?\w+"?\s+set\b/i,
  /\bdelete from\b/i,
  /\b(Type|Reference|Range|Syntax)Error\b/,
  /Maximum call stack/i,
  /\bstack trace\b/i,
];

/** The app's public URL, which the SAML ACS's redirects are absolute on (the OIDC callback's are relative). */
let publicUrl: string;

/** A redirect of the sign-in callbacks to the sign-in page's error: `/sso?error=<code>`, on the app's own origin. */
function ssoErrorRedirect(location: string): boolean {
  const relative = location.startsWith(publicUrl) ? location.slice(publicUrl.length) : location;
  return /^\/sso\?error=[a-z_]+$/.test(relative);
}

function problemWith(a: Answer, w: Wire, op: Operation): string | null {
  const sent = `${w.target}\n${w.body?.toString('utf8') ?? ''}`;
  const leak = (a.status >= 400 ? LEAKS : STACK_TRACES).find((re) => re.test(a.text) && !re.test(sent));
  if (leak) return `the answer shows internals (${leak})`;
  if (op.kind === 'redirect' && (a.status === 302 || a.status === 303)) {
    return ssoErrorRedirect(a.location)
      ? null
      : `a ${a.status} to ${a.location || 'nowhere'}, not to /sso?error=<code>`;
  }
  // Creating or deleting a SCIM group is refused as RFC 7644 §3.12 says for an operation a service
  // provider does not support: 501, in SCIM's format (the groups are the four roles). Deliberate, not a failure.
  if (a.status === 501 && SCIM_NOT_SUPPORTED.has(op.operationId)) return notScimError(a);
  // A request line or headers over Node's limit is refused before any route is known: the server's
  // one answer for that is problem+json, whatever the path (SCIM's included).
  if (a.status === 431) return notProblem(a);
  if (a.status >= 500 || a.status < 200 || (a.status >= 300 && a.status < 400)) return `answered ${a.status}`;
  if (a.status < 300) {
    const ok =
      a.status === 204 ||
      a.contentType.startsWith('application/json') ||
      (op.kind === 'scim' && a.contentType.startsWith(SCIM_CONTENT_TYPE)) ||
      op.successTypes.some((type) => a.contentType.startsWith(type));
    return ok ? null : `a success with content type ${a.contentType}`;
  }
  return op.kind === 'scim' ? notScimError(a) : notProblem(a);
}

/** The SCIM operations answered 501 Not Implemented by design. */
const SCIM_NOT_SUPPORTED = new Set(['scimCreateGroup', 'scimDeleteGroup']);

const SCIM_TYPES = [
  'invalidFilter',
  'invalidValue',
  'invalidSyntax',
  'uniqueness',
  'mutability',
  'noTarget',
  'tooMany',
  'invalidPath',
  'invalidVers',
  'sensitive',
];

/** Why a 4xx is not SCIM's error document (RFC 7644 §3.12), or null. */
function notScimError(a: Answer): string | null {
  if (!a.contentType.startsWith(SCIM_CONTENT_TYPE)) return `a ${a.status} with content type ${a.contentType}`;
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(a.text) as Record<string, unknown>;
  } catch {
    return `a ${a.status} whose body is not JSON`;
  }
  if (JSON.stringify(body.schemas) !== JSON.stringify([SCIM_ERROR_SCHEMA]))
    return `a ${a.status} without the error schema`;
  if (body.status !== String(a.status)) return `a ${a.status} whose error says status ${String(body.status)}`;
  if (typeof body.detail !== 'string' || body.detail === '') return `a ${a.status} without detail`;
  if (body.scimType !== undefined && !SCIM_TYPES.includes(String(body.scimType))) {
    return `a ${a.status} with an unknown scimType ${String(body.scimType)}`;
  }
  return null;
}

/** Why a 4xx is not RFC 9457 problem details, or null. */
function notProblem(a: Answer): string | null {
  if (!a.contentType.startsWith('application/problem+json')) return `a ${a.status} with content type ${a.contentType}`;
  let body: unknown;
  try {
    body = JSON.parse(a.text);
  } catch {
    return `a ${a.status} whose body is not JSON`;
  }
  const parsed = Problem.safeParse(body);
  if (!parsed.success) return `a ${a.status} that is not problem details: ${parsed.error.message}`;
  if (parsed.data.status !== a.status) return `a ${a.status} whose problem says status ${parsed.data.status}`;
  if (typeof parsed.data.detail !== 'string' || !parsed.data.type.startsWith('https://')) {
    return `a ${a.status} without detail or type`;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// SCIM: an organization of its own, its identity provider's token, and a valid request per operation.

/** The admin of the organization SCIM operations are fuzzed in (SCIM changes roles and deactivates people). */
let scimAdmin: AuthSession;
/** That organization's SCIM token, as its identity provider sends it. */
let scimToken: string;

/** A user as Okta and Entra send one, with every attribute we read. */
function scimUserBody() {
  const userName = uniqueEmail('scim');
  return {
    schemas: [SCIM_USER_SCHEMA],
    userName,
    externalId: `ext-${randomUUID()}`,
    displayName: 'Fuzz Target',
    name: { formatted: 'Fuzz Target', givenName: 'Fuzz', familyName: 'Target' },
    active: true,
    emails: [{ value: userName, type: 'work', primary: true }],
  };
}

/** A new user provisioned through SCIM: its SCIM id (the target of a get, replace, patch, delete or group change). */
async function scimUser(): Promise<string> {
  const a = await send({
    method: 'POST',
    target: '/scim/v2/Users',
    headers: { authorization: `Bearer ${scimToken}`, 'content-type': SCIM_CONTENT_TYPE },
    body: Buffer.from(JSON.stringify(scimUserBody()), 'utf8'),
  });
  if (a.status !== 201) throw new Error(`provisioning a SCIM user answered ${a.status}: ${a.text}`);
  return (JSON.parse(a.text) as { id: string }).id;
}

/**
 * A valid request for every SCIM operation, on fresh users each time. Kept apart from
 * VALID_REQUESTS, whose matrices call operations with sessions. Groups are the roles: the
 * interviewers' group is the one changed (removing someone from it leaves them an interviewer).
 * Creating and deleting a group is refused (the four groups are fixed): fuzzed all the same.
 */
const SCIM_REQUESTS: Record<string, () => Promise<OperationRequest>> = {
  scimServiceProviderConfig: async () => ({}),
  scimSchemas: async () => ({}),
  scimResourceTypes: async () => ({}),
  scimListUsers: async () => ({
    query: {
      filter: `userName eq "${uniqueEmail('nobody')}"`,
      startIndex: '1',
      count: '10',
      excludedAttributes: 'groups',
    },
  }),
  scimGetUser: async () => ({ params: { id: await scimUser() }, query: { attributes: 'userName,active' } }),
  scimCreateUser: async () => ({ body: scimUserBody() }),
  scimReplaceUser: async () => ({ params: { id: await scimUser() }, body: scimUserBody() }),
  scimPatchUser: async () => ({
    params: { id: await scimUser() },
    body: {
      schemas: [SCIM_PATCH_SCHEMA],
      Operations: [
        { op: 'replace', path: 'name.givenName', value: 'Renamed' },
        { op: 'replace', value: { active: false, 'name.familyName': 'Patched' } },
      ],
    },
  }),
  scimDeleteUser: async () => ({ params: { id: await scimUser() } }),
  scimListGroups: async () => ({ query: { filter: 'displayName eq "Interviewers"', excludedAttributes: 'members' } }),
  scimGetGroup: async () => ({ params: { id: 'interviewer' }, query: { excludedAttributes: 'members' } }),
  scimPatchGroup: async () => ({
    params: { id: 'interviewer' },
    body: {
      schemas: [SCIM_PATCH_SCHEMA],
      Operations: [{ op: 'add', path: 'members', value: [{ value: await scimUser(), display: 'Fuzz Target' }] }],
    },
  }),
  scimReplaceGroup: async () => ({
    params: { id: 'interviewer' },
    body: { displayName: 'Interviewers', members: [{ value: await scimUser() }] },
  }),
  scimCreateGroup: async () => ({ body: { displayName: 'Engineers', members: [{ value: await scimUser() }] } }),
  scimDeleteGroup: async () => ({ params: { id: 'interviewer' } }),
};

// ---------------------------------------------------------------------------------------------

let t: TestApp;
/** The organization the inputs are sent in, by its admin and its interviewer. */
let org: OrgFixture;
/** Another organization's ids. */
let otherIds: string[];
const tried: Record<string, number> = {};
const outcomes = { success: 0, clientError: 0 };

beforeAll(async () => {
  t = await startTestApp();
  org = await buildOrg(t, 'Fuzz Co');
  otherIds = await foreignIds(t);
  publicUrl = t.app.get<symbol, AppConfig>(APP_CONFIG).publicUrl.replace(/\/$/, '');
  scimAdmin = await signup(t, 'Fuzz Provisioned Co');
  scimToken = (
    await must<CreatedScimToken>(t, scimAdmin.token, 'post', '/api/v1/scim-tokens', 201, { name: 'Fuzzing IdP' })
  ).token;
  const url = new URL(await listen(t));
  base = { host: url.hostname, port: Number(url.port) };
}, 120_000);

afterAll(async () => {
  const total = Object.values(tried).reduce((a, b) => a + b, 0);
  console.log(
    `fuzz: ${total} inputs over ${Object.keys(tried).length} operations ` +
      `(${outcomes.clientError} answered 4xx, ${outcomes.success} succeeded, none 5xx)\n` +
      Object.entries(tried)
        .map(([op, n]) => `${op}: ${n}`)
        .join('\n'),
  );
  await t?.close();
});

async function check(op: Operation, req: OperationRequest, input: Input, token: string | null, label: string) {
  const w = wire(op, req, input, token);
  const a = await send(w);
  tried[op.operationId] = (tried[op.operationId] ?? 0) + 1;
  const wrong = problemWith(a, w, op);
  if (wrong) {
    const shown = (w.body?.toString('utf8') ?? '').slice(0, 300);
    const requestId = /"requestId":"([^"]+)"/.exec(a.text)?.[1];
    // A SCIM error names no request id: the last error logged is the one.
    const logged = t.logs
      .filter((l) => (requestId ? l.includes(requestId) : true) && l.includes('"err"'))
      .slice(requestId ? 0 : -1)
      .join('')
      .slice(0, 1500);
    throw new Error(
      `${op.method} ${w.target.slice(0, 300)} [${label}] ${wrong}\nsent: ${shown}\ngot: ${a.text.slice(0, 1000)}\n${logged}`,
    );
  }
  if (a.status < 300) outcomes.success++;
  else outcomes.clientError++;
  return a;
}

/** The status a fixed input must get, where it says one. */
function expectFixed(op: Operation, { label, expect: expected, always }: Fixed, a: Answer) {
  if (expected !== undefined && (op.takesBody || always)) {
    // Where the sign-in callbacks refuse with a redirect to `/sso?error=<code>` (checked by problemWith), it stands for the 4xx.
    const refused = (a.status >= 400 && a.status < 500) || (op.kind === 'redirect' && [302, 303].includes(a.status));
    const got = expected === '4xx' ? (refused ? '4xx' : a.status) : refused && a.status < 400 ? expected : a.status;
    expect(`${label}: ${got}`).toBe(`${label}: ${expected}`);
  }
}

/**
 * A SCIM operation: the fixed and the random inputs with the organization's SCIM token; the random
 * ones again with its admin's session, which a SCIM operation never lets through.
 */
async function fuzzScim(op: Operation) {
  const req = await SCIM_REQUESTS[op.operationId]!();
  for (const fixed of catalogue(req, op))
    expectFixed(op, fixed, await check(op, req, fixed.input, scimToken, fixed.label));
  await fc.assert(
    fc.asyncProperty(randomInput(op, req, otherIds), async (input) => {
      await check(op, req, input, scimToken, 'random, with the SCIM token');
      const a = await check(op, req, input, scimAdmin.token, 'random, with a session');
      if (a.status < 400)
        throw new Error(`${op.method} ${op.path} let a session through: ${a.status} ${a.text.slice(0, 300)}`);
    }),
    { seed: SEED, numRuns: RUNS, endOnFailure: true },
  );
}

describe('fuzzing every operation', () => {
  it('has a valid request for every operation of the OpenAPI document to start from', () => {
    const missing = operations
      .filter((o) => !(o.kind === 'scim' ? SCIM_REQUESTS : VALID_REQUESTS)[o.operationId])
      .map((o) => o.operationId);
    expect(missing).toEqual([]);
    expect(operations.length).toBeGreaterThan(0);
  });

  it.each(operations.map((o) => [o.method, o.path, o] as const))(
    '%s %s answers malformed input with a 4xx problem, never a 5xx or internals',
    async (_method, _path, op) => {
      if (op.kind === 'scim') return fuzzScim(op);
      // On fresh objects, as the admin: the scorecards are the admin's own, so every input gets deepest.
      const req = await validRequest(op.operationId, org, { org, role: 'admin' }, fresh(t, org, 'admin'));
      const people = { admin: org.members.admin, interviewer: org.members.interviewer };
      const tokens = { admin: people.admin.token, interviewer: people.interviewer.token };
      const signIn = async (who: keyof typeof tokens) => {
        const s = await must<AuthSession>(t, null, 'post', '/api/v1/auth/login', 200, {
          email: people[who].email,
          password: PASSWORD,
        });
        tokens[who] = s.token;
      };
      // Signing out must not end the sessions the other operations use, and each input meets a live one.
      if (req.freshSession) for (const who of ['admin', 'interviewer'] as const) await signIn(who);
      const as = async (who: keyof typeof tokens, input: Input, label: string) => {
        const a = await check(op, req, input, tokens[who], label);
        if (req.freshSession && a.status === 204) await signIn(who);
        return a;
      };

      // The fixed inputs go as the admin, who may call everything; the random ones as the admin and as the interviewer.
      for (const fixed of catalogue(req, op)) expectFixed(op, fixed, await as('admin', fixed.input, fixed.label));

      await fc.assert(
        fc.asyncProperty(randomInput(op, req, otherIds), async (input) => {
          await as('admin', input, 'random, as admin');
          await as('interviewer', input, 'random, as interviewer');
        }),
        { seed: SEED, numRuns: RUNS, endOnFailure: true },
      );
    },
    180_000,
  );
});
