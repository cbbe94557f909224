import { beforeAll, describe, expect, test } from '@jest/globals';
import { givenOrganization, type GivenOrganization } from './api-client';
import { signIn, withBrowser, type Browser } from './harness';

/**
 * The debrief read in the order that limits anchoring (issue 18, section 5), and independent
 * ratings kept independent (section 2): discuss first, evidence gaps, scores, scorecards, the
 * decision last; the figures say which ratings they read, on screen and in print, and the hiring
 * manager switches to the amended view. In an organization of its own (the hold changes data).
 */

const INDEPENDENT_LINE = 'Figures: independent ratings, as first submitted.';
const AMENDED_LINE = 'Figures: with amendments.';

let org: GivenOrganization;
let applicationId: string;
let name: string;
let inesInterview: string;

function headingIndex(headings: string[], pattern: RegExp): number {
  const i = headings.findIndex((h) => pattern.test(h));
  if (i < 0) throw new Error(`No heading matches ${pattern}: ${headings.join(' | ')}`);
  return i;
}

async function overallText(browser: Browser): Promise<string> {
  const row = browser.page.getByRole('region', { name: 'Scores', exact: true }).getByRole('row', { name: /^Overall/ });
  return (await row.textContent()) ?? '';
}

describe('the debrief’s reading order and its view of the ratings', () => {
  beforeAll(async () => {
    // A fresh application of the opening: Ines and Mateo on the first step, 4 against 2; Ines then
    // reads the debrief and amends down to 2. Only the first step is held, so the competencies it
    // does not ask are evidence gaps.
    org = await givenOrganization('Order');
    name = `Olive Order ${Date.now() % 100000}`;
    ({ applicationId } = await org.application(name, ['screen', 'interviews']));
    inesInterview = await org.schedule(applicationId, 0, 'ines');
    const mateoInterview = await org.schedule(applicationId, 0, 'mateo');
    const rated = (rating: 2 | 4) => ({ rating, summary: `Rated ${rating} throughout.` });
    const ines = await org.submit('ines', inesInterview, { ...rated(4), recommendation: 'strong_yes' });
    await org.submit('mateo', mateoInterview, { ...rated(2), recommendation: 'no' });
    // Ines reads the panel's feedback, then amends: labelled, and counted only in the amended view.
    await org.people.ines.api.call('getDebrief', { params: { id: applicationId } });
    await org.amend('ines', ines, {
      ratings: ines.ratings.map((r) => ({ ...r, rating: 2 as const, evidence: 'On reflection, a 2.' })),
      recommendation: 'no',
      summary: 'Mateo’s evidence convinced me.',
      reason: 'Read Mateo’s evidence on the design answer.',
    });
    await org.move(applicationId, 'debrief');
  });

  test('discuss first, evidence gaps, scores, scorecards, decision last; independent figures by default; the switch; print', async () => {
    await withBrowser(async (browser) => {
      const { page } = browser;
      await signIn(browser, org.people.hm.email, org.password);
      await browser.goto(`/applications/${applicationId}/debrief`);
      await page.getByRole('heading', { level: 1, name: `Debrief: ${name}` }).waitFor();

      // The order of the sections in the DOM.
      const headings = (await page.locator('.debrief-page h2').allTextContents()).map((h) => h.trim());
      const order = [/^Discuss first$/, /^Evidence gaps$/, /^Scores$/, /^Scorecards \(2\)$/, /^Decision$/].map((p) =>
        headingIndex(headings, p),
      );
      expect(order).toEqual([...order].sort((a, b) => a - b));
      expect(order.at(-1)).toBe(headings.length - 1);

      // Independent ratings by default, said plainly; Ines's 4s count, not her amended 2s.
      await page.getByText(INDEPENDENT_LINE).waitFor();
      expect(await page.getByRole('radio', { name: 'Independent ratings (default)' }).isChecked()).toBe(true);
      const independentOverall = await overallText(browser);
      expect(independentOverall).toContain('3.0');
      const discuss = page.getByRole('region', { name: 'Discuss first', exact: true });
      await discuss.getByText('Split', { exact: true }).waitFor();

      // The amendment beside the original, with its reason and the label.
      const cards = page.getByRole('region', { name: 'Scorecards (2)' });
      await cards.getByText('Read Mateo’s evidence on the design answer.', { exact: false }).waitFor();
      await cards.getByText('Amended after reading the panel’s feedback').first().waitFor();
      await cards.getByText('Amended to: 2').first().waitFor();

      // Evidence gaps: competencies the held step did not ask, each with a way to add an interview.
      const gaps = page.getByRole('region', { name: 'Evidence gaps', exact: true });
      expect(await gaps.locator('.evidence-gap').count()).toBeGreaterThan(0);
      await gaps.getByText('No independent rating').first().waitFor();
      const add = gaps.getByRole('link', { name: /^Add an interview for / }).first();
      expect(await add.getAttribute('href')).toMatch(
        new RegExp(`^/applications/${applicationId}\\?schedule=[0-9a-f-]{36}$`),
      );
      await browser.audit('debrief in reading order');
      await page.evaluate(() => window.scrollTo(0, 0));
      await browser.screenshot('debrief-independent');

      await page.emulateMedia({ media: 'print' });
      expect(await page.getByText(INDEPENDENT_LINE).isVisible()).toBe(true);
      expect(await page.getByRole('radio', { name: 'Independent ratings (default)' }).isVisible()).toBe(false);
      await browser.screenshot('debrief-independent-print');
      await page.emulateMedia({ media: 'screen' });

      // The switch: the amended view, in the URL, and said so; Ines's 2s now count.
      await page.getByRole('radio', { name: 'With amendments' }).check();
      await page.getByText(AMENDED_LINE).waitFor();
      await page.waitForURL((url) => url.searchParams.get('ratings') === 'with_amendments');
      await page.waitForFunction(
        (before) =>
          document.querySelector('.score-table__overall')?.textContent !== before &&
          document.querySelector('.score-table__overall')?.textContent?.includes('2.0'),
        independentOverall,
      );
      expect(await discuss.getByText('Split', { exact: true }).count()).toBe(0);
      await browser.audit('debrief with amendments');
      await page.evaluate(() => window.scrollTo(0, 0));
      await browser.screenshot('debrief-with-amendments');
      await page.emulateMedia({ media: 'print' });
      expect(await page.getByText(AMENDED_LINE).isVisible()).toBe(true);
      await browser.screenshot('debrief-with-amendments-print');
      await page.emulateMedia({ media: 'screen' });

      // Back to the independent ratings.
      await page.getByRole('radio', { name: 'Independent ratings (default)' }).check();
      await page.getByText(INDEPENDENT_LINE).waitFor();
      await page.waitForURL((url) => !url.searchParams.has('ratings'));

      // Hold: to the decision, with hold chosen.
      await gaps.getByRole('button', { name: 'Hold' }).click();
      const form = page.getByRole('form', { name: 'Record a decision' });
      const hold = form.getByLabel('Hold', { exact: true });
      expect(await hold.isChecked()).toBe(true);
      expect(await hold.evaluate((el) => el === document.activeElement)).toBe(true);

      // Add an interview: the application page opens scheduling with a step that asks the competency.
      await add.click();
      await browser.waitForPath(`/applications/${applicationId}`);
      const dialog = page.getByRole('dialog', { name: 'Schedule interview' });
      await dialog.waitFor();
      await dialog.getByText('More evidence for a competency').waitFor();
      const chosen = await dialog.getByLabel('Plan step').evaluate((el) => {
        const select = el as HTMLSelectElement;
        return select.options[select.selectedIndex]?.textContent ?? '';
      });
      const asking = await dialog.locator('option', { hasText: '(asks it)' }).count();
      if (asking > 0) expect(chosen).toContain('(asks it)');
      await browser.audit('scheduling for an evidence gap');
      await browser.screenshot('debrief-gap-schedule');
    });
  }, 120_000);

  test('an interviewer reads the independent ratings, with no switch', async () => {
    await withBrowser(async (browser) => {
      const { page } = browser;
      await signIn(browser, org.people.ines.email, org.password, /^\/(interviews)?$/);
      // Even asked for in the URL, an interviewer gets the independent ratings.
      await browser.goto(`/applications/${applicationId}/debrief?ratings=with_amendments`);
      await page.getByRole('heading', { level: 1, name: `Debrief: ${name}` }).waitFor();
      await page.getByText(INDEPENDENT_LINE).waitFor();
      expect(await page.getByRole('radio', { name: 'With amendments' }).count()).toBe(0);
      expect(await page.getByRole('link', { name: /^Add an interview for / }).count()).toBe(0);

      // Her own scorecard keeps its amendment history, labelled, with what it replaced.
      await browser.goto(`/interviews/${inesInterview}`);
      const history = page.locator('.amendments');
      await history.getByText('Read Mateo’s evidence on the design answer.').waitFor();
      await history.getByText('Amended after reading the panel’s feedback.').waitFor();
      await history.getByText('Replaced the first submission (recommendation: Strong yes).').waitFor();
      await history.scrollIntoViewIfNeeded();
      await browser.screenshot('interview-amendment-history');
    });
  }, 60_000);
});
