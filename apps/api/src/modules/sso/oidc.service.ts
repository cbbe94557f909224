import { Inject, Injectable, Logger } from '@nestjs/common';
import type { AuthSession, OidcCallbackQuery, SsoErrorCode, SsoStartRequest } from '@scorecard/contracts';
import * as client from 'openid-client';
import { AppError } from '../../common/app-error.js';
import { SecretBox } from '../../common/secret-box.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/env.js';
import { Db } from '../../database/db.js';
import { FederatedSignInService } from './federated-sign-in.service.js';
import { SamlService } from './saml.service.js';
import { type SsoConnectionRow, SsoConnectionsRepository } from './sso-connections.repository.js';
import { ssoAddresses } from './sso-settings.service.js';

/** The cookie that carries a pending OpenID Connect sign-in from the start to the callback. */
export const OIDC_STATE_COOKIE = 'scorecard_oidc';
/** The path it is sent to: the callback only. */
export const OIDC_STATE_COOKIE_PATH = '/api/v1/auth/oidc';
/** How long a sign-in at the identity provider may take. */
export const OIDC_STATE_TTL_SECONDS = 600;

/** What the state cookie holds, sealed with the SecretBox (the browser can neither read nor change it). */
interface PendingSignIn {
  organizationId: string;
  state: string;
  nonce: string;
  codeVerifier: string;
  returnTo: string;
  expiresAt: number;
}

/** Where a finished callback sends the browser, and the session when it signed someone in. */
export interface CallbackOutcome {
  location: string;
  session: AuthSession | null;
}

class SsoCallbackError extends Error {
  constructor(
    readonly code: SsoErrorCode,
    reason: string,
  ) {
    super(reason);
  }
}

/** Why a sign-in failed, for the log: the messages down the cause chain and the claim a token check was about. */
function reasonOf(err: unknown): string {
  const parts: string[] = [];
  for (let e: unknown = err, depth = 0; e && depth < 4; depth++) {
    if (e instanceof Error) {
      parts.push(e.message);
      const code = (e as { code?: unknown }).code;
      if (typeof code === 'string') parts.push(code);
      e = e.cause;
    } else {
      const claim = (e as { claim?: unknown }).claim;
      if (typeof claim === 'string') parts.push(`claim ${claim}`);
      e = null;
    }
  }
  return parts.join(', ');
}

const notConfigured = () =>
  new AppError(
    'sso_not_configured',
    'Single sign-on is not set up for this organization. Sign in with your password, or ask an admin.',
  );

/**
 * OpenID Connect sign-in (openid-client): authorization code flow with PKCE (S256), `state` and
 * `nonce`; the ID token is checked by openid-client (issuer, audience, expiry, signature against the
 * provider's JWKS, nonce). The pending sign-in travels in a sealed, HttpOnly, SameSite=Lax cookie.
 */
@Injectable()
export class OidcService {
  private readonly log = new Logger('OidcService');

