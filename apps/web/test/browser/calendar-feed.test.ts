import { describe, expect, test } from '@jest/globals';
import { givenOrganization, HOUR } from './api-client';
import { baseUrl, expectTitle, shot, signIn, withBrowser } from './harness';

/** Fetches a feed link the way a calendar app does (the path on this server; no session). */
async function fetchFeed(webcalUrl: string): Promise<Response> {
  return fetch(new URL(new URL(webcalUrl.replace(/^webcal:/, 'https:')).pathname, baseUrl()));
}

describe('the private calendar feed', () => {
  test('an interviewer subscribes, copies the webcal link, resets it (the old one stops working) and turns it off', async () => {
    const org = await givenOrganization('Calendar feed');
    const ines = org.people.ines;
    const { applicationId } = await org.application('Noor Haddad', ['screen']);
    const interviewId = await org.schedule(applicationId, 0, 'ines', new Date(Date.now() + 30 * HOUR));

    await withBrowser(async (browser) => {
      const { page } = browser;
      await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl() });
      await signIn(browser, ines.email, org.password);
      await browser.goto('/settings/notifications');
      await expectTitle(page, 'Your notifications · Scorecard');
      const section = page.getByRole('region', { name: 'Calendar feed' });
      await section.getByText('Your calendar feed is off.').waitFor();
      await shot(browser, 'calendar-feed-off');

      // Subscribe: the link is shown, read-only, and copies to the clipboard.
      await section.getByRole('button', { name: 'Subscribe' }).click();
      const linkInput = section.getByLabel('Your calendar link');
      await linkInput.waitFor();
      const first = await linkInput.inputValue();
      expect(first).toMatch(/^webcal:\/\/.+\/api\/v1\/calendar-feeds\/[\w-]+\.ics$/);
      expect(await linkInput.getAttribute('readonly')).not.toBeNull();
      await section.getByRole('button', { name: 'Copy' }).click();
      await section.getByText('Copied to the clipboard.').waitFor();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(first);
      await section.getByText(/Google Calendar: Other calendars → \+ → From URL/).waitFor();
      await browser.audit('calendar feed with its new link');
      await shot(browser, 'calendar-feed-link');

      const feed = await fetchFeed(first);
      expect(feed.status).toBe(200);
      expect(feed.headers.get('content-type')).toMatch(/^text\/calendar/);
      const text = await feed.text();
      expect(text).toContain('METHOD:PUBLISH');
      expect(text).toContain(`UID:interview-${interviewId}@`);
      expect(text).toContain('SUMMARY:Interview: Noor Haddad');

      // Reset, with the keyboard: asks first, then the old link stops working.
      await section.getByRole('button', { name: 'Reset link' }).focus();
      await page.keyboard.press('Enter');
      const confirm = page.getByRole('alertdialog', { name: 'Reset your calendar link?' });
      await confirm.getByText('The current link stops working at once').waitFor();
      await shot(browser, 'calendar-feed-reset-confirm');
      await confirm.getByRole('button', { name: 'Reset link' }).click();
      await confirm.waitFor({ state: 'hidden' });
      await section.getByText('Your calendar link is new. The old one no longer works.').waitFor();
      const second = await linkInput.inputValue();
      expect(second).not.toBe(first);
      expect((await fetchFeed(first)).status).toBe(404);
      expect((await fetchFeed(second)).status).toBe(200);

      // After a reload the link is not shown again (only its hash is kept): the feed is on since…
      await browser.goto('/settings/notifications');
      await section.getByText(/Your calendar feed is on since/).waitFor();
      expect(await section.getByLabel('Your calendar link').count()).toBe(0);

      // Turn off: the link stops working.
      await section.getByRole('button', { name: 'Turn off' }).click();
      const off = page.getByRole('alertdialog', { name: 'Turn off your calendar feed?' });
      await off.getByRole('button', { name: 'Turn off' }).click();
      await off.waitFor({ state: 'hidden' });
      await section.getByText('Your calendar feed is off. Its link no longer works.').waitFor();
      await section.getByRole('button', { name: 'Subscribe' }).waitFor();
      expect((await fetchFeed(second)).status).toBe(404);
      await shot(browser, 'calendar-feed-turned-off');
    });
  });
});
