import { describe, expect, test } from '@jest/globals';
import { DEMO_PASSWORD, expectTitle, signIn, signOut, uniqueEmail, withBrowser } from './harness';

describe('signing up, in and out', () => {
  test('a visitor signs up a new organization, lands in the app as its admin, and signs out back to the login page', async () => {
    const suffix = Date.now() % 1_000_000;
    const organization = `Northwind Labs ${suffix}`;
    const email = uniqueEmail('grace');

    await withBrowser(async (browser) => {
      const { page } = browser;
      await browser.goto('/login');
      await page.getByRole('link', { name: 'Create an organization' }).click();
      await browser.waitForPath('/signup');
      await expectTitle(page, 'Create your organization · Scorecard');
      await browser.screenshot('signup');

      await page.getByLabel('Organization name').fill(organization);
      await page.getByLabel('Your name').fill('Grace Hopper');
      await page.getByLabel('Work email').fill(email);
      await page.getByLabel('Password', { exact: true }).fill('short');
      await page.getByRole('button', { name: 'Create organization' }).click();
      await page.getByText('Use at least 12 characters.').waitFor();
      await browser.audit('signup validation');
      await browser.screenshot('signup-validation');
      await page.getByLabel('Password', { exact: true }).fill('a-sufficiently-long-password');
      await page.getByRole('button', { name: 'Create organization' }).click();

      await browser.waitForPath('/');
      await page.getByRole('heading', { level: 1, name: 'Welcome, Grace' }).waitFor();
      const banner = page.getByRole('banner');
      await banner.getByText(organization).waitFor();
      await banner.getByText('Admin', { exact: true }).waitFor();
      await browser.screenshot('home-new-organization');

      // The new organization has exactly one user: its admin, who cannot demote themselves.
      await browser.openFromMenu('Users', '/users');
      await page.getByRole('row').filter({ hasText: email }).waitFor();
      expect(await page.locator('tbody tr').count()).toBe(1);
      await page.getByRole('combobox', { name: 'Role for Grace Hopper' }).selectOption({ label: 'Interviewer' });
      // A role change asks first; the refusal is explained in the confirmation, and nothing changes.
      const confirm = page.getByRole('alertdialog', { name: 'Change Grace Hopper’s role?' });
      await confirm.getByRole('button', { name: 'Change to Interviewer' }).click();
      await confirm.getByRole('alert').filter({ hasText: 'Grace Hopper is the only active admin' }).waitFor();
      await browser.audit('last admin refused');
      await browser.screenshot('users-last-admin');
      await confirm.getByRole('button', { name: 'Cancel' }).click();
      await confirm.waitFor({ state: 'detached' });
      expect(await page.getByRole('combobox', { name: 'Role for Grace Hopper' }).inputValue()).toBe('admin');

      await signOut(browser);
      expect(new URL(page.url()).pathname).toBe('/login');
      await browser.screenshot('login-after-sign-out');

      // The session is gone: the app sends the visitor back to sign in.
      await page.goto('/users');
      await browser.waitForPath('/login');
      expect(new URL(page.url()).searchParams.get('next')).toBe('/users');
    });
  });

  test('a wrong password shows a clear error and stays on the login page', async () => {
    await withBrowser(async (browser) => {
      const { page } = browser;
      await browser.goto('/login');
      await expectTitle(page, 'Sign in · Scorecard');
      await browser.screenshot('login');

      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await page.getByText('Enter a valid email address.').waitFor();
      await page.getByText('Enter your password.').waitFor();
      await browser.audit('login validation');

      await page.getByLabel('Email', { exact: true }).fill('admin@acme.test');
      await page.getByLabel('Password', { exact: true }).fill('not-the-password');
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await page.getByRole('alert').filter({ hasText: 'That email and password don’t match' }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/login');
      expect(await page.getByLabel('Password', { exact: true }).inputValue()).toBe('');
      await browser.audit('wrong password');
      await browser.screenshot('login-wrong-password');
    });
  });

  test('a signed-out visitor who opens /users is asked to sign in and then returned to /users', async () => {
    await withBrowser(async (browser) => {
      const { page } = browser;
      await page.goto('/users');
      await browser.waitForPath('/login');
      expect(new URL(page.url()).searchParams.get('next')).toBe('/users');
      await page.getByText('Sign in to continue where you left off.').waitFor();
      await signIn(browser, 'admin@acme.test', DEMO_PASSWORD, '/users');
      await page.getByRole('heading', { level: 1, name: 'Users' }).waitFor();
    });
  });

  test('an unknown address shows a not-found page with a way home', async () => {
    await withBrowser(async (browser) => {
      const { page } = browser;
      await browser.goto('/no-such-page');
      await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
      await expectTitle(page, 'Page not found · Scorecard');
      await browser.screenshot('not-found');
      await page.getByRole('link', { name: 'Go to home' }).click();
      await browser.waitForPath('/login'); // signed out, so home asks to sign in first
    });
  });

  test('after a deploy, a page whose code the server no longer has offers a reload, which brings it back', async () => {
    await withBrowser(async (browser) => {
      const { page } = browser;
      await signIn(browser, 'admin@acme.test', DEMO_PASSWORD);
      // The tab runs the release it loaded; the server now answers its Users chunk with a 404.
      const gone = '**/assets/UsersRoute-*.js';
      await page.route(gone, (route) =>
        route.fulfill({
          status: 404,
          contentType: 'application/problem+json',
          body: JSON.stringify({ title: 'Not found', status: 404, code: 'not_found' }),
        }),
      );
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users' }).click();
      const alert = page.getByRole('alert').filter({ hasText: 'Something went wrong' });
      await alert.getByText('Reloading usually fixes it.').waitFor();
      await browser.screenshot('stale-release');
      await page.unroute(gone);
      await alert.getByRole('button', { name: 'Reload' }).click();
      await page.getByRole('heading', { level: 1, name: 'Users' }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/users');
    });
  });

  test('too many sign-in attempts tell the visitor how many minutes to wait', async () => {
    await withBrowser(async (browser) => {
      const { page } = browser;
      // Stand in for the API's throttle (tripping the real one would lock the demo account for
      // the other tests); the answer mirrors its contract: 429, too_many_attempts, Retry-After.
      await page.route('**/api/v1/auth/login', (route) =>
        route.fulfill({
          status: 429,
          headers: { 'content-type': 'application/problem+json', 'retry-after': '240' },
          body: JSON.stringify({
            type: 'about:blank',
            title: 'Too Many Requests',
            status: 429,
            code: 'too_many_attempts',
            detail: 'Too many sign-in attempts.',
            requestId: 'test',
          }),
        }),
      );
      await browser.goto('/login');
      await page.getByLabel('Email', { exact: true }).fill('admin@acme.test');
      await page.getByLabel('Password', { exact: true }).fill('whatever-it-is');
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await page.getByRole('alert').filter({ hasText: 'Too many attempts, try again in 4 minutes.' }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/login');
      await browser.audit('too many attempts');
      await browser.screenshot('login-too-many-attempts');
    });
  });

  test('when the session ends mid-use, the next call returns the user to sign in and then back', async () => {
    await withBrowser(async (browser) => {
      const { page } = browser;
      await signIn(browser, 'admin@acme.test', DEMO_PASSWORD);
      await browser.goto('/users');
      await page.context().clearCookies(); // the session cookie is gone, as after expiry or revocation
      await page.getByLabel('Role', { exact: true }).selectOption({ label: 'Recruiter' });
      await browser.waitForPath('/login');
      expect(new URL(page.url()).searchParams.get('next')).toBe('/users?role=recruiter');
      await signIn(browser, 'admin@acme.test', DEMO_PASSWORD, '/users');
      expect(new URL(page.url()).searchParams.get('role')).toBe('recruiter');
      await page.getByRole('row').filter({ hasText: 'recruiter@acme.test' }).waitFor();
    });
  });
});
