import { beforeAll, describe, expect, test } from '@jest/globals';
import { givenOrganization, type GivenOrganization } from './api-client';
import { type Browser, expectTitle, shot, signIn, withBrowser } from './harness';

/** An organization of this file's own: the imported candidates are its data, not the demo's. */
let org: GivenOrganization;
beforeAll(async () => {
  org = await givenOrganization('Import');
});

/** Candidates whose email starts with `prefix`, read over HTTP (what is really written). */
async function written(prefix: string): Promise<string[]> {
  const res = await org.people.recruiter.api.call('listCandidates', { query: { q: prefix, pageSize: 100 } });
  return res.items.map((c) => c.email).sort();
}

const csv = (lines: string[]) => ({
  name: 'candidates.csv',
  mimeType: 'text/csv',
  buffer: Buffer.from(lines.join('\n')),
});

async function openImport(browser: Browser): Promise<void> {
  const { page } = browser;
  await signIn(browser, org.people.recruiter.email, org.password);
  await browser.openFromMenu('Candidates', '/candidates');
  await page.getByRole('link', { name: 'Import CSV' }).click();
  await browser.waitForPath('/candidates/import');
  await page.getByRole('heading', { level: 1, name: 'Import candidates' }).waitFor();
  await expectTitle(page, 'Import candidates · Scorecard');
}

