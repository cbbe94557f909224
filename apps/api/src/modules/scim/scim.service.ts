import { Inject, Injectable } from '@nestjs/common';
import {
  Email,
  type Role,
  SCIM_GROUP_SCHEMA,
  SCIM_LIST_SCHEMA,
  SCIM_MAX_RESULTS,
  SCIM_USER_SCHEMA,
  type ScimGroupInput,
  type ScimListQuery,
  type ScimPatchOperation,
  type ScimPatchRequest,
  type ScimResponse,
  type ScimUserInput,
  type UpdateUserRequest,
} from '@scorecard/contracts';
import {
  scimPatch,
  ScimError as PatchError,
  type ScimPatchOperation as LibPatchOperation,
  type ScimResource,
} from 'scim-patch';
import { AppError } from '../../common/app-error.js';
import type { Caller } from '../../common/request-context.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/env.js';
import { Db } from '../../database/db.js';
import { AuditService } from '../audit/audit.service.js';
import { UsersService } from '../users/users.service.js';
import type { ScimClient } from './scim-auth.js';
import { resourceTypes, schemas, serviceProviderConfig } from './scim-documents.js';
import { ScimError } from './scim-error.js';
import { parseGroupFilter, parseUserFilter } from './scim-filter.js';
import { ScimRepository, type ScimUserRow } from './scim.repository.js';

/** The four groups, one per role; a group's id is the role's name. */
export const SCIM_GROUPS: Record<Role, string> = {
  admin: 'Admins',
  recruiter: 'Recruiters',
  hiring_manager: 'Hiring managers',
  interviewer: 'Interviewers',
};
const ROLES = Object.keys(SCIM_GROUPS) as Role[];
/** The role someone removed from their group falls back to: the least privileged one. */
const FALLBACK_ROLE: Role = 'interviewer';

/** The request a SCIM change comes from, for its audit event. */
export interface ScimRequest {
  client: ScimClient;
  requestId: string;
}

type ScimUser = ReturnType<ScimService['toScimUser']>;

function scimBool(v: unknown, field: string): boolean {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'string' && /^(true|false)$/i.test(v)) return v.toLowerCase() === 'true';
  throw new ScimError(400, `${field} must be true or false.`, 'invalidValue');
}

function email(userName: string): string {
  const parsed = Email.safeParse(userName);
  if (!parsed.success) throw new ScimError(400, 'userName must be an email address.', 'invalidValue');
  return parsed.data;
}

function clean(s: string | null | undefined): string {
  return (s ?? '').trim().replace(/\s+/g, ' ');
}

function personName(s: string): string {
  const n = s.slice(0, 120).trim();
  if (!n) throw new ScimError(400, 'A user needs a name: name.givenName/familyName or displayName.', 'invalidValue');
  return n;
}

/** Our one name from what the provider sends: given and family name, else formatted, else displayName. */
function nameOf(input: Pick<ScimUserInput, 'name' | 'displayName' | 'userName'>): string {
  const parts = clean([input.name?.givenName, input.name?.familyName].filter(Boolean).join(' '));
  return personName(parts || clean(input.name?.formatted) || clean(input.displayName) || input.userName.split('@')[0]!);
}

/** The role SCIM gives an id that names a group, or a 404. */
function groupRole(id: string): Role {
  if (!(ROLES as string[]).includes(id)) throw AppError.notFound('group');
  return id as Role;
}

/**
 * SCIM 2.0 (RFC 7643/7644) for an organization's identity provider: users are the organization's
 * members (userName = email; created federated: no password, no invitation, they sign in through
 * SSO); the four groups are the roles. Every change is audited with no actor (the provider).
 */
@Injectable()
export class ScimService {
  private readonly base: string;

  constructor(
    private readonly repo: ScimRepository,
    private readonly users: UsersService,
    private readonly audit: AuditService,
    private readonly db: Db,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.base = `${config.publicUrl}/scim/v2`;
  }

  serviceProviderConfig(): ScimResponse {
    return serviceProviderConfig(this.base);
  }

  schemas(): ScimResponse {
    return schemas(this.base);
  }

  resourceTypes(): ScimResponse {
    return resourceTypes(this.base);
  }

  // ---- Users ----

  listUsers({ client }: ScimRequest, query: ScimListQuery): Promise<ScimResponse> {
    const filter = parseUserFilter(query.filter);
    const startIndex = Math.max(1, query.startIndex ?? 1);
    const count = Math.min(SCIM_MAX_RESULTS, Math.max(0, query.count ?? SCIM_MAX_RESULTS));
    return this.db.asTenant(client.organizationId, async () => {
      const { rows, total } = await this.repo.listUsers(client.organizationId, filter, startIndex - 1, count);
      return {
        schemas: [SCIM_LIST_SCHEMA],
        totalResults: total,
        startIndex,
        itemsPerPage: rows.length,
        Resources: rows.map((r) => this.toScimUser(r)),
      };
    });
  }

