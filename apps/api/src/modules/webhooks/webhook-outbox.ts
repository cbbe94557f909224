import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  WEBHOOK_EVENT_DATA,
  WEBHOOK_MESSAGE_PREFIX,
  WEBHOOK_PAYLOAD_VERSION,
  type WebhookEventData,
  type WebhookEventType,
} from '@scorecard/contracts';
import { WEBHOOK_QUEUE } from '../../database/migrations/1764097200000-Webhooks.js';
import { QueueService } from '../queue/queue.service.js';
import { WebhooksRepository } from './webhooks.repository.js';

/** A new event id, the `webhook-id` header of every attempt: `msg_` + 24 url-safe characters. */
export function newMessageId(): string {
  return `${WEBHOOK_MESSAGE_PREFIX}${randomBytes(18).toString('base64url')}`;
}

/**
 * The transactional outbox of webhook events. `emit` runs in the caller's transaction (a request's,
 * or an `asTenant` block's): the event, its deliveries and their queue jobs commit with the change
 * they announce, or vanish with its rollback. Nothing is written when no enabled endpoint of the
 * organization subscribes to the event's type.
 */
@Injectable()
export class WebhookOutbox {
  constructor(
    private readonly repo: WebhooksRepository,
    private readonly queue: QueueService,
  ) {}

  async emit<T extends WebhookEventType>(organizationId: string, type: T, data: WebhookEventData<T>): Promise<void> {
    // The payload schema is strict: a field that is not in it (a name, an email) fails loudly here.
    const checked = WEBHOOK_EVENT_DATA[type].parse(data) as object;
    const occurredAt = new Date();
    const payload = { type, version: WEBHOOK_PAYLOAD_VERSION, timestamp: occurredAt.toISOString(), data: checked };
    const deliveries = await this.repo.emit(organizationId, { id: newMessageId(), type, payload, occurredAt });
    for (const deliveryId of deliveries) await this.queue.send(WEBHOOK_QUEUE, { organizationId, deliveryId });
  }
}
