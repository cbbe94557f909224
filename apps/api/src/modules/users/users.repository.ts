import { Injectable } from '@nestjs/common';
import type { PeopleQuery, Person, Role, User, UserListQuery, UserStatus } from '@scorecard/contracts';
import type { EntityManager } from 'typeorm';
import {
  Db,
  escapeLike,
  isUniqueViolation,
  LOGIN_LOOKUP_SETTING,
  ORGANIZATION_LIST_SETTING,
  type Col,
  type Cols,
} from '../../database/db.js';

type UserRow = Cols<
  'users',
  'id' | 'organization_id' | 'name' | 'email' | 'role' | 'active' | 'created_at' | 'deactivated_at' | 'invited_at'
>;

const COLUMNS = `id, organization_id, name, email, role, active, created_at, deactivated_at, invited_at`;

/** The SQL condition of each status (see `statusOf`). */
const STATUS_SQL: Record<UserStatus, string> = {
  active: 'active and invited_at is null',
  invited: 'active and invited_at is not null',
  deactivated: 'not active',
};

/** Deactivated wins; an active user is invited until they accept (`invited_at` is then cleared). */
function statusOf(r: Pick<UserRow, 'active' | 'invited_at'>): UserStatus {
  if (!r.active) return 'deactivated';
  return r.invited_at ? 'invited' : 'active';
}

/** An account found by its sign-in email, with its organization. */
export interface LoginAccount extends User {
  organizationId: string;
  organizationName: string;
  organizationSlug: string;
  passwordHash: string | null;
  twoFactorEnabled: boolean;
}

export function toUser(r: UserRow): User {
  return {
    id: r.id,
    name: r.name,
    email: r.email,
    role: r.role,
    active: r.active,
    status: statusOf(r),
    invitedAt: r.invited_at?.toISOString() ?? null,
    createdAt: r.created_at.toISOString(),
    deactivatedAt: r.deactivated_at?.toISOString() ?? null,
  };
}

/** Thrown when an email is already used by a member of the same organization (emails are unique per organization). */
export class EmailTakenError extends Error {}

@Injectable()
export class UsersRepository {
  constructor(private readonly db: Db) {}

  async list(organizationId: string, q: UserListQuery): Promise<{ items: User[]; total: number }> {
    const where = ['organization_id = $1'];
    const args: unknown[] = [organizationId];
    if (q.q) {
      // The start of any word of the name ("oka" finds Ines Okafor), of the email, or of its domain.
      args.push(escapeLike(q.q.toLowerCase()));
      const p = `$${args.length}`;
      where.push(
        `(lower(name) like ${p} || '%' or lower(name) like '% ' || ${p} || '%'` +
          ` or email like ${p} || '%' or email like '%@' || ${p} || '%')`,
      );
    }
    if (q.role) {
      args.push(q.role);
      where.push(`role = $${args.length}`);
    }
    if (q.active !== undefined) {
      args.push(q.active);
      where.push(`active = $${args.length}`);
    }
    if (q.status) where.push(`(${STATUS_SQL[q.status]})`);
    args.push(q.pageSize, (q.page - 1) * q.pageSize);
    const rows = await this.db.query<(UserRow & { total: number })[]>(
      `select ${COLUMNS}, count(*) over ()::int as total
         from users where ${where.join(' and ')}
        order by lower(name), id
        limit $${args.length - 1} offset $${args.length}`,
      args,
    );
    let total = rows[0]?.total ?? 0;
    if (rows.length === 0 && q.page > 1) {
      const [c] = await this.db.query<{ n: number }[]>(
        `select count(*)::int as n from users where ${where.join(' and ')}`,
        args.slice(0, -2),
      );
      total = c?.n ?? 0;
    }
    return { items: rows.map(toUser), total };
  }

