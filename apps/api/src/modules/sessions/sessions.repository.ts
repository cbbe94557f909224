import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Caller } from '../../common/request-context.js';
import { Db, type Col, type Cols } from '../../database/db.js';

export function hashToken(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

/** A session just opened: its token (shown once, never stored), id and end. */
export interface OpenedSession {
  token: string;
  id: string;
  expiresAt: Date;
}

/** Sessions are opaque random tokens; only their SHA-256 is stored. */
@Injectable()
export class SessionsRepository {
  constructor(private readonly db: Db) {}

  async create(
    input: { organizationId: string; userId: string; ttlHours: number },
    m: EntityManager = this.db.manager,
  ): Promise<OpenedSession> {
    const token = randomBytes(32).toString('base64url');
    const [row] = await m.query<Cols<'sessions', 'id' | 'expires_at'>[]>(
      `insert into sessions (organization_id, user_id, token_hash, expires_at)
       values ($1, $2, $3, now() + make_interval(hours => $4)) returning id, expires_at`,
      [input.organizationId, input.userId, hashToken(token), input.ttlHours],
    );
    if (!row) throw new Error('insert returned no row');
    return { token, id: row.id, expiresAt: row.expires_at };
  }

  /** The caller behind a token, if the session is live and its user active. */
  async findCaller(token: string): Promise<Caller | null> {
    // The columns app_resolve_session returns (docs/schema.sql), from these tables.
    const rows = await this.db.query<
      (Cols<'users', 'name' | 'email' | 'role'> & {
        session_id: Col<'sessions', 'id'>;
        organization_id: Col<'sessions', 'organization_id'>;
        organization_name: Col<'organizations', 'name'>;
        user_id: Col<'sessions', 'user_id'>;
      })[]
    >(
      // One statement: it finds the session by its hash, then reads the user and organization as
      // that organization (row-level security; see the RowLevelSecurity migration).
      `select session_id, organization_id, organization_name, user_id, name, email, role
         from app_resolve_session($1)`,
      [hashToken(token)],
    );
    const r = rows[0];
    return r
      ? {
          sessionId: r.session_id,
          organizationId: r.organization_id,
          organizationName: r.organization_name,
          userId: r.user_id,
          name: r.name,
          email: r.email,
          role: r.role,
        }
      : null;
  }

  async revoke(organizationId: string, sessionId: string): Promise<void> {
    await this.db.query(
      `update sessions set revoked_at = now() where organization_id = $1 and id = $2 and revoked_at is null`,
      [organizationId, sessionId],
    );
  }

  async revokeAllOfUser(organizationId: string, userId: string, m: EntityManager = this.db.manager): Promise<void> {
    await m.query(
      `update sessions set revoked_at = now() where organization_id = $1 and user_id = $2 and revoked_at is null`,
      [organizationId, userId],
    );
  }
}
