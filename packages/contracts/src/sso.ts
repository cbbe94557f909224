import { z } from 'zod';
import { Email, OrganizationSlug } from './auth.js';
import { Role, Uuid } from './common.js';

// Single sign-on: an organization's OpenID Connect or SAML connection, and signing in through it.

export const SsoProtocol = z.enum(['oidc', 'saml']);
export type SsoProtocol = z.infer<typeof SsoProtocol>;

/** An email domain the connection accepts: `example.com`, lowercase, no `@`. */
export const EmailDomain = z
  .string()
  .trim()
  .toLowerCase()
  .regex(
    /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/,
    'Enter a domain such as example.com (no @, no spaces).',
  );

const HttpUrl = z
  .string()
  .trim()
  .max(2000)
  .regex(/^https?:\/\/[^\s/?#]+[^\s]*$/, 'Enter an http(s) address, e.g. https://login.example.com.');

const Pem = z
  .string()
  .trim()
  .max(20_000)
  .regex(
    /^-----BEGIN CERTIFICATE-----[\sA-Za-z0-9+/=]+-----END CERTIFICATE-----$/,
    'Paste the certificate in PEM form, from -----BEGIN CERTIFICATE----- to -----END CERTIFICATE-----.',
  );

/** An organization's SSO connection as admins see it. The client secret is never returned. */
export const SsoConnection = z
  .object({
    /** False until an admin saves the connection for the first time. */
    configured: z.boolean(),
    organizationSlug: z.string(),
    protocol: SsoProtocol,
    enabled: z.boolean(),
    oidcIssuer: z.string().nullable(),
    oidcClientId: z.string().nullable(),
    /** Whether a client secret is stored (it is write-only). */
    clientSecretSet: z.boolean(),
    samlEntryPoint: z.string().nullable(),
    samlIdpIssuer: z.string().nullable(),
    samlIdpCertificate: z.string().nullable(),
    allowedDomains: z.array(z.string()),
    defaultRole: Role,
    requireSso: z.boolean(),
    breakGlassUserId: Uuid.nullable(),
    /** The addresses to copy into the identity provider. */
    oidcRedirectUri: z.string(),
    samlAcsUrl: z.string(),
    samlMetadataUrl: z.string(),
    updatedAt: z.iso.datetime({ offset: true }).nullable(),
  })
  .meta({ id: 'SsoConnection' });
export type SsoConnection = z.infer<typeof SsoConnection>;

/**
 * The whole connection, replaced. `oidcClientSecret` left out keeps the stored one. An enabled
 * connection needs its protocol's fields; `requireSso` needs an enabled connection and a break-glass admin.
 */
export const UpdateSsoConnectionRequest = z
  .strictObject({
    protocol: SsoProtocol,
    enabled: z.boolean(),
    oidcIssuer: HttpUrl.nullable().optional(),
    oidcClientId: z.string().trim().min(1, 'Enter the client id.').max(500).nullable().optional(),
    oidcClientSecret: z.string().min(1, 'Enter the client secret.').max(2000).optional(),
    samlEntryPoint: HttpUrl.nullable().optional(),
    samlIdpIssuer: z.string().trim().min(1, 'Enter the identity provider entity id.').max(1000).nullable().optional(),
    samlIdpCertificate: Pem.nullable().optional(),
    allowedDomains: z.array(EmailDomain).max(50, 'At most 50 domains.'),
    defaultRole: Role,
    requireSso: z.boolean(),
    breakGlassUserId: Uuid.nullable(),
  })
  .superRefine((v, ctx) => {
    const need = (field: keyof typeof v, message: string) => {
      if (v[field] === undefined || v[field] === null) ctx.addIssue({ code: 'custom', path: [field], message });
    };
    if (v.enabled && v.protocol === 'oidc') {
      need('oidcIssuer', 'An enabled OpenID Connect connection needs the issuer URL.');
      need('oidcClientId', 'An enabled OpenID Connect connection needs the client id.');
    }
    if (v.enabled && v.protocol === 'saml') {
      need('samlEntryPoint', 'An enabled SAML connection needs the identity provider sign-in URL.');
      need('samlIdpIssuer', 'An enabled SAML connection needs the identity provider entity id.');
      need('samlIdpCertificate', 'An enabled SAML connection needs the identity provider certificate.');
    }
    if (v.enabled && v.allowedDomains.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['allowedDomains'], message: 'Add at least one email domain.' });
    }
    if (new Set(v.allowedDomains).size !== v.allowedDomains.length) {
      ctx.addIssue({ code: 'custom', path: ['allowedDomains'], message: 'A domain is listed twice.' });
    }
    if (v.requireSso && !v.enabled) {
      ctx.addIssue({ code: 'custom', path: ['requireSso'], message: 'Turn the connection on before requiring SSO.' });
    }
    if (v.requireSso && !v.breakGlassUserId) {
      ctx.addIssue({
        code: 'custom',
        path: ['breakGlassUserId'],
        message: 'Choose a break-glass admin who can still sign in with a password.',
      });
    }
  });
export type UpdateSsoConnectionRequest = z.infer<typeof UpdateSsoConnectionRequest>;

/** A path inside Scorecard to land on after signing in (`/openings/…`); never another site. */
export const ReturnTo = z
  .string()
  .max(500)
  .regex(/^\/(?![/\\])[^\s]*$/, 'Give a path inside Scorecard, starting with one /.');

/** Where to sign in: the work email (its domain finds the organization) or the organization's short name. */
export const SsoStartRequest = z
  .strictObject({
    email: Email.optional(),
    organization: OrganizationSlug.optional(),
    returnTo: ReturnTo.optional(),
  })
  .refine((v) => (v.email === undefined) !== (v.organization === undefined), {
    message: 'Enter your work email or your organization’s short name.',
    path: ['email'],
  });
export type SsoStartRequest = z.infer<typeof SsoStartRequest>;

export const SsoStartResponse = z.object({ redirectUrl: z.string() }).meta({ id: 'SsoStartResponse' });
export type SsoStartResponse = z.infer<typeof SsoStartResponse>;

/** What the identity provider sends back to the redirect URI (it may add parameters of its own). */
export const OidcCallbackQuery = z.looseObject({
  code: z.string().max(4000).optional(),
  state: z.string().max(500).optional(),
  error: z.string().max(200).optional(),
  error_description: z.string().max(2000).optional(),
});
export type OidcCallbackQuery = z.infer<typeof OidcCallbackQuery>;

/** The codes `/sso?error=` carries after a failed sign-in through the identity provider. */
export const SSO_ERROR_CODES = [
  'sso_failed',
  'sso_not_configured',
  'account_deactivated',
  'domain_not_allowed',
  'expired',
  'cancelled',
] as const;
export type SsoErrorCode = (typeof SSO_ERROR_CODES)[number];
