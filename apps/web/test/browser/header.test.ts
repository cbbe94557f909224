import { describe, expect, test } from '@jest/globals';
import type { Page } from 'playwright-core';
import { baseUrl, DEMO_PASSWORD, signIn, uniqueEmail, withBrowser, type Browser } from './harness';

const ROLES = [
  { email: 'admin@acme.test', role: 'admin', links: 10 },
  { email: 'recruiter@acme.test', role: 'recruiter', links: 8 },
  { email: 'hm@acme.test', role: 'hiring-manager', links: 8 },
  { email: 'interviewer1@acme.test', role: 'interviewer', links: 3 },
] as const;
const DESKTOP_WIDTHS = [1280, 1366, 1440, 1920];
const PHONE = { width: 390, height: 844 };
const ORGANIZATION = 'Acme Robotics';

type Box = { name: string; left: number; top: number; right: number; bottom: number };

/** The header's parts as drawn: the logo, the organization's name, each nav link, the person, Sign out. */
async function headerParts(page: Page) {
  return page.evaluate(() => {
    const box = (name: string, el: Element) => {
      const r = el.getBoundingClientRect();
      return { name, left: r.left, top: r.top, right: r.right, bottom: r.bottom };
    };
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
    };
    const header = document.querySelector('header.header')!;
    const org = header.querySelector<HTMLElement>('.header__org')!;
    const links = [...header.querySelectorAll('nav[aria-label="Main"] a')];
    const parts = [
      box('logo', header.querySelector('.header__logo')!),
      box('organization', org),
      ...links.filter(visible).map((a) => box(`link ${a.textContent!.trim()}`, a)),
      ...[...header.querySelectorAll('.header__identity, button')]
        .filter(visible)
        .map((el) => box(el.textContent!.trim(), el)),
    ];
    return {
      parts,
      links: links.map((a) => ({ name: a.textContent!.trim(), visible: visible(a), box: box('', a) })),
      orgText: org.textContent,
      // The whole name is drawn: nothing is cut (no ellipsis) or hidden by its box.
      orgFits: org.scrollWidth <= org.clientWidth + 1 && org.scrollHeight <= org.clientHeight + 1,
      orgVisible: visible(org),
      headerHeight: header.getBoundingClientRect().height,
      published: getComputedStyle(document.documentElement).getPropertyValue('--header-height').trim(),
      viewport: document.documentElement.clientWidth,
    };
  });
}

/** Pairs of parts whose boxes overlap (by more than a rounding pixel). */
function overlaps(parts: Box[]): string[] {
  const found: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    for (let j = i + 1; j < parts.length; j++) {
      const a = parts[i]!;
      const b = parts[j]!;
      const x = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const y = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (x > 0.5 && y > 0.5) found.push(`${a.name} overlaps ${b.name}`);
    }
  }
  return found;
}

const inside = (b: Box, width: number, height: number) =>
  b.left >= 0 && b.top >= 0 && b.right <= width + 0.5 && b.bottom <= height + 0.5;

async function checkDesktop(browser: Browser, width: number, label: string, organization: string, links: number) {
  const { page } = browser;
  await page.setViewportSize({ width, height: 800 });
  await page.waitForFunction(() => document.documentElement.clientWidth === window.innerWidth);
  const h = await headerParts(page);
  expect({ label, width, overlaps: overlaps(h.parts) }).toEqual({ label, width, overlaps: [] });
  expect({ label, width, org: h.orgText, fits: h.orgFits, shown: h.orgVisible }).toEqual({
    label,
    width,
    org: organization,
    fits: true,
    shown: true,
  });
  // Every link is on screen, none behind a menu (the Menu button is for phones).
  expect(h.links).toHaveLength(links);
  const off = h.links.filter((l) => !l.visible || !inside(l.box, width, 800)).map((l) => l.name);
  expect({ label, width, off }).toEqual({ label, width, off: [] });
  expect(await page.getByRole('button', { name: 'Menu' }).count()).toBe(0);
  // Sticky bars and scrolling to a field use the header's real height.
  expect(h.published).toBe(`${Math.round(h.headerHeight)}px`);
}

