import { z } from 'zod';

// Single sign-on: an organization's OpenID Connect or SAML connection, and signing in through it.

export const SsoProtocol = z.enum(['oidc', 'saml']);
export type SsoProtocol = z.infer<typeof SsoProtocol>;
