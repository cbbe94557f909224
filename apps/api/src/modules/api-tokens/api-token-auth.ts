import { createHash, randomBytes } from 'node:crypto';
import { API_TOKEN_PREFIX, type ApiScope, type Endpoint, endpoints, TOKEN_SCOPES } from '@scorecard/contracts';
import { AppError } from '../../common/app-error.js';
import type { Caller } from '../../common/request-context.js';
import type { Db } from '../../database/db.js';
import { findApiTokenByHash, findTokenCreator, touchApiToken } from './api-tokens.repository.js';

/** A new API token: `sc_` and 32 random bytes, base64url; only its SHA-256 is stored. */
export function newApiToken(): { token: string; hash: Buffer } {
  const token = `${API_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  return { token, hash: apiTokenHash(token) };
}

export function apiTokenHash(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

/** Whether a bearer token is an API token (by its prefix) rather than a session token. */
export function isApiToken(bearer: string): boolean {
  return bearer.startsWith(API_TOKEN_PREFIX);
}

/** The scope each endpoint of the table needs from a token; an endpoint absent here refuses tokens. */
const SCOPE_OF: ReadonlyMap<Endpoint, ApiScope> = new Map(
  (Object.entries(endpoints) as [string, Endpoint][]).flatMap(([name, e]) => {
    const scope = TOKEN_SCOPES[name];
    return scope ? [[e, scope] as const] : [];
  }),
);

/**
 * The caller behind an API token: the token must exist, not be revoked nor expired, and its creator
 * must still be active. The caller acts as the creator with the creator's role as it is now (a
 * demoted creator caps the token; a deactivated one ends it), plus the token's scopes. Every
 * request reads the token afresh, so a revocation takes effect on the next request. Records the use
 * (`last_used_at`, at most once a minute).
 */
export async function authenticateApiToken(db: Db, token: string): Promise<Caller> {
  const hashHex = apiTokenHash(token).toString('hex');
  const found = await findApiTokenByHash(db, hashHex);
  if (!found || found.revoked_at) throw new AppError('unauthenticated', 'This API token is not valid.');
  if (found.expires_at && found.expires_at.getTime() <= Date.now()) {
    throw new AppError('unauthenticated', 'This API token has expired.');
  }
  const creator = await db.asTenant(found.organization_id, async () => {
    const user = await findTokenCreator(db, found.organization_id, found.created_by);
    if (user?.active) await touchApiToken(db, found.organization_id, found.id);
    return user;
  });
  if (!creator?.active) {
    throw new AppError('unauthenticated', 'The user who created this API token is no longer active.');
  }
  return {
    sessionId: found.id,
    organizationId: found.organization_id,
    organizationName: creator.organization_name,
    userId: found.created_by,
    name: creator.name,
    email: creator.email,
    role: creator.role,
    apiToken: { id: found.id, name: found.name, scopes: found.scopes as ApiScope[] },
  };
}

/**
 * Refuses an API-token caller an endpoint its scopes do not open (403 `insufficient_scope`, with
 * the scope needed), or any endpoint that never takes tokens. Session callers pass.
 */
export function requireTokenScope(caller: Caller, endpoint: Endpoint): void {
  if (!caller.apiToken) return;
  const needed = SCOPE_OF.get(endpoint);
  if (!needed) {
    throw new AppError('insufficient_scope', 'This endpoint cannot be called with an API token.', {
      headers: { 'www-authenticate': 'Bearer error="insufficient_scope"' },
    });
  }
  if (!caller.apiToken.scopes.includes(needed)) {
    throw new AppError('insufficient_scope', `This endpoint needs an API token with the scope ${needed}.`, {
      headers: { 'www-authenticate': `Bearer error="insufficient_scope", scope="${needed}"` },
    });
  }
}
