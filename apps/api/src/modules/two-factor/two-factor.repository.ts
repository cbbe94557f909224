import { Injectable } from '@nestjs/common';
import { Db, type Cols } from '../../database/db.js';

/** A user's two-factor state, as the two-factor service needs it. */
export interface TwoFactorAccount {
  id: string;
  organizationId: string;
  organizationName: string;
  email: string;
  passwordHash: string | null;
  /** The sealed TOTP secret: pending while `enabledAt` is null, in use after. */
  sealedSecret: string | null;
  enabledAt: Date | null;
  lastStep: number | null;
  active: boolean;
  /** The organization requires two-factor sign-in for password accounts. */
  organizationRequires: boolean;
}

/**
 * The two-factor columns of `users`, the recovery codes and the organization's requirement. Every
 * statement runs in the current tenant transaction (row-level security keeps it to that organization).
 */
@Injectable()
export class TwoFactorRepository {
  constructor(private readonly db: Db) {}

  async account(organizationId: string, userId: string, forUpdate = false): Promise<TwoFactorAccount | null> {
    const rows = await this.db.query<
      (Cols<
        'users',
        | 'id'
        | 'organization_id'
        | 'email'
        | 'password_hash'
        | 'two_factor_secret'
        | 'two_factor_enabled_at'
        | 'two_factor_last_step'
        | 'active'
      > & { organization_name: string; require_two_factor: boolean })[]
    >(
      `select u.id, u.organization_id, u.email, u.password_hash, u.two_factor_secret, u.two_factor_enabled_at,
              u.two_factor_last_step, u.active, o.name as organization_name, o.require_two_factor
         from users u join organizations o on o.id = u.organization_id
        where u.organization_id = $1 and u.id = $2${forUpdate ? ' for update of u' : ''}`,
      [organizationId, userId],
    );
    const r = rows[0];
    if (!r) return null;
    return {
      id: r.id,
      organizationId: r.organization_id,
      organizationName: r.organization_name,
      email: r.email,
      passwordHash: r.password_hash,
      sealedSecret: r.two_factor_secret,
      enabledAt: r.two_factor_enabled_at,
      lastStep: r.two_factor_last_step === null ? null : Number(r.two_factor_last_step),
      active: r.active,
      organizationRequires: r.require_two_factor,
    };
  }

  /** Keeps a new secret pending (two-factor stays off until a code confirms it). */
  async setPendingSecret(organizationId: string, userId: string, sealed: string): Promise<void> {
    await this.db.query(
      `update users set two_factor_secret = $3, two_factor_enabled_at = null, two_factor_last_step = null
        where organization_id = $1 and id = $2`,
      [organizationId, userId, sealed],
    );
  }

  async enable(organizationId: string, userId: string): Promise<void> {
    await this.db.query(`update users set two_factor_enabled_at = now() where organization_id = $1 and id = $2`, [
      organizationId,
      userId,
    ]);
  }

  async disable(organizationId: string, userId: string): Promise<void> {
    await this.db.query(
      `update users set two_factor_secret = null, two_factor_enabled_at = null, two_factor_last_step = null
        where organization_id = $1 and id = $2`,
      [organizationId, userId],
    );
    await this.db.query(`delete from two_factor_recovery_codes where organization_id = $1 and user_id = $2`, [
      organizationId,
      userId,
    ]);
  }

  /**
   * Records `step` as the last time step used; false when it (or a later one) was used already, so
   * a code works once even when two requests send it at the same moment.
   */
  async useStep(organizationId: string, userId: string, step: number): Promise<boolean> {
    const [, count] = await this.db.query<[unknown, number]>(
      `update users set two_factor_last_step = $3
        where organization_id = $1 and id = $2 and (two_factor_last_step is null or two_factor_last_step < $3)`,
      [organizationId, userId, step],
    );
    return count === 1;
  }

  async replaceRecoveryCodes(organizationId: string, userId: string, hashes: Buffer[]): Promise<void> {
    await this.db.query(`delete from two_factor_recovery_codes where organization_id = $1 and user_id = $2`, [
      organizationId,
      userId,
    ]);
    await this.db.query(
      `insert into two_factor_recovery_codes (organization_id, user_id, code_hash)
       select $1, $2, h from unnest($3::bytea[]) as h`,
      [organizationId, userId, hashes],
    );
  }

  /** Marks a recovery code used; false when it is unknown or was used already. */
  async useRecoveryCode(organizationId: string, userId: string, hash: Buffer): Promise<boolean> {
    const [, count] = await this.db.query<[unknown, number]>(
      `update two_factor_recovery_codes set used_at = now()
        where organization_id = $1 and user_id = $2 and code_hash = $3 and used_at is null`,
      [organizationId, userId, hash],
    );
    return count === 1;
  }

  async recoveryCodesLeft(organizationId: string, userId: string): Promise<number> {
    const [r] = await this.db.query<{ n: number }[]>(
      `select count(*)::int as n from two_factor_recovery_codes
        where organization_id = $1 and user_id = $2 and used_at is null`,
      [organizationId, userId],
    );
    return r?.n ?? 0;
  }

  async organizationRequires(organizationId: string): Promise<boolean> {
    const [r] = await this.db.query<Cols<'organizations', 'require_two_factor'>[]>(
      `select require_two_factor from organizations where id = $1`,
      [organizationId],
    );
    return r?.require_two_factor ?? false;
  }

  async setOrganizationRequires(organizationId: string, required: boolean): Promise<void> {
    await this.db.query(`update organizations set require_two_factor = $2 where id = $1`, [organizationId, required]);
  }
}
