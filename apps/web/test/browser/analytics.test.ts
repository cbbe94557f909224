import { describe, expect, test } from '@jest/globals';
import { formatFixed } from '@scorecard/domain';
import type { Page } from 'playwright-core';
import { apiSignIn, givenOrganization } from './api-client';
import { DEMO_PASSWORD, expectTitle, shot, signIn, withBrowser } from './harness';

const RECRUITER = 'recruiter@acme.test';
const HM = 'hm@acme.test';
const ADMIN = 'admin@acme.test';
const INTERVIEWER = 'interviewer1@acme.test';
const OPENING = 'Tech Lead, Platform';
const DAY = 86_400_000;

type Funnel = { stage: string; reached: number; conversion: number | null }[];
type Pipeline = { funnel: Funnel; timeInStage: { stage: string; medianDays: number | null; sample: number }[] };
type Calibration = {
  thresholds: { offsetUnits: number; scorecards: number; alphaUnits: number };
  interviewers: {
    interviewer: { name: string };
    scorecards: number;
    offset: {
      value: number | null;
      sample: number;
      enough: boolean;
      interval: { low: number; high: number } | null;
      verdict: 'lenient' | 'severe' | 'in_line' | 'not_enough_data';
    };
    ratingDistribution: number[];
  }[];
  agreement: {
    competency: string;
    alpha: number | null;
    units: number;
    enough: boolean;
    interval: { low: number; high: number } | null;
    allSame: boolean;
  }[];
};

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
/** The default range the page shows: the last 90 days, today included (UTC days). */
const defaultFrom = () => day(Date.now() - 89 * DAY);
const today = () => day(Date.now());
const pct = (share: number) => `${Math.round(share * 100)}%`;

async function apiGet<T>(email: string, path: string): Promise<T> {
  const session = await apiSignIn(email, DEMO_PASSWORD);
  const res = await session.request('GET', path);
  expect(res.status).toBe(200);
  return res.body as T;
}

/** Nothing on the page is wider than the screen except what scrolls inside a table wrapper. */
async function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('.analytics *')]
      .filter((e) => !e.closest('.table-wrap'))
      .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
      .map((e) => `${e.tagName.toLowerCase()}.${String(e.getAttribute('class'))}`),
  );
}

