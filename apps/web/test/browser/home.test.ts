import { beforeAll, describe, expect, test } from '@jest/globals';
import type { Locator, Page } from 'playwright-core';
import { apiSignIn, givenOrganization, HOUR, type GivenOrganization } from './api-client';
import { join } from 'node:path';
import {
  type Browser,
  DEMO_PASSWORD,
  expectTitle,
  SCREENSHOT_DIR,
  shot,
  signIn,
  unique,
  uniqueEmail,
  withBrowser,
} from './harness';

const RECRUITER = 'recruiter@acme.test';
const RECRUITER_NAME = 'Riley Recruiter';
const ADMIN = 'admin@acme.test';
const HM = 'hm@acme.test';
const INTERVIEWER = 'interviewer1@acme.test';
const INTERVIEWER_NAME = 'Ines Okafor';
const OPENING = 'Tech Lead, Platform';
const STAGES = ['applied', 'screen', 'interviews', 'debrief', 'offer'] as const;

/** An organization of this file's own, for the journeys that add data (the demo's homes are only read). */
let org: GivenOrganization;
beforeAll(async () => {
  org = await givenOrganization('Home');
});

/**
 * A candidate applied to the opening whose first interview started three days ago, so its draft
 * scorecard is over a day past due (feedback is due 24 hours after the end).
 */
async function overdueScorecard(candidateName: string): Promise<{ openingId: string; stepName: string }> {
  const { applicationId } = await org.application(candidateName);
  await org.schedule(applicationId, 0, 'ines', new Date(Date.now() - 72 * HOUR));
  return { openingId: org.opening.id, stepName: org.opening.plan.steps[0]!.name };
}

/** The cells of the opening's row in the home's openings table, by stage. */
async function rowCounts(page: Page, openingId: string): Promise<Record<string, string>> {
  const row = page.locator(`tr[data-opening-id="${openingId}"]`);
  const counts: Record<string, string> = {};
  for (const stage of [...STAGES, 'active', 'hired']) {
    counts[stage] = (await row.locator(`[data-stage="${stage}"]`).textContent())?.trim() ?? '';
  }
  return counts;
}

describe('recruiter home', () => {
  test('a recruiter sees their opening with counts per stage, sets the stuck threshold in the URL, and chases overdue feedback', async () => {
    const candidate = unique('Olive Overdue');
    const { openingId, stepName } = await overdueScorecard(candidate);
    const recruiter = org.people.recruiter;
    const home = await recruiter.api.call('getRecruiterHome', { query: { scope: 'all' } });
    const expected = home.openings.find((o) => o.id === openingId)!;
    await withBrowser(async (browser) => {
      const { page } = browser;
      await signIn(browser, recruiter.email, org.password);
      // The route's code loads lazily and sets the title once it renders.
      await page.getByRole('heading', { level: 2, name: 'Your open openings' }).waitFor();
      await expectTitle(page, 'Home · Scorecard');
      const row = page.locator(`tr[data-opening-id="${openingId}"]`);
      await row.getByRole('link', { name: OPENING, exact: true }).waitFor();
      expect(await row.textContent()).toContain(`Recruiter: ${RECRUITER_NAME}`);
      expect(await rowCounts(page, openingId)).toEqual({
        ...Object.fromEntries(STAGES.map((s) => [s, String(expected.counts[s])])),
        active: String(expected.active),
        hired: String(expected.counts.hired),
      });
      expect(expected.counts.applied).toBeGreaterThan(0);

      // The feedback to chase: who owes it, for whom, which interview, how late.
      const overdue = page.getByRole('table', { name: /Overdue scorecards/ });
      const late = overdue.getByRole('row').filter({ hasText: candidate });
      await late.waitFor();
      expect(await late.getByRole('rowheader').textContent()).toBe(INTERVIEWER_NAME);
      expect(await late.textContent()).toContain(stepName);
      expect(await late.textContent()).toContain('1 day');
      await browser.audit('recruiter home');
      await shot(browser, 'home-recruiter');

      // The stuck threshold is in the URL, checked before anything is sent.
      const days = page.getByLabel('Stuck after (days)');
      expect(await days.inputValue()).toBe('7');
      await days.fill('3');
      await page.waitForURL((url) => url.searchParams.get('stuckDays') === '3');
      await page.getByText('In the same active stage for more than 3 days').waitFor();
      await days.fill('400');
      await page.getByText('At most 365 days.').waitFor();
      expect(await days.getAttribute('aria-invalid')).toBe('true');
      expect(new URL(page.url()).searchParams.get('stuckDays')).toBe('3');
      await browser.audit('stuck threshold out of range');
      await shot(browser, 'home-stuck-days-invalid');
      await days.fill('1');
      await page.waitForURL((url) => url.searchParams.get('stuckDays') === '1');
      await page.getByText('In the same active stage for more than 1 day,').waitFor();

      // All open openings, and back to mine; the URL keeps both settings.
      // The radio follows the URL, which React Router updates in a transition: click, then wait for
      // the URL (check() would read the radio before the transition has committed).
      const allOpenings = page.getByRole('radio', { name: 'All open openings' });
      await allOpenings.click();
      await page.waitForURL((url) => url.searchParams.get('scope') === 'all');
      await page.getByRole('radio', { name: 'All open openings', checked: true }).waitFor();
      expect(await allOpenings.isChecked()).toBe(true);
      await page.getByRole('heading', { level: 2, name: 'All open openings' }).waitFor();
      expect(new URL(page.url()).searchParams.get('stuckDays')).toBe('1');
      await page.goBack();
      await page.getByRole('heading', { level: 2, name: 'Your open openings' }).waitFor();

      // A reload keeps the threshold.
      await browser.goto('/?stuckDays=14');
      expect(await page.getByLabel('Stuck after (days)').inputValue()).toBe('14');
      await page.getByText('In the same active stage for more than 14 days').waitFor();

      await page.locator(`tr[data-opening-id="${openingId}"]`).getByRole('link', { name: OPENING }).click();
      await browser.waitForPath(`/openings/${openingId}/pipeline`);
      await page.getByRole('heading', { level: 1, name: `Pipeline: ${OPENING}` }).waitFor();
      await page.goBack();
      await browser.waitForPath('/');
      await late.getByRole('link', { name: candidate }).click();
      await browser.waitForPath(/^\/applications\/[0-9a-f-]{36}$/);
      await page.getByRole('heading', { level: 1, name: candidate }).waitFor();
    });
  });

  test('at phone width the home stays readable', async () => {
    await readableOnAPhone(RECRUITER, (page) => page.getByRole('heading', { level: 2, name: 'Overdue scorecards' }), {
      fullPage: 'home-recruiter-phone',
    });
  });
});

