import { describe, expect, test } from '@jest/globals';
import { givenOrganization } from './api-client';
import {
  DEMO_PASSWORD,
  expectTitle,
  signIn,
  signOut,
  unavailableUntilRecovered,
  uniqueEmail,
  withBrowser,
} from './harness';

const ADMIN = 'admin@acme.test';

describe('user administration', () => {
  test('an admin adds a user with a role, sees them in the list, and the new user can sign in', async () => {
    // In an organization of its own: adding users changes what other files read in the demo.
    const org = await givenOrganization('Users');
    const admin = org.people.admin;
    const email = uniqueEmail('nadia');
    const name = `Nadia Okafor ${Date.now() % 100000}`;
    const password = 'correct-horse-battery';

    await withBrowser(async (browser) => {
      const { page } = browser;
      await signIn(browser, admin.email, org.password);
      await browser.screenshot('home-admin');
      await page.getByRole('banner').getByText(org.name).waitFor();

      await browser.openFromMenu('Users', '/users');
      await expectTitle(page, 'Users · Scorecard');
      await page.getByRole('row').filter({ hasText: admin.email }).waitFor();
      await browser.screenshot('users-list');

      // The form validates with the contract's schema before anything is sent.
      await page.getByRole('button', { name: 'Add user' }).click();
      const dialog = page.getByRole('dialog', { name: 'Add user' });
      await dialog.waitFor();
      // Adding with a password the admin passes on (inviting by email is the default: invitations.test.ts).
      await dialog.getByLabel('Set a password instead').check();
      await dialog.getByRole('button', { name: 'Add user' }).click();
      await dialog.getByText('Enter a name.').waitFor();
      await dialog.getByText('Enter a valid email address.').waitFor();
      await dialog.getByText('Use at least 12 characters.').waitFor();
      await browser.audit('add user dialog with validation errors');
      await browser.screenshot('users-add-validation');

      await dialog.getByLabel('Full name').fill(name);
      await dialog.getByLabel('Email').fill(`  ${email.toUpperCase()} `); // the schema trims and lowercases
      await dialog.getByLabel('Role').selectOption({ label: 'Recruiter' });
      await dialog.getByLabel('Initial password', { exact: true }).fill(password);
      await dialog.getByRole('button', { name: 'Add user' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await page
        .getByRole('status')
        .filter({ hasText: `Added ${name} as a Recruiter` })
        .waitFor();

      const row = page.getByRole('row').filter({ hasText: email });
      await row.waitFor();
      expect(await row.getByRole('combobox', { name: `Role for ${name}` }).inputValue()).toBe('recruiter');
      await row.getByText('Active', { exact: true }).waitFor();
      await browser.audit('user added');
      await browser.screenshot('users-added');

      // The same email again is refused, and the refusal is shown on the email field.
      await page.getByRole('button', { name: 'Add user' }).click();
      await dialog.waitFor();
      await dialog.getByLabel('Full name').fill('Someone Else');
      await dialog.getByLabel('Email').fill(email);
      await dialog.getByLabel('Set a password instead').check();
      await dialog.getByLabel('Initial password', { exact: true }).fill(password);
      await dialog.getByRole('button', { name: 'Add user' }).click();
      await dialog.getByText('Someone in your organization already uses this email.').waitFor();
      expect(await dialog.getByLabel('Email').getAttribute('aria-invalid')).toBe('true');
      await browser.audit('email taken');
      await browser.screenshot('users-add-email-taken');
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });

      // The (debounced) search narrows the list to the new user.
      await page.getByRole('searchbox', { name: 'Search' }).fill(email);
      await page.waitForURL((url) => url.searchParams.get('q') === email);
      await page.waitForFunction(() => document.querySelectorAll('tbody tr').length === 1);
      expect(await page.locator('tbody tr').first().getAttribute('data-user-email')).toBe(email);
      await browser.audit('search');

      await page.setViewportSize({ width: 820, height: 1180 });
      await page.getByRole('searchbox', { name: 'Search' }).fill('');
      await page.waitForFunction(() => document.querySelectorAll('tbody tr').length > 1);
      await browser.audit('tablet width');
      await browser.screenshot('users-tablet');
      await page.setViewportSize({ width: 1280, height: 800 });

      await signOut(browser);
      await signIn(browser, email, password);
      const banner = page.getByRole('banner');
      await banner.getByText(name).waitFor();
      await banner.getByText('Recruiter', { exact: true }).waitFor();
      expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users' }).count()).toBe(0);
      await browser.screenshot('home-new-recruiter');
    });
  });

  test('the admin changes a user’s role and deactivates them, and the deactivated user can no longer sign in', async () => {
    const email = uniqueEmail('omar');
    const name = `Omar Haddad ${Date.now() % 100000}`;
    const password = 'a-long-initial-password';
    const org = await givenOrganization('Roles');
    const admin = org.people.admin.api;
    await admin.call('createUser', { body: { name, email, role: 'interviewer', password } });

    await withBrowser(async (browser) => {
      const { page } = browser;
      await signIn(browser, org.people.admin.email, org.password);
      await browser.goto(`/users?q=${encodeURIComponent(email)}`);
      const row = page.getByRole('row').filter({ hasText: email });
      await row.waitFor();
      const roleSelect = row.getByRole('combobox', { name: `Role for ${name}` });
      expect(await roleSelect.inputValue()).toBe('interviewer');

      // Choosing another role (here from the keyboard) asks first, naming the person, the role
      // they have and the new one.
      await roleSelect.focus();
      await page.keyboard.press('ArrowUp');
      const confirmRole = page.getByRole('alertdialog', { name: `Change ${name}’s role?` });
      await confirmRole.waitFor();
      expect(await confirmRole.innerText()).toContain(`${name} (${email}) changes from Interviewer to Hiring manager.`);
      await browser.audit('role change confirmation');
      await browser.screenshot('users-role-confirm');

      // Cancel changes nothing: the select shows the stored role, and the stored role is unchanged.
      await confirmRole.getByRole('button', { name: 'Cancel' }).click();
      await confirmRole.waitFor({ state: 'hidden' });
      expect(await roleSelect.inputValue()).toBe('interviewer');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(`Role for ${name}`);
      const stored = await admin.request('GET', `/api/v1/users?q=${encodeURIComponent(email)}`);
      expect((stored.body as { items: { role: string }[] }).items.map((u) => u.role)).toEqual(['interviewer']);

      // Escape is a cancel too.
      await roleSelect.selectOption({ label: 'Admin' });
      await confirmRole.waitFor();
      await page.keyboard.press('Escape');
      await confirmRole.waitFor({ state: 'hidden' });
      expect(await roleSelect.inputValue()).toBe('interviewer');

      await roleSelect.selectOption({ label: 'Hiring manager' });
      await confirmRole.getByRole('button', { name: 'Change to Hiring manager' }).click();
      await confirmRole.waitFor({ state: 'hidden' });
      await page
        .getByRole('status')
        .filter({ hasText: `${name} is now a Hiring manager.` })
        .waitFor();
      await browser.audit('role changed');
      await browser.screenshot('users-role-changed');

      // The change is stored, not just shown.
      await page.reload();
      await browser.settled('after reload');
      expect(await page.getByRole('row').filter({ hasText: email }).getByRole('combobox').inputValue()).toBe(
        'hiring_manager',
      );

      await page
        .getByRole('row')
        .filter({ hasText: email })
        .getByRole('button', { name: `Deactivate ${name}` })
        .click();
      const confirm = page.getByRole('alertdialog', { name: `Deactivate ${name}?` });
      await confirm.waitFor();
      await browser.audit('deactivate confirmation');
      await browser.screenshot('users-deactivate-confirm');
      await confirm.getByRole('button', { name: 'Deactivate', exact: true }).click();
      await confirm.waitFor({ state: 'hidden' });
      await page
        .getByRole('status')
        .filter({ hasText: `${name} is deactivated and can no longer sign in.` })
        .waitFor();

      // Active users only by default: the row leaves the list, and comes back with "Show deactivated".
      await page.getByRole('row').filter({ hasText: email }).waitFor({ state: 'detached' });
      await page.getByRole('checkbox', { name: 'Show deactivated' }).check();
      const inactiveRow = page.getByRole('row').filter({ hasText: email });
      await inactiveRow.getByText('Deactivated', { exact: true }).waitFor();
      await inactiveRow.getByRole('button', { name: `Reactivate ${name}` }).waitFor();
      await browser.audit('deactivated user shown');
      await browser.screenshot('users-deactivated');

      await signOut(browser);
      await page.getByLabel('Email', { exact: true }).fill(email);
      await page.getByLabel('Password', { exact: true }).fill(password);
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await page
        .getByRole('alert')
        .filter({ hasText: 'This account has been deactivated. Ask an admin of your organization to reactivate it.' })
        .waitFor();
      expect(new URL(page.url()).pathname).toBe('/login');
      await browser.audit('deactivated user refused');
      await browser.screenshot('login-deactivated-user');
    });
  });

  test('a non-admin (interviewer) sees no Users navigation and gets a no-access state at /users', async () => {
    await withBrowser(async (browser) => {
      const { page } = browser;
      await signIn(browser, 'interviewer1@acme.test', DEMO_PASSWORD);
      const nav = page.getByRole('navigation', { name: 'Main' });
      await nav.getByRole('link', { name: 'Home' }).waitFor();
      expect(await nav.getByRole('link', { name: 'Users' }).count()).toBe(0);
      await page.getByRole('banner').getByText('Interviewer', { exact: true }).waitFor();
      await browser.screenshot('home-interviewer');

      await browser.goto('/users');
      await page.getByRole('heading', { name: 'You don’t have access to Users' }).waitFor();
      expect(await page.getByRole('table').count()).toBe(0);
      await browser.screenshot('users-no-access');

      // And the API itself refuses, whatever the UI shows.
      const status = await page.evaluate(async () => {
        const res = await fetch('/api/v1/users', {
          headers: { 'x-requested-with': 'scorecard' },
          credentials: 'same-origin',
        });
        return res.status;
      });
      expect(status).toBe(403);
    });
  });

  test('when the users list fails to load, the admin sees an error and can retry', async () => {
    await withBrowser(async (browser) => {
      const { page } = browser;
      await signIn(browser, ADMIN, DEMO_PASSWORD);
      const recover = await unavailableUntilRecovered(page, '/api/v1/users', 'req-test-503');
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users' }).click();
      const error = page.getByRole('alert').filter({ hasText: 'Couldn’t load users' });
      await error.waitFor({ timeout: 20_000 }); // after react-query's two retries
      await error.getByText('The database is not answering.').waitFor();
      await error.getByText('Reference: req-test-503').waitFor();
      await browser.audit('users error state');
      await browser.screenshot('users-error');

      recover();
      await error.getByRole('button', { name: 'Try again' }).click();
      await page.getByRole('row').filter({ hasText: ADMIN }).waitFor();
      expect(await page.getByRole('alert').filter({ hasText: 'Couldn’t load users' }).count()).toBe(0);
    });
  });

  test('filters that match nobody show an empty state that clears them', async () => {
    await withBrowser(async (browser) => {
      const { page } = browser;
      await signIn(browser, ADMIN, DEMO_PASSWORD);
      await browser.goto('/users?q=nobody-is-called-this');
      await page.getByRole('heading', { name: 'No users match these filters' }).waitFor();
      await browser.screenshot('users-empty');
      await page.getByRole('button', { name: 'Clear filters' }).click();
      await page.getByRole('row').filter({ hasText: ADMIN }).waitFor();
      expect(await page.getByRole('searchbox', { name: 'Search' }).inputValue()).toBe('');
      expect(new URL(page.url()).search).toBe('');
    });
  });
});
