import http from 'node:http';
import https from 'node:https';
import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { isWebhookSuccess, shouldDisableWebhookEndpoint, webhookRetryDelay } from '@scorecard/domain';
import { Webhook } from 'standardwebhooks';
import { SecretBox } from '../../common/secret-box.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/env.js';
import { Db } from '../../database/db.js';
import { WEBHOOK_QUEUE } from '../../database/migrations/1764097200000-Webhooks.js';
import { MailService } from '../mail/mail.service.js';
import { QueueService, type QueueJob } from '../queue/queue.service.js';
import { pinnedLookup, type ResolvedHost, resolveWebhookHost } from './webhook-address.js';
import { type AttemptResult, type ClaimedDelivery, WebhooksRepository } from './webhooks.repository.js';

/** How long one attempt may take, connection to the last byte of the answer. */
export const WEBHOOK_TIMEOUT_MS = 10_000;
/** A claimed delivery is left alone by other workers this long (longer than any attempt). */
const LEASE_SECONDS = 60;
/** The most of a receiver's answer that is read (and then thrown away). */
const MAX_RESPONSE_BYTES = 64 * 1024;
export const WEBHOOK_USER_AGENT = 'Scorecard-Webhooks/1';
/** Deliveries a worker takes at once from the queue, and attempts side by side. */
const WEBHOOK_BATCH_SIZE = 10;

export interface WebhookJob {
  organizationId: string;
  deliveryId: string;
}

/**
 * Delivers webhook events (at least once). A job on the `webhooks` queue names one delivery; the
 * worker claims it if it is due (a lease, in a short transaction), signs the payload as Standard
 * Webhooks and POSTs it with no transaction open, then records the attempt in a second short
 * transaction: 2xx succeeds; anything else schedules the next attempt (`webhookRetryDelay`) with a
 * job that starts then, until the last attempt fails the delivery for good. When that happens and
 * nothing sent to the endpoint has succeeded since the series began, the endpoint is switched off
 * and the organization's admins are emailed.
 *
 * `deliverDue(organizationId, now)` attempts every delivery due at `now` at once: the clock the
 * tests (and an operator) can move, instead of waiting for days.
 */
@Injectable()
export class WebhookDeliveryService implements OnModuleInit {
  private readonly log = new Logger('Webhooks');

  constructor(
    private readonly db: Db,
    private readonly repo: WebhooksRepository,
    private readonly queue: QueueService,
    private readonly mail: MailService,
    private readonly secrets: SecretBox,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.queue.register<WebhookJob>(
      WEBHOOK_QUEUE,
      async (job: QueueJob<WebhookJob>) => {
        await this.attempt(job.data.organizationId, job.data.deliveryId);
      },
      // Up to 10 deliveries side by side per poll: one slow receiver does not hold up the others.
      { batchSize: WEBHOOK_BATCH_SIZE },
    );
  }

  /** Attempts every delivery of the organization that is due at `now`; returns how many were attempted. */
  async deliverDue(organizationId: string, now: Date = new Date()): Promise<number> {
    const due = await this.db.asTenant(organizationId, () => this.repo.due(organizationId, now, 100));
    let attempted = 0;
    for (const id of due) if (await this.attempt(organizationId, id, now)) attempted++;
    return attempted;
  }

  /** One attempt of a delivery, if it is due at `now` and no other worker holds it; true if attempted. */
  async attempt(organizationId: string, deliveryId: string, now: Date = new Date()): Promise<boolean> {
    const claimed = await this.db.asTenant(organizationId, () =>
      this.repo.claim(organizationId, deliveryId, now, LEASE_SECONDS),
    );
    if (!claimed) return false;
    const result = await this.send(claimed);
    const seriesAttempt = claimed.seriesAttempt + 1;
    const delay = result.succeeded ? null : webhookRetryDelay(seriesAttempt);
    const nextAttemptAt = delay === null ? null : new Date(now.getTime() + delay * 1000);
    await this.db.asTenant(organizationId, async () => {
      await this.repo.recordAttempt(organizationId, claimed.id, { ...result, at: now, seriesAttempt, nextAttemptAt });
      if (nextAttemptAt) {
        await this.queue.send(WEBHOOK_QUEUE, { organizationId, deliveryId: claimed.id }, { startAfter: nextAttemptAt });
      } else if (!result.succeeded) {
        await this.failedForGood(organizationId, claimed, claimed.seriesStartedAt ?? now, now);
      }
    });
    return true;
  }

