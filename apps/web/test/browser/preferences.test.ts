import { describe, expect, test } from '@jest/globals';
import { givenOrganization, HOUR } from './api-client';
import { baseUrl, expectTitle, shot, signIn, withBrowser } from './harness';
import { linkIn, waitForMail } from './inbox';

describe('your notifications and unsubscribing', () => {
  test('the unsubscribe link from an email asks first, then turns that email off without signing in', async () => {
    const org = await givenOrganization('Unsubscribe');
    const ines = org.people.ines;
    const { applicationId } = await org.application('Noor Haddad', ['screen', 'interviews']);
    await org.schedule(applicationId, 0, 'ines', new Date(Date.now() + 48 * HOUR));
    // Scheduling sends the interviewer a calendar invitation: an optional email, with its unsubscribe link.
    const prefix = `${baseUrl()}/unsubscribe?token=`;
    const mail = await waitForMail(ines.email, (m) => m.text.includes(prefix));
    const link = new URL(linkIn(mail.text, prefix));

    await withBrowser(async (browser) => {
      const { page } = browser;
      await browser.goto(`${link.pathname}${link.search}`);
      await expectTitle(page, 'Unsubscribe · Scorecard');
      await page.getByRole('heading', { name: `Stop calendar invitation emails from ${org.name}?` }).waitFor();
      await shot(browser, 'preferences-unsubscribe-ask');
      // Opening the page changed nothing.
      expect((await ines.api.call('getPreferences')).emails.calendar_invitation).toBe(true);

      await page.getByRole('button', { name: 'Unsubscribe', exact: true }).click();
      await page.getByRole('heading', { name: 'You’re unsubscribed' }).waitFor();
      await page.getByText(`${org.name} will no longer send you calendar invitation emails.`).waitFor();
      await page.getByRole('link', { name: 'Settings → Your notifications' }).waitFor();
      await browser.audit('unsubscribed');
      await shot(browser, 'preferences-unsubscribe-done');
      expect((await ines.api.call('getPreferences')).emails.calendar_invitation).toBe(false);

      // A broken link says so.
      await browser.goto('/unsubscribe?token=not-a-real-token');
      await page.getByRole('heading', { name: 'This link does not work' }).waitFor();
      await shot(browser, 'preferences-unsubscribe-bad-link');
    });
  });

  test('a member changes their time zone and turns an email off; after a reload both are still saved', async () => {
    const org = await givenOrganization('Preferences');
    const hm = org.people.hm;

    await withBrowser(async (browser) => {
      const { page } = browser;
      await signIn(browser, hm.email, org.password);
      await browser.goto('/settings/notifications');
      await expectTitle(page, 'Your notifications · Scorecard');
      const zone = page.getByLabel('Your time zone');
      await zone.waitFor();
      expect(await zone.inputValue()).toBe('UTC');
      const digest = page.getByRole('checkbox', { name: 'Daily digest' });
      expect(await digest.isChecked()).toBe(true);
      await page.getByText('Invitations and password resets are always sent', { exact: false }).waitFor();
      await shot(browser, 'preferences-notifications');

      await zone.selectOption('Asia/Tokyo');
      // Keyboard: the checkbox toggles with the space bar.
      await digest.focus();
      await page.keyboard.press('Space');
      expect(await digest.isChecked()).toBe(false);
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await page.getByRole('status').filter({ hasText: 'Your notification settings are saved.' }).waitFor();
      await shot(browser, 'preferences-notifications-saved');

      await page.reload();
      await zone.waitFor();
      expect(await page.getByLabel('Your time zone').inputValue()).toBe('Asia/Tokyo');
      expect(await page.getByRole('checkbox', { name: 'Daily digest' }).isChecked()).toBe(false);
      expect(await page.getByRole('checkbox', { name: 'Scorecard reminder' }).isChecked()).toBe(true);
      // The browser's zone (UTC here) is one click away.
      await page.getByRole('button', { name: 'Use UTC' }).click();
      expect(await page.getByLabel('Your time zone').inputValue()).toBe('UTC');
      await browser.audit('notifications after reload');
    });
    expect(await hm.api.call('getPreferences')).toEqual({
      timeZone: 'Asia/Tokyo',
      emails: { scorecard_reminder: true, scorecard_escalation: true, calendar_invitation: true, digest: false },
    });
  });
});
