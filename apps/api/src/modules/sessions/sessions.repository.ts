import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Role } from '@scorecard/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import type { Caller } from '../../common/request-context.js';

export function hashToken(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

/** Sessions are opaque random tokens; only their SHA-256 is stored. */
@Injectable()
export class SessionsRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async create(
    input: { organizationId: string; userId: string; ttlHours: number },
    m: EntityManager = this.ds.manager,
  ): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await m.query(
      `insert into sessions (organization_id, user_id, token_hash, expires_at)
       values ($1, $2, $3, now() + make_interval(hours => $4))`,
      [input.organizationId, input.userId, hashToken(token), input.ttlHours],
    );
    return token;
  }

  /** The caller behind a token, if the session is live and its user active. */
  async findCaller(token: string): Promise<Caller | null> {
    const rows: {
      session_id: string;
      organization_id: string;
      organization_name: string;
      user_id: string;
      name: string;
      email: string;
      role: Role;
    }[] = await this.ds.query(
      `select s.id as session_id, s.organization_id, o.name as organization_name,
              u.id as user_id, u.name, u.email, u.role
         from sessions s
         join users u on u.organization_id = s.organization_id and u.id = s.user_id
         join organizations o on o.id = s.organization_id
        where s.token_hash = $1 and s.revoked_at is null and s.expires_at > now() and u.active`,
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
    await this.ds.query(
      `update sessions set revoked_at = now() where organization_id = $1 and id = $2 and revoked_at is null`,
      [organizationId, sessionId],
    );
  }

  async revokeAllOfUser(organizationId: string, userId: string, m: EntityManager = this.ds.manager): Promise<void> {
    await m.query(
      `update sessions set revoked_at = now() where organization_id = $1 and user_id = $2 and revoked_at is null`,
      [organizationId, userId],
    );
  }
}
