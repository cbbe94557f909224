import { Injectable } from '@nestjs/common';
import type { ApiScope, ApiToken } from '@scorecard/contracts';
import { Db, type Col, type Cols } from '../../database/db.js';

/** The setting the `api_token_lookup` policy reads: the hex SHA-256 of a presented token. */
export const API_TOKEN_LOOKUP_SETTING = 'app.api_token_hash';

type TokenRow = Cols<
  'api_tokens',
  'id' | 'name' | 'scopes' | 'created_by' | 'created_at' | 'expires_at' | 'last_used_at' | 'revoked_at'
> & { creator_name: Col<'users', 'name'> };

function toToken(r: TokenRow): ApiToken {
  return {
    id: r.id,
    name: r.name,
    scopes: r.scopes as ApiScope[],
    createdBy: { id: r.created_by, name: r.creator_name },
    createdAt: r.created_at.toISOString(),
    expiresAt: r.expires_at?.toISOString() ?? null,
    lastUsedAt: r.last_used_at?.toISOString() ?? null,
    revokedAt: r.revoked_at?.toISOString() ?? null,
  };
}

const SELECT = `select t.id, t.name, t.scopes, t.created_by, t.created_at, t.expires_at, t.last_used_at, t.revoked_at,
                       u.name as creator_name
                  from api_tokens t
                  join users u on u.organization_id = t.organization_id and u.id = t.created_by`;

/** Organization API tokens: only the SHA-256 hashes of their secrets are stored. */
@Injectable()
export class ApiTokensRepository {
  constructor(private readonly db: Db) {}

  async list(
    organizationId: string,
    page: { limit: number; offset: number },
  ): Promise<{ items: ApiToken[]; total: number }> {
    const [rows, [count]] = await Promise.all([
      this.db.query<TokenRow[]>(
        `${SELECT} where t.organization_id = $1 order by t.created_at desc, t.id limit $2 offset $3`,
        [organizationId, page.limit, page.offset],
      ),
      this.db.query<{ n: number }[]>(`select count(*)::int as n from api_tokens where organization_id = $1`, [
        organizationId,
      ]),
    ]);
    return { items: rows.map(toToken), total: count?.n ?? 0 };
  }

  async find(organizationId: string, id: string): Promise<ApiToken | null> {
    const [row] = await this.db.query<TokenRow[]>(`${SELECT} where t.organization_id = $1 and t.id = $2`, [
      organizationId,
      id,
    ]);
    return row ? toToken(row) : null;
  }

  async insert(
    organizationId: string,
    input: {
      name: string;
      scopes: readonly ApiScope[];
      expiresAt: string | null;
      tokenHash: Buffer;
      createdBy: string;
    },
  ): Promise<string> {
    const [row] = await this.db.query<Cols<'api_tokens', 'id'>[]>(
      `insert into api_tokens (organization_id, name, scopes, token_hash, created_by, expires_at)
       values ($1, $2, $3, $4, $5, $6) returning id`,
      [organizationId, input.name, input.scopes, input.tokenHash, input.createdBy, input.expiresAt],
    );
    if (!row) throw new Error('insert returned no row');
    return row.id;
  }

  /** Revokes the token (idempotent); false when the organization has no such token. */
  async revoke(organizationId: string, id: string): Promise<boolean> {
    const [, count] = await this.db.query<[unknown, number]>(
      `update api_tokens set revoked_at = coalesce(revoked_at, now()) where organization_id = $1 and id = $2`,
      [organizationId, id],
    );
    return count === 1;
  }
}

export type FoundApiToken = Cols<
  'api_tokens',
  'id' | 'organization_id' | 'name' | 'scopes' | 'created_by' | 'expires_at' | 'revoked_at'
>;

/**
 * The token with this hash, found before the organization is known (the `api_token_lookup` policy
 * shows exactly that one row), or null. Outside the repository class so the global auth guard can
 * use it with only `Db`.
 */
export async function findApiTokenByHash(db: Db, hashHex: string): Promise<FoundApiToken | null> {
  const rows = await db.lookup({ [API_TOKEN_LOOKUP_SETTING]: hashHex }, () =>
    db.query<FoundApiToken[]>(
      `select id, organization_id, name, scopes, created_by, expires_at, revoked_at
         from api_tokens where token_hash = decode($1, 'hex')`,
      [hashHex],
    ),
  );
  return rows[0] ?? null;
}

/** The creator of a token as they are now (role, active), with their organization's name; inside `asTenant`. */
export async function findTokenCreator(
  db: Db,
  organizationId: string,
  userId: string,
): Promise<
  (Cols<'users', 'name' | 'email' | 'role' | 'active'> & { organization_name: Col<'organizations', 'name'> }) | null
> {
  const [row] = await db.query<
    (Cols<'users', 'name' | 'email' | 'role' | 'active'> & { organization_name: Col<'organizations', 'name'> })[]
  >(
    `select u.name, u.email, u.role, u.active, o.name as organization_name
       from users u join organizations o on o.id = u.organization_id
      where u.organization_id = $1 and u.id = $2`,
    [organizationId, userId],
  );
  return row ?? null;
}

/** Records that the token was used now (at most once a minute, so a busy machine does not write every time). */
export async function touchApiToken(db: Db, organizationId: string, id: string): Promise<void> {
  await db.query(
    `update api_tokens set last_used_at = now()
      where organization_id = $1 and id = $2 and (last_used_at is null or last_used_at < now() - interval '1 minute')`,
    [organizationId, id],
  );
}
