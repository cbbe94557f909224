import { beforeAll, describe, expect, test } from '@jest/globals';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { givenOrganization, ok, type GivenOrganization } from './api-client';
import { SCREENSHOT_DIR, signIn, withBrowser, type Browser } from './harness';

/**
 * The debrief's interviewer-by-criterion grid (issue 19): a row per question, a column per
 * interviewer, each rating with its evidence on hover and keyboard focus, "not asked" where the
 * step did not ask it, disagreements marked, the view toggle, print on A4 landscape; and a no hire
 * that asks for the rejection reason. In an organization of its own (the decision changes data).
 */

/** A4 landscape at 96 dpi (297 mm), less the grid page's 10 mm side margins. */
const A4_LANDSCAPE_PRINTABLE_PX = Math.floor(((297 - 20) / 25.4) * 96);

type GridCell = {
  status: 'rated' | 'not_assessed' | 'not_asked';
  rating: number | null;
  evidence: string;
  other: { rating: number | null } | null;
};
type DebriefBody = {
  disagreements: { criteria: string[] };
  competencies: { criteria: { key: string; title: string }[] }[];
  grid: {
    columns: { interviewer: { name: string }; step: string }[];
    rows: { criterionKey: string; cells: GridCell[] }[];
  };
};

/** The evidence an interviewer writes for a question: their name, the rating and the question. */
const evidenceFor = (who: string, rating: number, title: string) => `${who} gave ${rating} on “${title}”.`;

let org: GivenOrganization;
let applicationId: string;
let name: string;

async function debriefBody(view = ''): Promise<DebriefBody> {
  return ok<DebriefBody>(org.people.hm.api.request('GET', `/api/v1/applications/${applicationId}/debrief${view}`));
}

/** What each cell of the grid shows, row by row: "4", "Not assessed", "—", with "→n" when amended. */
async function cellTexts(page: Page): Promise<string[][]> {
  return page.$$eval('.interviewer-grid tbody tr.interviewer-grid__row', (rows) =>
    rows.map((r) =>
      Array.from(r.querySelectorAll('td')).map((td) => {
        const chip = td.querySelector('.rating-chip');
        const other = td.querySelector('.grid-cell__other [aria-hidden="true"]');
        if (!chip) return td.querySelector('.grid-cell__not-asked [aria-hidden="true"]')?.textContent ?? '?';
        const value = chip.classList.contains('rating-chip--none')
          ? 'Not assessed'
          : chip.textContent!.replace('Rated ', '');
        return other ? `${value} ${other.textContent}` : value;
      }),
    ),
  );
}

/** The same, from the API's grid. */
function expectedTexts(body: DebriefBody): string[][] {
  return body.grid.rows.map((row) =>
    row.cells.map((cell) => {
      if (cell.status === 'not_asked') return '—';
      const value = cell.rating === null ? 'Not assessed' : String(cell.rating);
      return cell.other ? `${value} →${cell.other.rating ?? '–'}` : value;
    }),
  );
}

/** Signs in as the hiring manager straight onto the debrief (through the login's `next`). */
async function openDebrief(browser: Browser): Promise<void> {
  const path = `/applications/${applicationId}/debrief`;
  await browser.goto(`/login?next=${encodeURIComponent(path)}`);
  await signIn(browser, org.people.hm.email, org.password, path);
}

