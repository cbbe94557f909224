/**
 * Webhook delivery rules (issue 23): when a failed attempt is tried again, when a delivery gives
 * up, and when a failing endpoint is switched off.
 */

/**
 * Seconds to wait after each failed attempt of a series before the next one: 5 s, 5 min, 30 min,
 * 2 h, 5 h, 10 h, 10 h, 14 h, 24 h. Ten attempts over about 2.7 days; after the tenth the delivery
 * has failed for good.
 */
export const WEBHOOK_RETRY_DELAYS_SECONDS: readonly number[] = [
  5,
  5 * 60,
  30 * 60,
  2 * 3600,
  5 * 3600,
  10 * 3600,
  10 * 3600,
  14 * 3600,
  24 * 3600,
];

/** Attempts in one series: the first, and one after each delay. */
export const WEBHOOK_MAX_ATTEMPTS = WEBHOOK_RETRY_DELAYS_SECONDS.length + 1;

/** The whole retry window of a series, from its first attempt to its last (seconds). */
export const WEBHOOK_RETRY_WINDOW_SECONDS = WEBHOOK_RETRY_DELAYS_SECONDS.reduce((a, b) => a + b, 0);

/**
 * The delay in seconds before the attempt after attempt `attempt` (1-based, within a series) failed,
 * or null when `attempt` was the last: the delivery has then failed for good.
 */
export function webhookRetryDelay(attempt: number): number | null {
  if (!Number.isInteger(attempt) || attempt < 1) throw new RangeError(`attempt must be a positive integer: ${attempt}`);
  return WEBHOOK_RETRY_DELAYS_SECONDS[attempt - 1] ?? null;
}

/** Whether an HTTP status is a successful delivery: any 2xx (a redirect is not followed, so it fails). */
export function isWebhookSuccess(status: number): boolean {
  return status >= 200 && status <= 299;
}

/**
 * Whether an endpoint is switched off after one of its deliveries failed for good: when nothing
 * sent to the endpoint succeeded since that delivery's series started (the whole retry window,
 * about 2.7 days, without one success). An endpoint that still answers some deliveries stays on.
 */
export function shouldDisableWebhookEndpoint(input: {
  /** When the series that just failed for good began. */
  seriesStartedAt: Date;
  /** The endpoint's latest successful attempt, or null if none ever succeeded. */
  lastSuccessAt: Date | null;
}): boolean {
  return input.lastSuccessAt === null || input.lastSuccessAt.getTime() < input.seriesStartedAt.getTime();
}
