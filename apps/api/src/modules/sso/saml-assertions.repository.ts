import { Injectable } from '@nestjs/common';
import { Db, type Cols } from '../../database/db.js';

/**
 * The ids of SAML assertions already used to sign in, kept until they expire: an assertion is good
 * for one sign-in only (replay). Runs inside the organization's block, in the sign-in's transaction.
 */
@Injectable()
export class SamlAssertionsRepository {
  constructor(private readonly db: Db) {}

  /**
   * Records an assertion id as used; false when it was used before. Concurrent uses of one id
   * serialise on the primary key: the second waits for the first to commit, then inserts nothing.
   * Ids of the organization's expired assertions are deleted on the way (cheap: indexed by expiry).
   */
  async use(organizationId: string, assertionId: string, expiresAt: Date): Promise<boolean> {
    await this.db.query(`delete from saml_assertions where organization_id = $1 and expires_at < now()`, [
      organizationId,
    ]);
    const rows = await this.db.query<Cols<'saml_assertions', 'assertion_id'>[]>(
      `insert into saml_assertions (organization_id, assertion_id, expires_at) values ($1, $2, $3)
         on conflict (organization_id, assertion_id) do nothing
       returning assertion_id`,
      [organizationId, assertionId, expiresAt],
    );
    return rows.length === 1;
  }
}
