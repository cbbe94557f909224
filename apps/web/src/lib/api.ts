import {
  CSRF_HEADER,
  CSRF_HEADER_VALUE,
  ErrorCode,
  Problem,
  endpoints,
  type FieldError,
  type ProblemOrganization,
} from '@scorecard/contracts';
import type { z } from 'zod';

type Endpoints = typeof endpoints;
export type EndpointName = keyof Endpoints;

type SchemaInput<E, K extends string> = E extends { readonly [P in K]: infer S extends z.ZodType } ? z.input<S> : never;
type SchemaOutput<E, K extends string> = E extends { readonly [P in K]: infer S extends z.ZodType }
  ? z.output<S>
  : never;

/** What a caller passes for endpoint `N`: only the parts that endpoint declares. */
export type RequestOptions<N extends EndpointName> = {
  signal?: AbortSignal;
} & (Endpoints[N] extends { params: z.ZodType }
  ? { params: SchemaOutput<Endpoints[N], 'params'> }
  : { params?: never }) &
  (Endpoints[N] extends { query: z.ZodType }
    ? { query?: Partial<SchemaInput<Endpoints[N], 'query'>> }
    : { query?: never }) &
  (Endpoints[N] extends { body: z.ZodType } ? { body?: SchemaOutput<Endpoints[N], 'body'> } : { body?: never });

/** The parsed success body of endpoint `N` (`undefined` for 204). */
export type ResponseOf<N extends EndpointName> = Endpoints[N]['response'] extends z.ZodType
  ? z.output<Endpoints[N]['response']>
  : undefined;

/** Codes the client adds to the API's own, for failures that never reached or never came from it. */
export type ClientErrorCode = 'network_error' | 'invalid_response' | 'unknown';

/** Any failed call: the API's problem+json, or a network/parse failure described the same way. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode | ClientErrorCode;
  readonly title: string;
  readonly detail: string | undefined;
  readonly fieldErrors: FieldError[];
  readonly requestId: string | undefined;
  /** Seconds from the Retry-After header, when the API sent one (429). */
  readonly retryAfter: number | undefined;
  /** `organization_required`: the organizations to choose from. */
  readonly organizations: ProblemOrganization[];

  constructor(init: {
    status: number;
    code: ErrorCode | ClientErrorCode;
    title: string;
    detail?: string | undefined;
    fieldErrors?: FieldError[] | undefined;
    requestId?: string | undefined;
    retryAfter?: number | undefined;
    organizations?: ProblemOrganization[] | undefined;
  }) {
    super(init.detail ?? init.title);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.title = init.title;
    this.detail = init.detail;
    this.fieldErrors = init.fieldErrors ?? [];
    this.requestId = init.requestId;
    this.retryAfter = init.retryAfter;
    this.organizations = init.organizations ?? [];
  }
}

export function isApiError(error: unknown, code?: ApiError['code']): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

let unauthorizedHandler: (() => void) | undefined;

/**
 * Called when any call other than sign-in answers 401: the session is gone, so the app returns to
 * the sign-in page. The app registers this once (see app/App.tsx).
 */
export function onUnauthorized(handler: () => void): () => void {
  unauthorizedHandler = handler;
  return () => {
    if (unauthorizedHandler === handler) unauthorizedHandler = undefined;
  };
}

/** Endpoints whose 401 means "wrong credentials", not "signed out". */
const CREDENTIAL_ENDPOINTS: ReadonlySet<EndpointName> = new Set<EndpointName>(['login', 'completeTwoFactorLogin']);

function buildUrl(path: string, params: unknown, query: unknown): string {
  let url = path.replace(/:([A-Za-z]+)/g, (_, key: string) => {
    const value = (params as Record<string, unknown> | undefined)?.[key];
    if (value === undefined || value === null) throw new Error(`Missing path parameter "${key}" for ${path}`);
    return encodeURIComponent(String(value));
  });
  if (query && typeof query === 'object') {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) {
      if (value === undefined || value === null || value === '') continue;
      search.set(key, String(value));
    }
    const qs = search.toString();
    if (qs) url += `?${qs}`;
  }
  return url;
}

