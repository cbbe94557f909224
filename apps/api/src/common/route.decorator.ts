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
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';

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

/**
 * Binds a controller method to one entry of the contracts' endpoint table: its method, path and
 * status. The global guard authorises and the request pipeline validates from the same entry.
 *
 * The compiler holds the handler to the entry: it must return the entry's response type, and its
 * `InputOf`/`ParamsOf`/`QueryOf`/`BodyOf` arguments must be derived from this entry, not another one; so a
 * change of the contract breaks the controller at compile time, not at run time.
 */
export function Route<const E extends Endpoint>(endpoint: E): RouteDecorator<E> {
  return applyDecorators(
    METHODS[endpoint.method](endpoint.path),
    HttpCode(endpoint.status),
    SetMetadata(ENDPOINT, endpoint),
  ) as RouteDecorator<E>;
}

/**
 * The request's params, query and body, as the request pipeline parsed them from the route's
 * endpoint; type it `InputOf<'endpointName'>` (the route refuses another endpoint's input).
 */
export const Input = createParamDecorator((_data: unknown, ctx: ExecutionContext) => {
  const { params, query, body } = ctx.switchToHttp().getRequest<FastifyRequest>();
  return { params, query, body };
});
