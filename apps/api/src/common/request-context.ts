import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Role } from '@scorecard/contracts';
import type { FastifyRequest } from 'fastify';

/** Who is calling, resolved from the session by the auth guard. */
export interface Caller {
  sessionId: string;
  userId: string;
  organizationId: string;
  organizationName: string;
  name: string;
  email: string;
  role: Role;
}

declare module 'fastify' {
  interface FastifyRequest {
    caller?: Caller;
  }
}

/** The authenticated caller of a route that needs a session. */
export const CurrentCaller = createParamDecorator((_data: unknown, ctx: ExecutionContext): Caller => {
  const caller = ctx.switchToHttp().getRequest<FastifyRequest>().caller;
  if (!caller) throw new Error('CurrentCaller used on a route without a session');
  return caller;
});