/** Nothing of the home is wider than the screen, except the tables that scroll inside their panel. */
async function overflowing(browser: Browser): Promise<string[]> {
  return browser.page.evaluate(() =>
    [...document.querySelectorAll('.home *')]
      .filter((e) => !e.closest('.table-wrap'))
      .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth)
      .map((e) => `${e.tagName.toLowerCase()}.${e.className}`),
  );
}

/**
 * At phone width, the home of `email` (once `ready` shows) has nothing wider than the screen but the
 * tables that scroll inside their panel; then a screenshot, of the whole page or of what is in view.
 */
async function readableOnAPhone(
  email: string,
  ready: (page: Page) => Locator,
  screenshot: { fullPage: string } | { inView: string },
): Promise<void> {
  await withBrowser(
    async (browser) => {
      await signIn(browser, email, DEMO_PASSWORD);
      await ready(browser.page).waitFor();
      // Wide tables scroll inside their panel; nothing else of the home is wider than the screen.
      expect(await overflowing(browser)).toEqual([]);
      if ('fullPage' in screenshot) await shot(browser, screenshot.fullPage);
      else
        await browser.page.screenshot({
          path: join(SCREENSHOT_DIR, `${screenshot.inView}.png`),
          animations: 'disabled',
        });
    },
    { width: 390, height: 844 },
  );
}

