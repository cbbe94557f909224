import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import {
  type Endpoint,
  endpoints,
  FILE_CONTENT_TYPES,
  Problem,
  SESSION_COOKIE,
  TOKEN_SCOPES,
} from '@scorecard/contracts';
import type { z } from 'zod';
import { registerWebhooks } from '../modules/webhooks/webhook-openapi.js';

const ERROR_STATUSES: Record<number, string> = {
  400: 'Invalid input (field errors in `errors`)',
  401: 'No live session',
  403: 'The role is not allowed, a cookie request lacks the CSRF header, or an API token lacks the scope (`insufficient_scope`)',
  404: 'Not found in the caller’s organization',
  409: 'Conflict with the current state',
  422: 'Not possible in the current state, or an Idempotency-Key reused for another request',
  429: 'Too many attempts; see Retry-After',
  503: 'Not available: the database does not answer, or (readiness) migrations are not applied',
};

/** How a success that is not JSON is described (see `Endpoint.produces`). */
const PRODUCES: Record<NonNullable<Endpoint['produces']>, string> = {
  'text/event-stream': 'A stream of server-sent events that stays open until the client disconnects',
  'text/plain': 'Text, in the format the summary names',
  'application/octet-stream': 'The file’s bytes, with the content type sniffed from them',
  'text/calendar': 'An iCalendar (RFC 5545) document',
  'application/samlmetadata+xml': 'A SAML 2.0 metadata document',
  'application/pdf': 'A PDF document, as an attachment',
};

/** `Idempotency-Key` on every signed-in POST (see modules/idempotency). */
const IDEMPOTENCY_KEY = {
  name: 'Idempotency-Key',
  in: 'header' as const,
  required: false,
  description:
    'Makes a retry safe: the first answer to this key (same status and body) is kept 24 hours per caller and ' +
    'replayed with `Idempotent-Replayed: true` without acting again. The same key with another request ' +
    'answers 422 `idempotency_key_reused`; an error answer is not kept. 1–255 visible ASCII characters, ' +
    'else 400 `invalid_idempotency_key`.',
  schema: { type: 'string' as const, minLength: 1, maxLength: 255, pattern: '^[!-~]+$' },
};

/** Whether an organization API token may call the operation, and with which scope (TOKEN_SCOPES). */
function tokenAccess(operationId: string, e: Endpoint): string {
  if (e.access.auth !== 'session') return '';
  const scope = TOKEN_SCOPES[operationId];
  return scope ? ` API tokens: scope \`${scope}\`.` : ' Not open to API tokens.';
}

function errorStatuses(e: Endpoint): number[] {
  const s = [400];
  if (e.access.auth === 'session') s.push(401, 403);
  if (e.access.auth === 'scim') s.push(401);
  if (e.params) s.push(404);
  if (e.method !== 'get') s.push(409);
  if (e.method === 'post' && e.access.auth === 'session') s.push(422);
  if (e.path.endsWith('/auth/login')) s.push(401, 429);
  if (e.path === '/api/health' || e.path === '/api/ready') s.push(503);
  return [...new Set(s)].sort();
}

/** The OpenAPI 3.1 document, generated from the contracts' endpoint table. */
export function buildOpenApiDocument(version: string) {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer' });
  registry.registerComponent('securitySchemes', 'cookie', { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE });
  const problemContent = { 'application/problem+json': { schema: Problem } };

  for (const [operationId, e] of Object.entries(endpoints) as [string, Endpoint][]) {
    const responses: Record<
      string,
      {
        description: string;
        content?: Record<
          string,
          { schema: z.ZodType | { type: 'string'; format?: string; contentMediaType?: string } }
        >;
      }
    > = {
      [e.status]: e.produces
        ? {
            description: PRODUCES[e.produces],
            // A file is served with the type sniffed from its bytes: one of the accepted types.
            content: Object.fromEntries(
              (e.produces === 'application/octet-stream' ? FILE_CONTENT_TYPES : [e.produces]).map((type) => [
                type,
                // A PDF is binary: OpenAPI 3.1 says so with contentMediaType (format: binary for older tools).
                {
                  schema:
                    type === 'application/pdf'
                      ? { type: 'string' as const, format: 'binary', contentMediaType: type }
                      : { type: 'string' as const },
                },
              ]),
            ),
          }
        : e.response
          ? { description: 'Success', content: { 'application/json': { schema: e.response } } }
          : { description: 'Success, no content' },
    };
    for (const s of errorStatuses(e))
      responses[s] = { description: ERROR_STATUSES[s] ?? 'Error', content: problemContent };
    const roles =
      e.access.auth === 'public'
        ? 'public'
        : e.access.auth === 'scim'
          ? 'an identity provider with a SCIM token (errors in SCIM’s format)'
          : e.access.roles === 'any'
            ? 'any signed-in user'
            : e.access.roles.join(', ');
    registry.registerPath({
      method: e.method,
      path: e.path.replace(/:([A-Za-z]+)/g, '{$1}'),
      operationId,
      summary: e.summary,
      description: `Access: ${roles}.${tokenAccess(operationId, e)}`,
      tags: [e.tag],
      ...(e.access.auth === 'session' ? { security: [{ bearer: [] }, { cookie: [] }] } : {}),
      ...(e.access.auth === 'scim' ? { security: [{ bearer: [] }] } : {}),
      ...(e.method === 'post' && e.access.auth === 'session' ? { parameters: [IDEMPOTENCY_KEY] } : {}),
      request: {
        ...(e.params ? { params: e.params as z.ZodObject } : {}),
        ...(e.query ? { query: e.query as z.ZodObject } : {}),
        ...(e.uploadField
          ? {
              body: {
                required: true,
                content: {
                  'multipart/form-data': {
                    schema: {
                      type: 'object' as const,
                      properties: { [e.uploadField]: { type: 'string' as const, format: 'binary' } },
                      required: [e.uploadField],
                    },
                  },
                },
              },
            }
          : e.body
            ? {
                body: {
                  required: !e.body.safeParse(undefined).success,
                  content: { 'application/json': { schema: e.body } },
                },
              }
            : {}),
      },
      responses,
    });
  }
  registerWebhooks(registry);
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Scorecard API',
      version,
      description:
        'Structured interviews for hiring technical leaders. Errors are RFC 9457 problem details with a stable `code`. ' +
        `Cookie-authenticated writes must send the header \`x-requested-with: scorecard\`.`,
    },
  });
}
