import { describe, expect, test } from '@jest/globals';
import { givenOrganization } from './api-client';
import { baseUrl, expectTitle, signIn, uniqueEmail, withBrowser } from './harness';
import { linkIn, waitForMail } from './inbox';

const NEW_PASSWORD = 'my-own-chosen-passphrase';

describe('invitations', () => {
  test('an admin invites a person, who follows the link from the received email, sets a password and lands on their home', async () => {
    // In an organization of its own: inviting users changes what other files read in the demo.
    const org = await givenOrganization('Invitations');
    const admin = org.people.admin;
    const email = uniqueEmail('ines');
    const name = `Ines Invitee ${Date.now() % 100000}`;

    await withBrowser(async (browser) => {
      const { page } = browser;
      await signIn(browser, admin.email, org.password);
      await browser.openFromMenu('Users', '/users');
      await expectTitle(page, 'Users · Scorecard');

      await page.getByRole('button', { name: 'Add user' }).click();
      const dialog = page.getByRole('dialog', { name: 'Add user' });
      await dialog.waitFor();
      // Inviting is the default: no password field until the admin asks for one.
      expect(await dialog.getByLabel('Initial password', { exact: true }).count()).toBe(0);
      await dialog.getByLabel('Full name').fill(name);
      await dialog.getByLabel('Email').fill(email);
      await dialog.getByLabel('Role').selectOption({ label: 'Interviewer' });
      await browser.audit('add user dialog, inviting');
      await browser.screenshot('invitations-add-dialog');
      await dialog.getByRole('button', { name: 'Send invitation' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await page
        .getByRole('status')
        .filter({ hasText: `Invited ${name} as an Interviewer` })
        .waitFor();
      const row = page.getByRole('row').filter({ hasText: email });
      await row.getByText('Invited', { exact: true }).waitFor();
      await row.getByRole('button', { name: `Resend invitation to ${name}` }).waitFor();
      await row.getByRole('button', { name: `Revoke invitation of ${name}` }).waitFor();
      await browser.audit('user invited');
      await browser.screenshot('invitations-list-invited');

      // The status filter shows the invited user among the invited only.
      await page.getByLabel('Status').selectOption({ label: 'Invited' });
      await page.waitForURL((url) => url.searchParams.get('status') === 'invited');
      await page.getByRole('row').filter({ hasText: admin.email }).waitFor({ state: 'detached' });
      await row.getByText('Invited', { exact: true }).waitFor();
      await browser.settled('users filtered to invited');
    });

    // The email really went out, over SMTP, with the organization and a link into the product.
    const mail = await waitForMail(email);
    expect(mail.subject).toContain(`invited you to ${org.name}`);
    expect(mail.text).toContain(org.name);
    expect(mail.html).toContain(org.name);
    const link = linkIn(mail.text, `${baseUrl()}/accept-invitation?token=`);
    expect(mail.html).toContain(`href="${link}"`);

    // The invitee, in a browser of their own, opens the link from the email.
    await withBrowser(async (browser) => {
      const { page } = browser;
      await page.goto(link);
      await page.getByRole('heading', { level: 1, name: `Join ${org.name} as ${name}` }).waitFor();
      await browser.settled('accept invitation');
      await expectTitle(page, 'Accept your invitation · Scorecard');
      await page.getByText('At least 12 characters.', { exact: false }).waitFor();

      // The 12-character rule is checked before anything is sent.
      await page.getByLabel('New password', { exact: true }).fill('too-short');
      await page.getByRole('button', { name: 'Join and sign in' }).click();
      await page.getByText('Use at least 12 characters.').waitFor();
      await browser.audit('accept invitation, short password');
      await browser.screenshot('invitations-accept-validation');

      await page.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
      await page.getByRole('button', { name: 'Join and sign in' }).click();
      await browser.waitForPath('/');
      await page.getByRole('banner').getByText(org.name).waitFor();
      await browser.screenshot('invitations-accepted-home');

      // The link works once.
      await page.goto(link);
      await page.getByRole('heading', { name: 'This invitation was already accepted' }).waitFor();
      await browser.settled('invitation link used');
      await browser.screenshot('invitations-link-used');
    });

    // The new password is theirs: they sign in with it like anyone else.
    await withBrowser(async (browser) => {
      await signIn(browser, email, NEW_PASSWORD);
      await browser.page.getByRole('banner').getByText(org.name).waitFor();
    });
  });

  test('an admin revokes an invitation (the user shows deactivated) and resends it (a new email, invited again)', async () => {
    const org = await givenOrganization('Revokes');
    const email = uniqueEmail('rhea');
    const name = `Rhea Revoked ${Date.now() % 100000}`;
    await org.people.admin.api.call('createUser', { body: { name, email, role: 'recruiter' } });
    const first = await waitForMail(email);
    await withBrowser(async (browser) => {
      const { page } = browser;
      await signIn(browser, org.people.admin.email, org.password);
      await browser.openFromMenu('Users', '/users');
      const row = page.getByRole('row').filter({ hasText: email });
      await row.getByRole('button', { name: `Revoke invitation of ${name}` }).click();
      const revoke = page.getByRole('alertdialog', { name: `Revoke the invitation of ${name}?` });
      await revoke.waitFor();
      await browser.audit('revoke invitation dialog');
      await browser.screenshot('invitations-revoke-dialog');
      await revoke.getByRole('button', { name: 'Revoke invitation' }).click();
      await revoke.waitFor({ state: 'hidden' });
      await page
        .getByRole('status')
        .filter({ hasText: `Revoked the invitation of ${name}` })
        .waitFor();

      // Deactivated users are hidden by default; the row shows again with them included.
      await page.getByLabel('Show deactivated').check();
      await row.getByText('Deactivated', { exact: true }).waitFor();
      await browser.settled('invitation revoked');
      await browser.screenshot('invitations-revoked');

      await row.getByRole('button', { name: `Resend invitation to ${name}` }).click();
      const resend = page.getByRole('alertdialog', { name: `Resend the invitation to ${name}?` });
      await resend.getByRole('button', { name: 'Resend invitation' }).click();
      await resend.waitFor({ state: 'hidden' });
      await page
        .getByRole('status')
        .filter({ hasText: `Sent ${name} a new invitation` })
        .waitFor();
      await row.getByText('Invited', { exact: true }).waitFor();
      await browser.settled('invitation resent');
      await browser.screenshot('invitations-resent');
    });
    const second = await waitForMail(email, (m) => m.text !== first.text);
    expect(linkIn(second.text, `${baseUrl()}/accept-invitation?token=`)).not.toBe(
      linkIn(first.text, `${baseUrl()}/accept-invitation?token=`),
    );
  });

  test('a made-up invitation link says so and tells the person to ask their admin', async () => {
    await withBrowser(async (browser) => {
      const { page } = browser;
      await page.goto('/accept-invitation?token=not-a-real-token-at-all-0123456789');
      await page.getByRole('heading', { name: 'This invitation link doesn’t work' }).waitFor();
      await page.getByText('Ask your admin to resend it.').waitFor();
      await browser.settled('invitation link unknown');
      await browser.screenshot('invitations-link-unknown');
    });
  });

  test('forgot password: the same answer for any address, and the emailed link sets a new password', async () => {
    const org = await givenOrganization('Resets');
    const person = org.people.recruiter;
    const newPassword = 'a-reset-passphrase-here';
    await withBrowser(async (browser) => {
      const { page } = browser;
      await browser.goto('/login');
      await browser.screenshot('invitations-login-forgot-link');
      await page.getByRole('link', { name: 'Forgot your password?' }).click();
      await browser.waitForPath('/forgot-password');
      await expectTitle(page, 'Reset your password · Scorecard');
      await page.getByLabel('Email', { exact: true }).fill(person.email);
      await page.getByRole('button', { name: 'Send the link' }).click();
      await page.getByText('If an account exists for this address').waitFor();
      await browser.audit('reset requested');
      await browser.screenshot('invitations-reset-requested');
    });
    const mail = await waitForMail(person.email, (m) => m.subject === 'Reset your Scorecard password');
    const link = linkIn(mail.text, `${baseUrl()}/reset-password?token=`);
    await withBrowser(async (browser) => {
      const { page } = browser;
      await page.goto(link);
      await page.getByRole('heading', { level: 1, name: 'Choose a new password' }).waitFor();
      await browser.settled('reset password');
      await page.getByLabel('New password', { exact: true }).fill(newPassword);
      await page.getByRole('button', { name: 'Set password and sign in' }).click();
      await browser.waitForPath('/');
      await page.getByRole('banner').getByText(org.name).waitFor();
    });
  });
});