  getUser({ client }: ScimRequest, id: string): Promise<ScimResponse> {
    return this.db.asTenant(client.organizationId, async () => this.toScimUser(await this.userRow(client, id)));
  }

  createUser(req: ScimRequest, input: ScimUserInput): Promise<ScimResponse> {
    const { organizationId } = req.client;
    return this.db.asTenant(organizationId, async () => {
      const role = (await this.repo.defaultRole(organizationId)) ?? FALLBACK_ROLE;
      const address = email(input.userName);
      const created = await this.users
        .createMember({ organizationId, name: nameOf(input), email: address, role, federated: true })
        .catch((err: unknown) => {
          if (err instanceof AppError && err.code === 'email_taken') {
            throw new ScimError(409, 'A user with this userName already exists.', 'uniqueness');
          }
          throw err;
        });
      const externalId = input.externalId ?? null;
      if (externalId !== null) await this.repo.setIdentity(organizationId, created.id, address, externalId);
      if (input.active !== undefined && !scimBool(input.active, 'active')) {
        await this.users.update(this.providerCaller(organizationId), created.id, { active: false });
      }
      const fields = [
        'name',
        'email',
        'role',
        ...(externalId ? ['externalId'] : []),
        ...(input.active === undefined ? [] : ['active']),
      ];
      await this.record(req, 'scimCreateUser', created.id, fields);
      return this.toScimUser(await this.userRow(req.client, created.id));
    });
  }

  replaceUser(req: ScimRequest, id: string, input: ScimUserInput): Promise<ScimResponse> {
    return this.db.asTenant(req.client.organizationId, async () => {
      const before = await this.userRow(req.client, id);
      await this.apply(req, 'scimReplaceUser', before, {
        name: nameOf(input),
        email: email(input.userName),
        externalId: input.externalId === undefined ? before.scim_external_id : input.externalId,
        active: input.active === undefined ? before.active : scimBool(input.active, 'active'),
      });
      return this.toScimUser(await this.userRow(req.client, id));
    });
  }

  patchUser(req: ScimRequest, id: string, body: ScimPatchRequest): Promise<ScimResponse> {
    return this.db.asTenant(req.client.organizationId, async () => {
      const before = await this.userRow(req.client, id);
      const resource = this.toScimUser(before);
      let patched: ScimUser;
      try {
        const copy = structuredClone(resource) as unknown as ScimResource;
        patched = scimPatch(copy, body.Operations.map(normalizeOp), {
          mutateDocument: true,
          treatMissingAsAdd: true,
        }) as unknown as ScimUser;
      } catch (err) {
        if (err instanceof PatchError) throw new ScimError(400, err.message, 'invalidValue');
        throw err;
      }
      // The name: whichever of its forms the operations changed.
      const given = clean(patched.name?.givenName);
      const family = clean(patched.name?.familyName);
      let name = before.name;
      if (given !== clean(resource.name.givenName) || family !== clean(resource.name.familyName)) {
        name = personName(clean(`${given} ${family}`));
      } else if (clean(patched.name?.formatted) !== clean(resource.name.formatted)) {
        name = personName(clean(patched.name?.formatted));
      } else if (clean(patched.displayName) !== clean(resource.displayName)) {
        name = personName(clean(patched.displayName));
      }
      const primaryEmail = patched.emails?.find((e) => e.primary)?.value ?? patched.emails?.[0]?.value;
      const userName =
        patched.userName !== resource.userName
          ? patched.userName
          : primaryEmail && primaryEmail !== resource.emails[0]!.value
            ? primaryEmail
            : resource.userName;
      if (typeof userName !== 'string') throw new ScimError(400, 'userName is required.', 'invalidValue');
      await this.apply(req, 'scimPatchUser', before, {
        name,
        email: email(userName),
        externalId: typeof patched.externalId === 'string' ? patched.externalId : null,
        active: scimBool(patched.active ?? before.active, 'active'),
      });
      return this.toScimUser(await this.userRow(req.client, id));
    });
  }

  /** Deprovisioning deactivates (the person's scorecards and history stay) and ends their sessions. */
  deleteUser(req: ScimRequest, id: string): Promise<void> {
    return this.db.asTenant(req.client.organizationId, async () => {
      const before = await this.userRow(req.client, id);
      if (before.active) {
        await this.users.update(this.providerCaller(req.client.organizationId), id, { active: false });
      }
      await this.record(req, 'scimDeleteUser', id, ['active']);
    });
  }

  // ---- Groups ----

