import { Injectable } from '@nestjs/common';
import { type Cols, Db } from '../../database/db.js';
import { IDEMPOTENCY_KEY_HOURS } from './idempotency-key.js';

export type StoredKey = Cols<'idempotency_keys', 'operation' | 'fingerprint' | 'response_status' | 'response_body'>;

interface KeyId {
  organizationId: string;
  principal: string;
  key: string;
}

/** The `idempotency_keys` rows, always in the current request's transaction. */
@Injectable()
export class IdempotencyRepository {
  constructor(private readonly db: Db) {}

  /**
   * Claims the key for this request: true when this request holds it now (a new key, or one older
   * than 24 hours, replaced). While another transaction holds an uncommitted claim on the same key,
   * PostgreSQL makes this statement wait for it to end: committed, the key is taken (false); rolled
   * back, the claim is this request's.
   */
  async claim(id: KeyId, operation: string, fingerprint: Buffer): Promise<boolean> {
    const rows = await this.db.query<unknown[]>(
      `insert into idempotency_keys as k (organization_id, principal, key, operation, fingerprint)
            values ($1, $2, $3, $4, $5)
       on conflict (organization_id, principal, key) do update
              set operation = excluded.operation, fingerprint = excluded.fingerprint,
                  response_status = null, response_body = null, created_at = now()
            where k.created_at < now() - make_interval(hours => $6)
       returning 1`,
      [id.organizationId, id.principal, id.key, operation, fingerprint, IDEMPOTENCY_KEY_HOURS],
    );
    return rows.length === 1;
  }

  /** The key's stored request and answer (committed by the request that claimed it). */
  async find(id: KeyId): Promise<StoredKey | undefined> {
    const [row] = await this.db.query<StoredKey[]>(
      `select operation, fingerprint, response_status, response_body from idempotency_keys
        where organization_id = $1 and principal = $2 and key = $3`,
      [id.organizationId, id.principal, id.key],
    );
    return row;
  }

  /** Stores the answer (its JSON, sealed) of the request that claimed the key, in its transaction. */
  async answer(id: KeyId, status: number, sealedBody: string): Promise<void> {
    await this.db.query(
      `update idempotency_keys set response_status = $4, response_body = $5
        where organization_id = $1 and principal = $2 and key = $3`,
      [id.organizationId, id.principal, id.key, status, sealedBody],
    );
  }

  /** Deletes the organization's keys older than 24 hours; answers how many. */
  async deleteExpired(organizationId: string): Promise<number> {
    const [, count] = await this.db.query<[unknown, number]>(
      `delete from idempotency_keys
        where organization_id = $1 and created_at < now() - make_interval(hours => $2)`,
      [organizationId, IDEMPOTENCY_KEY_HOURS],
    );
    return count;
  }
}