  private async failedForGood(
    organizationId: string,
    delivery: ClaimedDelivery,
    seriesStartedAt: Date,
    now: Date,
  ): Promise<void> {
    const lastSuccessAt = await this.repo.lastSuccessAt(organizationId, delivery.endpointId);
    if (!shouldDisableWebhookEndpoint({ seriesStartedAt, lastSuccessAt })) return;
    if (!(await this.repo.disableFailing(organizationId, delivery.endpointId, now))) return;
    this.log.warn(`webhook endpoint ${delivery.endpointId} disabled: no successful delivery for the retry window`);
    for (const recipientId of await this.repo.adminIds(organizationId)) {
      await this.mail.enqueue({
        organizationId,
        kind: 'webhook_disabled',
        recipientId,
        subject: 'A webhook endpoint was disabled',
        content: {
          heading: 'A webhook endpoint was disabled',
          paragraphs: [
            `Scorecard could not deliver events to ${delivery.url} for about three days, so it stopped sending to it.`,
            'Fix the receiver, then switch the endpoint back on in the webhook settings; use "Redeliver" for the events it missed.',
          ],
          details: [['Endpoint', delivery.url]],
          action: { label: 'Open the webhook settings', url: this.mail.link('/settings/webhooks') },
          reason: 'You are an admin of this organization.',
        },
      });
    }
  }

  /** Signs and POSTs the payload; never throws: a failure is a result with a short error. */
  private async send(delivery: ClaimedDelivery): Promise<AttemptResult> {
    const started = Date.now();
    const done = (r: Omit<AttemptResult, 'durationMs'>): AttemptResult => ({ ...r, durationMs: Date.now() - started });
    let url: URL;
    try {
      url = new URL(delivery.url);
    } catch {
      return done({ succeeded: false, responseCode: null, error: 'invalid address' });
    }
    if (!this.config.webhookAllowPrivate && url.protocol !== 'https:') {
      return done({ succeeded: false, responseCode: null, error: 'address refused: https is required' });
    }
    const resolved = await resolveWebhookHost(url.hostname, this.config.webhookAllowPrivate);
    if (!resolved.ok) return done({ succeeded: false, responseCode: null, error: resolved.error });

    // The envelope in its documented order (jsonb keeps keys in its own order).
    const p = delivery.payload;
    const body = JSON.stringify({ type: p.type, version: p.version, timestamp: p.timestamp, data: p.data });
    const at = new Date();
    let signature: string;
    try {
      signature = new Webhook(this.secrets.open(delivery.sealedSecret)).sign(delivery.eventId, at, body);
    } catch {
      return done({ succeeded: false, responseCode: null, error: 'signing secret unreadable' });
    }
    const timestamp = Math.floor(at.getTime() / 1000).toString();
    const headers = {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(body).toString(),
      'user-agent': WEBHOOK_USER_AGENT,
      'webhook-id': delivery.eventId,
      'webhook-timestamp': timestamp,
      'webhook-signature': signature,
    };
    try {
      const status = await post(url, resolved.host, headers, body);
      return isWebhookSuccess(status)
        ? done({ succeeded: true, responseCode: status, error: null })
        : done({ succeeded: false, responseCode: status, error: `HTTP ${status}` });
    } catch (err) {
      return done({ succeeded: false, responseCode: null, error: shortError(err) });
    }
  }
}

function shortError(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  if (e.message === 'timeout') return `timeout after ${WEBHOOK_TIMEOUT_MS / 1000} s`;
  return (e.code ? `${e.code}` : (e.message ?? 'request failed')).slice(0, 200);
}

/** POSTs `body` to `url`, connecting to `host` (already checked); resolves with the status code. */
function post(url: URL, host: ResolvedHost, headers: Record<string, string>, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = (url.protocol === 'https:' ? https : http).request(url, {
      method: 'POST',
      headers,
      lookup: pinnedLookup(host),
      agent: false,
    });
    const timer = setTimeout(() => request.destroy(new Error('timeout')), WEBHOOK_TIMEOUT_MS);
    request.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    request.on('response', (response) => {
      let read = 0;
      response.on('data', (chunk: Buffer) => {
        read += chunk.length;
        if (read > MAX_RESPONSE_BYTES) response.destroy();
      });
      const finish = () => {
        clearTimeout(timer);
        resolve(response.statusCode ?? 0);
      };
      response.on('end', finish);
      response.on('close', finish);
      response.on('error', finish);
    });
    request.end(body);
  });
}
