import { Injectable } from '@nestjs/common';
import { Db } from '../../database/db.js';
import type { FileStorage } from './file-storage.js';

/**
 * The default storage: the bytes in `candidate_file_blobs`, a table of their own, written and
 * deleted in the request's own transaction (so a failed upload or erasure leaves nothing behind)
 * and under row-level security like every tenant table. Needs no setup.
 */
@Injectable()
export class PostgresStorage implements FileStorage {
  readonly kind = 'postgres' as const;

  constructor(private readonly db: Db) {}

  async put(organizationId: string, key: string, body: Buffer): Promise<void> {
    await this.db.query(
      `insert into candidate_file_blobs (organization_id, storage_key, content) values ($1, $2, $3)`,
      [organizationId, key, body],
    );
  }

  async get(organizationId: string, key: string): Promise<Buffer | null> {
    const rows: { content: Buffer }[] = await this.db.query(
      `select content from candidate_file_blobs where organization_id = $1 and storage_key = $2`,
      [organizationId, key],
    );
    return rows[0]?.content ?? null;
  }

  async delete(organizationId: string, key: string): Promise<void> {
    await this.db.query(`delete from candidate_file_blobs where organization_id = $1 and storage_key = $2`, [
      organizationId,
      key,
    ]);
  }
}
