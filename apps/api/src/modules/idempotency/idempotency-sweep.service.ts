import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { Db } from '../../database/db.js';
import { IDEMPOTENCY_SWEEP_QUEUE } from '../../database/migrations/1764100800000-IdempotencyKeys.js';
import { QueueService } from '../queue/queue.service.js';
import { IdempotencyRepository } from './idempotency.repository.js';

/**
 * Deletes Idempotency-Key rows older than 24 hours, every hour (the `idempotencyKeySweep` queue,
 * fired once per tick across instances). An expired row is already ignored and replaced on its
 * key's next use; the sweep only keeps the table small. One indexed delete per organization.
 */
@Injectable()
export class IdempotencySweepService implements OnModuleInit {
  private readonly log = new Logger('IdempotencyKeys');

  constructor(
    private readonly db: Db,
    private readonly repo: IdempotencyRepository,
    private readonly queue: QueueService,
  ) {}

  onModuleInit(): void {
    this.queue.register(IDEMPOTENCY_SWEEP_QUEUE, () => this.sweep().then(() => undefined), { cron: '17 * * * *' });
  }

  /** Deletes every organization's expired keys; answers how many. */
  async sweep(): Promise<number> {
    return this.db.sumOverOrganizations(
      (organizationId) => this.repo.deleteExpired(organizationId),
      (organizationId, err) => this.log.warn(`sweep of organization ${organizationId} failed: ${err.message}`),
    );
  }
}
