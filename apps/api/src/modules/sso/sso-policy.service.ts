import { Injectable } from '@nestjs/common';
import { AppError } from '../../common/app-error.js';
import { Db } from '../../database/db.js';
import type { LoginAccount } from '../users/users.repository.js';

/** Whether an organization lets its members sign in with a password (see `require_sso`). */
@Injectable()
export class SsoPolicy {
  constructor(private readonly db: Db) {}

  /** Throws `sso_required` when the account's organization requires SSO and it is not the break-glass admin. */
  async assertPasswordSignIn(account: LoginAccount): Promise<void> {
    await this.assertPasswordAllowed(account.organizationId, account.id);
  }

  /**
   * The same rule for every way a password leads to a session: password sign-in, and choosing a
   * password through an invitation or reset link (which signs in). Runs as the organization.
   */
  async assertPasswordAllowed(organizationId: string, userId: string): Promise<void> {
    const [org] = await this.db.asTenant(organizationId, () =>
      this.db.query<{ name: string; require_sso: boolean; break_glass: boolean }[]>(
        `select o.name, o.require_sso,
                (o.sso_break_glass_user_id = $2 and exists (
                   select 1 from users u where u.organization_id = o.id and u.id = $2 and u.role = 'admin')) as break_glass
           from organizations o where o.id = $1`,
        [organizationId, userId],
      ),
    );
    if (!org?.require_sso || org.break_glass) return;
    throw new AppError(
      'sso_required',
      `${org.name} signs in through its identity provider. Use "Sign in with SSO" with your work email.`,
    );
  }
}
