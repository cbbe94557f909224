import { createHash, randomBytes } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../common/app-error.js';
import type { Db } from '../../database/db.js';
import { findScimTokenByHash, touchScimToken } from './scim-tokens.repository.js';

/** The identity provider calling a SCIM endpoint: the organization its token belongs to. */
export interface ScimClient {
  organizationId: string;
  tokenId: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the auth guard on SCIM endpoints (see `authenticateScimClient`). */
    scimClient?: ScimClient;
  }
}

const TOKEN_PREFIX = 'scim_';

/** A new SCIM token: 32 random bytes, base64url, with a prefix that says what it is (secret scanners). */
export function newScimToken(): { token: string; hash: Buffer } {
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  return { token, hash: scimTokenHash(token) };
}

export function scimTokenHash(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

/**
 * Authenticates a request to a SCIM endpoint by its `Authorization: Bearer <SCIM token>`: the
 * token must exist and not be revoked. Sets `req.scimClient`; sessions are not accepted here, and
 * SCIM tokens are accepted nowhere else (the session lookup never finds them).
 */
export async function authenticateScimClient(db: Db, req: FastifyRequest): Promise<ScimClient> {
  const m = /^Bearer\s+(\S{1,300})$/i.exec(req.headers.authorization ?? '');
  if (!m?.[1]) throw new AppError('unauthenticated', 'Send a SCIM token as Authorization: Bearer <token>.');
  const found = await findScimTokenByHash(db, scimTokenHash(m[1]).toString('hex'));
  if (!found || found.revoked_at) throw new AppError('unauthenticated', 'This SCIM token is not valid.');
  await touchScimToken(db, found.organization_id, found.id);
  const client = { organizationId: found.organization_id, tokenId: found.id };
  req.scimClient = client;
  return client;
}
