import { describe, expect, test } from '@jest/globals';
import type { Page } from 'playwright-core';
import { apiSignIn } from './api-client';
import { DEMO_PASSWORD, signIn, uniqueEmail, withBrowser, type Browser } from './harness';

const RECRUITER = 'recruiter@acme.test';
const RECRUITER_NAME = 'Riley Recruiter';
const INTERVIEWER = 'interviewer1@acme.test';
const OPENING = 'Tech Lead, Platform';

async function shot(browser: Browser, name: string): Promise<void> {
  await browser.page.evaluate(() => window.scrollTo(0, 0));
  await browser.screenshot(name);
}

function unique(name: string): string {
  return `${name} ${Date.now() % 100000}`;
}

/** The card of `name` in the column of `stage`. */
function card(page: Page, stage: string, name: string) {
  return page.locator(`[data-stage="${stage}"] article`, { hasText: name });
}

async function focusedCardName(page: Page): Promise<string | null> {
  return page.evaluate(
    () => document.activeElement?.closest('article')?.querySelector('h3')?.textContent?.trim() ?? null,
  );
}

/** Focus moves to the card once the board has re-rendered after the move: wait for it, then check. */
async function expectFocusOnCard(page: Page, name: string): Promise<void> {
  await page
    .waitForFunction(
      (n) => document.activeElement?.closest('article')?.querySelector('h3')?.textContent?.trim() === n,
      name,
      { timeout: 5000, polling: 100 },
    )
    .catch(() => undefined);
  expect(await focusedCardName(page)).toBe(name);
}

/** The opening's id and a candidate applied to it over HTTP, for tests whose subject is the board. */
async function candidateOnBoard(name: string): Promise<{ openingId: string; applicationId: string }> {
  const recruiter = await apiSignIn(RECRUITER, DEMO_PASSWORD);
  const openings = (await recruiter.request('GET', `/api/v1/openings?q=${encodeURIComponent(OPENING)}`)).body as {
    items: { id: string; title: string }[];
  };
  const opening = openings.items.find((o) => o.title === OPENING)!;
  const created = await recruiter.request('POST', '/api/v1/candidates', {
    name,
    email: uniqueEmail('board'),
    source: 'linkedin',
    currentTitle: 'Staff engineer',
    currentCompany: 'Globex',
  });
  expect(created.status).toBe(201);
  const applied = await recruiter.request('POST', '/api/v1/applications', {
    candidateId: (created.body as { id: string }).id,
    openingId: opening.id,
  });
  expect(applied.status).toBe(201);
  return { openingId: opening.id, applicationId: (applied.body as { id: string }).id };
}

