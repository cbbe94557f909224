import { describe, expect, test } from '@jest/globals';
import { givenOrganization } from './api-client';
import { baseUrl, expectTitle, shot, signIn, withBrowser } from './harness';

/** A request as a machine makes it, with the API token the admin copied. */
function apiGet(path: string, token: string): Promise<Response> {
  return fetch(`${baseUrl()}/api/v1${path}`, { headers: { authorization: `Bearer ${token}` } });
}

describe('Settings → API tokens', () => {
  test('an admin creates a token with scopes, sees it once, a machine uses it, and revoking it stops it', async () => {
    const org = await givenOrganization('Machines');
    await withBrowser(async (browser) => {
      const { page } = browser;
      await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl() });
      await signIn(browser, org.people.admin.email, org.password);
      await browser.goto('/settings/api-tokens');
      await expectTitle(page, 'API tokens · Scorecard');

      // No token yet.
      const tokens = page.getByRole('region', { name: 'API tokens' });
      await tokens.getByText('No API tokens yet').waitFor();
      await browser.audit('API tokens without tokens');
      await shot(browser, 'api-tokens-empty');

      // A name and at least one scope are required; an expiry in the past is refused.
      await tokens.getByRole('button', { name: 'Create token' }).click();
      const dialog = page.getByRole('dialog', { name: 'Create an API token' });
      await dialog.getByRole('button', { name: 'Create token' }).click();
      await dialog.getByText('Enter a name for the token.').waitFor();
      await dialog.getByText('Choose at least one scope.').waitFor();
      expect(await dialog.getByLabel('Name').getAttribute('aria-invalid')).toBe('true');
      await dialog.getByLabel('Expires on (optional)').fill('2020-01-01');
      await dialog.getByRole('button', { name: 'Create token' }).click();
      await dialog.getByText('Choose a day after today.').waitFor();
      await browser.audit('the create dialog with errors');
      await shot(browser, 'api-tokens-create-errors');

      // Scopes by resource, read and write; with an expiry a month ahead.
      await dialog.getByLabel('Name').fill('Warehouse sync');
      await dialog.getByRole('checkbox', { name: 'Read candidates' }).check();
      await dialog.getByRole('checkbox', { name: 'Read scorecards' }).check();
      const inAMonth = new Date(Date.now() + 30 * 86_400_000);
      const day = `${inAMonth.getFullYear()}-${String(inAMonth.getMonth() + 1).padStart(2, '0')}-${String(inAMonth.getDate()).padStart(2, '0')}`;
      await dialog.getByLabel('Expires on (optional)').fill(day);
      await dialog.getByRole('button', { name: 'Create token' }).click();

      // Created: shown once, with a warning and a Copy button.
      const shown = page.getByRole('dialog', { name: 'Copy your API token now' });
      await shown.getByText('Shown only this once').waitFor();
      const token = await shown.getByLabel('Token “Warehouse sync”').inputValue();
      expect(token).toMatch(/^sc_[\w-]{43}$/);
      await shown.getByRole('button', { name: /^Copy/ }).click();
      await shown.getByText('Copied to the clipboard.').waitFor();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(token);
      await browser.audit('the new API token, shown once');
      await shot(browser, 'api-token-shown-once');
      await shown.getByRole('button', { name: 'I’ve copied it' }).click();

      // The machine uses it within its scopes, and is refused beyond them.
      expect((await apiGet('/candidates', token)).status).toBe(200);
      const beyond = await apiGet('/openings', token);
      expect(beyond.status).toBe(403);
      expect(((await beyond.json()) as { code: string }).code).toBe('insufficient_scope');

      // Listed with its scopes, creator, last use and expiry, never the secret.
      const row = tokens.getByRole('row').filter({ hasText: 'Warehouse sync' });
      await row.getByText('Active').waitFor();
      await page.reload();
      await row.getByText('Active').waitFor();
      await row.getByText('candidates:read').waitFor();
      await row.getByText('scorecards:read').waitFor();
      await row.getByText(`by ${org.people.admin.name}`).waitFor();
      expect(await row.getByText('Never').count()).toBe(0);
      expect(await page.content()).not.toContain(token);
      await browser.audit('the API token list');
      await shot(browser, 'api-tokens');

      // Revoke, after confirming: the machine is refused at once.
      await row.getByRole('button', { name: 'Revoke Warehouse sync' }).click();
      const confirm = page.getByRole('alertdialog', { name: 'Revoke “Warehouse sync”?' });
      await confirm.getByRole('button', { name: 'Revoke token' }).click();
      await tokens.getByText('“Warehouse sync” is revoked. It no longer works.').waitFor();
      await row.getByText(/^Revoked/).waitFor();
      expect(await row.getByRole('button', { name: 'Revoke Warehouse sync' }).count()).toBe(0);
      expect((await apiGet('/candidates', token)).status).toBe(401);
      await browser.audit('a revoked API token');

      // The audit log says what the token did.
      await browser.goto('/admin/audit');
      await page.getByText('via API token “Warehouse sync”').first().waitFor();
    });
  });
});
