import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, test } from '@jest/globals';
import { givenOrganization, type GivenOrganization } from './api-client';
import { shot, signIn, withBrowser } from './harness';

/** The candidate code the packet uses: "C-" and the application id's first five hex digits. */
const codeOf = (applicationId: string) => `C-${applicationId.replace(/-/g, '').slice(0, 5).toUpperCase()}`;

let org: GivenOrganization;
let applicationId: string;
const NAME = `Zoë Chen-Ngô ${Date.now() % 100_000}`;

describe('committee packet', () => {
  beforeAll(async () => {
    org = await givenOrganization('Packet');
    ({ applicationId } = await org.application(NAME, ['screen', 'interviews'], {
      currentTitle: 'Staff engineer',
      currentCompany: 'Globex',
    }));
    await org.submit('ines', await org.schedule(applicationId, 0, 'ines'), {
      rating: 4,
      recommendation: 'strong_yes',
      evidence: () => 'Zoë explained her rollout plan at Globex; she studied it at Stanford.',
    });
    await org.submit('mateo', await org.schedule(applicationId, 0, 'mateo'), { rating: 2, recommendation: 'no' });
    await org.move(applicationId, 'debrief');
  }, 60_000);

  test('the hiring manager downloads the packet from the debrief, as it is and anonymised, with the keyboard', async () => {
    await withBrowser(async (browser) => {
      const { page } = browser;
      await signIn(browser, org.people.hm.email, org.password);
      await browser.goto(`/applications/${applicationId}/debrief`);
      await page.getByRole('heading', { level: 1, name: `Debrief: ${NAME}` }).waitFor();

      // As it is: the file is a PDF named after the candidate.
      await page.getByRole('button', { name: 'Committee packet (PDF)' }).click();
      const dialog = page.getByRole('dialog', { name: 'Committee packet' });
      await dialog.waitFor();
      await browser.audit('committee packet dialog');
      const [plain] = await Promise.all([
        page.waitForEvent('download'),
        dialog.getByRole('button', { name: 'Download PDF' }).click(),
      ]);
      expect(plain.suggestedFilename()).toMatch(/^committee-packet-zoë-chen-ngô-\d+-\d{4}-\d{2}-\d{2}\.pdf$/);
      const bytes = await readFile((await plain.path())!);
      expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      await dialog.waitFor({ state: 'hidden' });

      // Anonymised, keyboard only: open, tick "Anonymise" (focused first), name the school; a
      // one-letter term is refused on the field before anything is fetched.
      await page.getByRole('button', { name: 'Committee packet (PDF)' }).focus();
      await page.keyboard.press('Enter');
      await dialog.waitFor();
      const anonymise = dialog.getByRole('checkbox', { name: 'Anonymise' });
      expect(await anonymise.evaluate((el) => el === document.activeElement)).toBe(true);
      await page.keyboard.press('Space');
      const terms = dialog.getByLabel('Also redact (optional)');
      await terms.waitFor();
      await page.keyboard.press('Tab');
      expect(await terms.evaluate((el) => el === document.activeElement)).toBe(true);
      await page.keyboard.type('Stanford, X');
      await page.keyboard.press('Enter');
      await dialog.getByText('Each term to redact needs at least 2 characters.').waitFor();
      expect(await terms.getAttribute('aria-invalid')).toBe('true');
      await browser.audit('committee packet dialog with a refused term');
      await browser.screenshot('committee-packet-dialog-error');

      await terms.fill('Stanford');
      await terms.focus();
      const [anonymous] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
      expect(anonymous.suggestedFilename()).toBe(`committee-packet-${codeOf(applicationId)}.pdf`);
      const anonymousBytes = await readFile((await anonymous.path())!);
      expect(anonymousBytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      await dialog.waitFor({ state: 'hidden' });
    });
  }, 90_000);

  test('on a phone-width screen the control and its dialog fit; someone who may not read the debrief gets no control', async () => {
    await withBrowser(
      async (browser) => {
        const { page } = browser;
        await signIn(browser, org.people.hm.email, org.password);
        await browser.goto(`/applications/${applicationId}/debrief`);
        await page.getByRole('button', { name: 'Committee packet (PDF)' }).click();
        const dialog = page.getByRole('dialog', { name: 'Committee packet' });
        await dialog.getByRole('checkbox', { name: 'Anonymise' }).check();
        await dialog.getByLabel('Also redact (optional)').waitFor();
        const box = (await dialog.boundingBox())!;
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width).toBeLessThanOrEqual(390);
        await shot(browser, 'committee-packet-dialog-390');
      },
      { width: 390, height: 844 },
    );
    // Jonas has no interview with this candidate: the independence rule closes the debrief, and with it the packet.
    await withBrowser(async (browser) => {
      const { page } = browser;
      await signIn(browser, org.people.jonas.email, org.password);
      await browser.goto(`/applications/${applicationId}/debrief`);
      await page.getByText('This debrief isn’t open to you yet').waitFor();
      expect(await page.getByRole('button', { name: 'Committee packet (PDF)' }).count()).toBe(0);
    });
  }, 90_000);
});
