import { z } from 'zod';

// Single sign-on: an organization's OpenID Connect or SAML connection, and signing in through it.
export const _placeholderssoEndpoints = z.never();
