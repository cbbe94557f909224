import { Module } from '@nestjs/common';

/** Webhook endpoints, the transactional outbox of events, and signed deliveries (Standard Webhooks). */
@Module({})
export class WebhooksModule {}
