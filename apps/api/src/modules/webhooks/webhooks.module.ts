import { Module } from '@nestjs/common';
import { WebhookDeliveryService } from './webhook-delivery.service.js';
import { WebhookOutbox } from './webhook-outbox.js';
import { WebhookRetentionRepository } from './webhook-retention.repository.js';
import { WebhookSweepService } from './webhook-sweep.service.js';
import { WebhooksController } from './webhooks.controller.js';
import { WebhooksRepository } from './webhooks.repository.js';
import { WebhooksService } from './webhooks.service.js';

/**
 * Webhook endpoints, the transactional outbox of events, and signed deliveries (Standard Webhooks).
 * Other modules import it for `WebhookOutbox.emit`, called in the transaction of the change.
 */
@Module({
  controllers: [WebhooksController],
  providers: [
    WebhooksRepository,
    WebhooksService,
    WebhookOutbox,
    WebhookDeliveryService,
    WebhookRetentionRepository,
    WebhookSweepService,
  ],
  exports: [WebhookOutbox],
})
export class WebhooksModule {}
