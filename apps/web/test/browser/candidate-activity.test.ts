import { describe, expect, test } from '@jest/globals';
import { apiSignIn } from './api-client';
import { DEMO_PASSWORD, signIn, withBrowser, type Browser } from './harness';

const RECRUITER = 'recruiter@acme.test';

/** A fresh candidate of the demo organization, applied to its first open opening, over HTTP. */
async function newCandidate(prefix: string): Promise<{ id: string; name: string; opening: string }> {
  const recruiter = await apiSignIn(RECRUITER, DEMO_PASSWORD);
  const name = `Rosa ${prefix}`;
  const created = await recruiter.request('POST', '/api/v1/candidates', {
    name,
    email: `${prefix}@example.test`,
    source: 'referral',
  });
  expect(created.status).toBe(201);
  const id = (created.body as { id: string }).id;
  const openings = await recruiter.request('GET', '/api/v1/openings?status=open&pageSize=1');
  const opening = (openings.body as { items: { id: string; title: string }[] }).items[0]!;
  const applied = await recruiter.request('POST', '/api/v1/applications', { candidateId: id, openingId: opening.id });
  expect(applied.status).toBe(201);
  const application = applied.body as { id: string; version: number };
  const moved = await recruiter.request('POST', `/api/v1/applications/${application.id}/moves`, {
    to: 'screen',
    note: '',
    version: application.version,
  });
  expect(moved.status).toBe(200);
  return { id, name, opening: opening.title };
}

async function openCandidate(browser: Browser, id: string, name: string): Promise<void> {
  await signIn(browser, RECRUITER, DEMO_PASSWORD);
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
    const recruiter = await apiSignIn(RECRUITER, DEMO_PASSWORD);
    for (let i = 1; i <= 23; i++) {
      const res = await recruiter.request('POST', `/api/v1/candidates/${c.id}/notes`, { body: `Note number ${i}` });
      expect(res.status).toBe(201);
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
