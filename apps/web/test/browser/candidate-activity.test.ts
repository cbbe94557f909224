import { beforeAll, describe, expect, test } from '@jest/globals';
import { givenOrganization, type GivenOrganization } from './api-client';
import { signIn, withBrowser, type Browser } from './harness';

/** An organization of this file's own: the notes and moves here are its data, not the demo's. */
let org: GivenOrganization;
beforeAll(async () => {
  org = await givenOrganization('Activity');
});

/** A fresh candidate, applied to the opening and moved to Screen, over HTTP. */
async function newCandidate(prefix: string): Promise<{ id: string; name: string; opening: string }> {
  const name = `Rosa ${prefix}`;
  const { candidateId } = await org.application(name, ['screen']);
  return { id: candidateId, name, opening: org.opening.title };
}

async function openCandidate(browser: Browser, id: string, name: string): Promise<void> {
  await signIn(browser, org.people.recruiter.email, org.password);
  await browser.goto(`/candidates/${id}`);
  await browser.page.getByRole('heading', { level: 1, name }).waitFor();
}

describe('candidate notes and activity', () => {
  test('a recruiter adds a note with Ctrl+Enter and sees it at the top of the feed, with the moves below', async () => {
    const prefix = `act${Date.now()}`;
    const c = await newCandidate(prefix);
    await withBrowser(async (browser) => {
      const { page } = browser;
      await openCandidate(browser, c.id, c.name);
      const feed = page.getByRole('region', { name: 'Notes and activity' });
      await feed
        .getByText(`Rita`)
        .first()
        .waitFor()
        .catch(() => undefined);
      const entries = feed.locator('.activity-entry');
      await entries.first().waitFor();
      // The application and its move, as sentences with the opening.
      expect(await entries.first().textContent()).toContain(`moved Rosa from Applied to Screen · ${c.opening}`);
      await feed.getByText(`applied Rosa to the opening · ${c.opening}`).waitFor();

      // An empty note is refused with a message, and nothing is sent.
      await page.getByRole('button', { name: 'Add note' }).click();
      await page.getByText('Write the note first.').waitFor();
      const box = page.getByLabel('Add a note');
      expect(await box.getAttribute('aria-invalid')).toBe('true');

      await box.fill('Strong systems thinking.\nAsk about mentoring in the onsite.');
      await box.press('Control+Enter');
      await page.getByText('Note added.').waitFor();
      expect(await box.inputValue()).toBe('');
      const first = entries.first();
      await first.getByText('Strong systems thinking.', { exact: false }).waitFor();
      expect(await first.getAttribute('data-kind')).toBe('note_added');
      expect(await first.textContent()).toContain('added a note');
      const time = first.locator('time');
      expect(await time.textContent()).toContain('just now');
      expect(await time.getAttribute('title')).toMatch(/\d/);
      await feed.getByRole('heading', { level: 3, name: 'Today' }).waitFor();
      await browser.audit('candidate activity with a note');
      await page.evaluate(() => document.getElementById('activity-title')?.scrollIntoView());
      await browser.screenshot('candidate-activity');
    });

    await withBrowser(
      async (browser) => {
        await openCandidate(browser, c.id, c.name);
        await browser.page.locator('.activity-entry').first().waitFor();
        await browser.screenshot('candidate-activity-phone');
      },
      { width: 390, height: 844 },
    );
  }, 180_000);

  test('"Show more" pages through a long feed without repeating an entry', async () => {
    const prefix = `actmore${Date.now()}`;
    const c = await newCandidate(prefix);
    for (let i = 1; i <= 23; i++) {
      await org.people.recruiter.api.call('addCandidateNote', {
        params: { id: c.id },
        body: { body: `Note number ${i}` },
      });
    }
    await withBrowser(async (browser) => {
      const { page } = browser;
      await openCandidate(browser, c.id, c.name);
      const entries = page.locator('.activity-entry');
      await entries.first().waitFor();
      expect(await entries.count()).toBe(20);
      await page.getByRole('button', { name: 'Show more' }).click();
      await page.waitForFunction(() => document.querySelectorAll('.activity-entry').length === 25);
      expect(await page.getByRole('button', { name: 'Show more' }).count()).toBe(0);
      const notes = await page.locator('.activity-entry__note').allTextContents();
      expect(notes).toEqual(Array.from({ length: 23 }, (_, i) => `Note number ${23 - i}`));
    });
  }, 120_000);
});
