import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  type CreatedWebhook,
  type CreateWebhookRequest,
  type UpdateWebhookRequest,
  WEBHOOK_PAYLOAD_VERSION,
  WEBHOOK_SECRET_PREFIX,
  WEBHOOK_TEST_EVENT,
  type WebhookDelivery,
  type WebhookDeliveryList,
  type WebhookEndpoint,
  type WebhookList,
} from '@scorecard/contracts';
import { AppError } from '../../common/app-error.js';
import type { Caller } from '../../common/request-context.js';
import { SecretBox } from '../../common/secret-box.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/env.js';
import { WEBHOOK_QUEUE } from '../../database/migrations/1764097200000-Webhooks.js';
import { QueueService } from '../queue/queue.service.js';
import { checkWebhookUrl } from './webhook-address.js';
import { newMessageId } from './webhook-outbox.js';
import { WebhooksRepository } from './webhooks.repository.js';

/** A new signing secret (Standard Webhooks): `whsec_` + base64 of 32 random bytes. */
function newSecret(): string {
  return `${WEBHOOK_SECRET_PREFIX}${randomBytes(32).toString('base64')}`;
}

/** Webhook endpoints as admins manage them: the secret is shown once, sealed at rest. */
@Injectable()
export class WebhooksService {
  constructor(
    private readonly repo: WebhooksRepository,
    private readonly queue: QueueService,
    private readonly secrets: SecretBox,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(caller: Caller, query: { page: number; pageSize: number }): Promise<WebhookList> {
    const { items, total } = await this.repo.list(caller.organizationId, query.page, query.pageSize);
    return { items, total, page: query.page, pageSize: query.pageSize };
  }

  async get(caller: Caller, id: string): Promise<WebhookEndpoint> {
    const found = await this.repo.find(caller.organizationId, id);
    if (!found) throw AppError.notFound('webhook endpoint');
    return found;
  }

  async create(caller: Caller, input: CreateWebhookRequest): Promise<CreatedWebhook> {
    this.checkUrl(input.url);
    const secret = newSecret();
    const id = await this.repo.insert(caller.organizationId, {
      url: input.url,
      description: input.description,
      events: input.events,
      sealedSecret: this.secrets.seal(secret),
      createdBy: caller.userId,
    });
    return { ...(await this.get(caller, id)), secret };
  }

  async update(caller: Caller, id: string, input: UpdateWebhookRequest): Promise<WebhookEndpoint> {
    if (input.url !== undefined) this.checkUrl(input.url);
    if (!(await this.repo.update(caller.organizationId, id, input))) throw AppError.notFound('webhook endpoint');
    return this.get(caller, id);
  }

  async delete(caller: Caller, id: string): Promise<void> {
    if (!(await this.repo.delete(caller.organizationId, id))) throw AppError.notFound('webhook endpoint');
  }

  async deliveries(
    caller: Caller,
    id: string,
    query: { page: number; pageSize: number },
  ): Promise<WebhookDeliveryList> {
    await this.get(caller, id);
    const { items, total } = await this.repo.listDeliveries(caller.organizationId, id, query.page, query.pageSize);
    return { items, total, page: query.page, pageSize: query.pageSize };
  }

  /** A new series of attempts for one delivery (same event id and payload). */
  async redeliver(caller: Caller, id: string, deliveryId: string): Promise<WebhookDelivery> {
    await this.enabledEndpoint(caller, id);
    const now = new Date();
    if (!(await this.repo.restart(caller.organizationId, id, deliveryId, now))) throw AppError.notFound('delivery');
    await this.queue.send(WEBHOOK_QUEUE, { organizationId: caller.organizationId, deliveryId });
    return (await this.repo.findDelivery(caller.organizationId, id, deliveryId))!;
  }

  /** A `webhook.test` event, delivered to this endpoint only. */
  async sendTest(caller: Caller, id: string): Promise<WebhookDelivery> {
    await this.enabledEndpoint(caller, id);
    const occurredAt = new Date();
    const payload = {
      type: WEBHOOK_TEST_EVENT,
      version: WEBHOOK_PAYLOAD_VERSION,
      timestamp: occurredAt.toISOString(),
      data: { webhookId: id },
    };
    const deliveryId = await this.repo.emitTest(caller.organizationId, id, { id: newMessageId(), payload, occurredAt });
    await this.queue.send(WEBHOOK_QUEUE, { organizationId: caller.organizationId, deliveryId });
    return (await this.repo.findDelivery(caller.organizationId, id, deliveryId))!;
  }

  private async enabledEndpoint(caller: Caller, id: string): Promise<void> {
    const state = await this.repo.endpointState(caller.organizationId, id);
    if (!state) throw AppError.notFound('webhook endpoint');
    if (!state.enabled) {
      throw new AppError('invalid_transition', 'The endpoint is switched off: switch it on before sending to it.');
    }
  }

  private checkUrl(url: string): void {
    const refusal = checkWebhookUrl(url, this.config.webhookAllowPrivate);
    if (refusal) {
      throw new AppError('webhook_url_refused', refusal, { errors: [{ path: 'url', message: refusal }] });
    }
  }
}
