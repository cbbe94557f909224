import { Injectable } from '@nestjs/common';
import type { FailureWindow } from '@scorecard/domain';
import { Db, type Col } from '../../database/db.js';

/** Failed sign-ins, per account and per IP, kept in PostgreSQL so every API instance sees them. */
@Injectable()
export class LoginFailuresRepository {
  constructor(private readonly db: Db) {}

  async windows(
    email: string,
    ip: string,
    windowSeconds: number,
  ): Promise<{ account: FailureWindow; ip: FailureWindow }> {
    const [r] = await this.db.query<
      {
        account_count: number;
        account_oldest: Col<'login_failures', 'failed_at'> | null;
        ip_count: number;
        ip_oldest: Col<'login_failures', 'failed_at'> | null;
      }[]
    >(
      `select count(*) filter (where email = $1)::int as account_count,
              min(failed_at) filter (where email = $1) as account_oldest,
              count(*) filter (where ip = $2)::int as ip_count,
              min(failed_at) filter (where ip = $2) as ip_oldest
         from login_failures
        where (email = $1 or ip = $2) and failed_at > now() - make_interval(secs => $3)`,
      [email, ip, windowSeconds],
    );
    return {
      account: { count: r?.account_count ?? 0, oldest: r?.account_oldest ?? null },
      ip: { count: r?.ip_count ?? 0, oldest: r?.ip_oldest ?? null },
    };
  }

  async record(email: string, ip: string): Promise<void> {
    await this.db.query(`insert into login_failures (email, ip) values ($1, $2)`, [email, ip]);
    // Keep the table small: failures older than a day no longer matter to any window.
    if (Math.random() < 0.05)
      await this.db.query(`delete from login_failures where failed_at < now() - interval '1 day'`);
  }

  async clearAccount(email: string): Promise<void> {
    await this.db.query(`delete from login_failures where email = $1`, [email]);
  }
}
