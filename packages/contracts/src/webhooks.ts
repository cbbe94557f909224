import { z } from 'zod';
import { Stage } from './candidates.js';
import { PageQuery, Uuid, paginated } from './common.js';
import { DecisionKind } from './debriefs.js';

/** The events a webhook endpoint may subscribe to (issue 23). Payload schemas: WEBHOOK_PAYLOADS. */
export const WEBHOOK_EVENT_TYPES = [
  'candidate.created',
  'application.created',
  'application.moved',
  'interview.scheduled',
  'interview.cancelled',
  'scorecard.submitted',
  'scorecard.amended',
  'decision.recorded',
  'candidate.erased',
] as const;
export const WebhookEventType = z.enum(WEBHOOK_EVENT_TYPES);
export type WebhookEventType = z.infer<typeof WebhookEventType>;

/** The event "Send test event" delivers to one endpoint; nobody subscribes to it. */
export const WEBHOOK_TEST_EVENT = 'webhook.test';
/** Every payload type a delivery may carry: the subscribable events and the test event. */
export const WEBHOOK_PAYLOAD_TYPES = [...WEBHOOK_EVENT_TYPES, WEBHOOK_TEST_EVENT] as const;
export const WebhookPayloadType = z.enum(WEBHOOK_PAYLOAD_TYPES);
export type WebhookPayloadType = z.infer<typeof WebhookPayloadType>;

/** The version of every payload below; a breaking change adds a new version, never edits one. */
export const WEBHOOK_PAYLOAD_VERSION = 1;
/** The prefix of a signing secret (Standard Webhooks): `whsec_` + base64 of 32 random bytes. */
export const WEBHOOK_SECRET_PREFIX = 'whsec_';
/** The prefix of an event id, sent as the `webhook-id` header (the same for every retry). */
export const WEBHOOK_MESSAGE_PREFIX = 'msg_';

const At = z.iso.datetime({ offset: true });

/**
 * The `data` of each payload type. Ids and non-personal fields only: never a name, an email address,
 * feedback text or a rating; a receiver that needs more reads it through the API with a token.
 */
export const WEBHOOK_EVENT_DATA = {
  'candidate.created': z.strictObject({ candidateId: Uuid }),
  'application.created': z.strictObject({ applicationId: Uuid, candidateId: Uuid, openingId: Uuid, stage: Stage }),
  'application.moved': z.strictObject({
    applicationId: Uuid,
    /** The stage before the move. */
    from: Stage,
    to: Stage,
  }),
  'interview.scheduled': z.strictObject({
    interviewId: Uuid,
    applicationId: Uuid,
    interviewerId: Uuid,
    startsAt: At,
    durationMinutes: z.number().int(),
  }),
  'interview.cancelled': z.strictObject({ interviewId: Uuid, applicationId: Uuid }),
  'scorecard.submitted': z.strictObject({ scorecardId: Uuid, applicationId: Uuid, interviewerId: Uuid }),
  'scorecard.amended': z.strictObject({ scorecardId: Uuid, applicationId: Uuid, interviewerId: Uuid }),
  'decision.recorded': z.strictObject({ decisionId: Uuid, applicationId: Uuid, decision: DecisionKind }),
  /** The candidate's personal data is gone: only the id is left, for the receiver to erase its copy. */
  'candidate.erased': z.strictObject({ candidateId: Uuid }),
  'webhook.test': z.strictObject({ webhookId: Uuid }),
} as const satisfies Record<WebhookPayloadType, z.ZodType>;
export type WebhookEventData<T extends WebhookPayloadType> = z.infer<(typeof WEBHOOK_EVENT_DATA)[T]>;

function payloadOf<T extends WebhookPayloadType>(type: T) {
  return z
    .strictObject({
      type: z.literal(type),
      version: z.literal(WEBHOOK_PAYLOAD_VERSION),
      /** When the change happened (ISO 8601). */
      timestamp: At,
      data: WEBHOOK_EVENT_DATA[type],
    })
    .meta({ id: `WebhookPayload_${type.replace('.', '_')}`, description: `The body of a \`${type}\` delivery.` });
}

/** The body of each delivery, by payload type: the envelope `{ type, version, timestamp, data }`. */
export const WEBHOOK_PAYLOADS = Object.fromEntries(WEBHOOK_PAYLOAD_TYPES.map((type) => [type, payloadOf(type)])) as {
  readonly [T in WebhookPayloadType]: ReturnType<typeof payloadOf<T>>;
};
export type WebhookPayload<T extends WebhookPayloadType = WebhookPayloadType> = {
  [K in T]: z.infer<(typeof WEBHOOK_PAYLOADS)[K]>;
}[T];

