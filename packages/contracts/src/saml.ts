import { z } from 'zod';
import { OrganizationSlug } from './auth.js';

// SAML 2.0 service provider: what its endpoints take and answer.

/** The organization whose service provider is addressed, by its short name. */
export const SamlParams = z.strictObject({ organizationSlug: OrganizationSlug });
export type SamlParams = z.infer<typeof SamlParams>;

/**
 * What an identity provider posts to the assertion consumer service (HTTP-POST binding, form-encoded):
 * the base64 `<samlp:Response>` and the RelayState it was given (a same-origin path to return to).
 */
export const SamlAcsRequest = z.strictObject({
  SAMLResponse: z
    .string()
    .min(1)
    .max(200_000)
    .regex(/^[A-Za-z0-9+/=\s]+$/, 'SAMLResponse must be base64.'),
  RelayState: z.string().max(1000).optional(),
});
export type SamlAcsRequest = z.infer<typeof SamlAcsRequest>;
