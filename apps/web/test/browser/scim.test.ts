import { describe, expect, test } from '@jest/globals';
import { givenOrganization } from './api-client';
import { baseUrl, expectTitle, shot, signIn, withBrowser } from './harness';

/** A SCIM request as an identity provider makes it, with the token the admin copied. */
function scimGet(path: string, token: string): Promise<Response> {
  return fetch(`${baseUrl()}/scim/v2${path}`, { headers: { authorization: `Bearer ${token}` } });
}

describe('Settings → Provisioning', () => {
  test('an admin copies the SCIM address, creates a token shown once, and revokes it (it stops working)', async () => {
    const org = await givenOrganization('Provisioning');
    await withBrowser(async (browser) => {
      const { page } = browser;
      await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl() });
      await signIn(browser, org.people.admin.email, org.password);
      await browser.goto('/settings/scim');
      await expectTitle(page, 'Provisioning · Scorecard');

      // The address to paste into the identity provider.
      const address = page.getByLabel('SCIM base URL');
      await address.waitFor();
      expect(await address.inputValue()).toBe(`${new URL(baseUrl()).origin}/scim/v2`);
      await page.getByRole('button', { name: 'Copy scim base url' }).click();
      await page.getByText('Copied to the clipboard.').first().waitFor();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${new URL(baseUrl()).origin}/scim/v2`);

      // No token yet.
      const tokens = page.getByRole('region', { name: 'SCIM tokens' });
      await tokens.getByText('No SCIM tokens yet').waitFor();
      await browser.audit('provisioning without tokens');
      await shot(browser, 'scim-empty');

      // A name is required.
      await tokens.getByRole('button', { name: 'Create token' }).click();
      const dialog = page.getByRole('dialog', { name: 'Create a SCIM token' });
      await dialog.getByRole('button', { name: 'Create token' }).click();
      await dialog.getByText('Enter a name for the token.').waitFor();
      expect(await dialog.getByLabel('Name').getAttribute('aria-invalid')).toBe('true');

      // Created: shown once, with a warning and a Copy button.
      await dialog.getByLabel('Name').fill('Okta');
      await page.keyboard.press('Enter');
      const shown = page.getByRole('dialog', { name: 'Copy your SCIM token now' });
      await shown.getByText('Shown only this once').waitFor();
      const tokenField = shown.getByLabel('Token “Okta”');
      const token = await tokenField.inputValue();
      expect(token).toMatch(/^scim_[\w-]{43}$/);
      await shown.getByRole('button', { name: /^Copy/ }).click();
      await shown.getByText('Copied to the clipboard.').waitFor();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(token);
      await browser.audit('the new token, shown once');
      await shot(browser, 'scim-token-shown-once');
      expect((await scimGet('/Users', token)).status).toBe(200);
      await shown.getByRole('button', { name: 'I’ve copied it' }).click();

      // Listed without the token; after a reload it is not anywhere on the page.
      const row = tokens.getByRole('row').filter({ hasText: 'Okta' });
      await row.getByText('Active').waitFor();
      await page.reload();
      await row.getByText('Active').waitFor();
      expect(await page.content()).not.toContain(token);
      await shot(browser, 'scim-tokens');

      // Revoke, after confirming.
      await row.getByRole('button', { name: 'Revoke Okta' }).click();
      const confirm = page.getByRole('alertdialog', { name: 'Revoke “Okta”?' });
      await confirm.getByRole('button', { name: 'Revoke token' }).click();
      await tokens.getByText('“Okta” is revoked. It no longer works.').waitFor();
      await row.getByText(/^Revoked/).waitFor();
      expect(await row.getByRole('button', { name: 'Revoke Okta' }).count()).toBe(0);
      expect((await scimGet('/Users', token)).status).toBe(401);
      await browser.audit('a revoked token');
    });
  });
});
