import { Injectable } from '@nestjs/common';
import type { ScimToken } from '@scorecard/contracts';
import { Db, type Col, type Cols } from '../../database/db.js';

/** The setting the `scim_token_lookup` policy reads: the hex SHA-256 of a presented token. */
export const SCIM_TOKEN_LOOKUP_SETTING = 'app.scim_token_hash';

type TokenRow = Cols<'scim_tokens', 'id' | 'name' | 'created_at' | 'last_used_at' | 'revoked_at' | 'created_by'> & {
  creator_name: Col<'users', 'name'> | null;
};

function toToken(r: TokenRow): ScimToken {
  return {
    id: r.id,
    name: r.name,
    createdAt: r.created_at.toISOString(),
    createdBy: r.created_by && r.creator_name ? { id: r.created_by, name: r.creator_name } : null,
    lastUsedAt: r.last_used_at?.toISOString() ?? null,
    revokedAt: r.revoked_at?.toISOString() ?? null,
  };
}

const SELECT = `select t.id, t.name, t.created_at, t.last_used_at, t.revoked_at, t.created_by, u.name as creator_name
                  from scim_tokens t
                  left join users u on u.organization_id = t.organization_id and u.id = t.created_by`;

/** SCIM tokens: only their SHA-256 hashes are stored. */
@Injectable()
export class ScimTokensRepository {
  constructor(private readonly db: Db) {}

  async list(organizationId: string): Promise<ScimToken[]> {
    const rows = await this.db.query<TokenRow[]>(
      `${SELECT} where t.organization_id = $1 order by t.created_at desc, t.id`,
      [organizationId],
    );
    return rows.map(toToken);
  }

  async find(organizationId: string, id: string): Promise<ScimToken | null> {
    const [row] = await this.db.query<TokenRow[]>(`${SELECT} where t.organization_id = $1 and t.id = $2`, [
      organizationId,
      id,
    ]);
    return row ? toToken(row) : null;
  }

  async insert(organizationId: string, name: string, tokenHash: Buffer, createdBy: string): Promise<string> {
    const [row] = await this.db.query<Cols<'scim_tokens', 'id'>[]>(
      `insert into scim_tokens (organization_id, name, token_hash, created_by) values ($1, $2, $3, $4) returning id`,
      [organizationId, name, tokenHash, createdBy],
    );
    if (!row) throw new Error('insert returned no row');
    return row.id;
  }

  /** Revokes the token (idempotent); false when the organization has no such token. */
  async revoke(organizationId: string, id: string): Promise<boolean> {
    const [, count] = await this.db.query<[unknown, number]>(
      `update scim_tokens set revoked_at = coalesce(revoked_at, now()) where organization_id = $1 and id = $2`,
      [organizationId, id],
    );
    return count === 1;
  }
}

/**
 * The token with this hash, found before the organization is known (the `scim_token_lookup`
 * policy shows exactly that one row), or null. Kept outside the repository class so the global auth
 * guard can use it with only `Db`.
 */
export async function findScimTokenByHash(
  db: Db,
  hashHex: string,
): Promise<Cols<'scim_tokens', 'id' | 'organization_id' | 'revoked_at'> | null> {
  const rows = await db.lookup({ [SCIM_TOKEN_LOOKUP_SETTING]: hashHex }, () =>
    db.query<Cols<'scim_tokens', 'id' | 'organization_id' | 'revoked_at'>[]>(
      `select id, organization_id, revoked_at from scim_tokens where token_hash = decode($1, 'hex')`,
      [hashHex],
    ),
  );
  return rows[0] ?? null;
}

/** Records that the token was used now (at most once a minute, to keep busy syncs from writing every time). */
export async function touchScimToken(db: Db, organizationId: string, id: string): Promise<void> {
  await db.asTenant(organizationId, () =>
    db.query(
      `update scim_tokens set last_used_at = now()
        where organization_id = $1 and id = $2 and (last_used_at is null or last_used_at < now() - interval '1 minute')`,
      [organizationId, id],
    ),
  );
}