function parseRetryAfter(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.round((date - Date.now()) / 1000));
}

async function toApiError(response: Response): Promise<ApiError> {
  const retryAfter = parseRetryAfter(response.headers.get('retry-after'));
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    json = undefined;
  }
  const problem = Problem.safeParse(json);
  if (problem.success) {
    const p = problem.data;
    return new ApiError({
      status: p.status || response.status,
      code: p.code,
      title: p.title,
      detail: p.detail,
      fieldErrors: p.errors,
      requestId: p.requestId,
      retryAfter,
      organizations: p.organizations,
    });
  }
  // Not a problem document we recognise: keep what we can (a known code, a request id).
  const loose = (json ?? {}) as Record<string, unknown>;
  const code = ErrorCode.safeParse(loose.code);
  return new ApiError({
    status: response.status,
    code: code.success ? code.data : 'unknown',
    title: typeof loose.title === 'string' ? loose.title : response.statusText || `HTTP ${response.status}`,
    detail: typeof loose.detail === 'string' ? loose.detail : undefined,
    requestId:
      typeof loose.requestId === 'string' ? loose.requestId : (response.headers.get('x-request-id') ?? undefined),
    retryAfter,
  });
}

/**
 * The one way the web app talks to the API: typed by the contract's endpoint table, sends the CSRF
 * header and same-origin cookies, parses success bodies with the contract's response schema and
 * turns every failure into an ApiError.
 */
export async function api<N extends EndpointName>(name: N, options?: RequestOptions<N>): Promise<ResponseOf<N>> {
  const endpoint: (typeof endpoints)[EndpointName] = endpoints[name];
  const opts = (options ?? {}) as { params?: unknown; query?: unknown; body?: unknown; signal?: AbortSignal };
  const url = buildUrl(endpoint.path, opts.params, opts.query);
  const headers: Record<string, string> = { [CSRF_HEADER]: CSRF_HEADER_VALUE, accept: 'application/json' };
  const init: RequestInit = {
    method: endpoint.method.toUpperCase(),
    credentials: 'same-origin',
    headers,
    signal: opts.signal ?? null,
  };
  if (opts.body !== undefined) {
    headers['content-type'] = 'application/json';
    init.body = JSON.stringify(opts.body);
  }

  let response: Response;
  try {
    response = await fetch(url, init);
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError({
      status: 0,
      code: 'network_error',
      title: 'Cannot reach Scorecard',
      detail: 'Check your connection and try again.',
    });
  }

  if (!response.ok) {
    const error = await toApiError(response);
    if (response.status === 401 && !CREDENTIAL_ENDPOINTS.has(name)) unauthorizedHandler?.();
    throw error;
  }

  if (endpoint.response === null || response.status === 204) return undefined as ResponseOf<N>;
  const json: unknown = await response.json().catch(() => undefined);
  const parsed = endpoint.response.safeParse(json);
  if (!parsed.success) {
    console.error(`Response of ${name} does not match the contract`, parsed.error.issues);
    throw new ApiError({
      status: response.status,
      code: 'invalid_response',
      title: 'Unexpected response',
      detail: 'Scorecard answered in a way this page does not understand. Reload the page and try again.',
      requestId: response.headers.get('x-request-id') ?? undefined,
    });
  }
  return parsed.data as ResponseOf<N>;
}

/** A sentence for a person, for any error thrown by `api` (or anything else). */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    switch (error.code) {
      case 'network_error':
        return 'Cannot reach Scorecard. Check your connection and try again.';
      case 'forbidden':
        return 'You don’t have access to this.';
      case 'too_many_attempts':
        return tooManyAttemptsMessage(error.retryAfter);
      default:
        return error.detail ?? error.title;
    }
  }
  return 'Something went wrong. Try again.';
}

export function tooManyAttemptsMessage(retryAfterSeconds: number | undefined): string {
  if (retryAfterSeconds === undefined) return 'Too many attempts. Try again in a few minutes.';
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return `Too many attempts, try again in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}.`;
}