  constructor(
    private readonly db: Db,
    private readonly connections: SsoConnectionsRepository,
    private readonly federated: FederatedSignInService,
    private readonly saml: SamlService,
    private readonly box: SecretBox,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Finds the organization (email domain or slug) and its enabled connection, and answers the
   * identity provider's sign-in address; for OIDC also the sealed cookie of the pending sign-in.
   */
  async start(input: SsoStartRequest): Promise<{ redirectUrl: string; stateCookie: string | null }> {
    const returnTo = input.returnTo ?? '/';
    let organizationId: string;
    let connection: SsoConnectionRow | null;
    let slug: string | null = null;
    if (input.organization !== undefined) {
      const found = await this.connections.bySlug(input.organization);
      if (!found) throw notConfigured();
      ({ organizationId, connection } = found);
      slug = input.organization;
    } else {
      const email = input.email ?? '';
      const matches = await this.connections.byEmailDomain(email.slice(email.lastIndexOf('@') + 1));
      if (matches.length > 1) {
        throw new AppError(
          'organization_required',
          'Several organizations sign in with this email domain. Enter your organization’s short name instead.',
        );
      }
      connection = matches[0] ?? null;
      if (!connection) throw notConfigured();
      organizationId = connection.organization_id;
    }
    if (!connection?.enabled) throw notConfigured();
    if (connection.protocol === 'saml') {
      slug ??= await this.db.asTenant(organizationId, () => this.connections.slugOf(organizationId));
      return { redirectUrl: await this.saml.authorizeUrl(organizationId, slug, returnTo), stateCookie: null };
    }
    const config = await this.discover(connection).catch((err: unknown) => {
      this.log.warn(`OpenID Connect sign-in not started: ${reasonOf(err)}`);
      throw new AppError(
        'sso_failed',
        'Scorecard could not reach your identity provider. Try again later, or ask an admin to check the issuer URL.',
      );
    });
    const pending: PendingSignIn = {
      organizationId,
      state: client.randomState(),
      nonce: client.randomNonce(),
      codeVerifier: client.randomPKCECodeVerifier(),
      returnTo,
      expiresAt: Date.now() + OIDC_STATE_TTL_SECONDS * 1000,
    };
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: this.redirectUri(),
      response_type: 'code',
      scope: 'openid email profile',
      state: pending.state,
      nonce: pending.nonce,
      code_challenge: await client.calculatePKCECodeChallenge(pending.codeVerifier),
      code_challenge_method: 'S256',
    });
    return { redirectUrl: url.href, stateCookie: this.box.seal(JSON.stringify(pending)) };
  }

  /**
   * The redirect URI: checks the pending sign-in's state, exchanges the code, reads the email and
   * name, and signs in through the FederatedSignInService. Never throws: a failure answers a
   * redirect to `/sso?error=<code>` (the reason goes to the log, never a token or secret).
   */
  async callback(
    query: OidcCallbackQuery,
    stateCookie: string | undefined,
    audit: { action: string; requestId: string | null },
  ): Promise<CallbackOutcome> {
    try {
      const pending = this.openPending(stateCookie);
      if (query.error) {
        throw new SsoCallbackError(
          query.error === 'access_denied' ? 'cancelled' : 'sso_failed',
          `the identity provider answered ${query.error}`,
        );
      }
      if (!query.state || query.state !== pending.state) {
        throw new SsoCallbackError('sso_failed', 'the state does not match the pending sign-in');
      }
      const connection = await this.db.asTenant(pending.organizationId, () =>
        this.connections.find(pending.organizationId),
      );
      if (!connection?.enabled || connection.protocol !== 'oidc') {
        throw new SsoCallbackError('sso_not_configured', 'the connection is off or no longer OpenID Connect');
      }
      const identity = await this.identityFrom(connection, query, pending);
      const domain = identity.email.slice(identity.email.lastIndexOf('@') + 1);
      if (!connection.allowed_domains.includes(domain)) {
        throw new SsoCallbackError('domain_not_allowed', `the email domain ${domain} is not allowed`);
      }
      const session = await this.federated.complete(
        pending.organizationId,
        { protocol: 'oidc', email: identity.email, name: identity.name },
        audit,
      );
      return { location: pending.returnTo, session };
    } catch (err) {
      const code = this.codeOf(err);
      this.log.warn(`OpenID Connect sign-in refused (${code}): ${reasonOf(err)}`);
      return { location: `/sso?error=${code}`, session: null };
    }
  }

  private codeOf(err: unknown): SsoErrorCode {
    if (err instanceof SsoCallbackError) return err.code;
    if (err instanceof AppError) {
      if (err.code === 'account_deactivated' || err.code === 'sso_not_configured') return err.code;
      return 'sso_failed';
    }
    return 'sso_failed';
  }

  private openPending(cookie: string | undefined): PendingSignIn {
    if (!cookie) throw new SsoCallbackError('expired', 'no pending sign-in cookie');
    let pending: PendingSignIn;
    try {
      pending = JSON.parse(this.box.open(cookie)) as PendingSignIn;
    } catch {
      throw new SsoCallbackError('sso_failed', 'the pending sign-in cookie was not sealed by this server');
    }
    if (pending.expiresAt < Date.now()) throw new SsoCallbackError('expired', 'the pending sign-in expired');
    return pending;
  }

  private async identityFrom(
    connection: SsoConnectionRow,
    query: OidcCallbackQuery,
    pending: PendingSignIn,
  ): Promise<{ email: string; name: string | null }> {
    const config = await this.discover(connection);
    const current = new URL(this.redirectUri());
    for (const [key, value] of Object.entries(query)) {
      if (typeof value === 'string') current.searchParams.set(key, value);
    }
    const tokens = await client.authorizationCodeGrant(config, current, {
      pkceCodeVerifier: pending.codeVerifier,
      expectedState: pending.state,
      expectedNonce: pending.nonce,
      idTokenExpected: true,
    });
    const claims = tokens.claims();
    if (!claims) throw new SsoCallbackError('sso_failed', 'the token answer has no ID token');
    let source: Record<string, unknown> = claims;
    if (typeof claims.email !== 'string') {
      // Providers that keep the ID token small (oidc-provider by default) give the email at userinfo.
      source = await client.fetchUserInfo(config, tokens.access_token, claims.sub);
    }
    const email = typeof source.email === 'string' ? source.email.trim().toLowerCase() : '';
    if (!email.includes('@')) throw new SsoCallbackError('sso_failed', 'the identity provider gave no email');
    if (source.email_verified === false) {
      throw new SsoCallbackError('sso_failed', 'the identity provider says the email is not verified');
    }
    const name = typeof source.name === 'string' ? source.name : null;
    return { email, name };
  }

  private discover(connection: SsoConnectionRow): Promise<client.Configuration> {
    if (!connection.oidc_issuer || !connection.oidc_client_id || !connection.oidc_client_secret) {
      throw notConfigured();
    }
    const issuer = new URL(connection.oidc_issuer);
    // Plain http only for a provider on a developer's or test machine, never in production.
    const insecure = issuer.protocol === 'http:' && this.config.env !== 'production';
    return client
      .discovery(
        issuer,
        connection.oidc_client_id,
        undefined,
        client.ClientSecretBasic(this.box.open(connection.oidc_client_secret)),
        {
          // Non-repudiation: the ID token's signature is checked against the provider's JWKS even
          // though it came straight from the token endpoint.
          execute: insecure
            ? [client.allowInsecureRequests, client.enableNonRepudiationChecks]
            : [client.enableNonRepudiationChecks],
          timeout: 10,
        },
      )
      .catch((err: unknown) => {
        throw new SsoCallbackError('sso_failed', `discovery at ${issuer.href} failed: ${reasonOf(err)}`);
      });
  }

  private redirectUri(): string {
    return ssoAddresses(this.config.publicUrl, '').oidcRedirectUri;
  }
}
