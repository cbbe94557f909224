import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, test } from '@jest/globals';
import { apiSignIn, givenOrganization, type GivenOrganization } from './api-client';
import { baseUrl, DEMO_PASSWORD, signIn, withBrowser, type Browser } from './harness';

const RECRUITER = 'recruiter@acme.test';
/** An organization of this file's own, for the uploads and deletions (the demo's files are only read). */
let org: GivenOrganization;
beforeAll(async () => {
  org = await givenOrganization('Files');
});

/** A small valid one-page PDF with a line of text (correct cross-reference table). */
function pdf(text: string): Buffer {
  const stream = `BT /F1 18 Tf 72 720 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets = objects.map((body, i) => {
    const at = out.length;
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
    return at;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

async function newCandidate(name: string): Promise<string> {
  return (await org.candidate(name, { currentTitle: 'Staff Engineer', currentCompany: 'Paylane' })).id;
}

async function uploadThroughThePage(browser: Browser, id: string, name: string, cv: Buffer): Promise<void> {
  const { page } = browser;
  await signIn(browser, org.people.recruiter.email, org.password);
  await browser.goto(`/candidates/${id}`);
  const files = page.getByRole('region', { name: 'Files' });
  await files.getByText('No files yet. Add their CV above.').waitFor();

  // A page named .pdf is refused with a message that says why, and nothing is listed.
  await page.getByTestId('candidate-file-input').setInputFiles({
    name: 'not-a-cv.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('<html><body>hi</body></html>'),
  });
  await files
    .getByRole('alert')
    .filter({ hasText: '“not-a-cv.pdf” isn’t a PDF, DOCX, TXT, PNG or JPEG file' })
    .waitFor();
  await files.getByText('No files yet. Add their CV above.').waitFor();
  await files.getByRole('button', { name: 'Dismiss message' }).click();

  // Choosing the real CV (the button opens the same file input) uploads it and lists it.
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    files.getByRole('button', { name: 'Choose a file…' }).click(),
  ]);
  await chooser.setFiles({ name, mimeType: 'application/octet-stream', buffer: cv });
  await files
    .getByRole('status')
    .filter({ hasText: `Uploaded “${name}” (PDF,` })
    .waitFor();
  await files.getByRole('link', { name, exact: true }).waitFor();
}

describe('candidate files', () => {
  test('a recruiter uploads a CV, previews the PDF in the page and downloads it', async () => {
    const name = `Mina Sato ${Date.now() % 1_000_000}`;
    const id = await newCandidate(name);
    const cv = pdf(`${name} - CV`);
    const filename = 'Mina Sato CV.pdf';

    await withBrowser(async (browser) => {
      const { page } = browser;
      await uploadThroughThePage(browser, id, filename, cv);
      const files = page.getByRole('region', { name: 'Files' });
      const item = files.getByRole('listitem').filter({ hasText: filename });
      await item.getByText('PDF', { exact: true }).waitFor();
      await item.getByText('Riley Recruiter', { exact: false }).waitFor();

      // The preview opens in the page: a frame showing the PDF served inline, sandboxed.
      const previewResponse = page.waitForResponse((r) => r.url().includes('inline=1'));
      await item.getByRole('button', { name: `Preview ${filename}` }).click();
      const frame = item.locator(`iframe[title="Preview of ${filename}"]`);
      await frame.waitFor();
      expect(await frame.isVisible()).toBe(true);
      const box = await frame.boundingBox();
      expect(box!.height).toBeGreaterThan(300);
      const served = await previewResponse;
      expect(served.status()).toBe(200);
      // The raw headers as sent (Chromium's PDF handling reports a rewritten CSP in `headers()`).
      const headers = await served.allHeaders();
      expect(headers['content-type']).toBe('application/pdf');
      expect(headers['content-disposition']).toMatch(/^inline; /);
      expect(headers['content-security-policy']).toMatch(/sandbox/);
      expect(await item.getByRole('button', { name: `Hide preview ${filename}` }).getAttribute('aria-expanded')).toBe(
        'true',
      );
      await page.waitForTimeout(3000); // the PDF viewer paints
      await browser.screenshot('candidate-files-preview-desktop');

      // The download link saves the same bytes under the file's name.
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        item.getByRole('link', { name: `Download ${filename}` }).click(),
      ]);
      expect(download.suggestedFilename()).toBe(filename);
      expect(Buffer.compare(await readFile((await download.path())!), cv)).toBe(0);

      // Hiding the preview removes the frame.
      await item.getByRole('button', { name: `Hide preview ${filename}` }).click();
      await frame.waitFor({ state: 'detached' });
      await browser.audit('candidate files with a PDF');
    });
  });

  test('on a phone the files fit the screen, and deleting asks first', async () => {
    const name = `Jonah Reyes ${Date.now() % 1_000_000}`;
    const id = await newCandidate(name);
    const filename = 'jonah-cv.pdf';
    await withBrowser(
      async (browser) => {
        const { page } = browser;
        await uploadThroughThePage(browser, id, filename, pdf(`${name} - CV`));
        const files = page.getByRole('region', { name: 'Files' });
        const item = files.getByRole('listitem').filter({ hasText: filename });
        await item.getByRole('button', { name: `Preview ${filename}` }).click();
        const frame = item.locator('iframe');
        await frame.waitFor();
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        expect(width).toBeLessThanOrEqual(390);
        const box = await frame.boundingBox();
        expect(box!.x + box!.width).toBeLessThanOrEqual(390);
        await page.waitForTimeout(1500);
        await browser.screenshot('candidate-files-preview-phone');

        await item.getByRole('button', { name: `Delete ${filename}` }).click();
        const dialog = page.getByRole('alertdialog', { name: `Delete “${filename}”?` });
        await dialog.waitFor();
        await dialog.getByRole('button', { name: 'Keep it' }).click();
        await dialog.waitFor({ state: 'hidden' });
        await item.waitFor();
        await item.getByRole('button', { name: `Delete ${filename}` }).click();
        await dialog.getByRole('button', { name: 'Delete file' }).click();
        await files.getByText('No files yet. Add their CV above.').waitFor();
      },
      { width: 390, height: 844 },
    );
  });

  test('the demo has a CV on a candidate, ready to preview', async () => {
    const recruiter = await apiSignIn(RECRUITER, DEMO_PASSWORD);
    const found = await recruiter.request('GET', '/api/v1/candidates?q=Amara%20Nwosu');
    const amara = (found.body as { items: { id: string }[] }).items[0]!;
    const list = await recruiter.request('GET', `/api/v1/candidates/${amara.id}/files`);
    const files = (list.body as { items: { contentType: string; filename: string; id: string }[] }).items;
    expect(files.map((f) => f.contentType)).toContain('application/pdf');
    const res = await fetch(`${baseUrl()}/api/v1/files/${files[0]!.id}`);
    expect(res.status).toBe(401);
  });

  test('an interviewer reaches the CV from their interview kit when the opening shows candidate details', async () => {
    const mateo = await apiSignIn('interviewer2@acme.test', DEMO_PASSWORD);
    const mine = await mateo.request('GET', '/api/v1/me/interviews?view=upcoming');
    const items = (mine.body as { items: { interviewId: string; candidate: { name: string } }[] }).items;
    const grace = items.find((i) => i.candidate.name === 'Grace Adeyemi')!;
    expect(grace).toBeDefined();
    await withBrowser(async (browser) => {
      const { page } = browser;
      await signIn(browser, 'interviewer2@acme.test', DEMO_PASSWORD);
      await browser.goto(`/interviews/${grace.interviewId}`);
      const cv = page
        .getByRole('list', { name: 'Candidate’s files' })
        .getByRole('link', { name: 'Grace-Adeyemi-CV.pdf' });
      await cv.waitFor();
      // A PDF opens in the browser's viewer (inline), in a new tab; the link's bytes are the PDF.
      const href = await cv.getAttribute('href');
      expect(href).toMatch(/^\/api\/v1\/files\/[0-9a-f-]+\?inline=1$/);
      expect(await cv.getAttribute('target')).toBe('_blank');
      const head = await page.evaluate(async (url) => {
        const r = await fetch(url);
        return { status: r.status, type: r.headers.get('content-type'), start: (await r.text()).slice(0, 5) };
      }, href!);
      expect(head).toEqual({ status: 200, type: 'application/pdf', start: '%PDF-' });
    });
  });
});
