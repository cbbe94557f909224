import { z } from 'zod';

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