describe('pipeline analytics', () => {
  test('a recruiter reads the funnel as a chart and as a table, narrows the dates in the URL, and is not offered calibration', async () => {
    const from = defaultFrom();
    const to = today();
    const expected = await apiGet<Pipeline>(RECRUITER, `/api/v1/analytics/pipeline?from=${from}&to=${to}`);
    const applied = expected.funnel[0]!;
    const screen = expected.funnel[1]!;
    expect(applied.reached).toBeGreaterThan(0);

    await withBrowser(async (browser) => {
      const { page } = browser;
      await signIn(browser, RECRUITER, DEMO_PASSWORD);
      await browser.openFromMenu('Analytics', '/analytics/pipeline');
      await page.getByRole('heading', { level: 1, name: 'Pipeline analytics' }).waitFor();
      await expectTitle(page, 'Pipeline analytics · Scorecard');
      // Recruiters get the pipeline only: no calibration tab.
      expect(await page.getByRole('link', { name: 'Interviewer calibration' }).count()).toBe(0);

      // The default range is in the inputs.
      expect(await page.getByLabel('From', { exact: true }).inputValue()).toBe(from);
      expect(await page.getByLabel('To', { exact: true }).inputValue()).toBe(to);
      expect(await page.getByLabel('Opening', { exact: true }).locator('option:checked').textContent()).toBe(
        'All openings',
      );

      // The funnel says in words what the bars show, with the API's numbers.
      const funnel = page.getByRole('img', { name: new RegExp(`^Of ${applied.reached} applications?, `) });
      await funnel.waitFor();
      const name = (await funnel.getAttribute('aria-labelledby'))!;
      const caption = (await page.locator(`[id="${name}"]`).textContent())!;
      expect(caption).toContain(
        `${screen.reached === 0 ? 'none' : screen.reached} reached screen (${pct(applied.conversion!)})`,
      );
      for (const s of expected.funnel) {
        expect(await page.locator(`[data-chart="funnel"] [data-stage="${s.stage}"]`).textContent()).toContain(
          String(s.reached),
        );
      }
      await page.getByRole('img', { name: /^Median time in each stage before moving on/ }).waitFor();
      await browser.audit('pipeline analytics');
      await shot(browser, 'analytics-pipeline');

      // The same numbers as a table.
      await page.getByRole('button', { name: 'Show as table (Funnel)' }).click();
      const table = page.getByRole('table', { name: 'Funnel by stage' });
      await table.waitFor();
      expect(await page.locator('[data-chart="funnel"]').count()).toBe(0);
      for (const s of expected.funnel) {
        const row = table.locator(`tr[data-stage="${s.stage}"]`);
        expect(await row.locator('[data-cell="reached"]').textContent()).toBe(String(s.reached));
        if (s.conversion !== null)
          expect(await row.locator('[data-cell="conversion"]').textContent()).toContain(pct(s.conversion));
      }
      await page.getByRole('button', { name: 'Show as table (Time in stage)' }).click();
      const times = page.getByRole('table', { name: 'Median time in stage' });
      await times.waitFor();
      for (const s of expected.timeInStage) {
        const cell = await times.locator(`tr[data-stage="${s.stage}"] td`).first().textContent();
        if (s.sample === 0) expect(cell).toBe('No data');
        else expect(cell).toMatch(/days?$/);
      }
      await browser.audit('pipeline as tables');
      await shot(browser, 'analytics-pipeline-tables');
      await page.getByRole('button', { name: 'Show as chart (Funnel)' }).click();
      await funnel.waitFor();

      // Narrow the range: the URL follows, and the report says what it covers.
      const lastWeek = day(Date.now() - 6 * DAY);
      await page.getByLabel('From', { exact: true }).fill(lastWeek);
      await page.waitForURL((url) => url.searchParams.get('from') === lastWeek && url.searchParams.get('to') === to);
      await page.getByText(/^Applications created from .+ \(UTC days\), across all openings\.$/).waitFor();

      // A start after the end is refused in place; the URL keeps the last good range.
      await page.getByLabel('From', { exact: true }).fill(day(Date.now() + 3 * DAY));
      await page.getByText('The start must not be after the end.').waitFor();
      expect(await page.getByLabel('To', { exact: true }).getAttribute('aria-invalid')).toBe('true');
      expect(new URL(page.url()).searchParams.get('from')).toBe(lastWeek);
      await browser.audit('dates out of order');
      await shot(browser, 'analytics-pipeline-invalid-dates');

      // Clearing the dates covers all time.
      await page.getByRole('button', { name: 'Clear dates' }).click();
      await page.waitForURL((url) => url.searchParams.get('from') === '' && url.searchParams.get('to') === '');
      await page.getByText('Applications created at any time (UTC days), across all openings.').waitFor();
      expect(await page.getByLabel('From', { exact: true }).inputValue()).toBe('');
      await page.getByRole('button', { name: 'Last 90 days' }).click();
      await page.waitForURL((url) => !url.searchParams.has('from') && !url.searchParams.has('to'));
      expect(await page.getByLabel('From', { exact: true }).inputValue()).toBe(from);

      // One opening: the URL names it, and the funnel is that opening's.
      const openings = await apiGet<{ items: { id: string; title: string }[] }>(
        RECRUITER,
        `/api/v1/openings?q=${encodeURIComponent(OPENING)}`,
      );
      const opening = openings.items.find((o) => o.title === OPENING)!;
      const scoped = await apiGet<Pipeline>(
        RECRUITER,
        `/api/v1/analytics/pipeline?openingId=${opening.id}&from=${from}&to=${to}`,
      );
      await page.getByLabel('Opening', { exact: true }).selectOption({ label: OPENING });
      await page.waitForURL((url) => url.searchParams.get('openingId') === opening.id);
      await page.getByText(`across all openings`).waitFor({ state: 'detached' });
      await page.getByText(new RegExp(`\\(UTC days\\), for ${OPENING}\\.$`)).waitFor();
      await page.getByRole('img', { name: new RegExp(`^Of ${scoped.funnel[0]!.reached} applications?, `) }).waitFor();
      await page.goBack();
      await page.waitForURL((url) => !url.searchParams.has('openingId'));
      // The filter follows the URL one render later than the URL changes: wait for it, then check.
      await page
        .getByLabel('Opening', { exact: true })
        .locator('option:checked', { hasText: 'All openings' })
        .waitFor({ state: 'attached' });
      expect(await page.getByLabel('Opening', { exact: true }).locator('option:checked').textContent()).toBe(
        'All openings',
      );

      // Calibration is not the recruiter's, even by URL.
      await browser.goto('/analytics/calibration');
      await page.getByRole('heading', { name: 'Interviewer calibration is for hiring managers and admins' }).waitFor();
      expect(await page.getByRole('table').count()).toBe(0);
      await shot(browser, 'analytics-calibration-recruiter');
      await page.getByRole('link', { name: 'Go to pipeline analytics' }).click();
      await browser.waitForPath('/analytics/pipeline');
    });
  });

  test('a range with no applications says so, and an unknown opening offers all openings', async () => {
    await withBrowser(async (browser) => {
      const { page } = browser;
      await signIn(browser, ADMIN, DEMO_PASSWORD);
      await browser.goto('/analytics/pipeline?from=2001-01-01&to=2001-12-31');
      await page.getByRole('heading', { name: 'No applications in this range' }).waitFor();
      await shot(browser, 'analytics-pipeline-empty');
      await page.getByRole('button', { name: 'Clear dates' }).last().click();
      await page.waitForURL((url) => url.searchParams.get('from') === '');
      await page.getByRole('heading', { name: 'Funnel' }).waitFor();

      await browser.goto('/analytics/pipeline?openingId=00000000-0000-4000-8000-000000000000');
      await page.getByRole('heading', { name: 'This opening doesn’t exist' }).waitFor();
      await page.getByRole('button', { name: 'Show all openings' }).click();
      await page.waitForURL((url) => !url.searchParams.has('openingId'));
      await page.getByRole('heading', { name: 'Funnel' }).waitFor();
    });
  });
});

