import { z } from 'zod';

/**
 * What an organization API token may do: a resource and a verb. Each endpoint a token may call
 * names exactly one scope (`TOKEN_SCOPES` in endpoints/scopes.ts); every other endpoint refuses tokens.
 */
export const API_SCOPES = [
  'openings:read',
  'openings:write',
  'library:read',
  'candidates:read',
  'candidates:write',
  'applications:read',
  'applications:write',
  'interviews:read',
  'interviews:write',
  'scorecards:read',
  'scorecards:write',
  'decisions:read',
  'decisions:write',
  'audit:read',
  'webhooks:manage',
] as const;
export const ApiScope = z.enum(API_SCOPES);
export type ApiScope = z.infer<typeof ApiScope>;

/** The prefix of every API token's secret, so secret scanners and people can tell what it is. */
export const API_TOKEN_PREFIX = 'sc_';
