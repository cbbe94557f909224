import { Inject, Injectable, Logger } from '@nestjs/common';
import { generateServiceProviderMetadata, type Profile, SAML, ValidateInResponseTo } from '@node-saml/node-saml';
import type { AuthSession, ErrorCode, SamlAcsRequest } from '@scorecard/contracts';
import { AppError } from '../../common/app-error.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/env.js';
import { Db } from '../../database/db.js';
import { FederatedSignInService } from './federated-sign-in.service.js';
import { SamlAssertionsRepository } from './saml-assertions.repository.js';
import { type SsoConnectionRow, SsoConnectionsRepository } from './sso-connections.repository.js';

const NAMEID_EMAIL = 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress';
const BEARER = 'urn:oasis:names:tc:SAML:2.0:cm:bearer';
/** How far our clock and the identity provider's may disagree on NotBefore / NotOnOrAfter. */
export const SAML_CLOCK_SKEW_MS = 60_000;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Where the email and the name may be, by the names Okta, Microsoft Entra ID and Google Workspace use. */
const EMAIL_ATTRIBUTES = [
  'email',
  'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress',
  'mail',
  'urn:oid:0.9.2342.19200300.100.1.3',
];
const DISPLAY_NAME_ATTRIBUTES = [
  'displayName',
  'http://schemas.microsoft.com/identity/claims/displayname',
  'name',
  'urn:oid:2.16.840.1.113730.3.1.241',
];
const GIVEN_NAME_ATTRIBUTES = [
  'givenName',
  'firstName',
  'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname',
  'urn:oid:2.5.4.42',
];
const SURNAME_ATTRIBUTES = [
  'surname',
  'sn',
  'lastName',
  'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/surname',
  'urn:oid:2.5.4.4',
];

/** An assertion as node-saml's xml2js parse gives it (prefixes stripped, every child an array). */
interface XmlNode {
  $?: Record<string, string>;
  _?: string;
  [child: string]: XmlNode[] | Record<string, string> | string | undefined;
}

/** A refused SAML response: the code the web page explains, and the reason for the log (never the assertion). */
class SamlRefusal extends Error {
  constructor(
    readonly code: ErrorCode,
    reason: string,
  ) {
    super(reason);
  }
}

export interface SamlAcsOutcome {
  /** The session opened, or null when the response was refused. */
  session: AuthSession | null;
  /** Where to send the browser: the RelayState path (or `/`) on success, `/sso?error=<code>` otherwise. */
  location: string;
}

function children(node: XmlNode | undefined, name: string): XmlNode[] {
  const c = node?.[name];
  return Array.isArray(c) ? c : [];
}

function firstString(value: unknown): string | null {
  const v = Array.isArray(value) ? (value as unknown[])[0] : value;
  return typeof v === 'string' && v.trim() ? v.trim() : null;
}

function attribute(profile: Profile, names: readonly string[]): string | null {
  const attributes = (profile.attributes ?? {}) as Record<string, unknown>;
  for (const name of names) {
    const v = firstString(attributes[name]);
    if (v) return v;
  }
  return null;
}

function timeOf(value: string | undefined): number | null {
  if (!value) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
}

/**
 * SAML 2.0 service provider (@node-saml/node-saml), one per organization with a SAML connection:
 * its metadata, the AuthnRequest redirect, and the assertion consumer service.
 *
 * The ACS accepts a response only when its assertion is signed by the connection's certificate
 * (`wantAssertionsSigned`), names our entity id as audience, our ACS as the bearer confirmation's
 * Recipient (and the response's Destination, when present), comes from the configured IdP issuer,
 * and is inside its time window (NotBefore / NotOnOrAfter, ±`SAML_CLOCK_SKEW_MS`). Each assertion
 * id signs in once: it is kept in `saml_assertions` until its NotOnOrAfter, in the sign-in's own
 * transaction. InResponseTo is not checked (`validateInResponseTo: never`): IdP-initiated sign-in
 * (from the Okta / Entra / Google app tile) is allowed, and the replay store plus the short time
 * window are what stop a captured response from being used again.
 */
