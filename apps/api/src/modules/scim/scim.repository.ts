import { Injectable } from '@nestjs/common';
import type { Role } from '@scorecard/contracts';
import { AppError } from '../../common/app-error.js';
import { Db, isUniqueViolation, type Col, type Cols } from '../../database/db.js';
import { ScimError } from './scim-error.js';
import type { UserFilter } from './scim-filter.js';

export type ScimUserRow = Cols<
  'users',
  'id' | 'name' | 'email' | 'role' | 'active' | 'created_at' | 'updated_at' | 'scim_external_id'
>;

const COLUMNS = `id, name, email, role, active, created_at, updated_at, scim_external_id`;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The SQL of the users SCIM sees: every member of the organization, with the provider's external id. */
@Injectable()
export class ScimRepository {
  constructor(private readonly db: Db) {}

  async listUsers(
    organizationId: string,
    filter: UserFilter,
    offset: number,
    limit: number,
  ): Promise<{ rows: ScimUserRow[]; total: number }> {
    const where = ['organization_id = $1'];
    const args: unknown[] = [organizationId];
    if (filter.attribute !== 'none') {
      if (filter.attribute === 'id' && !UUID.test(filter.value)) return { rows: [], total: 0 };
      args.push(
        filter.attribute === 'externalId' || filter.attribute === 'id' ? filter.value : filter.value.toLowerCase(),
      );
      const column = { userName: 'email', email: 'email', externalId: 'scim_external_id', id: 'id' }[filter.attribute];
      where.push(`${column} = $2`);
    }
    const [c] = await this.db.query<{ n: number }[]>(
      `select count(*)::int as n from users where ${where.join(' and ')}`,
      args,
    );
    const total = c?.n ?? 0;
    if (limit === 0 || total === 0) return { rows: [], total };
    args.push(limit, offset);
    const rows = await this.db.query<ScimUserRow[]>(
      `select ${COLUMNS} from users where ${where.join(' and ')}
        order by created_at, id limit $${args.length - 1} offset $${args.length}`,
      args,
    );
    return { rows, total };
  }

  async findUser(organizationId: string, id: string): Promise<ScimUserRow | null> {
    if (!UUID.test(id)) return null;
    const [row] = await this.db.query<ScimUserRow[]>(
      `select ${COLUMNS} from users where organization_id = $1 and id = $2`,
      [organizationId, id],
    );
    return row ?? null;
  }

  async usersWithRole(organizationId: string, role: Role): Promise<Cols<'users', 'id' | 'name'>[]> {
    return this.db.query<Cols<'users', 'id' | 'name'>[]>(
      `select id, name from users where organization_id = $1 and role = $2 order by created_at, id`,
      [organizationId, role],
    );
  }

  /** Sets the sign-in email and the provider's external id (null clears it); a taken one is refused. */
  async setIdentity(organizationId: string, id: string, email: string, externalId: string | null): Promise<void> {
    try {
      await this.db.query(
        `update users set email = $3, scim_external_id = $4, updated_at = now()
          where organization_id = $1 and id = $2 and (email <> $3 or scim_external_id is distinct from $4)`,
        [organizationId, id, email, externalId],
      );
    } catch (err) {
      if (isUniqueViolation(err, 'users_org_email_key')) {
        throw new AppError('email_taken', 'A user with this userName already exists.');
      }
      if (isUniqueViolation(err, 'users_org_scim_external_id_key')) {
        throw new ScimError(409, 'A user with this externalId already exists.', 'uniqueness');
      }
      throw err;
    }
  }

  /** The role the organization's SSO connection gives new people, if it has one. */
  async defaultRole(organizationId: string): Promise<Role | null> {
    const [row] = await this.db.query<{ default_role: Col<'sso_connections', 'default_role'> }[]>(
      `select default_role from sso_connections where organization_id = $1`,
      [organizationId],
    );
    return row?.default_role ?? null;
  }
}
