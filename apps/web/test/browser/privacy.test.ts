import { readFile } from 'node:fs/promises';
import { describe, expect, test } from '@jest/globals';
import { givenOrganization } from './api-client';
import { expectTitle, shot, signIn, uniqueEmail, withBrowser } from './harness';

describe('candidate privacy', () => {
  test('an admin downloads everything held about a candidate, then erases them by typing their name', async () => {
    const suffix = Date.now() % 1_000_000;
    const name = `Ilse Brandt ${suffix}`;
    const email = uniqueEmail('ilse');
    // In an organization of its own: the erasure is for good.
    const org = await givenOrganization('Privacy');
    const admin = org.people.admin.api;
    const created = await admin.request('POST', '/api/v1/candidates', {
      name,
      email,
      source: 'conference',
      phone: '+49 30 1234567',
      currentTitle: 'Principal Engineer',
      currentCompany: 'Nordwerk',
      notes: `${name} asked us to keep her details private.`,
    });
    expect(created.status).toBe(201);
    const id = (created.body as { id: string }).id;
    const openings = await admin.request('GET', '/api/v1/openings?status=open&pageSize=1');
    const openingId = (openings.body as { items: { id: string }[] }).items[0]!.id;
    expect((await admin.request('POST', '/api/v1/applications', { candidateId: id, openingId })).status).toBe(201);

    await withBrowser(async (browser) => {
      const { page } = browser;
      await signIn(browser, org.people.admin.email, org.password);
      await browser.goto(`/candidates/${id}`);
      await page.getByRole('heading', { level: 1, name }).waitFor();
      const privacy = page.getByRole('region', { name: 'Privacy' });
      await privacy.waitFor();

      // The download is the export, as a JSON file named after the candidate.
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        privacy.getByRole('button', { name: 'Download data (JSON)' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe(`candidate-${id}.json`);
      const exported = JSON.parse(await readFile((await download.path())!, 'utf8')) as {
        candidate: { id: string; name: string; email: string; notes: string };
        applications: { opening: { id: string } }[];
      };
      expect(exported.candidate).toMatchObject({ id, name, email });
      expect(exported.applications.map((a) => a.opening.id)).toEqual([openingId]);
      await page
        .getByRole('status')
        .filter({ hasText: `Downloaded candidate-${id}.json.` })
        .waitFor({ state: 'attached' });

      // Erasing asks for the full name; a wrong one is refused on the field, and the dialog stays.
      await privacy.getByRole('button', { name: 'Erase candidate…' }).click();
      const dialog = page.getByRole('alertdialog', { name: `Erase ${name}?` });
      await dialog.waitFor();
      await dialog.getByText('Kept, without their name').waitFor();
      const confirm = dialog.getByLabel('Type their full name to confirm');
      expect(await confirm.evaluate((el) => el === document.activeElement)).toBe(true);
      await page.keyboard.type('Ilse Brandt');
      await page.keyboard.press('Enter');
      await dialog
        .getByText('That is not their full name. Type it exactly as shown, with the same capitals.')
        .waitFor();
      expect(await confirm.getAttribute('aria-invalid')).toBe('true');
      await browser.audit('erase dialog with a wrong name');
      await browser.screenshot('privacy-erase-dialog');

      // Escape closes it and nothing is erased.
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
      const still = await admin.request('GET', `/api/v1/candidates/${id}`);
      expect((still.body as { name: string }).name).toBe(name);

      // With the keyboard alone: open it again, type the name, press Enter.
      await privacy.getByRole('button', { name: 'Erase candidate…' }).focus();
      await page.keyboard.press('Enter');
      await dialog.waitFor();
      await page.keyboard.type(name);
      await page.keyboard.press('Enter');
      await dialog.waitFor({ state: 'hidden' });

      await page.getByRole('heading', { level: 1, name: 'Erased candidate' }).waitFor();
      const status = privacy.getByText(/^Personal data erased on /);
      await status.waitFor();
      expect(await status.evaluate((el) => el === document.activeElement)).toBe(true);
      expect(await page.getByRole('link', { name: 'Edit candidate' }).count()).toBe(0);
      expect(await privacy.getByRole('button', { name: 'Erase candidate…' }).count()).toBe(0);
      expect(await page.getByText(email).count()).toBe(0);
      expect(await page.getByText('+49 30 1234567').count()).toBe(0);
      await expectTitle(page, 'Erased candidate · Scorecard');
      await browser.audit('erased candidate');
      await shot(browser, 'privacy-erased-candidate');

      // Everywhere else too: the candidates list names them "Erased candidate".
      await browser.goto(`/candidates?q=${encodeURIComponent('Erased candidate')}`);
      await page.locator(`a[href="/candidates/${id}"]`).filter({ hasText: 'Erased candidate' }).waitFor();
    });

    const after = await admin.request('GET', `/api/v1/candidates/${id}`);
    expect(after.body).toMatchObject({ name: 'Erased candidate', email: `erased+${id}@invalid`, phone: '', notes: '' });
  });
});
