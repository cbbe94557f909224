import type { z } from 'zod';
import type { Role } from '../common.js';

export type HttpMethod = 'get' | 'post' | 'patch' | 'put' | 'delete';

/**
 * Who may call an endpoint. `public` needs no session; otherwise a session is needed and, when
 * `roles` lists roles, the caller must hold one of them.
 */
export type Access =
  | { readonly auth: 'public' }
  | { readonly auth: 'session'; readonly roles: 'any' | readonly Role[] }
  /** A SCIM client (identity provider) with a bearer SCIM token of the organization; SCIM endpoints only. */
  | { readonly auth: 'scim' };

export interface Endpoint {
  readonly method: HttpMethod;
  /** Path in `:param` form, as the router sees it. */
  readonly path: string;
  readonly summary: string;
  readonly tag: string;
  readonly access: Access;
  readonly params?: z.ZodType;
  readonly query?: z.ZodType;
  readonly body?: z.ZodType;
  /** The success status and the schema of its body (`null` for no body, or for a stream). */
  readonly status: number;
  readonly response: z.ZodType | null;
  /**
   * Set when the success is not JSON (`response` is then null): `text/event-stream` for a stream of
   * server-sent events (the route writes the raw reply), `text/plain` for text (the metrics),
   * `application/octet-stream` for a file's bytes (served with the type sniffed from them),
   * `text/calendar` for an iCalendar feed, `application/samlmetadata+xml` for SAML metadata,
   * `application/pdf` for a document rendered on the server (the committee packet).
   */
  readonly produces?:
    | 'text/event-stream'
    | 'text/plain'
    | 'application/octet-stream'
    | 'text/calendar'
    | 'application/samlmetadata+xml'
    | 'application/pdf';
  /** The request body's media type when it is not JSON: a multipart upload's one file field, named here. */
  readonly uploadField?: string;
  /** Every write is recorded in the audit log; set this to record a read too (an export of personal data). */
  readonly audited?: boolean;
  /** The audit log's entity type, when the one derived from the path would be wrong (see `auditEntityType`). */
  readonly auditEntity?: string;
  /**
   * The handler writes the audit event itself, in the same transaction as the action (sign-in and
   * sign-up: the session and its event commit together); the audit interceptor leaves it alone.
   */
  readonly auditedByHandler?: boolean;
}

export const anyone = { auth: 'session', roles: 'any' } as const;
export const admins = { auth: 'session', roles: ['admin'] } as const;
/** An identity provider with a SCIM token (see `scimEndpoints`). */
export const scimClient = { auth: 'scim' } as const;
/** Who may read rubrics, checklists and openings; interviewers see only what their interviews need. */
export const hiringTeam = { auth: 'session', roles: ['admin', 'hiring_manager', 'recruiter'] } as const;
/** Who may change them. */
export const designers = { auth: 'session', roles: ['admin', 'hiring_manager'] } as const;
/** Who records hiring decisions. */
export const deciders = { auth: 'session', roles: ['admin', 'hiring_manager'] } as const;
/** Who runs the pipeline: candidates, applications and stage moves. */
export const recruiting = { auth: 'session', roles: ['admin', 'recruiter', 'hiring_manager'] } as const;

/** The names of a path's parameters: `'/api/v1/openings/:id/board'` → `'id'`. */
export type PathParamNames<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | PathParamNames<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;

/** A path's parameters as the router hands them over: `'/api/v1/candidates/:id'` → `{ id: string }`. */
export type PathParams<P extends string> = { [K in PathParamNames<P>]: string };

/**
 * Marks a type derived from an endpoint with that endpoint (`GET /api/v1/candidates/:id`). It is
 * never present at run time; it lets a route refuse a handler argument derived from another endpoint.
 */
export declare const ENDPOINT_OF: unique symbol;
export type EndpointId<E extends Endpoint> = `${Uppercase<E['method']>} ${E['path']}`;
type Of<E extends Endpoint, T> = T & { readonly [ENDPOINT_OF]?: EndpointId<E> };

type Output<E, K extends 'params' | 'query' | 'body'> = E extends { readonly [P in K]: infer S extends z.ZodType }
  ? z.output<S>
  : undefined;

type Params<E extends Endpoint> = E extends { readonly params: z.ZodType }
  ? Output<E, 'params'>
  : PathParams<E['path']>;

/** The path parameters a handler of `E` receives, validated (`{ id: string }` for `/…/:id`). */
export type EndpointParams<E extends Endpoint> = Of<E, Params<E>>;
/** The query a handler of `E` receives, parsed by its schema (defaults filled in). */
export type EndpointQuery<E extends Endpoint> = Of<E, Output<E, 'query'>>;
/** The body a handler of `E` receives, parsed by its schema. */
export type EndpointBody<E extends Endpoint> = Of<E, Output<E, 'body'>>;
/** Everything a handler of `E` receives from the request, validated: its params, query and body. */
export type EndpointInput<E extends Endpoint> = Of<
  E,
  { readonly params: Params<E>; readonly query: Output<E, 'query'>; readonly body: Output<E, 'body'> }
>;
/** The success body of `E` (`undefined` when it has none). */
export type EndpointResponse<E extends Endpoint> = E['response'] extends z.ZodType
  ? z.output<E['response']>
  : undefined;

/** `never` when the `:names` of an endpoint's path are exactly its params schema's keys. */
type ParamsMismatch<E extends Endpoint> = [PathParamNames<E['path']>] extends [never]
  ? E extends { readonly params: z.ZodType }
    ? 'has params but its path has no :param'
    : never
  : E extends { readonly params: infer S extends z.ZodType }
    ? [keyof z.output<S>] extends [PathParamNames<E['path']>]
      ? [PathParamNames<E['path']>] extends [keyof z.output<S>]
        ? never
        : 'its path has a :param that its params schema lacks'
      : 'its params schema has a key that its path lacks'
    : 'its path has a :param but it has no params schema';

/**
 * A group of endpoints, checked: each path's `:params` are exactly the keys of its params schema, so
 * renaming one without the other fails to compile (the error names the endpoint and what is wrong).
 */
export function endpointGroup<const T extends Record<string, Endpoint>>(
  group: T & { [K in keyof T]: [ParamsMismatch<T[K]>] extends [never] ? unknown : { params: ParamsMismatch<T[K]> } },
): T {
  return group;
}
