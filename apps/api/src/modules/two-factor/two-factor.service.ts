import { Injectable } from '@nestjs/common';
import type { TwoFactorChallenge } from '@scorecard/contracts';
import type { LoginAccount } from '../users/users.repository.js';

/** Two-factor sign-in for password accounts: TOTP (RFC 6238) and one-time recovery codes. */
@Injectable()
export class TwoFactorService {
  /** The challenge to answer with a code when the account has two-factor sign-in on; null otherwise. */
  async challengeFor(_account: LoginAccount): Promise<TwoFactorChallenge | null> {
    return null;
  }
}