describe('interviewer home', () => {
  test('an interviewer starts on today, this week, the scorecards they owe (with time left) and their submissions', async () => {
    await withBrowser(async (browser) => {
      const { page } = browser;
      await signIn(browser, INTERVIEWER, DEMO_PASSWORD);
      const toWrite = page.getByRole('region', { name: /^Scorecards to write/ });
      await toWrite.waitFor();
      await expectTitle(page, 'Home · Scorecard');
      // The early-version text is gone.
      expect(await page.getByText('This is an early version').count()).toBe(0);

      // The demo's late scorecard comes first, with how late it is; the one due now says how long is left.
      const rows = toWrite.getByRole('listitem');
      const first = rows.first();
      expect(await first.getAttribute('data-state')).toBe('overdue');
      expect(await first.textContent()).toMatch(/Overdueoverdue by \d+ (d|h)/);
      const due = toWrite.locator('[data-state="due"]').filter({ hasText: 'Yusuf Demir' });
      expect(await due.textContent()).toMatch(/due in \d+ h/);

      // Today and this week, from the demo's first start.
      const today = page.getByRole('region', { name: /^Today/ });
      await today.getByRole('link', { name: /Amara Okoye/ }).waitFor();
      const week = page.getByRole('region', { name: /^This week/ });
      await week.getByRole('link', { name: /Felix Brenner/ }).waitFor();
      expect(await today.textContent()).toMatch(/midnight to midnight in (UTC|your time zone)/);

      // Recently submitted: five, then all; each with its debrief once open.
      const submitted = page.getByRole('region', { name: 'Recently submitted' });
      expect(await submitted.getByRole('listitem').count()).toBe(5);
      await browser.audit('interviewer home');
      await shot(browser, 'home-interviewer');
      const showAll = submitted.getByRole('button', { name: /^Show all \d+/ });
      await showAll.focus();
      await page.keyboard.press('Enter');
      expect(await submitted.getByRole('listitem').count()).toBeGreaterThan(5);
      expect(
        await submitted.getByRole('button', { name: 'Show the 5 most recent' }).getAttribute('aria-expanded'),
      ).toBe('true');
      // Other browser tests share this demo and may have given the interviewer a new draft on one of
      // these applications (closing its debrief to them again), so take the first that is open.
      const firstSubmitted = submitted
        .getByRole('listitem')
        .filter({ has: page.getByRole('link', { name: /Open debrief/ }) })
        .first();
      const candidate = (await firstSubmitted.locator('.queue-item__title').textContent())!;
      await firstSubmitted.getByRole('link', { name: /Open debrief/ }).click();
      await browser.waitForPath(/^\/applications\/[0-9a-f-]{36}\/debrief$/);
      await page.getByRole('heading', { level: 1, name: `Debrief: ${candidate}` }).waitFor();

      // From home to the kit of the late scorecard in one click.
      await page.goBack();
      await browser.waitForPath('/');
      const late = page
        .getByRole('region', { name: /^Scorecards to write/ })
        .getByRole('listitem')
        .first();
      const lateName = (await late.locator('.queue-item__title').textContent())!.replace(': write the scorecard', '');
      await late.getByRole('link').click();
      await browser.waitForPath(/^\/interviews\/[0-9a-f-]{36}$/);
      await page.getByRole('heading', { level: 1, name: lateName }).waitFor();
    });
  });

  test('at phone width the interviewer home stays readable', async () => {
    await readableOnAPhone(INTERVIEWER, (page) => page.getByRole('region', { name: /^Scorecards to write/ }), {
      inView: 'home-interviewer-phone',
    });
  });

  test('a new interviewer with nothing to do gets clear empty states', async () => {
    const email = uniqueEmail('fresh-interviewer');
    await org.people.admin.api.call('createUser', {
      body: { name: 'Fresh Interviewer', email, role: 'interviewer', password: DEMO_PASSWORD },
    });
    await withBrowser(async (browser) => {
      const { page } = browser;
      await signIn(browser, email, DEMO_PASSWORD);
      await page.getByRole('heading', { name: 'Nothing to write — you’re up to date' }).waitFor();
      await page.getByRole('heading', { name: 'No interviews today' }).waitFor();
      await page.getByRole('heading', { name: 'No more interviews this week' }).waitFor();
      await page.getByRole('heading', { name: 'Nothing submitted yet' }).waitFor();
      await browser.audit('interviewer home, empty');
      await shot(browser, 'home-interviewer-empty');
    });
  });
});

describe('hiring manager home', () => {
  test('decisions waiting come first, with scorecards in, disagreements and dealbreakers; one click to decide', async () => {
    const hm = await apiSignIn(HM, DEMO_PASSWORD);
    const api = (await hm.request('GET', '/api/v1/home/hiring-manager')).body as {
      decisions: {
        items: {
          applicationId: string;
          candidate: { name: string };
          scorecards: { submitted: number; expected: number };
          panel: { redFlags: { dealbreakers: number } } | null;
        }[];
      };
    };
    const flagged = api.decisions.items.find((d) => (d.panel?.redFlags.dealbreakers ?? 0) > 0)!;
    expect(flagged).toBeDefined();
    await withBrowser(async (browser) => {
      const { page } = browser;
      await signIn(browser, HM, DEMO_PASSWORD);
      const decisions = page.getByRole('table', { name: /Decisions waiting/ });
      const row = decisions.locator(`tr[data-application-id="${flagged.applicationId}"]`);
      await row.waitFor();
      expect((await row.locator('[data-col="scorecards"]').textContent())?.trim()).toBe(
        `${flagged.scorecards.submitted} of ${flagged.scorecards.expected}`,
      );
      expect((await row.locator('[data-col="dealbreakers"]').textContent())?.trim()).toBe(
        String(flagged.panel!.redFlags.dealbreakers),
      );
      expect(await row.locator('[data-col="disagreements"]').textContent()).toMatch(/competenc|criteri|split|None/);
      // Their openings and their own scorecards are on the same page.
      await page.getByRole('heading', { level: 2, name: 'Your open openings' }).waitFor();
      await page.getByRole('link', { name: OPENING, exact: true }).waitFor();
      await page
        .getByRole('region', { name: /^Your scorecards to write/ })
        .getByRole('listitem')
        .first()
        .waitFor();
      expect(await page.getByRole('region', { name: 'Your organization' }).count()).toBe(0);
      await browser.audit('hiring manager home');
      await shot(browser, 'home-hiring-manager');

      // One click from home to the decision.
      await row.getByRole('link', { name: new RegExp(flagged.candidate.name) }).click();
      await browser.waitForPath(`/applications/${flagged.applicationId}/debrief`);
      await page.getByRole('heading', { level: 2, name: 'Decision' }).waitFor();
    });
  });

  test('at phone width the hiring manager home stays readable', async () => {
    await readableOnAPhone(HM, (page) => page.getByRole('table', { name: /Decisions waiting/ }), {
      inView: 'home-hiring-manager-phone',
    });
  });
});

