import { z } from 'zod';
import { PageQuery, paginated, Uuid } from './common.js';

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

/** The furthest ahead a token's expiry may be set: two years (a token without expiry lasts until revoked). */
export const API_TOKEN_MAX_LIFETIME_DAYS = 730;

/** What each resource of the scopes covers, for the screen that creates a token and the docs. */
export const API_SCOPE_RESOURCES: Readonly<Record<string, string>> = {
  openings: 'Openings and their interview plans',
  library: 'Rubrics and checklists (read only)',
  candidates: 'Candidates, their files and notes',
  applications: 'Applications and stage moves',
  interviews: 'Interviews and interview kits',
  scorecards: 'Submitted scorecards (never drafts)',
  decisions: 'Debriefs, comparisons and hiring decisions',
  audit: 'The audit log (read only)',
  webhooks: 'Webhook endpoints and deliveries',
};

export const ApiTokenName = z
  .string()
  .trim()
  .min(1, 'Enter a name for the token.')
  .max(120, 'A token name has at most 120 characters.');

/** An API token as listed: never the secret itself (only its SHA-256 hash is kept). */
export const ApiToken = z.strictObject({
  id: Uuid,
  name: z.string(),
  scopes: z.array(ApiScope),
  /** The admin who created it: the token acts as this user, with their role as it is at each request. */
  createdBy: z.strictObject({ id: Uuid, name: z.string() }),
  createdAt: z.iso.datetime({ offset: true }),
  expiresAt: z.iso.datetime({ offset: true }).nullable(),
  lastUsedAt: z.iso.datetime({ offset: true }).nullable(),
  revokedAt: z.iso.datetime({ offset: true }).nullable(),
});
export type ApiToken = z.infer<typeof ApiToken>;

export const ApiTokenList = paginated(ApiToken);
export type ApiTokenList = z.infer<typeof ApiTokenList>;

export const ApiTokenListQuery = PageQuery;
export type ApiTokenListQuery = z.infer<typeof ApiTokenListQuery>;

export const CreateApiTokenRequest = z.strictObject({
  name: ApiTokenName,
  scopes: z
    .array(ApiScope)
    .min(1, 'Choose at least one scope.')
    .refine((s) => new Set(s).size === s.length, 'Each scope may be listed once.'),
  /** When the token stops working; in the future, at most two years ahead. None: until revoked. */
  expiresAt: z.iso
    .datetime({ offset: true, message: 'Give the expiry as a date and time (ISO 8601).' })
    .refine((v) => Date.parse(v) > Date.now(), 'The expiry must be in the future.')
    .refine(
      (v) => Date.parse(v) <= Date.now() + API_TOKEN_MAX_LIFETIME_DAYS * 86_400_000,
      `The expiry can be at most ${API_TOKEN_MAX_LIFETIME_DAYS / 365} years ahead.`,
    )
    .optional(),
});
export type CreateApiTokenRequest = z.infer<typeof CreateApiTokenRequest>;

/** The answer to creating a token: the only time its secret (`token`, `sc_…`) is shown. */
export const CreatedApiToken = ApiToken.extend({ token: z.string() });
export type CreatedApiToken = z.infer<typeof CreatedApiToken>;
