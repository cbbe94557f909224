import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { ApiScope, Role } from '@scorecard/contracts';
import type { FastifyRequest } from 'fastify';

/** The organization API token a machine called with (see modules/api-tokens). */
export interface CallerApiToken {
  id: string;
  name: string;
  scopes: readonly ApiScope[];
}

/**
 * Who is calling, resolved by the auth guard from a session, or from an organization API token.
 * A token acts as the user who created it, with that user's role as it is now (so a token never
 * exceeds its creator); `apiToken` is then set and `sessionId` is the token's id (it matches no
 * session, so session-only code such as sign-out or a stream bound to its session does nothing).
 */
export interface Caller {
  sessionId: string;
  userId: string;
  organizationId: string;
  organizationName: string;
  name: string;
  email: string;
  role: Role;
  /** Set when the request came with an API token instead of a session. */
  apiToken?: CallerApiToken;
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