describe('the interviewer-by-criterion grid', () => {
  beforeAll(async () => {
    // A fresh application of the opening: Ines (4s) and Mateo (2s) on the first step, Priya (3s)
    // on the second; Mateo then amends his first question to 3. Then it moves to debrief.
    org = await givenOrganization('Grid');
    name = `Gia Grid ${Date.now() % 100000}`;
    ({ applicationId } = await org.application(name, ['screen', 'interviews']));
    const [inesI, mateoI, priyaI] = [
      await org.schedule(applicationId, 0, 'ines'),
      await org.schedule(applicationId, 0, 'mateo'),
      await org.schedule(applicationId, 1, 'priya'),
    ];
    const by = (who: string, rating: 2 | 3 | 4) => ({
      rating,
      evidence: (title: string) => evidenceFor(who, rating, title),
      summary: `${who} rated ${rating} throughout.`,
    });
    await org.submit('ines', inesI, { ...by('Ines', 4), recommendation: 'strong_yes' });
    const mateo = await org.submit('mateo', mateoI, { ...by('Mateo', 2), recommendation: 'no' });
    await org.submit('priya', priyaI, { ...by('Priya', 3), recommendation: 'yes' });
    await org.amend('mateo', mateo, {
      ratings: mateo.ratings.map((r, i) =>
        i === 0 ? { ...r, rating: 3 as const, evidence: 'Mateo, on reflection: a 3.' } : r,
      ),
      recommendation: 'no',
      summary: 'Mateo rated 2 throughout, but one 3.',
      reason: 'Re-read my notes on the first answer.',
    });
    await org.move(applicationId, 'debrief');
  });

  test('renders every rating by interviewer and question, evidence on focus and hover, disagreements marked, the view toggle', async () => {
    const independent = await debriefBody();
    const amended = await debriefBody('?ratings=with_amendments');
    await withBrowser(async (browser) => {
      const { page } = browser;
      await openDebrief(browser);
      await page.getByRole('heading', { level: 1, name: `Debrief: ${name}` }).waitFor();
      const region = page.locator('section.grid-section');
      await region.getByRole('heading', { name: 'Ratings by interviewer' }).waitFor();

      // A column per interviewer, named with their step; a row per question of the rubric.
      const heads = await region.locator('thead th.interviewer-grid__person').allTextContents();
      expect(heads).toEqual(independent.grid.columns.map((c) => `${c.interviewer.name}${c.step}`));
      expect(independent.grid.columns.map((c) => c.interviewer.name)).toEqual([
        'Ines Okafor',
        'Mateo Silva',
        'Priya Raman',
      ]);
      const rubricCriteria = independent.competencies.flatMap((c) => c.criteria);
      expect(await region.locator('tbody tr.interviewer-grid__row').count()).toBe(rubricCriteria.length);
      // Each cell says what the API's ratings say, as first submitted: Mateo's amended question shows 2 → 3.
      const mateoCol = independent.grid.columns.findIndex((c) => c.interviewer.name === 'Mateo Silva');
      // The one amended rating: Mateo's first question, 2 as first submitted, amended to 3.
      const firstAsked = independent.grid.rows.findIndex((r) => r.cells[mateoCol]!.other !== null);
      expect(independent.grid.rows.flatMap((r) => r.cells).filter((c) => c.other !== null)).toHaveLength(1);
      const shown = await cellTexts(page);
      expect(shown).toEqual(expectedTexts(independent));
      expect(shown[firstAsked]![mateoCol]).toBe('2 →3');
      // Priya's step did not ask the first step's questions: "—".
      expect(shown.flat()).toContain('—');

      // Disagreements: exactly the criteria the debrief's rule marks (Ines 4 beside Mateo 2).
      const marked = await region
        .locator('tr.interviewer-grid__row--disagree')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-criterion')));
      expect(marked.length).toBeGreaterThan(0);
      expect(marked).toEqual(independent.disagreements.criteria);
      const firstDisagree = region.locator('tr.interviewer-grid__row--disagree').first();
      await firstDisagree.getByText('Disagreement', { exact: true }).waitFor();

      // Keyboard: Tab onto a rating shows its evidence, described by the tooltip; Escape closes it.
      const inesCol = independent.grid.columns.findIndex((c) => c.interviewer.name === 'Ines Okafor');
      const inesRow = independent.grid.rows.findIndex((r) => r.cells[inesCol]!.status === 'rated');
      const cellButton = region
        .locator('tbody tr.interviewer-grid__row')
        .nth(inesRow)
        .locator('td')
        .nth(inesCol)
        .getByRole('button');
      await cellButton.focus();
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('Tab');
      expect(await cellButton.evaluate((el) => el === document.activeElement)).toBe(true);
      const tip = page.getByRole('tooltip');
      await tip.waitFor();
      const evidence = independent.grid.rows[inesRow]!.cells[inesCol]!.evidence;
      expect(evidence).toMatch(/^Ines gave 4 on/);
      expect(await tip.textContent()).toContain(evidence);
      const describedBy = await cellButton.getAttribute('aria-describedby');
      expect(await tip.getAttribute('id')).toBe(describedBy);
      expect(await cellButton.getAttribute('aria-expanded')).toBe('true');
      await browser.audit('grid with evidence open by keyboard');
      await browser.screenshot('debrief-grid-evidence-focus');
      await page.keyboard.press('Escape');
      await tip.waitFor({ state: 'hidden' });
      expect(await cellButton.evaluate((el) => el === document.activeElement)).toBe(true);

      // Hover: another rating's evidence, with the amended rating beside the first submission.
      await cellButton.blur();
      const mateoButton = region
        .locator('tbody tr.interviewer-grid__row')
        .nth(firstAsked)
        .locator('td')
        .nth(mateoCol)
        .getByRole('button');
      await mateoButton.hover();
      await tip.waitFor();
      expect(await tip.textContent()).toContain('Mateo gave 2 on');
      expect(await tip.textContent()).toContain('Amended to: 3');
      await region.screenshot({ path: join(SCREENSHOT_DIR, 'debrief-grid-hover.png') });
      await page.mouse.move(0, 0);
      await tip.waitFor({ state: 'hidden' });
      await page.evaluate(() => document.querySelector('.grid-section')?.scrollIntoView());
      await browser.screenshot('debrief-grid');

      // The view toggle: with amendments, Mateo's 3, the first submission beside it, and the grid follows the URL.
      await page.getByRole('radio', { name: 'With amendments' }).check();
      await page.waitForURL((url) => url.searchParams.get('ratings') === 'with_amendments');
      await page.getByText('Figures: with amendments.').waitFor();
      await page.waitForFunction(
        ([row, col]) => {
          const rows = document.querySelectorAll('.interviewer-grid tbody tr.interviewer-grid__row');
          const cell = rows.item(row)?.querySelectorAll('td').item(col);
          return cell?.querySelector('.rating-chip')?.textContent?.endsWith('3') ?? false;
        },
        [firstAsked, mateoCol] as const,
      );
      expect(await cellTexts(page)).toEqual(expectedTexts(amended));
      await mateoButton.focus();
      await tip.waitFor();
      expect(await tip.textContent()).toContain('Mateo, on reflection: a 3.');
      expect(await tip.textContent()).toContain('First submitted: 2');
      await page.keyboard.press('Escape');
      const amendedMarked = await region
        .locator('tr.interviewer-grid__row--disagree')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-criterion')));
      expect(amendedMarked).toEqual(amended.disagreements.criteria);
      await browser.audit('grid with amendments');
    });
  }, 150_000);

  test('prints on A4 landscape with the evidence as numbered notes, and scrolls sideways on a phone', async () => {
    const body = await debriefBody();
    const withEvidence = body.grid.rows.flatMap((r) => r.cells).filter((c) => c.status !== 'not_asked' && c.evidence);
    await withBrowser(async (browser) => {
      const { page } = browser;
      await openDebrief(browser);
      await page.getByRole('heading', { level: 1, name: `Debrief: ${name}` }).waitFor();
      await page.locator('.interviewer-grid').waitFor();

      await page.setViewportSize({ width: A4_LANDSCAPE_PRINTABLE_PX, height: 700 });
      await page.emulateMedia({ media: 'print' });
      const table = page.locator('.interviewer-grid');
      const fit = await table.evaluate((el) => ({
        table: el.getBoundingClientRect().width,
        wrap: el.parentElement!.getBoundingClientRect().width,
        scroll: el.parentElement!.scrollWidth,
      }));
      expect(fit.table).toBeLessThanOrEqual(A4_LANDSCAPE_PRINTABLE_PX);
      expect(fit.scroll).toBeLessThanOrEqual(Math.ceil(fit.wrap) + 1);
      // The evidence is printed after the grid, one numbered note per rating that has some.
      const notes = page.locator('.grid-notes');
      expect(await notes.isVisible()).toBe(true);
      expect(await notes.locator('li').count()).toBe(withEvidence.length);
      expect(await notes.textContent()).toContain(withEvidence[0]!.evidence);
      expect(await page.locator('.grid-cell__note').first().isVisible()).toBe(true);
      // The ratings themselves print (they are buttons on screen, and the page hides its buttons in print).
      const printed = page.locator('.interviewer-grid .grid-cell__button');
      expect(await printed.count()).toBeGreaterThan(0);
      expect(await printed.first().isVisible()).toBe(true);
      expect(await printed.first().textContent()).toMatch(/[1-4]|Not assessed/);
      expect(await page.getByRole('tooltip').count()).toBe(0);
      await page.evaluate(() => document.querySelector('.grid-section')?.scrollIntoView());
      await page.locator('.grid-section').screenshot({ path: join(SCREENSHOT_DIR, 'debrief-grid-print.png') });
      await browser.screenshot('debrief-grid-print-page');
      // The grid starts its own landscape page.
      expect(await page.locator('.grid-section').evaluate((el) => getComputedStyle(el).getPropertyValue('page'))).toBe(
        'debrief-grid',
      );
      await page.emulateMedia({ media: 'screen' });

      // Phone: the page does not scroll sideways; the grid does, inside its own labelled region.
      await page.setViewportSize({ width: 390, height: 844 });
      await page.evaluate(() => document.querySelector('.grid-section')?.scrollIntoView());
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await page.getByRole('region', { name: 'Ratings by interviewer (scrolls sideways)' }).waitFor();
      await browser.audit('grid on a phone');
      await page.locator('.grid-section').screenshot({ path: join(SCREENSHOT_DIR, 'debrief-grid-phone.png') });
    });
  }, 150_000);

  test('a no hire asks for the rejection reason: refused without one (nothing sent), recorded with the chosen one', async () => {
    await withBrowser(async (browser) => {
      const { page } = browser;
      const decisions: string[] = [];
      page.on('request', (r) => {
        if (r.method() === 'POST' && r.url().endsWith(`/api/v1/applications/${applicationId}/decisions`))
          decisions.push(r.postData() ?? '');
      });
      await openDebrief(browser);
      const form = page.getByRole('form', { name: 'Record a decision' });
      await form.getByLabel('No hire', { exact: true }).check();
      const reason = form.getByLabel('Rejection reason');
      await reason.waitFor();
      expect(await reason.inputValue()).toBe('');
      expect(await reason.locator('option').allTextContents()).not.toContain('Not given (recorded as Other)');
      await form.getByLabel('Rationale').fill('The design answers did not hold up under load.');
      await form.getByRole('button', { name: 'Record decision' }).click();
      await form.getByText('Choose the rejection reason for a no hire.').waitFor();
      expect(await reason.getAttribute('aria-invalid')).toBe('true');
      expect(decisions).toEqual([]);
      await browser.audit('no hire without a reason');
      await form.screenshot({ path: join(SCREENSHOT_DIR, 'debrief-no-hire-reason-required.png') });

      await reason.selectOption({ label: 'Technical skills gap' });
      await form.getByRole('button', { name: 'Record decision' }).click();
      const current = page.locator('.decision-current');
      await current.getByText('No hire', { exact: true }).waitFor();
      await page.locator('.debrief-summary').getByText('Rejected', { exact: true }).waitFor();
      expect(decisions).toHaveLength(1);
      expect(JSON.parse(decisions[0]!)).toMatchObject({ decision: 'no_hire', rejectionReason: 'skills_gap' });
      const application = await ok<{ history: { to: string; reason: string | null }[] }>(
        org.people.hm.api.request('GET', `/api/v1/applications/${applicationId}`),
      );
      expect(application.history.at(-1)).toMatchObject({ to: 'rejected', reason: 'skills_gap' });
    });
  }, 150_000);
});