@Injectable()
export class SamlService {
  private readonly log = new Logger('Saml');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly db: Db,
    private readonly connections: SsoConnectionsRepository,
    private readonly assertions: SamlAssertionsRepository,
    private readonly federated: FederatedSignInService,
  ) {}

  /** Our entity id for an organization: the address of its metadata. */
  entityId(slug: string): string {
    return `${this.config.publicUrl}/api/v1/auth/saml/${slug}/metadata`;
  }

  /** Our assertion consumer service for an organization (HTTP-POST binding). */
  acsUrl(slug: string): string {
    return `${this.config.publicUrl}/api/v1/auth/saml/${slug}/acs`;
  }

  /** The service provider metadata of an organization that has a SAML connection (on or not yet). */
  async metadata(slug: string): Promise<string> {
    const found = await this.connections.bySlug(slug);
    if (!found?.connection || found.connection.protocol !== 'saml') {
      throw new AppError('sso_not_configured', 'This organization has no SAML connection.');
    }
    return generateServiceProviderMetadata({
      issuer: this.entityId(slug),
      callbackUrl: this.acsUrl(slug),
      identifierFormat: NAMEID_EMAIL,
      wantAssertionsSigned: true,
    });
  }

  /**
   * The identity provider's sign-in address with a fresh AuthnRequest (HTTP-Redirect binding) and
   * the RelayState, for the organization's SAML connection. Call it outside any database block.
   */
  async authorizeUrl(organizationId: string, slug: string, relayState: string): Promise<string> {
    const connection = await this.db.asTenant(organizationId, () => this.connections.find(organizationId));
    if (
      !connection?.enabled ||
      connection.protocol !== 'saml' ||
      !connection.saml_entry_point ||
      !connection.saml_idp_certificate ||
      !connection.saml_idp_issuer
    ) {
      throw new AppError('sso_not_configured', 'This organization has no SAML connection turned on.');
    }
    return this.serviceProvider(slug, connection).getAuthorizeUrlAsync(relayState, undefined, {});
  }

  /**
   * The assertion consumer service: verifies the posted response and signs its subject in. Never
   * throws for a refused response: the outcome then has no session and points at `/sso?error=<code>`,
   * and the reason is logged (without the response).
   */
  async acs(slug: string, body: SamlAcsRequest, requestId: string): Promise<SamlAcsOutcome> {
    try {
      const session = await this.signIn(slug, body, requestId);
      return { session, location: this.returnTo(body.RelayState) };
    } catch (err) {
      // Anything else (the database is down) is not the response's fault: a 500 problem.
      if (!(err instanceof SamlRefusal) && !(err instanceof AppError)) throw err;
      const code = err.code;
      this.log.warn(`SAML sign-in refused for organization ${slug} (${code}, request ${requestId}): ${err.message}`);
      return { session: null, location: `${this.config.publicUrl}/sso?error=${code}` };
    }
  }

  private async signIn(slug: string, body: SamlAcsRequest, requestId: string): Promise<AuthSession> {
    const found = await this.connections.bySlug(slug);
    const connection = found?.connection;
    if (!found || !connection || connection.protocol !== 'saml' || !connection.enabled) {
      throw new SamlRefusal('sso_not_configured', 'no enabled SAML connection for this organization');
    }
    if (!connection.saml_idp_certificate || !connection.saml_idp_issuer) {
      throw new SamlRefusal('sso_not_configured', 'the SAML connection lacks the IdP certificate or issuer');
    }
    let profile: Profile | null;
    try {
      ({ profile } = await this.serviceProvider(slug, connection).validatePostResponseAsync({
        SAMLResponse: body.SAMLResponse,
      }));
    } catch (err) {
      // node-saml's messages say what failed (signature, audience, time window), never the content.
      throw new SamlRefusal('sso_failed', err instanceof Error ? err.message : 'the SAML response is invalid');
    }
    if (!profile) throw new SamlRefusal('sso_failed', 'the SAML response carries no assertion');
    const { assertionId, expiresAt } = this.checkAssertion(slug, connection, profile);

    const email = this.emailOf(profile);
    if (!email) throw new SamlRefusal('sso_failed', 'the assertion has no email (NameID or email attribute)');
    const name =
      attribute(profile, DISPLAY_NAME_ATTRIBUTES) ??
      ([attribute(profile, GIVEN_NAME_ATTRIBUTES), attribute(profile, SURNAME_ATTRIBUTES)].filter(Boolean).join(' ') ||
        null);

    return this.db.asTenant(found.organizationId, async () => {
      // Same transaction as the session: a refused sign-in leaves the id unused, a replay finds it.
      if (!(await this.assertions.use(found.organizationId, assertionId, expiresAt))) {
        throw new SamlRefusal('sso_failed', 'the assertion was used before (replay)');
      }
      return this.federated.complete(
        found.organizationId,
        { protocol: 'saml', email, name },
        { action: 'samlAcs', requestId },
      );
    });
  }

  /**
   * What node-saml leaves to the service provider, checked on the signed assertion: the issuer, a
   * bearer confirmation addressed to our ACS and still valid, the response's Destination. Answers
   * the assertion's id and when it may be forgotten (the later of its NotOnOrAfter times, plus the skew).
   */
  private checkAssertion(
    slug: string,
    connection: SsoConnectionRow,
    profile: Profile,
  ): { assertionId: string; expiresAt: Date } {
    const acs = this.acsUrl(slug);
    const parsed = profile.getAssertion?.() as { Assertion?: XmlNode } | undefined;
    const assertion = parsed?.Assertion;
    const assertionId = assertion?.$?.ID;
    if (!assertion || !assertionId || assertionId.length > 256) {
      throw new SamlRefusal('sso_failed', 'the assertion has no usable ID');
    }
    if (profile.issuer !== connection.saml_idp_issuer) {
      throw new SamlRefusal('sso_failed', 'the assertion comes from another issuer than the configured IdP entity id');
    }
    const destination =
      /^\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:[\w.-]+:)?Response\b[^>]*?\sDestination=(["'])(.*?)\1/.exec(
        profile.getSamlResponseXml?.() ?? '',
      )?.[2];
    if (destination !== undefined && destination !== acs) {
      throw new SamlRefusal('sso_failed', 'the response is addressed to another Destination');
    }
    const now = Date.now();
    const confirmations = children(children(assertion, 'Subject')[0], 'SubjectConfirmation')
      .filter((c) => c.$?.Method === BEARER)
      .map((c) => children(c, 'SubjectConfirmationData')[0]?.$ ?? {});
    const addressed = confirmations.filter((d) => d.Recipient === acs);
    if (addressed.length === 0) {
      throw new SamlRefusal('sso_failed', 'no bearer subject confirmation has our ACS as Recipient');
    }
    const valid = addressed.find((d) => {
      const notOnOrAfter = timeOf(d.NotOnOrAfter);
      const notBefore = timeOf(d.NotBefore);
      return (
        notOnOrAfter !== null &&
        now - SAML_CLOCK_SKEW_MS < notOnOrAfter &&
        (notBefore === null || now + SAML_CLOCK_SKEW_MS >= notBefore)
      );
    });
    if (!valid) throw new SamlRefusal('sso_failed', 'the subject confirmation is expired or has no NotOnOrAfter');
    const conditionsEnd = timeOf(children(assertion, 'Conditions')[0]?.$?.NotOnOrAfter);
    const end = Math.max(timeOf(valid.NotOnOrAfter) ?? 0, conditionsEnd ?? 0);
    return { assertionId, expiresAt: new Date(end + SAML_CLOCK_SKEW_MS) };
  }

  /** The NameID when it is an email, else the email attribute. */
  private emailOf(profile: Profile): string | null {
    if (profile.nameID && EMAIL.test(profile.nameID)) return profile.nameID.trim().toLowerCase();
    const email = attribute(profile, EMAIL_ATTRIBUTES) ?? firstString(profile.email);
    return email && EMAIL.test(email) ? email.toLowerCase() : null;
  }

  /**
   * The RelayState when it is a path of the web app, else `/`; under PUBLIC_URL, so always same-origin
   * (the RelayState is whatever the identity provider posted: never a place of its choosing).
   */
  private returnTo(relayState: string | undefined): string {
    const path = relayState && /^\/(?![/\\])[^\s\\\p{Cc}]*$/u.test(relayState) ? relayState : '/';
    return `${this.config.publicUrl}${path}`;
  }

  private serviceProvider(slug: string, connection: SsoConnectionRow): SAML {
    return new SAML({
      issuer: this.entityId(slug),
      audience: this.entityId(slug),
      callbackUrl: this.acsUrl(slug),
      entryPoint: connection.saml_entry_point ?? undefined,
      idpCert: connection.saml_idp_certificate ?? '',
      idpIssuer: connection.saml_idp_issuer ?? undefined,
      identifierFormat: NAMEID_EMAIL,
      wantAssertionsSigned: true,
      wantAuthnResponseSigned: false,
      acceptedClockSkewMs: SAML_CLOCK_SKEW_MS,
      validateInResponseTo: ValidateInResponseTo.never,
      // Entra ID and Google refuse a request for "password" authentication from people who sign in
      // otherwise (passkeys, MFA); let the identity provider choose.
      disableRequestedAuthnContext: true,
    });
  }
}
