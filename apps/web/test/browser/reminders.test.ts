import { beforeAll, describe, expect, test } from '@jest/globals';
import { givenOrganization, HOUR, type GivenOrganization } from './api-client';
import { expectTitle, shot, signIn, unique, withBrowser } from './harness';

/** An organization of this file's own, so its settings and reminders touch nobody else's. */
let org: GivenOrganization;
beforeAll(async () => {
  org = await givenOrganization('Reminders');
});

describe('scorecard reminders', () => {
  test('an admin sets when reminders go out, with a plain-language preview, clear messages, and the change saved', async () => {
    const admin = org.people.admin;
    await withBrowser(async (browser) => {
      const { page } = browser;
      await signIn(browser, admin.email, org.password);
      await browser.goto('/settings/reminders');
      await expectTitle(page, 'Scorecard reminders · Scorecard');
      const first = page.getByLabel('First reminder');
      await first.waitFor();
      expect(await first.inputValue()).toBe('2');
      expect(await page.getByLabel('Repeat every').inputValue()).toBe('24');
      expect(await page.getByLabel('Escalate after').inputValue()).toBe('2');
      const preview = page.locator('.reminder-preview__text');
      expect(await preview.textContent()).toBe(
        'The interviewer is reminded 2 h after the interview ends, then every 24 h (2 reminders); after 2 reminders the hiring manager is told (50 h after the end), then the recruiter (74 h after the end).',
      );

      // Out of range: the field says so, and nothing is sent.
      await first.fill('0');
      await first.blur();
      await page.getByText('The time until the first reminder is at least 1 hour.').waitFor();
      expect(await first.getAttribute('aria-invalid')).toBe('true');
      expect(await preview.textContent()).toBe('Fix the fields above to see the schedule.');
      await browser.audit('reminder settings with an error');

      // A valid schedule, the recruiter switched off (keyboard: Space toggles the switch).
      await first.fill('4');
      await page.getByLabel('Repeat every').fill('12');
      const recruiterSwitch = page.getByRole('switch', { name: 'Then tell the recruiter' });
      await recruiterSwitch.focus();
      await page.keyboard.press('Space');
      expect(await recruiterSwitch.isChecked()).toBe(false);
      await page.getByText('after 2 reminders the hiring manager is told (28 h after the end).').waitFor();
      await page.getByRole('button', { name: 'Save settings' }).click();
      await page.getByText('Reminder settings saved.', { exact: false }).waitFor();
      await browser.audit('reminder settings saved');
      await shot(browser, 'reminder-settings');

      const saved = await admin.api.call('getReminderSettings');
      expect(saved).toEqual({
        firstHours: 4,
        repeatHours: 12,
        escalateAfter: 2,
        remindInterviewers: true,
        escalateToHiringManager: true,
        escalateToRecruiter: false,
      });
      await page.reload();
      await page.getByLabel('First reminder').waitFor();
      expect(await page.getByLabel('First reminder').inputValue()).toBe('4');
      expect(await page.getByRole('switch', { name: 'Then tell the recruiter' }).isChecked()).toBe(false);
    });
  });

  test('a recruiter presses "remind now" on an overdue scorecard, sees it went out, and then that it was reminded', async () => {
    const candidate = unique('Rosa Reminder');
    const { applicationId } = await org.application(candidate);
    await org.schedule(applicationId, 0, 'ines', new Date(Date.now() - 72 * HOUR));
    const recruiter = org.people.recruiter;
    await withBrowser(async (browser) => {
      const { page } = browser;
      await signIn(browser, recruiter.email, org.password);
      const overdue = page.getByRole('table', { name: /Overdue scorecards/ });
      const row = overdue.getByRole('row').filter({ hasText: candidate });
      await row.waitFor();
      const button = row.getByRole('button', { name: /^Remind now\s*:\s*Ines Okafor$/ });
      await button.click();
      await row.getByText('Reminder sent to Ines Okafor.').waitFor();
      const done = row.getByRole('button', { name: 'Reminded just now' });
      await done.waitFor();
      expect(await done.isDisabled()).toBe(true);
      await browser.audit('recruiter home after remind now');
      await shot(browser, 'home-remind-now');

      // After a reload the list itself knows: still throttled, with when the next one is possible.
      await page.reload();
      await row.waitFor();
      await row.getByRole('button', { name: 'Reminded just now' }).waitFor();
      await row.getByText(/Next reminder possible at/).waitFor();
      expect(await row.getByRole('button', { name: /Reminded/ }).isDisabled()).toBe(true);
    });
  });
});
