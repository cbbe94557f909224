import {
  applyDecorators,
  createParamDecorator,
  Delete,
  type ExecutionContext,
  Get,
  HttpCode,
  Patch,
  Post,
  Put,
  SetMetadata,
} from '@nestjs/common';
import type { Endpoint, ENDPOINT_OF, EndpointId, ResponseOf } from '@scorecard/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { validateOnce } from './validate-input.js';

export const ENDPOINT = Symbol('scorecard:endpoint');

const METHODS = { get: Get, post: Post, patch: Patch, put: Put, delete: Delete } as const;

/**
 * What a handler of `E` may return: its response schema's type; anything when the entry has no
 * response schema (no content, a stream or bytes the route writes itself).
 */
export type Result<E extends Endpoint> = [E['response']] extends [z.ZodType] ? ResponseOf<E> : unknown;

/** The endpoints that the handler's derived arguments (`ParamsOf<…>`, `BodyOf<…>`…) come from. */
type ArgumentEndpoints<A extends readonly unknown[]> = {
  [I in keyof A]: typeof ENDPOINT_OF extends keyof A[I]
    ? Exclude<A[I][typeof ENDPOINT_OF & keyof A[I]], undefined>
    : never;
}[number];

/** `unknown` when every derived argument comes from `E`; otherwise a type naming the wrong endpoint. */
type OwnArguments<E extends Endpoint, A extends readonly unknown[]> = [
  Exclude<ArgumentEndpoints<A>, EndpointId<E>>,
] extends [never]
  ? unknown
  : { 'an argument is derived from another endpoint': Exclude<ArgumentEndpoints<A>, EndpointId<E>> };

/** A method decorator that the compiler checks against the handler it decorates. */
export type RouteDecorator<E extends Endpoint> = <H extends (...args: never[]) => Result<E> | Promise<Result<E>>>(
  target: object,
  key: string | symbol,
  descriptor: TypedPropertyDescriptor<H> & OwnArguments<E, Parameters<H>>,
) => void;

/** What runs every route's handler: the request pipeline (`request-pipeline.ts`), which createApp sets on Fastify. */
export interface HandlerRunner {
  run(endpoint: Endpoint, req: FastifyRequest, reply: FastifyReply, handler: () => unknown): unknown;
}

declare module 'fastify' {
  interface FastifyInstance {
    requestPipeline?: HandlerRunner;
  }
}

/** An argument the route's own parameters never reach: where the wrapper below receives the request and reply. */
const EXCHANGE_ARG = 30;
/**
 * The request and reply, in an object: Nest awaits each argument it resolves, and Fastify's reply
 * is a thenable that settles only once the answer is sent (awaited alone, it would never settle).
 */
const Exchange = createParamDecorator((_data: unknown, ctx: ExecutionContext) => ({
  req: ctx.switchToHttp().getRequest<FastifyRequest>(),
  reply: ctx.switchToHttp().getResponse<FastifyReply>(),
}));

/**
 * Binds a controller method to one entry of the contracts' endpoint table: its method, path and
 * status. The global guard authorises from the same entry, and the handler runs inside the request
 * pipeline (validation, tenant transaction, idempotency, audit: `request-pipeline.ts`): the method
 * is wrapped here, so the pipeline is plain async code around the handler, not a Nest interceptor
 * (an rxjs chain per request). The wrapper receives the request and the reply in one extra
 * argument the handler's own parameters never reach, and carries the original's metadata.
 *
 * The compiler holds the handler to the entry: it must return the entry's response type, and its
 * `InputOf`/`ParamsOf`/`QueryOf`/`BodyOf` arguments must be derived from this entry, not another one; so a
 * change of the contract breaks the controller at compile time, not at run time.
 */
export function Route<const E extends Endpoint>(endpoint: E): RouteDecorator<E> {
  const bind = applyDecorators(
    METHODS[endpoint.method](endpoint.path),
    HttpCode(endpoint.status),
    SetMetadata(ENDPOINT, endpoint),
  );
  return ((target: object, key: string | symbol, descriptor: PropertyDescriptor) => {
    const handler = descriptor.value as (...args: unknown[]) => unknown;
    const routed = function (this: unknown, ...args: unknown[]) {
      const { req, reply } = args[EXCHANGE_ARG] as { req: FastifyRequest; reply: FastifyReply };
      const runner = req.server.requestPipeline;
      // Fail closed: a handler never runs without its validation, transaction and audit.
      if (!runner) throw new Error('the request pipeline is not set on this Fastify instance (see createApp)');
      return runner.run(endpoint, req, reply, () => handler.apply(this, args));
    };
    for (const k of Reflect.getMetadataKeys(handler) as unknown[])
      Reflect.defineMetadata(k, Reflect.getMetadata(k, handler), routed);
    Object.defineProperty(routed, 'name', { value: handler.name });
    descriptor.value = routed;
    Exchange()(target, key, EXCHANGE_ARG);
    bind(target, key, descriptor);
  }) as RouteDecorator<E>;
}

/**
 * The request's params, query and body, parsed against the route's endpoint (the pipeline's first
 * step, run here because Nest resolves a handler's arguments before calling it; a refusal is a 400
 * before anything is read or written); type it `InputOf<'endpointName'>` (the route refuses another
 * endpoint's input).
 */
export const Input = createParamDecorator((_data: unknown, ctx: ExecutionContext) => {
  const req = ctx.switchToHttp().getRequest<FastifyRequest>();
  const endpoint = Reflect.getMetadata(ENDPOINT, ctx.getHandler()) as Endpoint | undefined;
  if (endpoint) validateOnce(endpoint, req);
  const { params, query, body } = req;
  return { params, query, body };
});
