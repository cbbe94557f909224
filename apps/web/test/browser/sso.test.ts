import { describe, expect, test } from '@jest/globals';
// The same real OpenID provider (oidc-provider) the API's e2e tests use, run here in the test process.
import { IDP_CLIENT_ID, IDP_CLIENT_SECRET, TestIdp } from '../../../api/test/support/oidc-provider';
import { anonymous, apiSignIn, PASSWORD } from './api-client';
import { baseUrl, expectTitle, shot, signIn, unique, uniqueEmail, withBrowser } from './harness';

describe('single sign-on', () => {
  test('an admin connects an OpenID provider on Settings → Single sign-on, then a new person signs in through it from the SSO page', async () => {
    const idp = await TestIdp.start(`${baseUrl()}/api/v1/auth/oidc/callback`);
    try {
      const adminEmail = uniqueEmail('sso-admin');
      await anonymous.call('signup', {
        body: { organizationName: unique('SSO Co'), name: 'Sam Admin', email: adminEmail, password: PASSWORD },
      });
      const domain = `sso-${Date.now() % 1_000_000}.test`;

      await withBrowser(async (browser) => {
        const { page } = browser;
        await signIn(browser, adminEmail, PASSWORD);
        await browser.goto('/settings/sso');
        await expectTitle(page, 'Single sign-on · Scorecard');
        const redirect = page.getByRole('textbox', { name: 'Redirect URI (sign-in redirect)', exact: true });
        await redirect.waitFor();
        expect(await redirect.inputValue()).toBe(`${baseUrl()}/api/v1/auth/oidc/callback`);
        await page.getByLabel('Issuer URL').fill(idp.issuer);
        await page.getByLabel('Client id').fill(IDP_CLIENT_ID);
        await page.getByLabel('Client secret').fill(IDP_CLIENT_SECRET);
        await page.getByLabel('Allowed email domains').fill(`@${domain}`);
        await page.getByLabel('Role of new people').selectOption('recruiter');
        await page.getByRole('checkbox', { name: 'Turn on single sign-on' }).check();
        await page.getByRole('checkbox', { name: 'Require single sign-on for everyone' }).check();
        await page.getByRole('button', { name: 'Save', exact: true }).click();
        // Clear messages, next to their fields; nothing saved.
        await page.getByText('Enter a domain such as example.com (no @, no spaces).').waitFor();
        await page.getByText('Choose a break-glass admin who can still sign in with a password.').waitFor();
        await shot(browser, 'sso-settings-invalid');

        await page.getByLabel('Allowed email domains').fill(domain);
        await page.getByLabel('Break-glass admin').selectOption({ label: `Sam Admin (${adminEmail})` });
        await page.getByRole('button', { name: 'Save', exact: true }).click();
        await page.getByRole('status').filter({ hasText: 'Single sign-on settings saved.' }).waitFor();
        await page.getByText('A secret is saved; it is never shown again.', { exact: false }).waitFor();
        expect(await page.getByLabel('Client secret').inputValue()).toBe('');
        await shot(browser, 'sso-settings-saved');

        // The SAML fields show for SAML, with the addresses its identity provider needs.
        await page.getByRole('radio', { name: 'SAML 2.0' }).check();
        await page.getByRole('textbox', { name: 'Assertion consumer service (ACS) URL', exact: true }).waitFor();
        await shot(browser, 'sso-settings-saml');
        await browser.audit('sso settings');
      });

      const admin = await apiSignIn(adminEmail, PASSWORD);
      const saved = await admin.call('getSsoConnection');
      expect(saved).toEqual(
        expect.objectContaining({ enabled: true, requireSso: true, allowedDomains: [domain], clientSecretSet: true }),
      );
      expect(JSON.stringify(saved)).not.toContain(IDP_CLIENT_SECRET);

      const newcomer = `nora-${Date.now() % 100000}@${domain}`;
      idp.willSignIn({ email: newcomer, name: 'Nora Newcomer' });
      await withBrowser(async (browser) => {
        const { page } = browser;
        await browser.goto('/sso?error=domain_not_allowed');
        await expectTitle(page, 'Sign in with SSO · Scorecard');
        await page.getByText('this organization does not accept', { exact: false }).waitFor();
        await shot(browser, 'sso-sign-in-error');

        await browser.goto('/login');
        await page.getByRole('link', { name: 'Sign in with SSO' }).click();
        await browser.waitForPath('/sso');
        const box = page.getByLabel('Work email or organization short name');
        await box.fill('nobody@no-sso-here.test');
        await box.press('Enter');
        await page
          .getByText('No organization signs in with single sign-on for this email domain.', { exact: false })
          .waitFor();
        await shot(browser, 'sso-sign-in-unknown-domain');

        await box.fill(newcomer);
        await page.getByRole('button', { name: 'Continue' }).click();
        // Off to the provider, which signs Nora in and sends her back, signed in, to the app.
        await browser.waitForPath('/');
        await page.getByText('Nora Newcomer', { exact: false }).first().waitFor();
        await shot(browser, 'sso-signed-in');
      });
    } finally {
      await idp.close();
    }
  });
});