describe('the header', () => {
  test.each(ROLES)(
    'for $role at 1280, 1366, 1440 and 1920 px the logo, the organization and every link are readable and apart',
    async ({ email, role, links }) => {
      await withBrowser(async (browser) => {
        await signIn(browser, email, DEMO_PASSWORD);
        for (const width of DESKTOP_WIDTHS) {
          await checkDesktop(browser, width, role, ORGANIZATION, links);
          if (width === 1366) await browser.screenshot(`header-${role}-1366`);
        }
      });
    },
  );

  test.each(ROLES)(
    'for $role at 390 px a Menu button opens every link, by keyboard, and Escape closes it',
    async ({ email, role, links }) => {
      await withBrowser(async (browser) => {
        const { page } = browser;
        await signIn(browser, email, DEMO_PASSWORD);
        const menu = page.getByRole('button', { name: 'Menu' });
        const nav = page.getByRole('navigation', { name: 'Main' });

        // Closed: the logo, the organization's name and the button, apart, on screen; no link off-screen.
        await menu.waitFor();
        expect(await menu.getAttribute('aria-expanded')).toBe('false');
        const closed = await headerParts(page);
        expect(overlaps(closed.parts)).toEqual([]);
        expect(closed.orgText).toBe(ORGANIZATION);
        expect(closed.orgFits).toBe(true);
        expect(closed.links.filter((l) => l.visible)).toEqual([]);
        expect(closed.parts.every((p) => inside(p, PHONE.width, PHONE.height))).toBe(true);
        expect(closed.published).toBe(`${Math.round(closed.headerHeight)}px`);
        await browser.screenshot(`header-${role}-390-closed`);

        // Opened from the keyboard: every link shows, on screen, apart; Tab walks into them.
        await menu.focus();
        await page.keyboard.press('Enter');
        expect(await menu.getAttribute('aria-expanded')).toBe('true');
        const controls = await menu.getAttribute('aria-controls');
        expect(await page.locator(`[id="${controls}"]`).isVisible()).toBe(true);
        const open = await headerParts(page);
        expect(open.links).toHaveLength(links);
        const hidden = open.links.filter((l) => !l.visible || !inside(l.box, PHONE.width, PHONE.height));
        expect(hidden.map((l) => l.name)).toEqual([]);
        expect(overlaps(open.parts)).toEqual([]);
        await page.keyboard.press('Tab');
        expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Home');
        await browser.audit(`menu open, ${role}`);
        await browser.screenshot(`header-${role}-390-open`);

        // Escape closes it and puts focus back on the button.
        await page.keyboard.press('Escape');
        expect(await menu.getAttribute('aria-expanded')).toBe('false');
        expect(await nav.getByRole('link', { name: 'Home' }).count()).toBe(0);
        expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toMatch(/^Menu/);

        // Following a link from the menu goes there and closes the menu.
        await page.keyboard.press('Space');
        expect(await menu.getAttribute('aria-expanded')).toBe('true');
        await nav.getByRole('link', { name: 'My interviews' }).click();
        await browser.waitForPath('/interviews');
        // The menu closes once the new page has rendered (its route is a lazy chunk that may still be
        // loading when the address changes): wait for that, with the test's timeout as the bound.
        await menu.and(page.locator('[aria-expanded="false"]')).waitFor();
        expect(await menu.getAttribute('aria-expanded')).toBe('false');

        // A click outside closes it too; Sign out is in the menu.
        await menu.click();
        await nav.getByRole('button', { name: 'Sign out' }).waitFor();
        await page.locator('.header__org').click();
        expect(await menu.getAttribute('aria-expanded')).toBe('false');
      }, PHONE);
    },
  );

  test('a long organization name is shown whole beside all of an admin’s links', async () => {
    const organization = 'Northwind Traders International Holdings';
    const email = uniqueEmail('founder');
    const res = await fetch(`${baseUrl()}/api/v1/auth/signup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-requested-with': 'scorecard' },
      body: JSON.stringify({ organizationName: organization, name: 'Fay Founder', email, password: DEMO_PASSWORD }),
    });
    expect(res.status).toBe(201);
    await withBrowser(async (browser) => {
      await signIn(browser, email, DEMO_PASSWORD);
      for (const width of DESKTOP_WIDTHS) await checkDesktop(browser, width, 'long name', organization, 10);
    });
  });
});

describe('forms under the sticky header', () => {
  test('the first invalid field is scrolled below the header, not under it, and a link typed without https:// is completed', async () => {
    await withBrowser(
      async (browser) => {
        const { page } = browser;
        await signIn(browser, 'recruiter@acme.test', DEMO_PASSWORD);
        await browser.goto('/candidates/new');
        const form = page.getByRole('form', { name: 'Add candidate' });
        const name = `Lina Linked ${Date.now() % 100000}`;
        await form.getByLabel('Name', { exact: true }).fill(name);
        await form.getByLabel('Email', { exact: true }).fill(uniqueEmail('lina'));
        await form.getByLabel('Source', { exact: true }).selectOption({ label: 'Referral' });
        const linkedin = form.getByLabel('LinkedIn', { exact: true });
        const github = form.getByLabel('GitHub', { exact: true });
        await linkedin.fill('not a link');
        await github.fill('github.com/lina-linked');

        // The LinkedIn field sits just under the sticky header (on screen, so a plain focus would
        // not scroll); Enter in the GitHub field submits.
        const headerBottom = () =>
          page.evaluate(() => document.querySelector('header.header')!.getBoundingClientRect().bottom);
        await linkedin.evaluate((el) => window.scrollBy(0, el.getBoundingClientRect().top - 20));
        expect(await linkedin.evaluate((el) => el.getBoundingClientRect().top)).toBeLessThan(await headerBottom());
        await github.evaluate((el: HTMLElement) => el.focus({ preventScroll: true }));
        await page.keyboard.press('Enter');

        const message = form.getByText('Enter a web address such as linkedin.com/in/name or https://example.com/page.');
        await message.waitFor();
        expect(await linkedin.evaluate((el) => el === document.activeElement)).toBe(true);
        const bottom = await headerBottom();
        const label = form.locator('label', { hasText: /^LinkedIn$/ });
        const seen = {
          label: await label.evaluate((el) => el.getBoundingClientRect().top),
          field: await linkedin.evaluate((el) => el.getBoundingClientRect().top),
          message: await message.evaluate((el) => el.getBoundingClientRect().bottom),
        };
        expect(seen.label).toBeGreaterThanOrEqual(bottom);
        expect(seen.field).toBeGreaterThan(seen.label);
        expect(seen.message).toBeLessThanOrEqual(768);
        await browser.audit('invalid link focused below the header');
        await browser.screenshot('form-error-below-header');

        // The same address typed without https:// is completed, and saved that way.
        await linkedin.fill('linkedin.com/in/lina-linked');
        await form.getByRole('button', { name: 'Add candidate' }).click();
        await browser.waitForPath(/^\/candidates\/[0-9a-f-]{36}$/);
        await page.getByRole('heading', { level: 1, name }).waitFor();
        expect(await page.getByRole('link', { name: 'LinkedIn' }).getAttribute('href')).toBe(
          'https://linkedin.com/in/lina-linked',
        );
        expect(await page.getByRole('link', { name: 'GitHub' }).getAttribute('href')).toBe(
          'https://github.com/lina-linked',
        );
      },
      { width: 1366, height: 768 },
    );
  });
});