describe('CSV import of candidates', () => {
  test('a recruiter sees a bad row’s error before anything is written, then skips it and imports the rest', async () => {
    const prefix = `csv${Date.now()}`;
    await withBrowser(async (browser) => {
      const { page } = browser;
      await openImport(browser);
      await shot(browser, 'import-choose-file');

      // A file that is not CSV, dropped on the drop zone, is refused with a clear message.
      await page.evaluate(() => {
        const data = new DataTransfer();
        data.items.add(new File(['hello'], 'notes.txt', { type: 'text/plain' }));
        document
          .querySelector('.drop-zone')!
          .dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true }));
      });
      await page.getByText('“notes.txt” is not a CSV file. Choose a .csv file.').waitFor();
      await browser.audit('a file that is not CSV');
      await shot(browser, 'import-not-csv');

      await page
        .getByLabel('CSV file', { exact: true })
        .setInputFiles(
          csv([
            'Full name,E-mail,Source,Job title,Tags,Favourite colour',
            `Grace Hopper,${prefix}-grace@example.test,Referral,Rear admiral,"compilers; cobol",blue`,
            `Broken Row,not-an-email,LinkedIn,Engineer,,green`,
            '',
            `Alan Turing,${prefix}-alan@example.test,daily.dev,Researcher,,red`,
          ]),
        );
      await page.getByRole('heading', { level: 2, name: 'Match columns to candidate fields' }).waitFor();
      // Columns are matched from their headers; an unknown one is not imported.
      expect(await page.getByLabel('Full name').inputValue()).toBe('name');
      expect(await page.getByLabel('E-mail').inputValue()).toBe('email');
      expect(await page.getByLabel('Job title').inputValue()).toBe('currentTitle');
      expect(await page.getByLabel('Favourite colour').inputValue()).toBe('');
      const preview = page.getByRole('table', { name: 'Preview of the first rows' });
      await preview.getByText('Enter a valid email address.').waitFor();
      await preview.getByText('daily.dev').waitFor();
      await browser.audit('column matching with preview');
      await shot(browser, 'import-mapping');

      // A required field without a column stops the check, and says which.
      await page.getByLabel('Source', { exact: true }).selectOption('');
      await page.getByRole('button', { name: 'Check 3 rows' }).click();
      await page.getByText('Choose a column for Source.').waitFor();
      await page.getByLabel('Source', { exact: true }).selectOption('source');

      await page.getByRole('button', { name: 'Check 3 rows' }).click();
      await page.getByRole('heading', { level: 2, name: '1 row has errors' }).waitFor();
      const errors = page.getByRole('table', { name: 'Row errors' });
      const row = errors.getByRole('row', { name: /Enter a valid email address/ });
      expect(await row.getByRole('rowheader').textContent()).toBe('2');
      expect(await row.getByRole('cell').allTextContents()).toEqual([
        'E-mail',
        'not-an-email',
        'Enter a valid email address.',
      ]);
      await browser.audit('row errors');
      await shot(browser, 'import-row-errors');
      expect(await written(prefix)).toEqual([]);

      await page.getByRole('button', { name: 'Skip 1 row and import the rest' }).click();
      await page.getByRole('heading', { level: 2, name: 'Imported 2 candidates' }).waitFor();
      expect(await written(prefix)).toEqual([`${prefix}-alan@example.test`, `${prefix}-grace@example.test`]);
      await browser.audit('import done');
      await shot(browser, 'import-done');

      await page.getByRole('link', { name: 'Go to candidates' }).click();
      await browser.waitForPath('/candidates');
      await page.getByLabel('Search').fill(prefix);
      await browser.waitForPath(/^\/candidates\?q=/);
      const listed = page.getByRole('table', { name: 'Candidates' }).locator('tbody tr');
      await page.waitForFunction(() => document.querySelectorAll('table[aria-busy="false"] tbody tr').length === 2);
      // Both were written in one transaction, so their order in the list (newest first) is a tie.
      expect((await listed.locator('th a').allTextContents()).sort()).toEqual(['Alan Turing', 'Grace Hopper']);
      await shot(browser, 'import-candidates-listed');
    });
  });

  test('a large file is checked in batches behind a progress bar, and the check can be cancelled', async () => {
    const prefix = `csvbig${Date.now()}`;
    await withBrowser(async (browser) => {
      const { page } = browser;
      await openImport(browser);
      // Hold each batch a moment, so the progress can be seen between batches.
      await page.route('**/api/v1/candidate-imports/*/rows', async (route) => {
        await new Promise((r) => setTimeout(r, 700));
        // The request may have been cancelled meanwhile (that is the point of the test).
        await route.continue().catch(() => undefined);
      });
      const lines = ['name,email,source'];
      for (let i = 1; i <= 1200; i++) lines.push(`Person ${i},${prefix}-${i}@example.test,GitHub`);
      await page.getByLabel('CSV file', { exact: true }).setInputFiles(csv(lines));
      await page.getByRole('button', { name: 'Check 1,200 rows' }).click();
      await page.getByRole('heading', { level: 2, name: 'Checking rows' }).waitFor();
      await page.getByText('Checked 500 of 1,200 rows').waitFor();
      const bar = page.getByRole('progressbar', { name: 'Checked 500 of 1,200 rows' });
      expect(await bar.getAttribute('value')).toBe('500');
      expect(await bar.getAttribute('max')).toBe('1200');
      await browser.audit('checking rows');
      await shot(browser, 'import-progress');

      await page.getByRole('button', { name: 'Cancel' }).click();
      await page.getByText('Check cancelled').waitFor();
      await page.getByRole('heading', { level: 2, name: 'Match columns to candidate fields' }).waitFor();
      expect(await written(prefix)).toEqual([]);

      await page.unroute('**/api/v1/candidate-imports/*/rows');
      await page.getByRole('button', { name: 'Check 1,200 rows' }).click();
      await page.getByRole('heading', { level: 2, name: 'All 1,200 rows are ready' }).waitFor();
      await page.getByRole('button', { name: 'Import 1,200 candidates' }).click();
      await page.getByRole('heading', { level: 2, name: 'Imported 1,200 candidates' }).waitFor();
      const res = await org.people.recruiter.api.call('listCandidates', { query: { q: prefix, pageSize: 1 } });
      expect(res.total).toBe(1200);
    });
  });

  test('the last step lists who was added and applies them all to an opening; the template maps by itself', async () => {
    const prefix = `csvres${Date.now()}`;
    await withBrowser(async (browser) => {
      const { page } = browser;
      await openImport(browser);

      // The template: every column this import understands, as a CSV download.
      const template = page.getByRole('link', { name: 'Download a CSV template' });
      expect(await template.getAttribute('download')).toBe('scorecard-candidates-template.csv');
      const href = (await template.getAttribute('href'))!;
      expect(href.startsWith('data:text/csv;charset=utf-8,')).toBe(true);
      const [header] = decodeURIComponent(href.slice(href.indexOf(',') + 1)).split('\r\n');
      expect(header!.split(',').slice(0, 4)).toEqual(['Name', 'Email', 'Phone', 'Location']);
      expect(header!.split(',')).toContain('Source');

      // Common header names map by themselves.
      await page
        .getByLabel('CSV file', { exact: true })
        .setInputFiles(
          csv([
            'Full name,E-mail,Where from,Phone number,LinkedIn',
            `Ada ${prefix},${prefix}-ada@example.test,Referral,+1 555 0100,https://linkedin.com/in/ada`,
            `Bob ${prefix},${prefix}-bob@example.test,LinkedIn,,`,
          ]),
        );
      await page.getByRole('heading', { level: 2, name: 'Match columns to candidate fields' }).waitFor();
      expect(await page.getByLabel('Where from').inputValue()).toBe('source');
      expect(await page.getByLabel('Phone number').inputValue()).toBe('phone');
      expect(await page.getByLabel('LinkedIn', { exact: true }).inputValue()).toBe('linkedin');
      await page.getByRole('button', { name: 'Check 2 rows' }).click();
      await page.getByRole('heading', { level: 2, name: 'All 2 rows are ready' }).waitFor();
      await page.getByRole('button', { name: 'Import 2 candidates' }).click();
      await page.getByRole('heading', { level: 2, name: 'Imported 2 candidates' }).waitFor();

      // Who was added, each linked to their page.
      const added = page.getByRole('list', { name: 'Candidates added' });
      await added.getByRole('link').first().waitFor();
      expect(await added.getByRole('link').allTextContents()).toEqual([`Ada ${prefix}`, `Bob ${prefix}`]);

      // Bob already applied to the opening chosen below.
      const select = page.getByLabel('Opening', { exact: true });
      await page.waitForFunction(() => document.querySelectorAll('.import-apply option').length > 1);
      const options = await select
        .locator('option')
        .evaluateAll((os) => os.map((o) => ({ value: (o as HTMLOptionElement).value, label: o.textContent ?? '' })));
      const opening = options.find((o) => o.value)!;
      const recruiter = org.people.recruiter.api;
      const bob = await recruiter.call('listCandidates', { query: { q: `${prefix}-bob`, pageSize: 1 } });
      const bobId = bob.items[0]!.id;
      expect(
        (await recruiter.request('POST', '/api/v1/applications', { candidateId: bobId, openingId: opening.value }))
          .status,
      ).toBe(201);

      // Applying without choosing says what is missing.
      await page.getByRole('button', { name: 'Apply all 2 candidates' }).click();
      await page.getByText('Choose an opening.').waitFor();
      await select.selectOption(opening.value);
      await page.getByRole('button', { name: 'Apply all 2 candidates' }).click();
      await page.getByText(`Applied 1 candidate to ${opening.label}`).waitFor();
      await page.getByText('1 candidate had already applied and stayed where they were').waitFor();
      await browser.audit('import results after applying all');
      await shot(browser, 'import-results');

      await added.getByRole('link', { name: `Ada ${prefix}` }).click();
      await browser.waitForPath(/^\/candidates\/[0-9a-f-]{36}$/);
      await page.getByRole('heading', { level: 1, name: `Ada ${prefix}` }).waitFor();
      await page.getByRole('link', { name: opening.label }).first().waitFor();
    });
    await withBrowser(
      async (browser) => {
        await signIn(browser, org.people.recruiter.email, org.password);
        await browser.goto('/candidates/import');
        await browser.page.getByRole('link', { name: 'Download a CSV template' }).waitFor();
        await shot(browser, 'import-choose-file-phone');
      },
      { width: 390, height: 844 },
    );
  }, 180_000);
});