/** What one sentence says each event means (the OpenAPI `webhooks` section, the web UI). */
export const WEBHOOK_EVENT_DESCRIPTIONS: Record<WebhookPayloadType, string> = {
  'candidate.created': 'A candidate was added (in the app or through the API; not by a CSV import).',
  'application.created': 'A candidate applied to (or was added to) an opening.',
  'application.moved': 'An application moved from one stage to another.',
  'interview.scheduled': 'An interview was scheduled.',
  'interview.cancelled': 'An interview was cancelled.',
  'scorecard.submitted': 'An interviewer submitted their scorecard.',
  'scorecard.amended': 'An interviewer amended a submitted scorecard.',
  'decision.recorded': 'A hiring decision was recorded for an application.',
  'candidate.erased': "A candidate's personal data was erased: erase your copy too.",
  'webhook.test': 'A test event sent from the webhook settings ("Send test event").',
};

// ---- Endpoints (admins, /api/v1/webhooks) ----

export const WebhookUrl = z
  .string()
  .trim()
  .min(1, 'Enter the address that receives the events.')
  .max(2000, 'An address has at most 2000 characters.')
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '';
    } catch {
      return false;
    }
  }, 'Enter an http(s) address, e.g. https://hooks.example.com/scorecard.')
  .refine((value) => !/^[a-z]+:\/\/[^/]*@/i.test(value), 'Leave the user name and password out of the address.');

export const WebhookEvents = z
  .array(WebhookEventType)
  .min(1, 'Choose at least one event.')
  .refine((events) => new Set(events).size === events.length, 'Choose each event once.');

export const WebhookDescription = z.string().trim().max(500, 'A description has at most 500 characters.');

/** Why an endpoint was switched off: by an admin, or after failing deliveries (see the retry rules). */
export const WebhookDisabledReason = z.enum(['manual', 'failing']);
export type WebhookDisabledReason = z.infer<typeof WebhookDisabledReason>;

export const WebhookDeliveryStatus = z.enum(['pending', 'succeeded', 'failed']);
export type WebhookDeliveryStatus = z.infer<typeof WebhookDeliveryStatus>;

/** A webhook endpoint as admins see it; never its secret. */
export const WebhookEndpoint = z
  .object({
    id: Uuid,
    url: z.string(),
    description: z.string(),
    events: z.array(WebhookEventType),
    enabled: z.boolean(),
    disabledReason: WebhookDisabledReason.nullable(),
    disabledAt: At.nullable(),
    createdAt: At,
    /** The latest attempt of any delivery, or null when nothing was sent yet. */
    lastDelivery: z
      .object({
        status: WebhookDeliveryStatus,
        responseCode: z.number().int().nullable(),
        attemptedAt: At,
      })
      .nullable(),
  })
  .meta({ id: 'WebhookEndpoint' });
export type WebhookEndpoint = z.infer<typeof WebhookEndpoint>;

export const WebhookList = paginated(WebhookEndpoint);
export type WebhookList = z.infer<typeof WebhookList>;
export const WebhookListQuery = PageQuery;

export const CreateWebhookRequest = z.strictObject({
  url: WebhookUrl,
  events: WebhookEvents,
  description: WebhookDescription.default(''),
});
export type CreateWebhookRequest = z.infer<typeof CreateWebhookRequest>;

/** The answer to creating an endpoint: the only time its signing secret (`whsec_…`) is shown. */
export const CreatedWebhook = WebhookEndpoint.extend({ secret: z.string() }).meta({ id: 'CreatedWebhook' });
export type CreatedWebhook = z.infer<typeof CreatedWebhook>;

/** Change any of these; enabling an endpoint that failing deliveries disabled starts it afresh. */
export const UpdateWebhookRequest = z
  .strictObject({
    url: WebhookUrl.optional(),
    events: WebhookEvents.optional(),
    description: WebhookDescription.optional(),
    enabled: z.boolean().optional(),
  })
  .refine((body) => Object.keys(body).length > 0, 'Change at least one field.');
export type UpdateWebhookRequest = z.infer<typeof UpdateWebhookRequest>;

/** One event sent (or being sent) to one endpoint, with its latest attempt. */
export const WebhookDelivery = z
  .object({
    id: Uuid,
    /** The event's id: the `webhook-id` header, the same for every attempt (`msg_…`). */
    eventId: z.string(),
    eventType: WebhookPayloadType,
    status: WebhookDeliveryStatus,
    /** Attempts made so far, counting every redelivery. */
    attempts: z.number().int(),
    responseCode: z.number().int().nullable(),
    /** A short reason for the latest failure (`timeout`, `HTTP 500`, `address refused`…); null on success. */
    error: z.string().nullable(),
    durationMs: z.number().int().nullable(),
    attemptedAt: At.nullable(),
    /** When the next attempt is due; null once it succeeded or failed for good. */
    nextAttemptAt: At.nullable(),
    createdAt: At,
  })
  .meta({ id: 'WebhookDelivery' });
export type WebhookDelivery = z.infer<typeof WebhookDelivery>;

export const WebhookDeliveryList = paginated(WebhookDelivery);
export type WebhookDeliveryList = z.infer<typeof WebhookDeliveryList>;
export const WebhookDeliveryListQuery = PageQuery;

export const WebhookDeliveryParams = z.strictObject({ id: Uuid, deliveryId: Uuid });
export type WebhookDeliveryParams = z.infer<typeof WebhookDeliveryParams>;
