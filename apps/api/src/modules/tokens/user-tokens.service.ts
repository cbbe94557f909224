import { randomBytes } from 'node:crypto';
import { Global, Injectable, Module } from '@nestjs/common';
import { Db, type Row } from '../../database/db.js';
import { hashToken } from '../sessions/sessions.repository.js';

export type TokenPurpose = Row<'user_tokens'>['purpose'];

/** A token found by its secret: whose it is, what for, and whether it still works. */
export interface FoundToken {
  id: string;
  organizationId: string;
  userId: string;
  purpose: TokenPurpose;
  data: Record<string, unknown>;
  expiresAt: Date | null;
  usedAt: Date | null;
}

/** Why a token does not work, as the API's error codes say it. */
export type TokenProblem = 'token_unknown' | 'token_expired' | 'token_used';

/**
 * Secrets sent by email or shown once: invitation and password-reset links (one-time, with an
 * expiry), calendar-feed and unsubscribe links (long-lived, revocable). The token is 32 random
 * bytes in base64url; only its SHA-256 is stored, and it is found by that hash before the
 * organization is known (the `token_lookup` policy), like a session.
 */
@Injectable()
export class UserTokensService {
  constructor(private readonly db: Db) {}

  /**
   * A new token for `userId`, in the current tenant transaction; with `replace`, the user's other
   * unused tokens of the same purpose stop working (a resent invitation, a new calendar-feed link).
   */
  async issue(input: {
    organizationId: string;
    userId: string;
    purpose: TokenPurpose;
    /** Lifetime in seconds; omitted: until revoked. */
    ttlSeconds?: number;
    data?: Record<string, unknown>;
    replace?: boolean;
  }): Promise<string> {
    if (input.replace) await this.revoke(input.organizationId, input.userId, input.purpose);
    const token = randomBytes(32).toString('base64url');
    await this.db.query(
      `insert into user_tokens (organization_id, user_id, purpose, token_hash, data, expires_at)
       values ($1, $2, $3, $4, $5, case when $6::integer is null then null else now() + make_interval(secs => $6::integer) end)`,
      [
        input.organizationId,
        input.userId,
        input.purpose,
        hashToken(token),
        JSON.stringify(input.data ?? {}),
        input.ttlSeconds ?? null,
      ],
    );
    return token;
  }

  /** Ends every unused token of `purpose` the user holds (in the current tenant transaction). */
  async revoke(organizationId: string, userId: string, purpose: TokenPurpose): Promise<number> {
    const [, count] = await this.db.query<[unknown, number]>(
      `delete from user_tokens where organization_id = $1 and user_id = $2 and purpose = $3 and used_at is null`,
      [organizationId, userId, purpose],
    );
    return count;
  }

  /** The token behind `token` if it exists and is for `purpose` (used or expired ones too: see `problem`). */
  async find(token: string, purpose: TokenPurpose): Promise<FoundToken | null> {
    if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
    const hash = hashToken(token);
    const rows = await this.db.lookup({ 'app.token_hash': hash.toString('hex') }, () =>
      this.db.query<Row<'user_tokens'>[]>(`select * from user_tokens where token_hash = $1`, [hash]),
    );
    const r = rows[0];
    if (!r || r.purpose !== purpose) return null;
    return {
      id: r.id,
      organizationId: r.organization_id,
      userId: r.user_id,
      purpose: r.purpose,
      data: r.data as Record<string, unknown>,
      expiresAt: r.expires_at,
      usedAt: r.used_at,
    };
  }

  /** Why `found` cannot be used now, or null when it can. */
  problem(found: FoundToken | null, now = new Date()): TokenProblem | null {
    if (!found) return 'token_unknown';
    if (found.usedAt) return 'token_used';
    if (found.expiresAt && found.expiresAt <= now) return 'token_expired';
    return null;
  }

  /**
   * Marks a one-time token used, in the current tenant transaction; false when another request
   * used it first (the caller then refuses, and its transaction changes nothing).
   */
  async consume(found: FoundToken): Promise<boolean> {
    const [, count] = await this.db.query<[unknown, number]>(
      `update user_tokens set used_at = now()
        where organization_id = $1 and id = $2 and used_at is null and (expires_at is null or expires_at > now())`,
      [found.organizationId, found.id],
    );
    return count === 1;
  }
}

/** One-time and long-lived user tokens, for every module that sends a link. */
@Global()
@Module({ providers: [UserTokensService], exports: [UserTokensService] })
export class UserTokensModule {}
