import { Injectable } from '@nestjs/common';
import { Db, type Row } from '../../database/db.js';

export type SsoConnectionRow = Row<'sso_connections'>;

/** What an admin sets on a connection (the rest is the organization's id and the last change). */
export type SsoConnectionFields = Omit<SsoConnectionRow, 'organization_id' | 'updated_at' | 'updated_by'>;

/** An organization's single sign-on settings: its connection, and whether password sign-in is refused. */
export interface OrganizationSso {
  slug: string;
  requireSso: boolean;
  breakGlassUserId: string | null;
  connection: SsoConnectionRow | null;
}

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

  /** The organization's slug and SSO requirement with its connection (null before the first save), as the organization. */
  async settings(organizationId: string): Promise<OrganizationSso> {
    const [row] = await this.db.query<
      (Pick<Row<'organizations'>, 'slug' | 'require_sso' | 'sso_break_glass_user_id'> & { organization_id: string })[]
    >(`select id as organization_id, slug, require_sso, sso_break_glass_user_id from organizations where id = $1`, [
      organizationId,
    ]);
    if (!row) throw new Error(`organization ${organizationId} not found`);
    return {
      slug: row.slug,
      requireSso: row.require_sso,
      breakGlassUserId: row.sso_break_glass_user_id,
      connection: await this.find(organizationId),
    };
  }

  /** Creates or replaces the organization's connection, as the organization. */
  async save(organizationId: string, c: SsoConnectionFields, updatedBy: string): Promise<void> {
    await this.db.query(
      `insert into sso_connections (organization_id, protocol, enabled, oidc_issuer, oidc_client_id, oidc_client_secret,
              saml_entry_point, saml_idp_issuer, saml_idp_certificate, allowed_domains, default_role, updated_at, updated_by)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, now(), $12)
       on conflict (organization_id) do update set
         protocol = excluded.protocol, enabled = excluded.enabled, oidc_issuer = excluded.oidc_issuer,
         oidc_client_id = excluded.oidc_client_id, oidc_client_secret = excluded.oidc_client_secret,
         saml_entry_point = excluded.saml_entry_point, saml_idp_issuer = excluded.saml_idp_issuer,
         saml_idp_certificate = excluded.saml_idp_certificate, allowed_domains = excluded.allowed_domains,
         default_role = excluded.default_role, updated_at = now(), updated_by = excluded.updated_by`,
      [
        organizationId,
        c.protocol,
        c.enabled,
        c.oidc_issuer,
        c.oidc_client_id,
        c.oidc_client_secret,
        c.saml_entry_point,
        c.saml_idp_issuer,
        c.saml_idp_certificate,
        c.allowed_domains,
        c.default_role,
        updatedBy,
      ],
    );
  }

  /** Sets whether the organization requires SSO and who may still sign in with a password, as the organization. */
  async setRequirement(organizationId: string, requireSso: boolean, breakGlassUserId: string | null): Promise<void> {
    await this.db.query(`update organizations set require_sso = $2, sso_break_glass_user_id = $3 where id = $1`, [
      organizationId,
      requireSso,
      breakGlassUserId,
    ]);
  }

  /** The organization's slug, as the organization. */
  async slugOf(organizationId: string): Promise<string> {
    const [row] = await this.db.query<{ slug: string }[]>(`select slug from organizations where id = $1`, [
      organizationId,
    ]);
    return row?.slug ?? '';
  }
}