describe('interviewer calibration', () => {
  test('a hiring manager sees every interviewer, greyed figures where data is thin, the thresholds and panel agreement', async () => {
    const expected = await apiGet<Calibration>(HM, `/api/v1/analytics/calibration?from=${defaultFrom()}&to=${today()}`);
    expect(expected.interviewers.length).toBeGreaterThan(0);
    const { thresholds } = expected;

    await withBrowser(async (browser) => {
      const { page } = browser;
      await signIn(browser, HM, DEMO_PASSWORD);
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Analytics' }).click();
      // Hiring managers land on calibration; both reports are offered.
      await browser.waitForPath('/analytics/calibration');
      await page.getByRole('heading', { level: 1, name: 'Interviewer calibration' }).waitFor();
      const tabs = page.getByRole('navigation', { name: 'Analytics reports' });
      expect(await tabs.getByRole('link').allTextContents()).toEqual([
        'Pipeline',
        'Interviewer calibration',
        'Adverse impact',
      ]);

      const table = page.getByRole('table', { name: 'Interviewer calibration' });
      await table.waitFor();
      expect(await table.locator('tbody th').allTextContents()).toEqual(
        expected.interviewers.map((i) => i.interviewer.name),
      );
      for (const i of expected.interviewers) {
        const row = table.locator(`tr[data-interviewer="${i.interviewer.name}"]`);
        expect(await row.locator('td').first().textContent()).toBe(String(i.scorecards));
        const offset = row.locator('[data-cell="offset"] .sampled');
        expect(await offset.getAttribute('data-enough')).toBe(i.offset.enough ? null : 'false');
        const text = (await offset.textContent())!;
        if (!i.offset.enough) {
          expect(text).toContain(`Too little data: needs at least ${thresholds.offsetUnits} matched units`);
        }
        if (i.offset.value === null) expect(text).toContain('No matched units');
        if (i.offset.interval) {
          // "+0.4 (95% CI +0.1 to +0.7 · 24 units)": every figure rounded half up, one decimal.
          expect(text).toContain(`${formatFixed(Math.abs(i.offset.value!), 1)} (95% CI `);
          expect(text).toContain(`${i.offset.sample} units)`);
        }
        // The verdict word only when the verdict gives one.
        const verdict = row.locator('.offset__verdict');
        if (i.offset.verdict === 'lenient' || i.offset.verdict === 'severe') {
          expect((await verdict.textContent())!.trim()).toBe(i.offset.verdict);
        } else if (i.offset.verdict === 'in_line') {
          expect((await verdict.textContent())!.trim()).toBe('in line');
        } else {
          expect(await verdict.count()).toBe(0);
        }
      }
      // Figures below their thresholds are greyed, and the notes state the thresholds and the rule.
      if (expected.interviewers.some((i) => !i.offset.enough)) {
        expect(await table.locator('[data-enough="false"]').count()).toBeGreaterThan(0);
      }
      const note = page.locator('[data-thresholds]');
      expect(await note.textContent()).toContain(`at least ${thresholds.offsetUnits} matched units`);
      expect(await note.textContent()).toContain(`at least ${thresholds.scorecards} scorecards`);
      await page
        .getByText(
          `Called lenient or severe only with at least ${thresholds.offsetUnits} matched units and a 95% interval that excludes 0.`,
        )
        .waitFor();
      // Only an admin may change the minimum.
      expect(await page.getByRole('button', { name: 'Change the minimum' }).count()).toBe(0);

      // Panel agreement: alpha with its units, a reading or why there is none.
      const agreement = page.getByRole('table', { name: /Panel agreement per competency/ });
      for (const c of expected.agreement) {
        const row = agreement.locator(`tr[data-competency="${c.competency}"]`);
        const reading = await row.locator('[data-cell="reading"]').textContent();
        if (c.allSame) expect(reading).toBe('Everyone gave the same rating');
        else if (c.alpha === null) expect(reading).toBe('Not enough overlap');
        else {
          expect(await row.locator('[data-cell="alpha"]').textContent()).toContain(formatFixed(c.alpha, 2));
          if (!c.enough) expect(reading).toContain(`needs ${thresholds.alphaUnits} units`);
        }
        if (c.interval) {
          expect(await row.locator('[data-cell="interval"]').textContent()).toBe(
            `95% CI ${formatFixed(c.interval.low, 2).replace('-', '\u2212')} to ${formatFixed(c.interval.high, 2).replace('-', '\u2212')}`,
          );
        }
      }
      await page.getByText(/Krippendorff’s usual cut-offs, 0\.80 or more is good agreement/).waitFor();

      const ratings = page.getByRole('img', { name: /^Ratings given on the 1 to 4 scale, per interviewer\./ });
      const first = expected.interviewers[0]!;
      const total = first.ratingDistribution.reduce((a, b) => a + b, 0);
      expect(await page.locator(`[id="${(await ratings.getAttribute('aria-labelledby'))!}"]`).textContent()).toContain(
        `${first.interviewer.name}, ${total} rating`,
      );
      await browser.audit('calibration');
      await shot(browser, 'analytics-calibration');

      await page.getByRole('button', { name: 'Show as table (Rating distribution)' }).click();
      const ratingTable = page.getByRole('table', { name: 'Ratings per interviewer, 1 to 4' });
      await ratingTable.waitFor();
      const cells = await ratingTable
        .getByRole('row', { name: new RegExp(first.interviewer.name) })
        .locator('td')
        .allInnerTexts();
      // Each count sits over its share ("7" then "58%").
      expect(cells.slice(0, 4).map((c) => Number(c.split('\n')[0]))).toEqual(first.ratingDistribution);
      await browser.audit('rating distribution as a table');
      await shot(browser, 'analytics-calibration-ratings-table');

      // The tabs keep the filters.
      await page.getByLabel('From', { exact: true }).fill('2026-01-01');
      await page.waitForURL((url) => url.searchParams.get('from') === '2026-01-01');
      await tabs.getByRole('link', { name: 'Pipeline' }).click();
      await browser.waitForPath('/analytics/pipeline');
      expect(new URL(page.url()).searchParams.get('from')).toBe('2026-01-01');
      expect(await page.getByLabel('From', { exact: true }).inputValue()).toBe('2026-01-01');
    });
  });

  test('a hiring manager counts the scorecards imported from another system in and out, by a checkbox kept in the URL', async () => {
    const range = `from=${defaultFrom()}&to=${today()}`;
    const written = await apiGet<Calibration>(HM, `/api/v1/analytics/calibration?${range}`);
    const all = await apiGet<Calibration>(HM, `/api/v1/analytics/calibration?${range}&includeImported=true`);
    const counts = (c: Calibration) => c.interviewers.map((i) => `${i.interviewer.name}: ${i.scorecards}`);
    // The demo's two scorecards imported from Greenhouse are the difference.
    const sum = (c: Calibration) => c.interviewers.reduce((n, i) => n + i.scorecards, 0);
    expect(sum(all) - sum(written)).toBe(2);

    await withBrowser(async (browser) => {
      const { page } = browser;
      await signIn(browser, HM, DEMO_PASSWORD);
      await browser.goto('/analytics/calibration');
      const table = page.getByRole('table', { name: 'Interviewer calibration' });
      const shown = async () =>
        Promise.all(
          (await table.locator('tbody tr').all()).map(
            async (row) =>
              `${await row.getAttribute('data-interviewer')}: ${await row.locator('td').first().textContent()}`,
          ),
        );
      await table.waitFor();
      const box = page.getByRole('checkbox', { name: 'Count scorecards imported from another system' });
      expect(await box.isChecked()).toBe(false);
      expect(await shown()).toEqual(counts(written));
      await page.getByText(/across all openings, imported ones left out\./).waitFor();

      // Keyboard: Space ticks it; the figures and the scope line follow, and the URL keeps the choice.
      await box.focus();
      await page.keyboard.press('Space');
      await page.getByText(/across all openings, imported ones included\./).waitFor();
      await page.waitForFunction(() => new URL(location.href).searchParams.get('imported') === 'true');
      // Until the new figures are in, the previous ones stay on screen (busy): wait for every row.
      await page.waitForFunction(
        (expected) =>
          expected.every(
            ([name, n]) => document.querySelector(`tr[data-interviewer="${name}"] td`)?.textContent === String(n),
          ),
        all.interviewers.map((i) => [i.interviewer.name, i.scorecards] as const),
      );
      expect(await shown()).toEqual(counts(all));
      await browser.audit('calibration with imported scorecards');

      // A reload (or a shared link) keeps it; unticking leaves them out again.
      await page.reload();
      await table.waitFor();
      expect(await box.isChecked()).toBe(true);
      expect(await shown()).toEqual(counts(all));
      await box.uncheck();
      await page.getByText(/imported ones left out\./).waitFor();
      await page.waitForFunction(() => !new URL(location.href).searchParams.has('imported'));
    });
  });

  test('an admin changes the minimum of matched units in place, and the verdicts follow it', async () => {
    // In an organization of its own (the setting is the organization's), with two scorecards in.
    const org = await givenOrganization('Calibration');
    const { applicationId } = await org.application(`Cal Ibrate ${Date.now() % 100000}`, ['screen', 'interviews']);
    await org.submit('ines', await org.schedule(applicationId, 0, 'ines'), { rating: 3, recommendation: 'yes' });
    await org.submit('mateo', await org.schedule(applicationId, 0, 'mateo'), { rating: 2, recommendation: 'no' });
    await withBrowser(async (browser) => {
      const { page } = browser;
      await signIn(browser, org.people.admin.email, org.password);
      await browser.goto('/analytics/calibration');
      await page.getByRole('table', { name: 'Interviewer calibration' }).waitFor();
      const rule = (n: number) =>
        `Called lenient or severe only with at least ${n} matched units and a 95% interval that excludes 0.`;
      await page.getByText(rule(10)).waitFor();
      await page.getByRole('button', { name: 'Change the minimum' }).click();
      const input = page.getByLabel('Matched units before anyone is called lenient or severe');
      expect(await input.evaluate((e) => e === document.activeElement)).toBe(true);
      await input.fill('1');
      await page.getByRole('button', { name: 'Save' }).click();
      await page.getByText('At least 2 units.').waitFor();
      expect(await input.getAttribute('aria-invalid')).toBe('true');
      await browser.audit('calibration minimum form with an error');
      await shot(browser, 'analytics-calibration-minimum');
      await input.fill('3');
      await page.keyboard.press('Enter');
      await page.getByRole('status').filter({ hasText: 'Saved: offsets now need at least 3 matched units.' }).waitFor();
      await page.getByText(rule(3)).waitFor();
      const after = await org.people.hm.api.call('getCalibration', { query: { from: defaultFrom(), to: today() } });
      expect(after.thresholds.offsetUnits).toBe(3);
      // Escape closes the form without saving and gives focus back to its button.
      await page.getByRole('button', { name: 'Change the minimum' }).click();
      await input.fill('500');
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: 'Change the minimum' }).waitFor();
      await page.getByText(rule(3)).waitFor();
    });
  });

  test('an interviewer has no analytics, by the menu or by URL', async () => {
    await withBrowser(async (browser) => {
      const { page } = browser;
      await signIn(browser, INTERVIEWER, DEMO_PASSWORD);
      expect(
        await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Analytics' }).count(),
      ).toBe(0);
      await browser.goto('/analytics');
      await page.getByRole('heading', { name: 'You don’t have access to Analytics' }).waitFor();
      await browser.goto('/analytics/calibration');
      await page.getByRole('heading', { name: 'You don’t have access to Analytics' }).waitFor();
      expect(await page.getByRole('table').count()).toBe(0);
      await shot(browser, 'analytics-interviewer');
    });
  });
});

describe('analytics on a tablet', () => {
  test('at 768px the charts, tables and filters fit the screen', async () => {
    await withBrowser(
      async (browser) => {
        const { page } = browser;
        await signIn(browser, HM, DEMO_PASSWORD);
        await browser.goto('/analytics/pipeline');
        await page.getByRole('img', { name: /^Of \d+ applications?/ }).waitFor();
        expect(await overflowing(page)).toEqual([]);
        await shot(browser, 'analytics-pipeline-tablet');
        await browser.goto('/analytics/calibration');
        await page.getByRole('table', { name: 'Interviewer calibration' }).waitFor();
        expect(await overflowing(page)).toEqual([]);
        await shot(browser, 'analytics-calibration-tablet');
      },
      { width: 768, height: 1024 },
    );
  });
});