  /** Active members for pickers: name and role only, searched like the users list. */
  async people(organizationId: string, q: PeopleQuery): Promise<{ items: Person[]; total: number }> {
    const args: unknown[] = [organizationId];
    const where = ['organization_id = $1', 'active'];
    if (q.q) {
      args.push(escapeLike(q.q.toLowerCase()));
      const p = `$${args.length}`;
      where.push(`(lower(name) like ${p} || '%' or lower(name) like '% ' || ${p} || '%')`);
    }
    if (q.role) {
      args.push(q.role);
      where.push(`role = $${args.length}`);
    }
    args.push(q.pageSize, (q.page - 1) * q.pageSize);
    const rows = await this.db.query<(Cols<'users', 'id' | 'name' | 'role'> & { total: number })[]>(
      `select id, name, role, count(*) over ()::int as total from users where ${where.join(' and ')}
        order by lower(name), id limit $${args.length - 1} offset $${args.length}`,
      args,
    );
    return { items: rows.map(({ id, name, role }) => ({ id, name, role })), total: rows[0]?.total ?? 0 };
  }

  async activeIds(organizationId: string, ids: string[], m: EntityManager = this.db.manager): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows = await m.query<Cols<'users', 'id'>[]>(
      `select id from users where organization_id = $1 and id = any($2::uuid[]) and active`,
      [organizationId, ids],
    );
    return rows.map((r) => r.id);
  }

  async findById(
    organizationId: string,
    id: string,
    m: EntityManager = this.db.manager,
    lock = false,
  ): Promise<User | null> {
    const rows = await m.query<UserRow[]>(
      `select ${COLUMNS} from users where organization_id = $1 and id = $2${lock ? ' for update' : ''}`,
      [organizationId, id],
    );
    return rows[0] ? toUser(rows[0]) : null;
  }

  /**
   * Every account that signs in with `email`, one per organization (an email is unique within an
   * organization only), found before the organization is known, most recently signed in first;
   * `passwordHash` is null while an invitation is open.
   */
  async findForLogin(email: string): Promise<LoginAccount[]> {
    const rows = await this.db.lookup({ [LOGIN_LOOKUP_SETTING]: email, [ORGANIZATION_LIST_SETTING]: 'on' }, () =>
      this.db.query<
        (UserRow &
          Cols<'users', 'password_hash' | 'two_factor_enabled_at'> & {
            organization_name: Col<'organizations', 'name'>;
            organization_slug: Col<'organizations', 'slug'>;
          })[]
      >(
        `select ${COLUMNS.split(', ')
          .map((c) => `u.${c}`)
          .join(', ')}, u.password_hash, u.two_factor_enabled_at,
                o.name as organization_name, o.slug as organization_slug
           from users u join organizations o on o.id = u.organization_id
          where u.email = $1
          order by u.last_signed_in_at desc nulls last, u.created_at
          limit 20`,
        [email],
      ),
    );
    return rows.map((r) => ({
      ...toUser(r),
      organizationId: r.organization_id,
      organizationName: r.organization_name,
      organizationSlug: r.organization_slug,
      passwordHash: r.password_hash,
      twoFactorEnabled: r.two_factor_enabled_at !== null,
    }));
  }

  /** Records a successful sign-in (the most recent organization is tried first next time). */
  async markSignedIn(organizationId: string, id: string, m: EntityManager = this.db.manager): Promise<void> {
    await m.query(`update users set last_signed_in_at = now() where organization_id = $1 and id = $2`, [
      organizationId,
      id,
    ]);
  }

  /** A new member; with no password hash, an invited one (`invited_at` now) unless `federated`. */
  async insert(
    input: {
      organizationId: string;
      name: string;
      email: string;
      role: Role;
      passwordHash: string | null;
      /** No password and no invitation either: the identity provider vouches for them (SSO, SCIM). */
      federated?: boolean;
    },
    m: EntityManager = this.db.manager,
  ): Promise<User> {
    try {
      const [row] = await m.query<UserRow[]>(
        `insert into users (organization_id, name, email, role, password_hash, invited_at)
         values ($1, $2, $3, $4, $5, case when $5::text is null and not $6 then now() end) returning ${COLUMNS}`,
        [input.organizationId, input.name, input.email, input.role, input.passwordHash, input.federated ?? false],
      );
      if (!row) throw new Error('insert returned no row');
      return toUser(row);
    } catch (err) {
      if (isUniqueViolation(err, 'users_org_email_key')) throw new EmailTakenError();
      throw err;
    }
  }

  /** Locks the organization's active admins and counts them, so two demotions cannot race. */
  async lockActiveAdmins(organizationId: string, m: EntityManager): Promise<number> {
    const rows = await m.query<unknown[]>(
      `select id from users where organization_id = $1 and role = 'admin' and active for update`,
      [organizationId],
    );
    return rows.length;
  }

  async update(
    organizationId: string,
    id: string,
    change: { name?: string; role?: Role; active?: boolean },
    m: EntityManager,
  ): Promise<User> {
    const [rows] = await m.query<[UserRow[], number]>(
      `update users set
          name = coalesce($3, name),
          role = coalesce($4, role),
          deactivated_at = case when $5::boolean is null then deactivated_at
                                when $5::boolean then null
                                when active then now() else deactivated_at end,
          active = coalesce($5::boolean, active),
          updated_at = now()
        where organization_id = $1 and id = $2
        returning ${COLUMNS}`,
      [organizationId, id, change.name ?? null, change.role ?? null, change.active ?? null],
    );
    const row = rows[0];
    if (!row) throw new Error('update matched no row');
    return toUser(row);
  }

  /** The user (locked) and whether they have a password, or null when not in the organization. */
  async findWithPasswordState(
    organizationId: string,
    id: string,
  ): Promise<{ user: User; hasPassword: boolean } | null> {
    const rows = await this.db.query<(UserRow & { has_password: boolean })[]>(
      `select ${COLUMNS}, password_hash is not null as has_password
         from users where organization_id = $1 and id = $2 for update`,
      [organizationId, id],
    );
    const r = rows[0];
    return r ? { user: toUser(r), hasPassword: r.has_password } : null;
  }

  /** A fresh invitation: sent now, and the user (re)activated, as a resend of a revoked one wants. */
  async markInvited(organizationId: string, id: string): Promise<User> {
    const [rows] = await this.db.query<[UserRow[], number]>(
      `update users set invited_at = now(), active = true, deactivated_at = null, updated_at = now()
        where organization_id = $1 and id = $2 and password_hash is null
        returning ${COLUMNS}`,
      [organizationId, id],
    );
    const row = rows[0];
    if (!row) throw new Error('markInvited matched no invited user');
    return toUser(row);
  }

  /** Sets the user's password (accepting an invitation or resetting it); an open invitation ends. */
  async setPassword(organizationId: string, id: string, passwordHash: string): Promise<void> {
    const [, count] = await this.db.query<[unknown, number]>(
      `update users set password_hash = $3, invited_at = null, updated_at = now()
        where organization_id = $1 and id = $2`,
      [organizationId, id, passwordHash],
    );
    if (count !== 1) throw new Error('setPassword matched no user');
  }

  /** The member of the organization with this email (any status), locked for the sign-in that follows. */
  async findByEmail(organizationId: string, email: string): Promise<User | null> {
    const [r] = await this.db.query<UserRow[]>(
      `select ${COLUMNS} from users where organization_id = $1 and email = $2 for update`,
      [organizationId, email],
    );
    return r ? toUser(r) : null;
  }

  /** An invitation ends without a password: the person signed in through the identity provider instead. */
  async endInvitation(organizationId: string, id: string): Promise<void> {
    await this.db.query(
      `update users set invited_at = null, updated_at = now()
        where organization_id = $1 and id = $2 and invited_at is not null`,
      [organizationId, id],
    );
  }
}
