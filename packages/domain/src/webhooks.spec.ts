import { describe, expect, it } from '@jest/globals';
import {
  isWebhookSuccess,
  shouldDisableWebhookEndpoint,
  WEBHOOK_MAX_ATTEMPTS,
  WEBHOOK_RETRY_WINDOW_SECONDS,
  webhookRetryDelay,
} from './webhooks.js';

const MIN = 60;
const HOUR = 3600;

describe('webhook retry schedule', () => {
  it.each([
    [1, 5],
    [2, 5 * MIN],
    [3, 30 * MIN],
    [4, 2 * HOUR],
    [5, 5 * HOUR],
    [6, 10 * HOUR],
    [7, 10 * HOUR],
    [8, 14 * HOUR],
    [9, 24 * HOUR],
    [10, null],
    [11, null],
  ] as const)('after failed attempt %i the next waits %p seconds', (attempt, delay) => {
    expect(webhookRetryDelay(attempt)).toBe(delay);
  });

  it('gives up after ten attempts, spread over about three days', () => {
    expect(WEBHOOK_MAX_ATTEMPTS).toBe(10);
    expect(WEBHOOK_RETRY_WINDOW_SECONDS).toBe(65 * HOUR + 35 * MIN + 5);
    expect(WEBHOOK_RETRY_WINDOW_SECONDS / (24 * HOUR)).toBeGreaterThan(2.5);
    expect(WEBHOOK_RETRY_WINDOW_SECONDS / (24 * HOUR)).toBeLessThan(3.5);
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses attempt %p', (attempt) => {
    expect(() => webhookRetryDelay(attempt)).toThrow(RangeError);
  });

  it('grows, never shrinks', () => {
    const delays = Array.from({ length: WEBHOOK_MAX_ATTEMPTS - 1 }, (_, i) => webhookRetryDelay(i + 1)!);
    expect([...delays].sort((a, b) => a - b)).toEqual(delays);
  });
});

describe('webhook success', () => {
  it.each([
    [200, true],
    [204, true],
    [299, true],
    [199, false],
    [301, false],
    [404, false],
    [410, false],
    [500, false],
  ] as const)('HTTP %i counts as success: %p', (status, ok) => {
    expect(isWebhookSuccess(status)).toBe(ok);
  });
});

describe('disabling a failing endpoint', () => {
  const started = new Date('2026-12-01T10:00:00Z');
  it.each([
    ['never succeeded', null, true],
    ['last succeeded before the failed series began', new Date('2026-11-30T10:00:00Z'), true],
    ['succeeded during the failed series', new Date('2026-12-02T10:00:00Z'), false],
    ['succeeded at the very start of the series', started, false],
  ] as const)('%s → disabled: %p', (_, lastSuccessAt, disabled) => {
    expect(shouldDisableWebhookEndpoint({ seriesStartedAt: started, lastSuccessAt })).toBe(disabled);
  });
});
