import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import { type Endpoint, endpoints, FILE_CONTENT_TYPES, Problem, SESSION_COOKIE } from '@scorecard/contracts';
import type { z } from 'zod';

const ERROR_STATUSES: Record<number, string> = {
  400: 'Invalid input (field errors in `errors`)',
  401: 'No live session',
  403: 'The role is not allowed, or a cookie request lacks the CSRF header',
  404: 'Not found in the caller’s organization',
  409: 'Conflict with the current state',
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
};

function errorStatuses(e: Endpoint): number[] {
  const s = [400];
  if (e.access.auth === 'session') s.push(401, 403);
  if (e.access.auth === 'scim') s.push(401);
  if (e.params) s.push(404);
  if (e.method !== 'get') s.push(409);
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
      { description: string; content?: Record<string, { schema: z.ZodType | { type: 'string' } }> }
    > = {
      [e.status]: e.produces
        ? {
            description: PRODUCES[e.produces],
            // A file is served with the type sniffed from its bytes: one of the accepted types.
            content: Object.fromEntries(
              (e.produces === 'application/octet-stream' ? FILE_CONTENT_TYPES : [e.produces]).map((type) => [
                type,
                { schema: { type: 'string' as const } },
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
      description: `Access: ${roles}.`,
      tags: [e.tag],
      ...(e.access.auth === 'session' ? { security: [{ bearer: [] }, { cookie: [] }] } : {}),
      ...(e.access.auth === 'scim' ? { security: [{ bearer: [] }] } : {}),
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
