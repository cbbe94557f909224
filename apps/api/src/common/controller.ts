import { Controller, Inject, type Type } from '@nestjs/common';
import { type EndpointName, endpoints, type InputOf } from '@scorecard/contracts';
import { CurrentCaller, type Caller } from './request-context.js';
import { Input, type Result, Route } from './route.decorator.js';

/** A route's whole work: call the service with the caller and the validated input. */
type Handler<S, K extends EndpointName> = (
  service: S,
  caller: Caller,
  input: InputOf<K>,
) => Result<(typeof endpoints)[K]> | Promise<Result<(typeof endpoints)[K]>>;

/**
 * A controller whose routes are one line each, keyed by their name in the endpoint table:
 *
 *     export const CandidatesController = controller('CandidatesController', CandidatesService, {
 *       getCandidate: (candidates, caller, { params }) => candidates.get(caller, params.id),
 *     });
 *
 * Each handler is bound to the entry its key names (method, path, status, validation, access), and
 * the compiler types its input from that entry and checks its result against the entry's response,
 * so a contract change breaks the controller at compile time. Routes that need the raw request or
 * reply (cookies, uploads, downloads, streams) are written as classes with `@Route` instead.
 */
export function controller<S, N extends EndpointName>(
  name: string,
  service: Type<S>,
  handlers: { [K in N]: Handler<S, K> },
): Type {
  @Controller()
  class RoutesController {
    constructor(@Inject(service) readonly service: S) {}
  }
  for (const [route, handler] of Object.entries(handlers) as [N, Handler<S, N>][]) {
    const method = function (this: RoutesController, caller: Caller, input: InputOf<N>) {
      return handler(this.service, caller, input);
    };
    Object.defineProperty(method, 'name', { value: route });
    Object.defineProperty(RoutesController.prototype, route, { value: method, writable: true, configurable: true });
    const descriptor = Object.getOwnPropertyDescriptor(RoutesController.prototype, route)!;
    (Route(endpoints[route] as never) as MethodDecorator)(RoutesController.prototype, route, descriptor);
    // `Route` wraps the handler in the request pipeline: the descriptor now holds the wrapper.
    Object.defineProperty(RoutesController.prototype, route, descriptor);
    CurrentCaller()(RoutesController.prototype, route, 0);
    Input()(RoutesController.prototype, route, 1);
  }
  Object.defineProperty(RoutesController, 'name', { value: name });
  return RoutesController;
}
