import { createHmac } from 'node:crypto';
import { describe, expect, test } from '@jest/globals';
import { anonymous, apiSignIn, PASSWORD } from './api-client';
import { expectTitle, shot, signIn, signOut, unique, uniqueEmail, withBrowser } from './harness';

/** RFC 4648 base32, as the setup key is shown (spaces between groups ignored). */
function base32Bytes(text: string): Buffer {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const c of text.replace(/\s+/g, '').toUpperCase()) bits += alphabet.indexOf(c).toString(2).padStart(5, '0');
  const bytes: number[] = [];
  for (let i = 0; i + 8 <= bits.length; i += 8) bytes.push(parseInt(bits.slice(i, i + 8), 2));
  return Buffer.from(bytes);
}

/** The code an authenticator app shows for `key`, `steps` 30-second steps from now (RFC 6238: HMAC-SHA1, 6 digits). */
function totp(key: string, steps = 0): string {
  const counter = Math.floor(Date.now() / 30_000) + steps;
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac('sha1', base32Bytes(key)).update(message).digest();
  const offset = mac[mac.length - 1]! & 0x0f;
  const n = (mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000;
  return String(n).padStart(6, '0');
}

const notThe = (code: string) => (code === '000000' ? '111111' : '000000');

describe('two-factor sign-in', () => {
  test('an admin sets it up with the QR code’s key and a code, saves the recovery codes, then signs in with a code and with a recovery code', async () => {
    const email = uniqueEmail('two-factor');
    await anonymous.call('signup', {
      body: { organizationName: unique('Two Factor Co'), name: 'Tess Admin', email, password: PASSWORD },
    });

    await withBrowser(async (browser) => {
      const { page } = browser;
      await signIn(browser, email, PASSWORD);
      await browser.goto('/settings/two-factor');
      await expectTitle(page, 'Two-factor sign-in · Scorecard');
      await page.getByText('Sign-in asks only for your password.').waitFor();
      await page.getByRole('checkbox', { name: 'Require two-factor sign-in for password accounts' }).waitFor();

      await page.getByRole('button', { name: 'Set up two-factor sign-in' }).click();
      await page.getByRole('img', { name: 'QR code to scan with your authenticator app' }).waitFor();
      const key = (await page.getByLabel('Setup key').textContent()) ?? '';
      expect(key.replace(/\s+/g, '')).toMatch(/^[A-Z2-7]{32}$/);
      await shot(browser, 'two-factor-setup');

      const codeField = page.getByLabel('Code from the app');
      await codeField.fill(notThe(totp(key)));
      await page.getByRole('button', { name: 'Turn on', exact: true }).click();
      await page.getByText('That code isn’t right. Enter the code your app shows now.').waitFor();
      await codeField.fill(totp(key));
      await page.getByRole('button', { name: 'Turn on', exact: true }).click();
      await page.getByRole('heading', { name: 'Save your recovery codes' }).waitFor();
      const codes = await page.getByRole('list', { name: 'Recovery codes' }).locator('code').allTextContents();
      expect(codes).toHaveLength(10);
      for (const c of codes) expect(c).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}$/);
      await page.getByRole('button', { name: 'Download codes' }).waitFor();
      await shot(browser, 'two-factor-recovery-codes');
      await page.getByRole('button', { name: 'I have saved my codes' }).click();
      await page.getByText('10 of 10 recovery codes left.', { exact: false }).waitFor();
      await page.getByRole('button', { name: 'Turn off' }).waitFor();
      await shot(browser, 'two-factor-on');

      // Sign-in now asks for a code after the password.
      await signOut(browser);
      await page.getByLabel('Email', { exact: true }).fill(email);
      await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      const code = page.getByLabel('Authentication code');
      await code.waitFor();
      expect(await code.getAttribute('autocomplete')).toBe('one-time-code');
      expect(await code.getAttribute('inputmode')).toBe('numeric');
      await code.fill(notThe(totp(key, 1)));
      // Enter submits (keyboard only).
      await code.press('Enter');
      await page.getByText('That code isn’t right. Enter the code your app shows now.').waitFor();
      await shot(browser, 'two-factor-sign-in-wrong-code');
      // The code of the set-up's time step was used; the next step's code is accepted (window ±1).
      await code.fill(totp(key, 1));
      await code.press('Enter');
      await browser.waitForPath('/');

      // A recovery code instead of the app.
      await signOut(browser);
      await page.getByLabel('Email', { exact: true }).fill(email);
      await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await page.getByRole('button', { name: 'Use a recovery code' }).click();
      const recovery = page.getByLabel('Recovery code');
      await recovery.waitFor();
      await recovery.fill(codes[0]!);
      await shot(browser, 'two-factor-sign-in-recovery');
      await page.getByRole('button', { name: 'Verify and sign in' }).click();
      await browser.waitForPath('/');
      await browser.goto('/settings/two-factor');
      await page.getByText('9 of 10 recovery codes left.', { exact: false }).waitFor();

      // Turning it off asks for the password; a wrong one says so and changes nothing.
      await page.getByRole('button', { name: 'Turn off' }).click();
      const dialog = page.getByRole('alertdialog', { name: 'Turn off two-factor sign-in?' });
      await dialog.getByLabel('Your password').fill('not-the-password');
      await dialog.getByRole('button', { name: 'Turn off' }).click();
      await dialog.getByText('That password isn’t right.').waitFor();
      await shot(browser, 'two-factor-turn-off-wrong-password');
      await dialog.getByLabel('Your password').fill(PASSWORD);
      await dialog.getByLabel('Your password').press('Enter');
      await dialog.waitFor({ state: 'hidden' });
      await page.getByText('Sign-in asks only for your password.').waitFor();
    });
  });

  test('an admin requires it; a member whose email is in two organizations chooses one, sets it up at sign-in and saves the recovery codes', async () => {
    const adminEmail = uniqueEmail('require-admin');
    const memberEmail = uniqueEmail('require-member');
    const required = unique('Required Co');
    const other = unique('Other Co');
    await anonymous.call('signup', {
      body: { organizationName: required, name: 'Rhea Admin', email: adminEmail, password: PASSWORD },
    });
    const admin = await apiSignIn(adminEmail, PASSWORD);
    await admin.call('createUser', {
      body: { name: 'Milo Member', email: memberEmail, role: 'interviewer', password: PASSWORD },
    });
    // The same email and password in another organization: sign-in asks which one.
    await anonymous.call('signup', {
      body: { organizationName: other, name: 'Milo Elsewhere', email: memberEmail, password: PASSWORD },
    });

    await withBrowser(async (browser) => {
      const { page } = browser;
      await signIn(browser, adminEmail, PASSWORD);
      await browser.goto('/settings/two-factor');
      const requirement = page.getByRole('checkbox', { name: 'Require two-factor sign-in for password accounts' });
      // The box changes only once the change is confirmed.
      await requirement.click();
      const confirm = page.getByRole('alertdialog', { name: 'Require two-factor sign-in?' });
      await confirm.waitFor();
      await shot(browser, 'two-factor-require-confirm');
      await confirm.getByRole('button', { name: 'Require two-factor' }).click();
      await confirm.waitFor({ state: 'hidden' });
      expect(await requirement.isChecked()).toBe(true);
      await page.getByText('Your organization requires two-factor sign-in: set it up now.').waitFor();
      await signOut(browser);

      await page.getByLabel('Email', { exact: true }).fill(memberEmail);
      await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await page.getByRole('radio', { name: other }).waitFor();
      await page.getByRole('radio', { name: required }).check();
      await shot(browser, 'two-factor-choose-organization');
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();

      await page.getByText('Your organization requires two-factor sign-in.', { exact: false }).waitFor();
      await page.getByRole('button', { name: 'Set up two-factor sign-in' }).click();
      const key = (await page.getByLabel('Setup key').textContent()) ?? '';
      await shot(browser, 'two-factor-setup-at-sign-in');
      await page.getByLabel('Code from the app').fill(totp(key));
      await page.getByRole('button', { name: 'Turn on and sign in' }).click();
      await page.getByRole('heading', { name: 'Save your recovery codes' }).waitFor();
      expect(await page.getByRole('list', { name: 'Recovery codes' }).locator('code').count()).toBe(10);
      await shot(browser, 'two-factor-setup-at-sign-in-codes');
      await page.getByRole('button', { name: 'I have saved my codes, continue' }).click();
      await browser.waitForPath('/');
      await page.getByText(required).first().waitFor();
    });
  });
});
