import { Injectable } from '@nestjs/common';
import { Db, type Row } from '../../database/db.js';

export type SsoConnectionRow = Row<'sso_connections'>;

/**
 * Organizations' SSO connections. Sign-in starts before the organization is known: `bySlug` and
 * `byEmailDomain` read through the narrow lookup policies (`sso_slug_lookup`, `sso_domain_lookup`),
 * everything else as the organization.
 */
@Injectable()
export class SsoConnectionsRepository {
  constructor(private readonly db: Db) {}

  /** The organization's connection (enabled or not), as that organization. */
  async find(organizationId: string): Promise<SsoConnectionRow | null> {
    const [row] = await this.db.query<SsoConnectionRow[]>(`select * from sso_connections where organization_id = $1`, [
      organizationId,
    ]);
    return row ?? null;
  }

  /** The organization of a slug, with its connection if it has one; found before the organization is known. */
  async bySlug(slug: string): Promise<{ organizationId: string; connection: SsoConnectionRow | null } | null> {
    return this.db.lookup({ 'app.organization_slug': slug }, async () => {
      const [org] = await this.db.query<{ id: string }[]>(`select id from organizations where slug = $1`, [slug]);
      if (!org) return null;
      const [connection] = await this.db.query<SsoConnectionRow[]>(
        `select * from sso_connections where organization_id = $1`,
        [org.id],
      );
      return { organizationId: org.id, connection: connection ?? null };
    });
  }

  /** The enabled connections that allow this email domain (normally one). */
  async byEmailDomain(domain: string): Promise<SsoConnectionRow[]> {
    return this.db.lookup({ 'app.email_domain': domain }, () =>
      this.db.query<SsoConnectionRow[]>(
        `select * from sso_connections where enabled and allowed_domains @> array[$1::text] limit 5`,
        [domain],
      ),
    );
  }
}
