import { z } from 'zod';
import { Uuid } from './common.js';

// SCIM 2.0 provisioning (RFC 7643/7644) and the SCIM tokens admins create for it.

// ---- SCIM tokens (admins, /api/v1/scim-tokens) ----

export const ScimTokenName = z
  .string()
  .trim()
  .min(1, 'Enter a name for the token.')
  .max(120, 'A token name has at most 120 characters.');

/** A SCIM token as listed: never the token itself (only its SHA-256 hash is kept). */
export const ScimToken = z.strictObject({
  id: Uuid,
  name: z.string(),
  createdAt: z.string(),
  createdBy: z.strictObject({ id: Uuid, name: z.string() }).nullable(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type ScimToken = z.infer<typeof ScimToken>;

export const ScimTokenList = z.strictObject({ items: z.array(ScimToken) });
export type ScimTokenList = z.infer<typeof ScimTokenList>;

export const CreateScimTokenRequest = z.strictObject({ name: ScimTokenName });
export type CreateScimTokenRequest = z.infer<typeof CreateScimTokenRequest>;

/** The answer to creating a token: the only time the token is shown. */
export const CreatedScimToken = ScimToken.extend({ token: z.string() });
export type CreatedScimToken = z.infer<typeof CreatedScimToken>;

// ---- SCIM protocol (/scim/v2) ----

export const SCIM_USER_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const SCIM_GROUP_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Group';
export const SCIM_LIST_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';
export const SCIM_PATCH_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
export const SCIM_ERROR_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:Error';
export const SCIM_CONTENT_TYPE = 'application/scim+json';
/** The most resources one page of a SCIM list returns (`count` is capped to it). */
export const SCIM_MAX_RESULTS = 200;

/** A SCIM document: identity providers send (and expect) attributes beyond the ones we use. */
const ScimDocument = z.looseObject({});

/** A SCIM resource id: a user's UUID, or a group's id (a role name); unknown ids answer 404. */
export const ScimIdParams = z.strictObject({ id: z.string().min(1).max(200) });

export const ScimListQuery = z.looseObject({
  filter: z.string().max(1000).optional(),
  startIndex: z.coerce.number().int().optional(),
  count: z.coerce.number().int().optional(),
  attributes: z.string().max(1000).optional(),
  excludedAttributes: z.string().max(1000).optional(),
});
export type ScimListQuery = z.infer<typeof ScimListQuery>;

const ScimBool = z.union([z.boolean(), z.enum(['true', 'false', 'True', 'False', 'TRUE', 'FALSE'])]);

/** A user as identity providers send it (POST and PUT): userName is the email address. */
export const ScimUserInput = z.looseObject({
  schemas: z.array(z.string()).optional(),
  userName: z.string().min(1).max(254),
  externalId: z.string().max(200).nullish(),
  displayName: z.string().max(200).nullish(),
  name: z
    .looseObject({
      formatted: z.string().max(200).nullish(),
      givenName: z.string().max(200).nullish(),
      familyName: z.string().max(200).nullish(),
    })
    .nullish(),
  active: ScimBool.optional(),
  emails: z.array(z.looseObject({ value: z.string().max(254).optional() })).nullish(),
});
export type ScimUserInput = z.infer<typeof ScimUserInput>;

export const ScimPatchOperation = z.looseObject({
  op: z.string().min(1).max(20),
  path: z.string().max(1000).optional(),
  value: z.unknown().optional(),
});
export type ScimPatchOperation = z.infer<typeof ScimPatchOperation>;

export const ScimPatchRequest = z.looseObject({
  schemas: z.array(z.string()).optional(),
  Operations: z.array(ScimPatchOperation).min(1).max(1000),
});
export type ScimPatchRequest = z.infer<typeof ScimPatchRequest>;

/** A group as identity providers send it in a PUT (members replace the group's members). */
export const ScimGroupInput = z.looseObject({
  displayName: z.string().max(200).optional(),
  members: z.array(z.looseObject({ value: z.string().max(200) })).optional(),
});
export type ScimGroupInput = z.infer<typeof ScimGroupInput>;

/** Any SCIM answer (a resource, a list, a static document): described by RFC 7643, not here. */
export const ScimResponse = ScimDocument;
export type ScimResponse = z.infer<typeof ScimResponse>;
