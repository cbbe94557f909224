import { Injectable } from '@nestjs/common';
import { Db, type Cols, type Row } from '../../database/db.js';

/** A user's preferences as stored: their time zone and the optional emails they turned off. */
export type PreferencesRow = Cols<'users', 'time_zone' | 'email_opt_outs'>;

/** Who an unsubscribe link belongs to, and what they have turned off. */
export type SubscriberRow = Cols<'users', 'id' | 'name' | 'email_opt_outs'> & {
  organization_name: Row<'organizations'>['name'];
};

/** The preference columns of `users` (time zone, email opt-outs). */
@Injectable()
export class PreferencesRepository {
  constructor(private readonly db: Db) {}

  async find(organizationId: string, userId: string): Promise<PreferencesRow | null> {
    const rows = await this.db.query<PreferencesRow[]>(
      `select time_zone, email_opt_outs from users where organization_id = $1 and id = $2`,
      [organizationId, userId],
    );
    return rows[0] ?? null;
  }

  /**
   * Sets the time zone (when given) and turns the kinds in `off` off and those in `on` back on, in
   * one statement; the opt-outs stay a sorted set.
   */
  async update(
    organizationId: string,
    userId: string,
    change: { timeZone: string | null; off: readonly string[]; on: readonly string[] },
  ): Promise<PreferencesRow | null> {
    // An update answers [rows, count].
    const [rows] = await this.db.query<[PreferencesRow[], number]>(
      `update users
          set time_zone = coalesce($3, time_zone),
              email_opt_outs = array(
                select distinct k from unnest(email_opt_outs || $4::text[]) as k
                 where k <> all($5::text[]) order by k)
        where organization_id = $1 and id = $2
        returning time_zone, email_opt_outs`,
      [organizationId, userId, change.timeZone, change.off, change.on],
    );
    return rows[0] ?? null;
  }

  /** Whether PostgreSQL knows `zone` (the digest computes local times there). */
  async knowsTimeZone(zone: string): Promise<boolean> {
    const rows = await this.db.query<{ known: boolean }[]>(
      `select exists (select 1 from pg_timezone_names where name = $1) as known`,
      [zone],
    );
    return rows[0]?.known ?? false;
  }

  /** The member an unsubscribe link belongs to, with their organization's name. */
  async subscriber(organizationId: string, userId: string): Promise<SubscriberRow | null> {
    const rows = await this.db.query<SubscriberRow[]>(
      `select u.id, u.name, u.email_opt_outs, o.name as organization_name
         from users u join organizations o on o.id = u.organization_id
        where u.organization_id = $1 and u.id = $2`,
      [organizationId, userId],
    );
    return rows[0] ?? null;
  }

  /** Turns `kind` off for the user (idempotent); their opt-outs afterwards. */
  async optOut(organizationId: string, userId: string, kind: string): Promise<string[]> {
    const rows = await this.update(organizationId, userId, { timeZone: null, off: [kind], on: [] });
    return rows?.email_opt_outs ?? [];
  }
}
