import { type AuthSession, endpoints, type Endpoint } from '@scorecard/contracts';
import type { Response, Test } from 'supertest';
import type { z } from 'zod';
import type { TestApp } from './test-app.js';

/**
 * A typed test client derived from the contracts' endpoint table: name an operation, give its
 * params, query and body (typed from the endpoint's zod schemas), and get back its body, typed
 * from the endpoint's response schema and checked against it.
 *
 *   const candidate = await api.as(recruiter).call('getCandidate', { params: { id } });
 *   const problem = await api.as(interviewer).call('getCandidate', { params: { id } }).expect(403);
 *   await api.as(recruiter).raw('createCandidate', { body: { nonsense: true } }).expect(400);
 *
 * `call` expects the endpoint's success status and fails with the answer's text otherwise;
 * `.expect(status)` expects another status instead and answers the whole supertest response;
 * `raw` takes anything (for requests the contract refuses) and answers supertest's request.
 */

export type EndpointName = keyof typeof endpoints;
type Def<N extends EndpointName> = (typeof endpoints)[N];
type Schema<D, K extends string> = D extends { readonly [P in K]: infer S extends z.ZodType } ? S : never;

// The same helpers contracts is getting (`ParamsOf`, `BodyOf`, …) keyed by operation name here;
// what a request sends is the schemas' input (defaults may be left out), what it answers their output.
export type ParamsOf<N extends EndpointName> = z.input<Schema<Def<N>, 'params'>>;
export type QueryOf<N extends EndpointName> = z.input<Schema<Def<N>, 'query'>>;
export type BodyOf<N extends EndpointName> = z.input<Schema<Def<N>, 'body'>>;
export type ResponseOf<N extends EndpointName> = [Schema<Def<N>, 'response'>] extends [never]
  ? unknown
  : z.output<Schema<Def<N>, 'response'>>;

/** A part of the request: required when the endpoint has a schema for it that needs a value, absent when it has none. */
type Part<K extends string, S> = [S] extends [never]
  ? { [P in K]?: never }
  : undefined extends z.input<S & z.ZodType>
    ? { [P in K]?: z.input<S & z.ZodType> }
    : { [P in K]: z.input<S & z.ZodType> };

export type CallInput<N extends EndpointName> = Part<'params', Schema<Def<N>, 'params'>> &
  Part<'query', Schema<Def<N>, 'query'>> &
  Part<'body', Schema<Def<N>, 'body'>>;

/** What `raw` sends: anything, typed or not. */
export interface LooseInput {
  params?: Record<string, string>;
  query?: Record<string, unknown>;
  body?: unknown;
}

/** Optional when the endpoint needs no part at all. */
type Args<N extends EndpointName> =
  Partial<CallInput<N>> extends CallInput<N> ? [input?: CallInput<N>] : [input: CallInput<N>];

/** Anyone who holds a session token: a member, an `AuthSession`; `null` for nobody. */
export type Who = { token: string } | null;

const table = endpoints as Record<string, Endpoint>;

/** `/api/v1/candidates/:id` with `id` filled in (encoded). */
export function pathOf(name: EndpointName, params: Record<string, string> = {}): string {
  const endpoint = table[name];
  if (!endpoint) throw new Error(`${name} is not in the endpoint table`);
  return endpoint.path.replace(/:(\w+)/g, (_, key: string) => {
    const value = params[key];
    if (value === undefined) throw new Error(`${name}: no value for path parameter ${key}`);
    return encodeURIComponent(value);
  });
}

/** One request, sent when awaited (expecting the endpoint's status) or on `.expect(status)`. */
export class Call<N extends EndpointName> implements PromiseLike<ResponseOf<N>> {
  constructor(
    private readonly caller: Caller,
    private readonly name: N,
    private readonly input: LooseInput,
  ) {}

  /** Sends it, expecting `status`; answers the response (for a problem, `res.body` is the problem). */
  async expect(status: number): Promise<Response> {
    const res = await this.caller.raw(this.name, this.input);
    if (res.status !== status) {
      throw new Error(`${this.name} answered ${res.status}, not ${status}: ${res.text}`);
    }
    return res;
  }

  then<A = ResponseOf<N>, B = never>(
    onFulfilled?: ((value: ResponseOf<N>) => A | PromiseLike<A>) | null,
    onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): Promise<A | B> {
    return this.body().then(onFulfilled, onRejected);
  }

  private async body(): Promise<ResponseOf<N>> {
    const endpoint = table[this.name]!;
    const res = await this.expect(endpoint.status);
    if (endpoint.response) {
      // Checked, not replaced: the test sees exactly what the API sent (nothing stripped).
      const parsed = endpoint.response.safeParse(res.body);
      if (!parsed.success) throw new Error(`${this.name} answered a body its schema refuses: ${parsed.error.message}`);
    }
    return res.body as ResponseOf<N>;
  }
}

/** The client as one caller, with the headers it sends on every request. */
export class Caller {
  constructor(
    private readonly t: TestApp,
    readonly who: Who,
    private readonly headers: Record<string, string> = {},
  ) {}

  /** The same caller sending these headers too (a request id, a cookie…). */
  with(headers: Record<string, string>): Caller {
    return new Caller(this.t, this.who, { ...this.headers, ...headers });
  }

  call<N extends EndpointName>(name: N, ...[input]: Args<N>): Call<N> {
    return new Call(this, name, (input ?? {}) as LooseInput);
  }

  /** The request as supertest has it, for error cases: chain `.expect(…)` yourself. */
  raw(name: EndpointName, input: LooseInput = {}): Test {
    const endpoint = table[name]!;
    let req = this.t.http()[endpoint.method](pathOf(name, input.params));
    if (this.who) req = req.set('authorization', `Bearer ${this.who.token}`);
    if (Object.keys(this.headers).length > 0) req = req.set(this.headers);
    if (input.query) req = req.query(input.query as Record<string, string>);
    return input.body === undefined ? req : req.send(input.body as object);
  }
}

export interface Api {
  as(who: Who): Caller;
  /** No session at all. */
  anonymous: Caller;
  /** Signs in with a password and expects a session (not a two-factor challenge). */
  signIn(body: BodyOf<'login'>): Promise<AuthSession>;
}

export function apiOf(t: TestApp): Api {
  const anonymous = new Caller(t, null);
  return {
    as: (who) => new Caller(t, who),
    anonymous,
    async signIn(body) {
      const answer = await anonymous.call('login', { body });
      if (!('token' in answer)) throw new Error(`sign-in of ${body.email} asked for a two-factor code`);
      return answer;
    },
  };
}