  listGroups({ client }: ScimRequest, query: ScimListQuery): Promise<ScimResponse> {
    const filter = parseGroupFilter(query.filter);
    const withMembers = !/\bmembers\b/i.test(query.excludedAttributes ?? '');
    const startIndex = Math.max(1, query.startIndex ?? 1);
    const count = Math.max(0, query.count ?? SCIM_MAX_RESULTS);
    const roles = ROLES.filter((r) =>
      filter.attribute === 'none'
        ? true
        : filter.attribute === 'id'
          ? r === filter.value
          : SCIM_GROUPS[r].toLowerCase() === filter.value.toLowerCase(),
    );
    const page = roles.slice(startIndex - 1, startIndex - 1 + count);
    return this.db.asTenant(client.organizationId, async () => ({
      schemas: [SCIM_LIST_SCHEMA],
      totalResults: roles.length,
      startIndex,
      itemsPerPage: page.length,
      Resources: await Promise.all(page.map((r) => this.toScimGroup(client, r, withMembers))),
    }));
  }

  getGroup({ client }: ScimRequest, id: string, query: ScimListQuery): Promise<ScimResponse> {
    const role = groupRole(id);
    const withMembers = !/\bmembers\b/i.test(query.excludedAttributes ?? '');
    return this.db.asTenant(client.organizationId, () => this.toScimGroup(client, role, withMembers));
  }

