import { beforeAll, describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { apiSignIn, givenOrganization, ok, type ApiSession, type GivenOrganization } from './api-client';
import { DEMO_PASSWORD, expectTitle, SCREENSHOT_DIR, shot, signIn, withBrowser } from './harness';

const HM = 'hm@acme.test';
const HM_NAME = 'Harper Lindqvist';
const OPENING = 'Tech Lead, Platform';
const ACKNOWLEDGE = 'I have read the dealbreaker flags and want to hire anyway';
const DEALBREAKER_REFUSAL = /flagged (a dealbreaker|\d+ dealbreakers)\. Acknowledge (it|them) to hire anyway\./;
/** "2.5 (n=2, spread 1)": a figure with its count and spread. */
const FIGURE = /\d\.\d \(n=\d+, spread \d+(\.\d)?\)/;
/** The same in a narrow table cell: "2.5 n=2, spread 1". */
const COMPACT_FIGURE = /\d\.\d n=\d+, spread \d+(\.\d)?/;

type Board = {
  columns: { stage: string; cards: { applicationId: string; candidate: { name: string }; scorecardsIn: number }[] }[];
};
type DebriefBody = {
  dealbreaker: boolean;
  disagreements: { competencies: string[]; criteria: string[]; recommendationSplit: boolean };
  application: { candidate: { name: string } };
};

/** The demo opening's id. */
let openingId: string;
/** The demo application in debrief with a disagreement and a dealbreaker, found through the API. */
let demo: { applicationId: string; name: string };
/** The organization of this file's own, for the journeys that decide and compare (they change data). */
let org: GivenOrganization;

async function board(session: ApiSession, opening = openingId): Promise<Board> {
  return ok<Board>(session.request('GET', `/api/v1/openings/${opening}/board`));
}

/**
 * A fresh application in debrief: Ines and Mateo interview on the same step and disagree (4
 * against 2, Ines also flags a dealbreaker) and have submitted; Priya's step is scheduled with her
 * scorecard still a draft.
 */
async function decisionSubject(name: string): Promise<{ applicationId: string; priyaInterview: string }> {
  const { applicationId } = await org.application(name, ['screen', 'interviews'], {
    currentTitle: 'Staff engineer',
    currentCompany: 'Globex',
  });
  const ines = await org.schedule(applicationId, 0, 'ines');
  const mateo = await org.schedule(applicationId, 0, 'mateo');
  const priyaInterview = await org.schedule(applicationId, 1, 'priya');
  await org.submit('ines', ines, { rating: 4, recommendation: 'strong_yes', dealbreaker: true });
  await org.submit('mateo', mateo, { rating: 2, recommendation: 'no' });
  await org.move(applicationId, 'debrief');
  return { applicationId, priyaInterview };
}

function section(page: Page, name: string) {
  return page.getByRole('region', { name, exact: true });
}

describe('debrief, decision and comparison', () => {
  beforeAll(async () => {
    const hm = await apiSignIn(HM, DEMO_PASSWORD);
    const openings = await ok<{ items: { id: string; title: string }[] }>(
      hm.request('GET', `/api/v1/openings?q=${encodeURIComponent(OPENING)}`),
    );
    openingId = openings.items.find((o) => o.title === OPENING)!.id;
    const cards = (await board(hm)).columns.flatMap((c) => c.cards.map((card) => ({ ...card, stage: c.stage })));
    for (const card of cards.filter((c) => c.scorecardsIn > 0 && c.stage === 'debrief')) {
      const d = await ok<DebriefBody>(hm.request('GET', `/api/v1/applications/${card.applicationId}/debrief`));
      const disagrees = d.disagreements.competencies.length + d.disagreements.criteria.length > 0;
      if (d.dealbreaker && disagrees) demo = { applicationId: card.applicationId, name: card.candidate.name };
    }
    expect(demo).toBeDefined();
    org = await givenOrganization('Debrief');
  });

  test('the hiring manager reads the demo debrief: disagreements first, the dealbreaker marked, every score with n and spread; print', async () => {
    await withBrowser(async (browser) => {
      const { page } = browser;
      await signIn(browser, HM, DEMO_PASSWORD);
      // From the application page, its Debrief link.
      await browser.goto(`/applications/${demo.applicationId}`);
      await page.getByRole('link', { name: 'Debrief', exact: true }).click();
      await browser.waitForPath(`/applications/${demo.applicationId}/debrief`);
      await page.getByRole('heading', { level: 1, name: `Debrief: ${demo.name}` }).waitFor();
      await expectTitle(page, `Debrief · ${demo.name} · Scorecard`);
      await page.locator('.live-indicator', { hasText: 'Live' }).waitFor();

      // The sections, in the order the panel works through them: the decision last.
      const headings = await page.locator('.debrief-page h2').allTextContents();
      expect(headings).toEqual([
        'Discuss first',
        'Evidence gaps',
        'Missing and overdue scorecards',
        'Scores',
        'Ratings by interviewer',
        'Recommendations',
        'Red flags',
        expect.stringMatching(/^Scorecards \(\d+\)$/),
        'Debrief meeting',
        'Decision',
      ]);

      const discuss = section(page, 'Discuss first');
      expect(await discuss.locator('.discuss-item').count()).toBeGreaterThan(0);
      await discuss.getByText('Disagreement').first().waitFor();
      // Each disagreeing criterion lists every interviewer's rating with their evidence.
      expect(await discuss.locator('.discuss-rating').count()).toBeGreaterThanOrEqual(2);

      const flags = section(page, 'Red flags');
      await flags.locator('.debrief-flag--dealbreaker .severity--dealbreaker', { hasText: 'Dealbreaker' }).waitFor();
      // Dealbreakers come first.
      expect(await flags.locator('.debrief-flag').first().getAttribute('class')).toContain('dealbreaker');
      await page.locator('.debrief-summary').getByText('Dealbreaker flagged').waitFor();

      const scores = section(page, 'Scores');
      const overall = scores.getByRole('row', { name: /^Overall/ });
      expect(await overall.textContent()).toMatch(FIGURE);
      const figures = await scores.locator('tbody tr').allTextContents();
      expect(figures.filter((t) => FIGURE.test(t)).length).toBeGreaterThan(4);
      await browser.audit('demo debrief');
      await shot(browser, 'debrief');

      // Hiring over a dealbreaker is refused without the explicit acknowledgement (nothing is sent).
      const form = page.getByRole('form', { name: 'Record a decision' });
      await form.getByLabel('Hire', { exact: true }).check();
      await form.getByLabel(ACKNOWLEDGE).waitFor();
      await form.getByLabel('Rationale').fill('Strong design; the panel should weigh the flag first.');
      await form.getByRole('button', { name: 'Record decision' }).click();
      await form.getByText(DEALBREAKER_REFUSAL).waitFor();
      expect(await form.getByLabel(ACKNOWLEDGE).getAttribute('aria-invalid')).toBe('true');
      await browser.audit('decision refused over a dealbreaker');
      await form.screenshot({ path: join(SCREENSHOT_DIR, 'debrief-decision-refused.png') });
      const stillDebrief = await apiSignIn(HM, DEMO_PASSWORD);
      expect(
        (
          await ok<{ decisions: unknown[]; application: { stage: string } }>(
            stillDebrief.request('GET', `/api/v1/applications/${demo.applicationId}/debrief`),
          )
        ).application.stage,
      ).toBe('debrief');

      // Print: no navigation or buttons, black on white.
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('header.header').isVisible()).toBe(false);
      expect(await page.getByRole('button', { name: 'Print' }).isVisible()).toBe(false);
      expect(await form.isVisible()).toBe(false);
      expect(await page.locator('.debrief-print-only').isVisible()).toBe(true);
      await browser.audit('debrief for print');
      await browser.screenshot('debrief-print');
      await page.emulateMedia({ media: 'screen' });

      await page.setViewportSize({ width: 768, height: 1024 });
      await shot(browser, 'debrief-tablet');
      await page.setViewportSize({ width: 1280, height: 800 });
    });
  }, 90_000);

  test('the debrief shows a recommendation its author confirmed against their own ratings, and the candidate’s questions step', async () => {
    const hm = await apiSignIn(HM, DEMO_PASSWORD);
    const rosa = (await board(hm)).columns.flatMap((c) => c.cards).find((c) => c.candidate.name === 'Rosa Delgado')!;
    await withBrowser(async (browser) => {
      const { page } = browser;
      await signIn(browser, HM, DEMO_PASSWORD);
      await browser.goto(`/applications/${rosa.applicationId}/debrief`);
      const note = page.getByTestId('debrief-contradiction');
      await note.waitFor();
      expect(await note.textContent()).toMatch(/^Ines Okafor confirmed this recommendation against their own ratings/);
      const questions = page.getByRole('article', { name: /Harper Lindqvist/ });
      expect(await questions.textContent()).toContain('No recommendation');
      await browser.audit('debrief with a confirmed contradiction');
      await browser.screenshot('debrief-contradiction');
    });
  });

  test('an interviewer with feedback still to give sees the independence note, nothing else', async () => {
    const { applicationId } = await decisionSubject(`Priya Pending ${Date.now() % 100000}`);
    await withBrowser(async (browser) => {
      const { page } = browser;
      const panelRequests: string[] = [];
      page.on('response', (r) => {
        if (r.url().includes(`/api/v1/applications/${applicationId}/`) && r.status() === 200)
          panelRequests.push(r.url());
      });
      await signIn(browser, org.people.priya.email, org.password, /^\/(interviews)?$/);
      await browser.goto(`/applications/${applicationId}/debrief`);
      await page.getByRole('heading', { name: 'This debrief isn’t open to you yet' }).waitFor();
      await page.getByText('Submit your own scorecard').waitFor();
      expect(await page.locator('.debrief-section').count()).toBe(0);
      expect(panelRequests).toEqual([]);
      await shot(browser, 'debrief-locked');
    });
  });

  test('the hiring manager sees a scorecard arrive live, holds, then hires over an acknowledged dealbreaker', async () => {
    const name = `Dana Decision ${Date.now() % 100000}`;
    const { applicationId, priyaInterview } = await decisionSubject(name);
    await withBrowser(async (browser) => {
      const { page } = browser;
      await signIn(browser, org.people.hm.email, org.password);
      await browser.goto(`/applications/${applicationId}/debrief`);
      await page.getByRole('heading', { level: 1, name: `Debrief: ${name}` }).waitFor();
      await page.locator('.live-indicator', { hasText: 'Live' }).waitFor();
      await page.getByRole('heading', { name: 'Scorecards (2)' }).waitFor();
      const missing = section(page, 'Missing and overdue scorecards');
      await missing.getByText('Priya Raman').waitFor();
      await missing.getByText('Overdue', { exact: true }).waitFor();
      // Ines rated 4 and Mateo 2 on the same criteria: a disagreement, and a split recommendation.
      const discuss = section(page, 'Discuss first');
      await discuss.getByText('Recommendations', { exact: false }).first().waitFor();
      expect(await discuss.locator('.discuss-criterion').count()).toBeGreaterThan(0);

      // Priya submits while the page is open: it updates without a reload.
      await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
      await org.submit('priya', priyaInterview, { rating: 3, recommendation: 'yes' });
      await page.getByRole('status').filter({ hasText: 'Updated: a new scorecard arrived.' }).waitFor();
      await page.getByRole('heading', { name: 'Scorecards (3)' }).waitFor();
      await missing.getByText('Every scheduled interview has its scorecard in.').waitFor();
      expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
      await browser.audit('debrief after a live update');
      await shot(browser, 'debrief-live-update');

      // Hold keeps the stage and is recorded with author and time.
      const form = page.getByRole('form', { name: 'Record a decision' });
      await form.getByRole('button', { name: 'Record decision' }).click();
      await form.getByText('Choose hire, no hire or hold.').waitFor();
      await form.getByText('Give the rationale for the decision.').waitFor();
      await form.getByLabel('Hold', { exact: true }).check();
      await form.getByLabel('Rationale').fill('Waiting for the reference from their last manager.');
      await form.getByRole('button', { name: 'Record decision' }).click();
      await form.getByText('Decision recorded: Hold.').waitFor();
      const current = page.locator('.decision-current');
      await current.getByText('Hold', { exact: true }).waitFor();
      await current.getByText(HM_NAME).waitFor();
      await current.getByText('Waiting for the reference from their last manager.').waitFor();
      await page.locator('.debrief-summary').getByText('Debrief', { exact: true }).waitFor();

      // Hire over the dealbreaker: refused until acknowledged, then recorded and moved to Offer.
      await form.getByLabel('Hire', { exact: true }).check();
      await form.getByLabel('Rationale').fill('The reference was strong; the flag was discussed and explained.');
      await form.getByRole('button', { name: 'Record decision' }).click();
      await form.getByText(DEALBREAKER_REFUSAL).waitFor();
      await form.getByLabel(ACKNOWLEDGE).check();
      await browser.audit('decision form with the acknowledgement');
      await form.getByRole('button', { name: 'Record decision' }).click();
      await current.getByText('Hire', { exact: true }).waitFor();
      await current.getByText('Hired over a dealbreaker red flag, acknowledged.').waitFor();
      await page.locator('.debrief-summary').getByText('Offer', { exact: true }).waitFor();
      await page.locator('.decision-history').getByText('Waiting for the reference from their last manager.').waitFor();
      // At Offer there is nothing left to decide here.
      expect(await page.getByRole('form', { name: 'Record a decision' }).count()).toBe(0);
      await browser.audit('debrief after the decision');
      await shot(browser, 'debrief-decided');

      // The timeline has the move, by the hiring manager.
      await page.getByRole('link', { name, exact: true }).click();
      await browser.waitForPath(`/applications/${applicationId}`);
      await page
        .getByRole('list', { name: 'Stage timeline' })
        .getByRole('listitem')
        .filter({ hasText: 'Debrief → Offer' })
        .getByText(HM_NAME)
        .waitFor();
    });
  }, 90_000);

  test('the hiring manager compares candidates side by side, sorts, charts and downloads a formula-safe CSV', async () => {
    // Three applications with scorecards in: one like the demo's, its dealbreaker not acknowledged
    // (so it is listed apart); two that the panel rated evenly. And one without interviews.
    const listedApart = `Lara Apart ${Date.now() % 100000}`;
    const compared = [(await decisionSubject(listedApart)).applicationId];
    for (const [name, rating] of [
      ['Tomas Tiered', 3],
      ['Uma Tiered', 2],
    ] as const) {
      const { applicationId } = await org.application(`${name} ${Date.now() % 100000}`, ['screen', 'interviews']);
      await org.submit('ines', await org.schedule(applicationId, 0, 'ines'), { rating, recommendation: 'yes' });
      await org.submit('mateo', await org.schedule(applicationId, 0, 'mateo'), { rating: 3, recommendation: 'yes' });
      compared.push(applicationId);
    }
    expect(compared.length).toBeGreaterThanOrEqual(3);
    const formulaName = `=cmd Formula ${Date.now() % 100000}`;
    const { applicationId: formulaId } = await org.application(formulaName, [], {
      currentTitle: 'Staff engineer',
      currentCompany: 'Globex',
      desiredCodingSharePct: 30,
      desiredCareerPath: 'management',
    });
    const openingId = org.opening.id;
    await withBrowser(async (browser) => {
      const { page } = browser;
      await signIn(browser, org.people.hm.email, org.password);
      await browser.goto(`/openings/${openingId}/pipeline`);
      await page.getByRole('link', { name: 'Compare candidates' }).click();
      await browser.waitForPath(`/openings/${openingId}/compare`);
      await page.getByRole('heading', { name: 'Pick at least two candidates' }).waitFor();

      const picker = page.getByRole('group', { name: 'Candidates to compare' });
      const names = await Promise.all(
        compared.map(
          async (id) => (await picker.locator(`label[for="pick-${id}"] .compare-pick__name`).textContent())!,
        ),
      );
      // Each pick says how much feedback is in; an application without interviews says so, not "0 of 0".
      const meta = (id: string) => picker.locator(`label[for="pick-${id}"] .compare-pick__meta`).textContent();
      for (const id of compared) expect(await meta(id)).toMatch(/ · [1-9]\d* of [1-9]\d* scorecards/);
      expect(await meta(formulaId)).toBe('Applied · No interviews yet');
      for (const id of [...compared, formulaId]) await picker.locator(`#pick-${id}`).check();
      // The pick is in the URL, so the comparison can be shared.
      const picked = [...compared, formulaId].join(',');
      await page.waitForURL((url) => url.searchParams.get('ids') === picked);
      await browser.settled('comparison of the picked candidates');

      const table = page.getByRole('table', { name: /Candidates compared on/ });
      await table.waitFor();
      for (const n of [...names, formulaName]) await table.getByRole('link', { name: n, exact: true }).waitFor();
      expect(await table.locator('tbody tr:not(.compare-table__group-row)').first().textContent()).toMatch(
        COMPACT_FIGURE,
      );
      // In tiers, each overall with its standard error, the rule stated with its z.
      await table.locator('.compare-table__group-title', { hasText: /^Tier 1$/ }).waitFor();
      expect(await table.locator('.compare-table__se').first().textContent()).toMatch(
        /^± (\d\.\d\d?|\d\.\d \(pooled\))$|^error unknown$/,
      );
      await page.getByText(/told apart only when the gap between their overall scores is more than 1 ×/).waitFor();
      await page.getByText('Figures: independent ratings, as first submitted. Separation at z = 1.').waitFor();
      // The unacknowledged dealbreaker lists its candidate apart, below the tiers, with the reason.
      const demoRow = table
        .getByRole('row')
        .filter({ has: page.getByRole('link', { name: listedApart, exact: true }) });
      await demoRow.locator('.severity--dealbreaker').waitFor();
      await table.locator('.compare-table__group-title', { hasText: /^Listed apart$/ }).waitFor();
      expect(await demoRow.locator('.compare-table__place').textContent()).toBe('Listed apart');
      await browser.audit('comparison');
      await shot(browser, 'comparison');

      // Sort by the candidate's name, then flip it; aria-sort follows.
      const nameHeader = table.getByRole('columnheader', { name: /^Candidate/ });
      await nameHeader.getByRole('button').click();
      expect(await nameHeader.getAttribute('aria-sort')).toBe('ascending');
      const rowNames = async () =>
        (await table.locator('tbody th[scope="row"] a').allTextContents()).map((t) => t.trim());
      const ascending = await rowNames();
      expect(ascending).toEqual([...ascending].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())));
      await nameHeader.getByRole('button').press('Enter');
      expect(await nameHeader.getAttribute('aria-sort')).toBe('descending');
      expect(await rowNames()).toEqual([...ascending].reverse());
      // Overall sorts best first; the candidate with no scores goes last.
      const overallHeader = table.getByRole('columnheader', { name: /^Overall/ });
      await overallHeader.getByRole('button').click();
      expect(await overallHeader.getAttribute('aria-sort')).toBe('descending');
      expect((await rowNames()).at(-1)).toBe(formulaName);
      await browser.audit('comparison sorted');

      // The chart, and the same figures as a table.
      const chart = section(page, 'Competencies');
      await chart.getByRole('img', { name: /Competency means by candidate/ }).waitFor();
      await chart.screenshot({ path: join(SCREENSHOT_DIR, 'comparison-chart.png') });
      await chart.getByRole('button', { name: 'Show as table' }).click();
      await chart.getByRole('table', { name: 'Competency means by candidate' }).waitFor();
      expect(await chart.getByRole('button', { name: 'Show as chart' }).getAttribute('aria-pressed')).toBe('true');
      await browser.audit('comparison chart as a table');

      // CSV in the order shown; the formula-looking name is defused.
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Download CSV' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe('comparison-tech-lead-platform.csv');
      const csv = readFileSync((await download.path())!, 'utf8');
      const lines = csv.trim().split('\r\n');
      expect(lines[0]).toMatch(
        /^Tier,Listed apart,Candidate,Source,Stage,Overall,Standard error,Standard error from,Overall n,Overall spread,Rubric weight covered %,Partial,/,
      );
      expect(lines[0]).toMatch(/,Ratings,Separation z$/);
      expect(lines[1]).toMatch(/,"independent ratings, as first submitted",1$/);
      expect(lines).toHaveLength(compared.length + 2);
      expect(csv).toContain(`'${formulaName}`);
      expect(csv).not.toMatch(new RegExp(`(^|,)${formulaName}`, 'm'));

      await page.setViewportSize({ width: 768, height: 1024 });
      await shot(browser, 'comparison-tablet');
    });
  }, 90_000);
});
