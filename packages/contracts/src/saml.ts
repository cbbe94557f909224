import { z } from 'zod';

// SAML 2.0 service provider: what its endpoints take and answer.
export const _placeholderSaml = z.never();
