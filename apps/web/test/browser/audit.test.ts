import { describe, expect, test } from '@jest/globals';
import { apiSignIn } from './api-client';
import { DEMO_PASSWORD, signIn, uniqueEmail, withBrowser } from './harness';

const ADMIN = 'admin@acme.test';
const ADMIN_NAME = 'Avery Admin';
const RENAMES = 25;

describe('audit log', () => {
  test('an admin finds the changes just made, pages back with the keyboard, filters by action, and sees the empty state for a filter that matches nothing', async () => {
    // Set-up over the API: a new user, renamed enough times to fill more than one page of the log.
    const admin = await apiSignIn(ADMIN, DEMO_PASSWORD);
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
      await signIn(browser, ADMIN, DEMO_PASSWORD);
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit log' }).click();
      await browser.waitForPath('/admin/audit');
      expect(await page.title()).toBe('Audit log · Scorecard');

      // Newest first: this sign-in, then the renames, each by the admin, naming the field but not its value.
      const rows = page.locator('tbody tr');
      await rows.first().waitFor();
      expect(await rows.first().getAttribute('data-audit-action')).toBe('login');
      expect(await rows.first().textContent()).toContain('Signed in');
      const rename = rows.nth(1);
      expect(await rename.getAttribute('data-audit-action')).toBe('updateUser');
      await rename.getByText('Changed a user').waitFor();
      await rename.getByText(ADMIN_NAME).waitFor();
      await rename.getByText(`User ${shortId}`).waitFor();
      expect(await rename.locator('code').allTextContents()).toEqual(['name']);
      expect(await page.locator('tbody').textContent()).not.toContain(`${name} ${RENAMES}`);
      await browser.screenshot('audit-log');

      // The older page, by keyboard: the user's creation is there, without its password.
      const older = page.getByRole('button', { name: 'Older events' });
      await older.focus();
      await page.keyboard.press('Enter');
      await browser.waitForPath(/^\/admin\/audit\?.*before=/);
      const addedRow = page
        .getByRole('row')
        .filter({ hasText: 'Added a user' })
        .filter({ hasText: `User ${shortId}` });
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
});