  /**
   * Group membership sets roles. Adding someone to a group gives them its role (they leave the group
   * of their previous role: one role each); removing them from the group of their role makes them
   * interviewers; removing them from another group changes nothing.
   */
  patchGroup(req: ScimRequest, id: string, body: ScimPatchRequest): Promise<ScimResponse> {
    const role = groupRole(id);
    return this.db.asTenant(req.client.organizationId, async () => {
      for (const raw of body.Operations) {
        const op = raw.op.toLowerCase();
        const path = raw.path?.trim();
        const single = path ? /^members\[\s*value\s+eq\s+"([^"]+)"\s*\]$/i.exec(path) : null;
        if (single?.[1]) {
          if (op !== 'remove') throw new ScimError(400, `Unsupported operation ${raw.op} on ${path}.`, 'invalidSyntax');
          await this.leave(req, role, [single[1]]);
        } else if (path && path.toLowerCase() === 'members') {
          const ids = memberIds(raw.value);
          if (op === 'add') await this.join(req, role, ids);
          else if (op === 'remove') await this.leave(req, role, raw.value === undefined ? null : ids);
          else if (op === 'replace') await this.replaceMembers(req, role, ids);
          else throw new ScimError(400, `Unsupported op "${raw.op}".`, 'invalidSyntax');
        } else if (!path && (op === 'add' || op === 'replace') && isObject(raw.value)) {
          this.checkDisplayName(role, raw.value.displayName);
          if (raw.value.members !== undefined) {
            const ids = memberIds(raw.value.members);
            if (op === 'add') await this.join(req, role, ids);
            else await this.replaceMembers(req, role, ids);
          }
        } else if (path && path.toLowerCase() === 'displayname' && op === 'replace') {
          this.checkDisplayName(role, raw.value);
        } else {
          throw new ScimError(400, `Unsupported operation ${raw.op} ${path ?? ''}`.trim() + '.', 'invalidSyntax');
        }
      }
      return this.toScimGroup(req.client, role, true);
    });
  }

  replaceGroup(req: ScimRequest, id: string, input: ScimGroupInput): Promise<ScimResponse> {
    const role = groupRole(id);
    return this.db.asTenant(req.client.organizationId, async () => {
      this.checkDisplayName(role, input.displayName);
      await this.replaceMembers(req, role, memberIds(input.members ?? []));
      return this.toScimGroup(req.client, role, true);
    });
  }

  refuseGroupChange(): never {
    throw new ScimError(
      501,
      'Groups are fixed: one per role (Admins, Recruiters, Hiring managers, Interviewers). Add and remove members instead.',
    );
  }

  // ---- helpers ----

  private checkDisplayName(role: Role, displayName: unknown): void {
    if (displayName !== undefined && displayName !== SCIM_GROUPS[role]) {
      throw new ScimError(400, 'The groups are the roles: they cannot be renamed.', 'mutability');
    }
  }

  private async join(req: ScimRequest, role: Role, ids: string[]): Promise<void> {
    for (const id of ids) await this.setRole(req, id, role);
  }

  /** Removes members from the group; `null` removes all of them. */
  private async leave(req: ScimRequest, role: Role, ids: string[] | null): Promise<void> {
    const members = await this.repo.usersWithRole(req.client.organizationId, role);
    const leaving = ids === null ? members.map((m) => m.id) : ids;
    for (const id of leaving) {
      const user = await this.userRow(req.client, id, 'invalidValue');
      if (user.role === role && role !== FALLBACK_ROLE) await this.setRole(req, id, FALLBACK_ROLE);
    }
  }

  private async replaceMembers(req: ScimRequest, role: Role, ids: string[]): Promise<void> {
    const keep = new Set(ids);
    const members = await this.repo.usersWithRole(req.client.organizationId, role);
    await this.join(req, role, ids);
    await this.leave(
      req,
      role,
      members.map((m) => m.id).filter((id) => !keep.has(id)),
    );
  }

  private async setRole(req: ScimRequest, id: string, role: Role): Promise<void> {
    const user = await this.userRow(req.client, id, 'invalidValue');
    if (user.role === role) return;
    await this.users.update(this.providerCaller(req.client.organizationId), id, { role });
    await this.record(req, 'scimPatchGroup', id, ['role']);
  }

  /** Applies a replaced or patched user: identity (email, externalId), then name and active. */
  private async apply(
    req: ScimRequest,
    action: string,
    before: ScimUserRow,
    after: { name: string; email: string; externalId: string | null; active: boolean },
  ): Promise<void> {
    const { organizationId } = req.client;
    const fields: string[] = [];
    if (after.email !== before.email) fields.push('email');
    if (after.externalId !== before.scim_external_id) fields.push('externalId');
    if (fields.length > 0) await this.repo.setIdentity(organizationId, before.id, after.email, after.externalId);
    const change: UpdateUserRequest = {};
    if (after.name !== before.name) change.name = after.name;
    if (after.active !== before.active) change.active = after.active;
    if (Object.keys(change).length > 0) {
      await this.users.update(this.providerCaller(organizationId), before.id, change);
      fields.push(...Object.keys(change));
    }
    if (fields.length > 0) await this.record(req, action, before.id, fields);
  }

  private async userRow(
    client: ScimClient,
    id: string,
    unknown: 'notFound' | 'invalidValue' = 'notFound',
  ): Promise<ScimUserRow> {
    const row = await this.repo.findUser(client.organizationId, id);
    if (row) return row;
    if (unknown === 'invalidValue') throw new ScimError(400, `No user with id ${id}.`, 'invalidValue');
    throw AppError.notFound('user');
  }

  private record(req: ScimRequest, action: string, userId: string, changedFields: string[]): Promise<void> {
    return this.audit.record({
      organizationId: req.client.organizationId,
      actorUserId: null,
      action,
      entityType: 'user',
      entityId: userId,
      changedFields,
      requestId: req.requestId,
    });
  }

  /**
   * `UsersService.update` works for a caller and reads only its organization: the identity provider
   * acts for the organization, with no user of its own (the audit events it leaves have no actor).
   */
  private providerCaller(organizationId: string): Caller {
    return {
      sessionId: '',
      userId: '',
      organizationId,
      organizationName: '',
      name: 'SCIM',
      email: '',
      role: 'admin',
    };
  }

  toScimUser(r: ScimUserRow) {
    const [givenName, ...rest] = r.name.split(' ');
    return {
      schemas: [SCIM_USER_SCHEMA],
      id: r.id,
      ...(r.scim_external_id ? { externalId: r.scim_external_id } : {}),
      userName: r.email,
      displayName: r.name,
      name: { formatted: r.name, givenName: givenName ?? '', familyName: rest.join(' ') },
      active: r.active as boolean | string,
      emails: [{ value: r.email, type: 'work', primary: true }],
      groups: [{ value: r.role, display: SCIM_GROUPS[r.role], $ref: `${this.base}/Groups/${r.role}` }],
      meta: {
        resourceType: 'User',
        created: r.created_at.toISOString(),
        lastModified: r.updated_at.toISOString(),
        location: `${this.base}/Users/${r.id}`,
      },
    };
  }

  private async toScimGroup(client: ScimClient, role: Role, withMembers: boolean) {
    const members = withMembers ? await this.repo.usersWithRole(client.organizationId, role) : [];
    return {
      schemas: [SCIM_GROUP_SCHEMA],
      id: role,
      displayName: SCIM_GROUPS[role],
      ...(withMembers
        ? { members: members.map((m) => ({ value: m.id, display: m.name, $ref: `${this.base}/Users/${m.id}` })) }
        : {}),
      meta: { resourceType: 'Group', location: `${this.base}/Groups/${role}` },
    };
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The user ids of a members value: `[{ value }]` (or one `{ value }`). */
function memberIds(value: unknown): string[] {
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.map((m) => {
    if (!isObject(m) || typeof m.value !== 'string') {
      throw new ScimError(400, 'members must be a list of { "value": "<user id>" }.', 'invalidValue');
    }
    return m.value;
  });
}

/**
 * An operation as scim-patch expects it: ops in lower case (Entra sends "Replace"), and Okta's
 * path-less `{"op":"replace","value":{"active":false}}` passes as it is.
 */
function normalizeOp(op: ScimPatchOperation): LibPatchOperation {
  return { ...op, op: op.op.toLowerCase() } as LibPatchOperation;
}
