import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/env.js';
import { Db } from '../../database/db.js';
import { WEBHOOK_SWEEP_QUEUE } from '../../database/migrations/1764129600000-WebhookRetention.js';
import { QueueService } from '../queue/queue.service.js';
import { WebhookRetentionRepository } from './webhook-retention.repository.js';

/** Events deleted per statement: each batch is its own short transaction. */
const BATCH = 1000;

/**
 * Deletes webhook events older than WEBHOOK_RETENTION_DAYS, with their deliveries and attempts,
 * once a day (the `webhookSweep` queue, fired once per tick across instances). The delivery log
 * therefore shows the last 30 days by default. An event with a delivery still pending stays until
 * it settles. Per organization, in batches, so no transaction holds many rows.
 */
@Injectable()
export class WebhookSweepService implements OnModuleInit {
  private readonly log = new Logger('Webhooks');

  constructor(
    private readonly db: Db,
    private readonly repo: WebhookRetentionRepository,
    private readonly queue: QueueService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.queue.register(WEBHOOK_SWEEP_QUEUE, () => this.sweep().then(() => undefined), { cron: '41 3 * * *' });
  }

  /**
   * Deletes every organization's expired events, `batch` per statement; answers how many. Rounds
   * over the organizations, one batch each in its own short transaction, until a round finds none.
   */
  async sweep(batch = BATCH): Promise<number> {
    let deleted = 0;
    for (;;) {
      const round = await this.db.sumOverOrganizations(
        (organizationId) => this.repo.deleteExpired(organizationId, this.config.webhookRetentionDays, batch),
        (organizationId, err) =>
          this.log.warn(`webhook sweep of organization ${organizationId} failed: ${err.message}`),
      );
      deleted += round;
      if (round === 0) return deleted;
    }
  }
}
