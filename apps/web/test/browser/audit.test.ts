import { beforeAll, describe, expect, test } from '@jest/globals';
import { apiSignIn, givenOrganization, type GivenOrganization } from './api-client';
import type { Locator } from 'playwright-core';
import { expectTitle, signIn, uniqueEmail, withBrowser } from './harness';

const ADMIN_NAME = 'Avery Admin';
const RENAMES = 25;
/** An organization of this file's own: its log holds only what this file does. */
let org: GivenOrganization;
beforeAll(async () => {
  org = await givenOrganization('Audit');
});

describe('audit log', () => {
  test('an admin finds the changes just made, pages back with the keyboard, filters by action, and sees the empty state for a filter that matches nothing', async () => {
    // Set-up over the API: a new user, renamed enough times to fill more than one page of the log.
    const admin = org.people.admin.api;
    const name = `Audrey Audit ${Date.now() % 100000}`;
    const created = await admin.request('POST', '/api/v1/users', {
      name,
      email: uniqueEmail('audrey'),
      role: 'interviewer',
      password: 'correct-horse-battery',
    });
    expect(created.status).toBe(201);
    const userId = (created.body as { id: string }).id;
    const shortId = userId.slice(0, 8);
    for (let i = 1; i <= RENAMES; i++) {
      const renamed = await admin.request('PATCH', `/api/v1/users/${userId}`, { name: `${name} ${i}` });
      expect(renamed.status).toBe(200);
    }

    await withBrowser(async (browser) => {
      const { page } = browser;
      await signIn(browser, org.people.admin.email, org.password);
      await browser.openFromMenu('Audit log', '/admin/audit');
      await expectTitle(page, 'Audit log · Scorecard');

      // Newest first: this sign-in, then the renames, each by the admin, naming the field but not its value.
      const rows = page.locator('tbody tr');
      await rows.first().waitFor();
      expect(await rows.first().getAttribute('data-audit-action')).toBe('login');
      expect(await rows.first().textContent()).toContain('Signed in');
      const rename = rows.nth(1);
      expect(await rename.getAttribute('data-audit-action')).toBe('updateUser');
      await rename.getByText('Changed a user').waitFor();
      await rename.getByText(ADMIN_NAME).waitFor();
      // The target is named as it is today (a name is never stored in the log, only read beside it)…
      expect(await rename.locator('td').nth(2).innerText()).toBe(`User\n${name} ${RENAMES}`);
      expect(await rename.getByText(shortId).count()).toBe(0);
      expect(await rename.locator('code').allTextContents()).toEqual(['name']);
      // …and the values the renames set along the way appear nowhere.
      expect(await page.locator('tbody').textContent()).not.toContain(`${name} ${RENAMES - 1}`);
      await browser.screenshot('audit-log');

      // The older page, by keyboard: the user's creation is there, without its password.
      const older = page.getByRole('button', { name: 'Older events' });
      await older.focus();
      await page.keyboard.press('Enter');
      await browser.waitForPath(/^\/admin\/audit\?.*before=/);
      const addedRow = page
        .getByRole('row')
        .filter({ hasText: 'Added a user' })
        .filter({ hasText: `${name} ${RENAMES}` });
      await addedRow.waitFor();
      expect(await addedRow.locator('code').allTextContents()).toEqual(['name', 'email', 'role']);
      await page.getByRole('button', { name: 'Newer events' }).click();
      await browser.waitForPath(/^\/admin\/audit\?.*after=/);
      expect(await rows.first().getAttribute('data-audit-action')).toBe('login');

      // Filter by action: only additions of users remain, the one just made among them.
      await page.getByLabel('Action').selectOption({ label: 'Added a user' });
      await browser.waitForPath(/^\/admin\/audit\?action=createUser$/);
      await addedRow.waitFor();
      const actions = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-audit-action')));
      expect(actions.length).toBeGreaterThan(0);
      expect(new Set(actions)).toEqual(new Set(['createUser']));
      await browser.screenshot('audit-log-filtered');

      // The new user has done nothing yet: no event matches, and the empty state clears the filters.
      await page.getByLabel('Person').selectOption({ label: `${name} ${RENAMES}` });
      await page.getByRole('heading', { name: 'No events match these filters' }).waitFor();
      expect(new URL(page.url()).searchParams.get('actor')).toBe(userId);
      await browser.audit('audit log, no match');
      await browser.screenshot('audit-log-empty');
      await page.locator('.state--empty').getByRole('button', { name: 'Clear filters' }).click();
      await browser.waitForPath(/^\/admin\/audit$/);
      expect(new URL(page.url()).search).toBe('');
      expect(await rows.first().getAttribute('data-audit-action')).toBe('login');
    });
  });

  test('at 1366 px the log names a candidate and keeps a long email whole or breaks it only at its @ or a dot', async () => {
    // An admin with a long address makes a change, so the log shows them as its person.
    const admin = org.people.admin.api;
    const email = `alexandra.konstantinopoulou-whitfield.${Date.now() % 100000}@subsidiary-holdings.example.test`;
    const created = await admin.request('POST', '/api/v1/users', {
      name: 'Alexandra Whitfield',
      email,
      role: 'admin',
      password: 'correct-horse-battery',
    });
    expect(created.status).toBe(201);
    const alexandra = await apiSignIn(email, 'correct-horse-battery');
    const candidateName = `Tomasz Named ${Date.now() % 100000}`;
    const candidate = await alexandra.request('POST', '/api/v1/candidates', {
      name: candidateName,
      email: uniqueEmail('tomasz'),
      source: 'referral',
    });
    expect(candidate.status).toBe(201);
    const candidateId = (candidate.body as { id: string }).id;

    await withBrowser(
      async (browser) => {
        const { page } = browser;
        await signIn(browser, org.people.admin.email, org.password);
        await browser.goto('/admin/audit?action=createCandidate');
        const row = page.getByRole('row').filter({ hasText: candidateName });
        await row.waitFor();
        // The candidate by name, linked to their page; not "Candidate 1a2b3c4d".
        const target = row.getByRole('link', { name: candidateName });
        expect(await target.getAttribute('href')).toBe(`/candidates/${candidateId}`);
        expect(await row.getByText(candidateId.slice(0, 8)).count()).toBe(0);

        expect(await lineBreaks(row.locator('.email-text'))).toEqual({ text: email, badBreaks: [] });
        await browser.screenshot('audit-log-long-email');

        await browser.goto(`/users?q=${encodeURIComponent(email)}`);
        const userRow = page.getByRole('row').filter({ hasText: 'Alexandra Whitfield' });
        await userRow.waitFor();
        expect(await lineBreaks(userRow.locator('.table__email'))).toEqual({ text: email, badBreaks: [] });
      },
      { width: 1366, height: 768 },
    );
  });
});

/**
 * Where the text of `element` wraps onto a new line, as the characters on either side: a break is
 * good only right after "@" or right before "." (an address on one line has none).
 */
async function lineBreaks(element: Locator): Promise<{ text: string; badBreaks: string[] }> {
  return element.evaluate((root) => {
    const chars: { ch: string; top: number }[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      for (let i = 0; i < text.length; i++) {
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        chars.push({ ch: text[i]!, top: Math.round(range.getBoundingClientRect().top) });
      }
    }
    const badBreaks: string[] = [];
    for (let i = 1; i < chars.length; i++) {
      if (chars[i]!.top <= chars[i - 1]!.top) continue;
      const before = chars[i - 1]!.ch;
      const after = chars[i]!.ch;
      if (before !== '@' && after !== '.') badBreaks.push(`${before}|${after} at ${i}`);
    }
    return { text: chars.map((c) => c.ch).join(''), badBreaks };
  });
}