describe('candidates and the pipeline', () => {
  test('a recruiter adds a candidate, applies them, moves them with the keyboard, and reads the timeline', async () => {
    const name = unique('Dana Keyboard');
    await withBrowser(async (browser) => {
      const { page } = browser;
      await signIn(browser, RECRUITER, DEMO_PASSWORD);
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Candidates' }).click();
      await browser.waitForPath('/candidates');
      // The route's code loads lazily and sets the title once it renders.
      await page.getByRole('heading', { level: 1, name: 'Candidates' }).waitFor();
      expect(await page.title()).toBe('Candidates · Scorecard');
      await shot(browser, 'candidates-list');

      await page.getByRole('link', { name: 'Add candidate' }).first().click();
      await browser.waitForPath('/candidates/new');
      const form = page.getByRole('form', { name: 'Add candidate' });
      await form.getByRole('button', { name: 'Add candidate' }).click();
      await form.getByText('Enter a name.').waitFor();
      await form.getByText('Choose where the candidate came from.').waitFor();
      await browser.audit('candidate form with errors');
      await shot(browser, 'candidate-form-errors');

      await form.getByLabel('Name', { exact: true }).fill(name);
      await form.getByLabel('Email', { exact: true }).fill(uniqueEmail('dana'));
      await form.getByLabel('Current title').fill('Senior engineer');
      await form.getByLabel('Current company').fill('Initech');
      await form.getByLabel('Source', { exact: true }).selectOption({ label: 'Referral' });
      await form.getByLabel('Mentors others').check();
      await form.getByLabel('Compensation expectation').fill('180,000');
      await form.getByLabel('Tags', { exact: true }).fill('platform, Rust');
      await form.getByRole('button', { name: 'Add candidate' }).click();
      await browser.waitForPath(/^\/candidates\/[0-9a-f-]{36}$/);
      await page.getByRole('heading', { level: 1, name }).waitFor();
      expect(await page.getByText('platform, rust').count()).toBe(1);

      const apply = page.getByRole('form', { name: 'Apply to an opening' });
      await apply.getByLabel('Opening').selectOption({ label: OPENING });
      await apply.getByRole('button', { name: 'Apply' }).click();
      await page.getByText(`${name} applied to ${OPENING}.`).waitFor();
      await page.getByRole('link', { name: OPENING, exact: true }).waitFor();
      // Applying twice is refused in words a recruiter understands.
      await apply.getByLabel('Opening').selectOption({ label: `${OPENING} (already applied)` });
      await apply.getByRole('button', { name: 'Apply' }).click();
      await page.getByText('This candidate has already applied to that opening.').waitFor();
      await browser.audit('candidate after applying');
      await shot(browser, 'candidate-detail');

      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Openings' }).click();
      await browser.waitForPath('/openings');
      await page.getByRole('link', { name: OPENING, exact: true }).click();
      await page.getByRole('link', { name: 'Pipeline', exact: true }).click();
      await browser.waitForPath(/^\/openings\/[0-9a-f-]{36}\/pipeline$/);
      await page.getByText('Tab to a card').waitFor();

      await card(page, 'applied', name).focus();
      await page.keyboard.press('ArrowRight');
      await card(page, 'screen', name).waitFor();
      await page
        .getByRole('status')
        .filter({ hasText: `Moved ${name} to Screen.` })
        .waitFor();
      await expectFocusOnCard(page, name);
      await page.keyboard.press('ArrowRight');
      await card(page, 'interviews', name).waitFor();
      await page
        .getByRole('status')
        .filter({ hasText: `Moved ${name} to Interviews.` })
        .waitFor();
      await expectFocusOnCard(page, name);
      expect(await card(page, 'applied', name).count()).toBe(0);
      await browser.audit('board after keyboard moves');
      await shot(browser, 'pipeline-board');

      await card(page, 'interviews', name).getByRole('link', { name }).click();
      await browser.waitForPath(/^\/applications\/[0-9a-f-]{36}$/);
      const timeline = page.getByRole('list', { name: 'Stage timeline' }).getByRole('listitem');
      await timeline.filter({ hasText: 'Screen → Interviews' }).waitFor();
      const texts = await timeline.allTextContents();
      const screen = texts.find((t) => t.includes('Applied → Screen'));
      const interviews = texts.find((t) => t.includes('Screen → Interviews'));
      expect(screen).toContain(RECRUITER_NAME);
      expect(interviews).toContain(RECRUITER_NAME);
      await shot(browser, 'application-timeline');
    });
  });

  test('rejecting asks for a reason; the card lands in Rejected and the reason is in the timeline', async () => {
    const name = unique('Robin Reject');
    const { openingId } = await candidateOnBoard(name);
    await withBrowser(async (browser) => {
      const { page } = browser;
      await signIn(browser, RECRUITER, DEMO_PASSWORD);
      await browser.goto(`/openings/${openingId}/pipeline`);
      await card(page, 'applied', name).focus();
      await page.keyboard.press('m');
      const menu = page.getByRole('dialog', { name: `Move ${name}` });
      await menu.waitFor();
      await menu.getByRole('button', { name: 'Reject…' }).click();
      const dialog = page.getByRole('dialog', { name: `Reject ${name}` });
      await dialog.getByRole('button', { name: `Reject ${name}` }).click();
      await dialog.getByText('Choose why the candidate is rejected.').waitFor();
      await browser.audit('reason dialog with an error');
      await browser.screenshot('pipeline-reject-dialog');
      await dialog.getByLabel('Reason', { exact: true }).selectOption({ label: 'Leadership gap' });
      await dialog.getByLabel('Note').fill('Could not describe growing anyone on the team.');
      await dialog.getByRole('button', { name: `Reject ${name}` }).click();
      await card(page, 'rejected', name).waitFor();
      await page
        .getByRole('status')
        .filter({ hasText: `Moved ${name} to Rejected.` })
        .waitFor();
      await expectFocusOnCard(page, name);
      // A final stage stays put: the arrow keys only explain why.
      await page.keyboard.press('ArrowLeft');
      await page.getByRole('status').filter({ hasText: 'Rejected is final' }).waitFor();
      await shot(browser, 'pipeline-after-reject');

      await card(page, 'rejected', name).getByRole('link', { name }).click();
      await browser.waitForPath(/^\/applications\/[0-9a-f-]{36}$/);
      const rejected = page
        .getByRole('list', { name: 'Stage timeline' })
        .getByRole('listitem')
        .filter({ hasText: 'Applied → Rejected' });
      await rejected.getByText('Reason: Leadership gap').waitFor();
      await rejected.getByText('Could not describe growing anyone on the team.').waitFor();
      await rejected.getByText(RECRUITER_NAME).waitFor();
      expect(await page.getByRole('button', { name: 'Move…' }).count()).toBe(0);
    });
  });

  test('an interviewer gets the no-access state for candidates and the pipeline', async () => {
    const { openingId } = await candidateOnBoard(unique('Ivy Hidden'));
    await withBrowser(async (browser) => {
      const { page } = browser;
      await signIn(browser, INTERVIEWER, DEMO_PASSWORD);
      expect(
        await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Candidates' }).count(),
      ).toBe(0);
      await browser.goto('/candidates');
      await page.getByText('You don’t have access to Candidates').waitFor();
      await shot(browser, 'candidates-no-access');
      await browser.goto(`/openings/${openingId}/pipeline`);
      await page.getByText('You don’t have access to the pipeline').waitFor();
      await shot(browser, 'pipeline-no-access');
    });
  });
});
