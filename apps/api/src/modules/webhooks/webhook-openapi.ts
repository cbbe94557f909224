import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import {
  WEBHOOK_EVENT_DESCRIPTIONS,
  WEBHOOK_PAYLOADS,
  WEBHOOK_TEST_EVENT,
  type WebhookPayloadType,
} from '@scorecard/contracts';
import { z } from 'zod';

/** The three Standard Webhooks headers of every delivery (and the content type). */
const SIGNATURE_HEADERS = z.object({
  'webhook-id': z.string().meta({ description: 'The event id (`msg_…`): the same on every retry; deduplicate on it.' }),
  'webhook-timestamp': z
    .string()
    .meta({ description: 'Seconds since the Unix epoch when this attempt was signed; refuse one far from now.' }),
  'webhook-signature': z.string().meta({
    description:
      '`v1,<base64 HMAC-SHA256 of "{webhook-id}.{webhook-timestamp}.{body}">` keyed with the base64-decoded part ' +
      'of the endpoint secret after `whsec_` (Standard Webhooks).',
  }),
});

/**
 * The OpenAPI 3.1 `webhooks` section: one entry per payload type, the POST Scorecard sends to a
 * subscribed endpoint, with its payload schema and signature headers.
 */
export function registerWebhooks(registry: OpenAPIRegistry): void {
  for (const [type, payload] of Object.entries(WEBHOOK_PAYLOADS) as [WebhookPayloadType, z.ZodType][]) {
    registry.registerWebhook({
      method: 'post',
      path: type,
      operationId: `webhook_${type.replace('.', '_')}`,
      summary: WEBHOOK_EVENT_DESCRIPTIONS[type],
      description:
        (type === WEBHOOK_TEST_EVENT ? 'Sent by "Send test event" only; nobody subscribes to it. ' : '') +
        'Answer 2xx within 10 seconds; any other answer (or none) is retried with backoff for about 3 days.',
      tags: ['webhooks'],
      request: {
        headers: SIGNATURE_HEADERS,
        body: { required: true, content: { 'application/json': { schema: payload } } },
      },
      responses: { 200: { description: 'Received (any 2xx)' } },
    });
  }
}
