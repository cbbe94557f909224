import { ScimError } from './scim-error.js';

/** A filter this service provider answers: one attribute compared with `eq` to one value. */
export type UserFilter =
  { attribute: 'userName' | 'externalId' | 'email' | 'id'; value: string } | { attribute: 'none' };
export type GroupFilter = { attribute: 'displayName' | 'id'; value: string } | { attribute: 'none' };

const EQ = /^\s*([A-Za-z.[\]" ]+?)\s+eq\s+"((?:[^"\\]|\\.)*)"\s*$/i;

function parseEq(filter: string): { path: string; value: string } {
  const m = EQ.exec(filter);
  if (!m?.[1] || m[2] === undefined) {
    throw new ScimError(400, `Unsupported filter: only attribute eq "value" is supported.`, 'invalidFilter');
  }
  return { path: m[1].replace(/\s+/g, ' ').trim().toLowerCase(), value: JSON.parse(`"${m[2]}"`) as string };
}

/**
 * `userName eq "…"`, `externalId eq "…"`, `emails.value eq "…"`, `emails[type eq "work"].value eq "…"`
 * and `id eq "…"`; anything else is refused with `invalidFilter`.
 */
export function parseUserFilter(filter: string | undefined): UserFilter {
  if (filter === undefined || filter.trim() === '') return { attribute: 'none' };
  const { path, value } = parseEq(filter);
  if (path === 'username') return { attribute: 'userName', value };
  if (path === 'externalid') return { attribute: 'externalId', value };
  if (path === 'id') return { attribute: 'id', value };
  if (path === 'emails.value' || path === 'emails' || path === 'emails[type eq "work"].value') {
    return { attribute: 'email', value };
  }
  throw new ScimError(400, `Filtering users by "${path}" is not supported.`, 'invalidFilter');
}

/** `displayName eq "…"` and `id eq "…"`. */
export function parseGroupFilter(filter: string | undefined): GroupFilter {
  if (filter === undefined || filter.trim() === '') return { attribute: 'none' };
  const { path, value } = parseEq(filter);
  if (path === 'displayname') return { attribute: 'displayName', value };
  if (path === 'id') return { attribute: 'id', value };
  throw new ScimError(400, `Filtering groups by "${path}" is not supported.`, 'invalidFilter');
}
