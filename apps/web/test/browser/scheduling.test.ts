import { describe, expect, test } from '@jest/globals';
import type { Page } from 'playwright-core';
import { apiSignIn, givenOrganization } from './api-client';
import { DEMO_PASSWORD, shot, signIn, withBrowser, type Browser } from './harness';

const RECRUITER = 'recruiter@acme.test';
const OPENING = 'Tech Lead, Platform';
/** The demo's candidate with an upcoming interview (Berlin time, room and video link) and a cancelled one. */
const SOFIA = 'Sofia Marquez';

/** The demo opening's id. */
async function demoOpeningId(): Promise<string> {
  const recruiter = await apiSignIn(RECRUITER, DEMO_PASSWORD);
  const openings = await recruiter.call('listOpenings', { query: { q: OPENING } });
  return openings.items.find((o) => o.title === OPENING)!.id;
}

async function openApplicationOf(browser: Browser, openingId: string, name: string): Promise<void> {
  const { page } = browser;
  await browser.goto(`/openings/${openingId}/pipeline`);
  await page.locator('.board article', { hasText: name }).getByRole('link', { name }).click();
  await browser.waitForPath(/^\/applications\/[0-9a-f-]{36}$/);
}

function interviewsSection(page: Page) {
  return page.getByRole('region', { name: 'Interviews' });
}

describe('scheduling', () => {
  for (const viewport of [
    { width: 1366, height: 900, label: 'desktop' },
    { width: 390, height: 844, label: 'phone' },
  ]) {
    test(`at ${viewport.width} px the demo application shows an upcoming interview as Scheduled, in the interviewer’s time, with where, and the timeline shows it scheduled and the other cancelled`, async () => {
      await withBrowser(
        async (browser) => {
          const { page } = browser;
          await signIn(browser, RECRUITER, DEMO_PASSWORD);
          await openApplicationOf(browser, await demoOpeningId(), SOFIA);
          const section = interviewsSection(page);
          const upcoming = section.getByRole('listitem').filter({ hasText: 'Priya Raman' });
          await upcoming.getByText('Status: Scheduled').waitFor();
          expect(await upcoming.getByText('Awaiting feedback').count()).toBe(0);
          await upcoming.getByText('Room Spree, 3rd floor').waitFor();
          expect(await upcoming.getByRole('link', { name: /Video link/ }).getAttribute('href')).toBe(
            'https://meet.example.com/sofia-marquez-screen',
          );
          // The browser here is not in Berlin: the interviewer's own time is shown beside the reader's.
          expect(await upcoming.textContent()).toMatch(/interviewer’s time: .*09:00.*Europe\/Berlin/);
          const timeline = page.getByRole('list', { name: 'Stage timeline' });
          await timeline.getByText(/^Interview scheduled: .* with Priya Raman$/).waitFor();
          await timeline.getByText(/^Interview scheduled: .* with Jonas Weber$/).waitFor();
          await timeline.getByText(/^Interview cancelled: .* with Jonas Weber$/).waitFor();
          await browser.audit(`application with scheduling details at ${viewport.width}`);
          await shot(browser, `application-scheduling-${viewport.label}`);
        },
        { width: viewport.width, height: viewport.height },
      );
    });
  }

  test('the schedule form offers the step’s pool first (anyone else behind “Anyone”), takes a time zone, a duration, a location and a video link, and completes the link', async () => {
    // In an organization of its own (scheduling changes data), with the demo's cast and plan.
    const org = await givenOrganization('Scheduling');
    const name = `Zoe Zone ${Date.now() % 100000}`;
    await org.application(name, ['interviews'], { source: 'linkedin' });
    await withBrowser(
      async (browser) => {
        const { page } = browser;
        await signIn(browser, org.people.recruiter.email, org.password);
        await openApplicationOf(browser, org.opening.id, name);
        const section = interviewsSection(page);
        await section.getByRole('button', { name: 'Schedule interview' }).click();
        const form = page.getByRole('form', { name: 'Schedule interview' });
        const interviewer = form.getByLabel('Interviewer', { exact: true });
        await interviewer.waitFor();
        // The first step's pool is Ines Okafor and Mateo Silva; nobody else until "Anyone" is ticked.
        const listed = async () =>
          (await interviewer.locator('option').allTextContents()).filter((t) => t !== 'Choose an interviewer');
        expect(await listed()).toEqual(['Ines Okafor', 'Mateo Silva']);
        await form.getByLabel(/^Anyone/).check();
        const everyone = await listed();
        expect(everyone.slice(0, 2)).toEqual(['Ines Okafor', 'Mateo Silva']);
        expect(everyone).toContain('Priya Raman');
        await interviewer.selectOption({ label: 'Priya Raman' });

        // The time zone starts as the browser's; another one shows the time in both.
        const zone = form.getByLabel('Time zone');
        const mine = await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
        expect(await zone.inputValue()).toBe(mine);
        await zone.selectOption('America/New_York');
        await form.getByLabel('Start time').fill('10:00');
        await form.getByLabel('Duration (minutes)').fill('45');
        await form.getByText(/America\/New York is .* for you\./).waitFor();
        await form.getByLabel('Location (optional)').fill('Room Hudson');
        await form.getByLabel('Video link (optional)').fill('not a link');
        await form.getByRole('button', { name: 'Schedule interview' }).click();
        await form.getByText('Enter a web address such as linkedin.com/in/name or https://example.com/page.').waitFor();
        await browser.audit('schedule form with a bad link');
        await browser.screenshot('interview-schedule-details');
        await form.getByLabel('Video link (optional)').fill('meet.example.com/zoe-zone');
        await form.getByRole('button', { name: 'Schedule interview' }).click();
        await form.waitFor({ state: 'detached' });

        const item = section.getByRole('listitem').filter({ hasText: 'Priya Raman' });
        await item.getByText('Status: Scheduled').waitFor();
        await item.getByText('Room Hudson').waitFor();
        expect(await item.getByRole('link', { name: /Video link/ }).getAttribute('href')).toBe(
          'https://meet.example.com/zoe-zone',
        );
        expect(await item.textContent()).toContain('45 min');
        expect(await item.textContent()).toMatch(/interviewer’s time: .*10:00.*America\/New York/);
        await page
          .getByRole('list', { name: 'Stage timeline' })
          .getByText(/^Interview scheduled: .* with Priya Raman$/)
          .waitFor();
        await shot(browser, 'application-interview-scheduled-in-zone');
      },
      { width: 1366, height: 900 },
    );
  });
});
