import { Injectable } from '@nestjs/common';
import { Db } from '../../database/db.js';

/** The SQL of the webhook retention sweep (WebhookSweepService). */
@Injectable()
export class WebhookRetentionRepository {
  constructor(private readonly db: Db) {}

  /**
   * Deletes up to `limit` of the organization's events older than `days` that have no pending
   * delivery, with their deliveries (and, by cascade, their attempts), oldest first; answers how
   * many events went. One statement: the foreign key from deliveries to events is checked at its
   * end, when both are gone.
   */
  async deleteExpired(organizationId: string, days: number, limit: number): Promise<number> {
    // A delete answers [rows, count] through TypeORM.
    const [, count] = await this.db.query<[unknown, number]>(
      `with expired as (
         select e.id from webhook_events e
          where e.organization_id = $1 and e.occurred_at < now() - make_interval(days => $2)
            and not exists (select 1 from webhook_deliveries d
                             where d.organization_id = e.organization_id and d.event_id = e.id
                               and d.status = 'pending')
          order by e.occurred_at
          limit $3
       ), deliveries as (
         delete from webhook_deliveries d using expired
          where d.organization_id = $1 and d.event_id = expired.id
       )
       delete from webhook_events e using expired
        where e.organization_id = $1 and e.id = expired.id`,
      [organizationId, days, limit],
    );
    return count;
  }
}
