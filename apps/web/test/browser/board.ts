// The pipeline board as the browser tests see it: a card by stage and name, and where the focus is.
import { expect } from '@jest/globals';
import type { Page } from 'playwright-core';

/** The card of `name` in the column of `stage`. */
export function card(page: Page, stage: string, name: string) {
  return page.locator(`[data-stage="${stage}"] article`, { hasText: name });
}

/** The name on the card that holds the focus, if any. */
export async function focusedCardName(page: Page): Promise<string | null> {
  return page.evaluate(
    () => document.activeElement?.closest('article')?.querySelector('h3')?.textContent?.trim() ?? null,
  );
}

/** Focus moves to the card once the board has re-rendered after the move: wait for it, then check. */
export async function expectFocusOnCard(page: Page, name: string): Promise<void> {
  await page
    .waitForFunction(
      (n) => document.activeElement?.closest('article')?.querySelector('h3')?.textContent?.trim() === n,
      name,
      { timeout: 5000, polling: 100 },
    )
    .catch(() => undefined);
  expect(await focusedCardName(page)).toBe(name);
}
