import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { CSRF_HEADER, CSRF_HEADER_VALUE, type Endpoint, type Role, SESSION_COOKIE } from '@scorecard/contracts';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../common/app-error.js';
import { ENDPOINT } from '../../common/route.decorator.js';
import { Db } from '../../database/db.js';
import { authenticateApiToken, isApiToken, requireTokenScope } from '../api-tokens/api-token-auth.js';
import { authenticateScimClient } from '../scim/scim-auth.js';
import { SessionsService } from '../sessions/sessions.service.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function bearerToken(req: FastifyRequest): string | undefined {
  const h = req.headers.authorization;
  if (!h) return undefined;
  const m = /^Bearer\s+([A-Za-z0-9_-]{20,200})$/.exec(h);
  return m?.[1] ?? '';
}

/** The session token a request carries: its bearer token, or else its session cookie. */
export function requestToken(req: FastifyRequest): string | undefined {
  return bearerToken(req) ?? req.cookies?.[SESSION_COOKIE];
}

/**
 * Runs before every route. A route without an endpoint entry is refused (fail closed). Public
 * endpoints pass; the rest need a live session (bearer token or cookie) and one of the allowed roles.
 * Cookie-authenticated writes must carry the CSRF header, which a cross-site form cannot add.
 * A bearer token starting `sc_` is an organization API token (modules/api-tokens): it acts as its
 * creator (their role now) and opens only the endpoints its scopes name in TOKEN_SCOPES (403
 * `insufficient_scope` otherwise); it needs no CSRF header (no browser sends it by itself).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionsService,
    private readonly db: Db,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const endpoint = this.reflector.get<Endpoint | undefined>(ENDPOINT, ctx.getHandler());
    if (!endpoint) throw new Error(`route ${ctx.getClass().name}.${ctx.getHandler().name} has no endpoint entry`);
    if (endpoint.access.auth === 'public') return true;

    const req = ctx.switchToHttp().getRequest<FastifyRequest>();
    // SCIM endpoints take a SCIM token only (never a session); a SCIM token opens nothing else.
    if (endpoint.access.auth === 'scim') return authenticateScimClient(this.db, req).then(() => true);
    const bearer = bearerToken(req);
    if (bearer && isApiToken(bearer)) {
      const caller = await authenticateApiToken(this.db, bearer);
      req.caller = caller;
      requireTokenScope(caller, endpoint);
      return this.checkRole(endpoint, caller.role);
    }
    const token = requestToken(req);
    if (!token) throw new AppError('unauthenticated', 'Sign in to continue.');
    if (bearer === undefined && !SAFE_METHODS.has(req.method) && req.headers[CSRF_HEADER] !== CSRF_HEADER_VALUE) {
      throw new AppError('csrf_failed', `Requests signed in by cookie must send the ${CSRF_HEADER} header.`);
    }
    const caller = token ? await this.sessions.resolve(token) : null;
    if (!caller) throw new AppError('unauthenticated', 'Your session has ended. Sign in again.');
    req.caller = caller;
    return this.checkRole(endpoint, caller.role);
  }

  private checkRole(endpoint: Endpoint, role: Role): true {
    const roles = endpoint.access.auth === 'session' ? endpoint.access.roles : [];
    if (roles !== 'any' && !roles.includes(role)) {
      throw new AppError('forbidden', 'Your role does not allow this.');
    }
    return true;
  }
}