describe('admin home', () => {
  test('an admin sees the hiring manager’s home for every opening, plus people and audit counts with links', async () => {
    await withBrowser(async (browser) => {
      const { page } = browser;
      await signIn(browser, ADMIN, DEMO_PASSWORD);
      await page.getByRole('table', { name: /Decisions waiting/ }).waitFor();
      await page.getByRole('heading', { level: 2, name: 'All open openings' }).waitFor();
      const org = page.getByRole('region', { name: 'Your organization' });
      expect(await org.textContent()).toMatch(/\d+active users?/);
      expect(await org.textContent()).toMatch(/\d+audit events?/);
      await browser.audit('admin home');
      await shot(browser, 'home-admin');
      await org.getByRole('link', { name: 'Open the audit log' }).click();
      await browser.waitForPath('/admin/audit');
      await page.goBack();
      await browser.waitForPath('/');
      await page.getByRole('region', { name: 'Your organization' }).getByRole('link', { name: 'Manage users' }).click();
      await browser.waitForPath('/users');
    });
  });

  test('at phone width the admin home stays readable', async () => {
    await readableOnAPhone(ADMIN, (page) => page.getByRole('region', { name: 'Your organization' }), {
      inView: 'home-admin-phone',
    });
  });
});

describe('an opening’s recruiter', () => {
  test('shows in the openings list, the opening’s profile and its edit form (recruiters and admins only)', async () => {
    await withBrowser(async (browser) => {
      const { page } = browser;
      await signIn(browser, HM, DEMO_PASSWORD);
      await browser.goto(`/openings?q=${encodeURIComponent(OPENING)}`);
      const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: OPENING, exact: true }) });
      await row.waitFor();
      const headers = await page.getByRole('columnheader').allTextContents();
      const cells = await row.getByRole('cell').allTextContents();
      // The row header (title) is not a cell: the recruiter cell sits one column left of its header.
      expect(cells[headers.indexOf('Recruiter') - 1]).toBe(RECRUITER_NAME);

      await row.getByRole('link', { name: OPENING, exact: true }).click();
      await browser.waitForPath(/^\/openings\/[0-9a-f-]{36}$/);
      const recruiterTerm = page.locator('dt', { hasText: /^Recruiter$/ });
      expect(await recruiterTerm.locator('xpath=following-sibling::dd').textContent()).toBe(RECRUITER_NAME);

      await page.getByRole('button', { name: 'Edit profile' }).first().click();
      const form = page.getByRole('form', { name: 'Edit profile' });
      const select = form.getByLabel('Recruiter', { exact: true });
      await eventually(
        async () => (await select.locator('option:checked').textContent()) ?? '',
        `${RECRUITER_NAME} (Recruiter)`,
      );
      const options = await select.locator('option').allTextContents();
      expect(options).toContain('Avery Admin (Admin)');
      expect(options.some((o) => o.includes(INTERVIEWER_NAME))).toBe(false);
      expect(options[0]).toBe('No recruiter');
      await browser.audit('edit profile with the recruiter field');
      const section = form.getByRole('region', { name: 'People and interview kit' });
      await section.scrollIntoViewIfNeeded();
      await section.screenshot({ path: join(SCREENSHOT_DIR, 'opening-recruiter-field.png'), animations: 'disabled' });
    });
  });
});

/** Polls until `read` returns `want` (the select fills in once the people have loaded). */
async function eventually(read: () => Promise<string>, want: string): Promise<void> {
  const deadline = Date.now() + 5000;
  let last = await read();
  while (last !== want && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    last = await read();
  }
  expect(last).toBe(want);
}
