import { Inject, Injectable } from '@nestjs/common';
import type { SsoConnection, UpdateSsoConnectionRequest } from '@scorecard/contracts';
import { AppError } from '../../common/app-error.js';
import type { Caller } from '../../common/request-context.js';
import { SecretBox } from '../../common/secret-box.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/env.js';
import { UsersService } from '../users/users.service.js';
import { type OrganizationSso, SsoConnectionsRepository } from './sso-connections.repository.js';

/** The addresses an identity provider needs for this Scorecard and organization. */
export function ssoAddresses(publicUrl: string, slug: string) {
  return {
    oidcRedirectUri: `${publicUrl}/api/v1/auth/oidc/callback`,
    samlAcsUrl: `${publicUrl}/api/v1/auth/saml/${slug}/acs`,
    samlMetadataUrl: `${publicUrl}/api/v1/auth/saml/${slug}/metadata`,
  };
}

/**
 * The connection settings admins see and change. The OIDC client secret is sealed with the
 * SecretBox before it is stored and never leaves the API again (`clientSecretSet` says it is there).
 */
@Injectable()
export class SsoSettingsService {
  constructor(
    private readonly connections: SsoConnectionsRepository,
    private readonly users: UsersService,
    private readonly box: SecretBox,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async get(caller: Caller): Promise<SsoConnection> {
    return this.toContract(await this.connections.settings(caller.organizationId));
  }

  async update(caller: Caller, input: UpdateSsoConnectionRequest): Promise<SsoConnection> {
    const org = caller.organizationId;
    const existing = await this.connections.find(org);
    const sealedSecret =
      input.oidcClientSecret !== undefined
        ? this.box.seal(input.oidcClientSecret)
        : (existing?.oidc_client_secret ?? null);
    const errors: { path: string; message: string }[] = [];
    if (input.enabled && input.protocol === 'oidc' && !sealedSecret) {
      errors.push({
        path: 'oidcClientSecret',
        message: 'An enabled OpenID Connect connection needs the client secret.',
      });
    }
    if (input.breakGlassUserId) {
      const admin = await this.users.findActiveMember(org, input.breakGlassUserId);
      if (!admin || admin.role !== 'admin' || admin.status !== 'active') {
        errors.push({
          path: 'breakGlassUserId',
          message: 'The break-glass account must be an active admin of this organization.',
        });
      }
    }
    if (errors.length > 0) throw AppError.invalid(errors);
    await this.connections.save(
      org,
      {
        protocol: input.protocol,
        enabled: input.enabled,
        oidc_issuer: input.oidcIssuer ?? null,
        oidc_client_id: input.oidcClientId ?? null,
        oidc_client_secret: sealedSecret,
        saml_entry_point: input.samlEntryPoint ?? null,
        saml_idp_issuer: input.samlIdpIssuer ?? null,
        saml_idp_certificate: input.samlIdpCertificate ?? null,
        allowed_domains: input.allowedDomains,
        default_role: input.defaultRole,
      },
      caller.userId,
    );
    await this.connections.setRequirement(org, input.requireSso, input.breakGlassUserId);
    return this.get(caller);
  }

  private toContract(s: OrganizationSso): SsoConnection {
    const c = s.connection;
    return {
      configured: c !== null,
      organizationSlug: s.slug,
      protocol: c?.protocol ?? 'oidc',
      enabled: c?.enabled ?? false,
      oidcIssuer: c?.oidc_issuer ?? null,
      oidcClientId: c?.oidc_client_id ?? null,
      clientSecretSet: Boolean(c?.oidc_client_secret),
      samlEntryPoint: c?.saml_entry_point ?? null,
      samlIdpIssuer: c?.saml_idp_issuer ?? null,
      samlIdpCertificate: c?.saml_idp_certificate ?? null,
      allowedDomains: c?.allowed_domains ?? [],
      defaultRole: c?.default_role ?? 'interviewer',
      requireSso: s.requireSso,
      breakGlassUserId: s.breakGlassUserId,
      ...ssoAddresses(this.config.publicUrl, s.slug),
      updatedAt: c?.updated_at.toISOString() ?? null,
    };
  }
}
