import { beforeAll, describe, expect, test } from '@jest/globals';
import type { Page } from 'playwright-core';
import { givenOrganization, HOUR, type GivenOrganization } from './api-client';
import { type Browser, expectTitle, shot, signIn, withBrowser } from './harness';

const INES_NAME = 'Ines Okafor';
const MY_INTERVIEWS = /^My interviews/;
const HIDDEN_NOTE = 'Other interviewers’ feedback stays hidden until you submit yours.';

type Setup = {
  candidate: string;
  applicationId: string;
  step: string;
  interviews: Record<'ines' | 'mateo', string>;
};

/** An organization of this file's own: the scorecards written here are its data, not the demo's. */
let org: GivenOrganization;
let setup: Setup;

/**
 * Over HTTP, as the recruiter: a new candidate applied to the opening, and its first plan step
 * scheduled twice, with Ines and with Mateo. Both started three days ago, so their feedback is
 * awaited and already overdue (it is due 24 hours after the end).
 */
async function scheduleSamePanel(candidate: string): Promise<Setup> {
  const { applicationId } = await org.application(candidate, [], {
    currentTitle: 'Staff engineer',
    currentCompany: 'Globex',
  });
  const startsAt = new Date(Date.now() - 72 * HOUR);
  return {
    candidate,
    applicationId,
    step: org.opening.plan.steps[0]!.name,
    interviews: {
      ines: await org.schedule(applicationId, 0, 'ines', startsAt),
      mateo: await org.schedule(applicationId, 0, 'mateo', startsAt),
    },
  };
}

/** Signs in as `who` of the organization and opens the kit (and scorecard) of their interview. */
async function openKit(browser: Browser, who: 'ines' | 'mateo', interviewId: string): Promise<void> {
  await signIn(browser, org.people[who].email, org.password);
  await browser.goto(`/interviews/${interviewId}`);
}

/** The id of the focused element: rating radios are `rating-<criterion>-<level>`, evidence `evidence-<criterion>`. */
async function focusedId(page: Page): Promise<string> {
  return page.evaluate(() => document.activeElement?.id ?? '');
}

/** Counts the page's requests for the application's panel feedback (the web must ask for none before submitting). */
function watchPanelRequests(page: Page, applicationId: string): string[] {
  const seen: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes(`/api/v1/applications/${applicationId}/scorecards`)) seen.push(request.url());
  });
  return seen;
}

function criterion(page: Page, index: number) {
  return page.locator('.criterion-block').nth(index);
}

/** With focus in a criterion's rating group: a number key rates it, Tab goes to its evidence, Tab again moves on. */
async function rateAndMoveOn(page: Page, index: number, key: string, level: string, evidence = ''): Promise<void> {
  await page.keyboard.press(key);
  await criterion(page, index).getByRole('radio', { name: level, exact: true, checked: true }).waitFor();
  expect(await focusedId(page)).toMatch(/^rating-/);
  await page.keyboard.press('Tab');
  expect(await focusedId(page)).toMatch(/^evidence-/);
  if (evidence) await page.keyboard.type(evidence);
  await page.keyboard.press('Tab');
}

/** Waits until nothing is waiting to be saved ("Saved 10:42"). */
const saved = (page: Page) => page.locator('[data-save-status="saved"], [data-save-status="idle"]').waitFor();

describe('interview kits and scorecards', () => {
  beforeAll(async () => {
    org = await givenOrganization('Scorecards');
    setup = await scheduleSamePanel(`Noor Keyboard ${Date.now() % 100000}`);
  });

  test('before submitting their own, an interviewer sees nothing of the panel’s feedback', async () => {
    await withBrowser(async (browser) => {
      const { page } = browser;
      const panelRequests = watchPanelRequests(page, setup.applicationId);
      await openKit(browser, 'mateo', setup.interviews.mateo);
      await page.getByRole('heading', { level: 1, name: setup.candidate }).waitFor();
      const panel = page.getByRole('region', { name: 'Panel feedback' });
      await panel.getByText(HIDDEN_NOTE).waitFor();
      expect(await panel.getByRole('listitem').count()).toBe(0);
      expect(panelRequests).toEqual([]);
      // The API agrees: the panel's scorecards are refused until Mateo submits his.
      const mateo = org.people.mateo.api;
      expect((await mateo.request('GET', `/api/v1/applications/${setup.applicationId}/scorecards`)).status).toBe(403);
    });
  });

  test('an interviewer fills a scorecard with the keyboard, keeps their typing across a reload and a lost connection, is told what is missing, submits and amends', async () => {
    await withBrowser(async (browser) => {
      const { page } = browser;
      const panelRequests = watchPanelRequests(page, setup.applicationId);
      await signIn(browser, org.people.ines.email, org.password);

      // The reminder: overdue scorecards are counted beside "My interviews".
      const navLink = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: MY_INTERVIEWS });
      await navLink.locator('.nav__count').waitFor();
      expect(await navLink.textContent()).toMatch(/^My interviews\d+, \d+ overdue$/);
      await navLink.click();
      await browser.waitForPath('/interviews');
      await page.getByRole('heading', { level: 1, name: 'My interviews' }).waitFor();
      await expectTitle(page, 'My interviews · Scorecard');
      const awaitingTab = page.getByRole('tab', { name: /^Awaiting feedback/ });
      expect(await awaitingTab.getAttribute('aria-selected')).toBe('true');
      await page.getByRole('heading', { name: /scorecards? (is|are) overdue/ }).waitFor();
      const row = page.getByRole('row').filter({ hasText: setup.candidate });
      await row.getByText('Overdue', { exact: true }).waitFor();
      expect(await row.textContent()).toContain(setup.step);
      await browser.audit('my interviews');
      await shot(browser, 'my-interviews');
      await page.setViewportSize({ width: 768, height: 1024 });
      await shot(browser, 'my-interviews-tablet');
      await page.setViewportSize({ width: 1280, height: 800 });

      // The views are tabs: the arrow keys move between them.
      await awaitingTab.focus();
      await page.keyboard.press('ArrowRight');
      await browser.waitForPath(/^\/interviews\?view=upcoming$/);
      expect(await page.getByRole('tab', { name: /^Upcoming/ }).getAttribute('aria-selected')).toBe('true');
      await page.keyboard.press('ArrowLeft');
      await browser.waitForPath('/interviews');
      await row.getByRole('link', { name: /^Fill scorecard/ }).click();
      await browser.waitForPath(/^\/interviews\/[0-9a-f-]{36}$/);

      // The kit: candidate basics, the step, the focus competencies' questions with their anchors.
      await page.getByRole('heading', { level: 1, name: setup.candidate }).waitFor();
      await expectTitle(page, `${setup.candidate}: ${setup.step} · Scorecard`);
      const facts = page.getByRole('region', { name: 'Interview', exact: true });
      await facts.getByText('Staff engineer at Globex').waitFor();
      await facts.getByText('Overdue', { exact: true }).waitFor();
      await page.getByText('in a rating, press').waitFor();
      expect(await page.getByText('Ask this', { exact: true }).count()).toBeGreaterThan(0);
      await page.getByRole('region', { name: 'Panel feedback' }).getByText(HIDDEN_NOTE).waitFor();
      // Exactly the questions the step asks: four of technical depth and one of communication.
      const criteria = await page.locator('.criterion-block').count();
      expect(criteria).toBe(5);
      await shot(browser, 'scorecard-kit');

      // Keyboard first: a number rates the focused criterion, Tab goes to the evidence and on to the next.
      const firstEvidence = 'Drew the queue and the failure modes unprompted, then sized the partitions.';
      const secondEvidence = 'Walked through three trade-offs with numbers and named what they would give up.';
      await criterion(page, 0).getByRole('radio').first().focus();
      await rateAndMoveOn(page, 0, '3', '3 Some evidence for', firstEvidence);
      expect(await focusedId(page)).toMatch(/^rating-.*-1$/);
      await page.keyboard.press('4');
      await criterion(page, 1).getByText('Required for a 4').waitFor();
      await page.keyboard.press('Tab');
      await page.keyboard.type(secondEvidence);
      // Half-way, the page reloads before the autosave went out: nothing typed is lost.
      await page.reload();
      await browser.settled('scorecard after a reload');
      await criterion(page, 1).getByRole('radio', { name: '4 Strong evidence for', checked: true }).waitFor();
      expect(await criterion(page, 0).getByRole('textbox').inputValue()).toBe(firstEvidence);
      expect(await criterion(page, 1).getByRole('textbox').inputValue()).toBe(secondEvidence);
      await saved(page);
      // ...and the server has it too: with this browser's copy gone, a reload still shows it.
      await page.evaluate(() => window.localStorage.clear());
      await page.reload();
      await browser.settled('scorecard from the server');
      expect(await criterion(page, 1).getByRole('textbox').inputValue()).toBe(secondEvidence);

      // The connection drops: the changes stay on this device and go out once it is back.
      await page.context().setOffline(true);
      await criterion(page, 2).getByRole('radio').first().focus();
      await rateAndMoveOn(page, 2, 'n', 'Not assessed', 'We ran out of time before production debugging.');
      await page.locator('.save-status__text', { hasText: 'Offline: changes kept on this device, retrying' }).waitFor();
      await page.context().setOffline(false);
      await saved(page);

      await rateAndMoveOn(page, 3, '1', '1 Strong evidence against');
      await rateAndMoveOn(page, 4, '2', '2 Some evidence against');
      // On to the red flags: one ticked, its evidence left for later.
      expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)).toBe('checkbox');
      await page.keyboard.press('Space');
      const flag = page.locator('.flag--ticked');
      await flag.getByText('What you saw').waitFor();

      // Submitting checks completeness first and lists what is missing, each a link to its field.
      await page.getByRole('button', { name: 'Submit scorecard' }).click();
      const missing = page.getByRole('region', { name: /things? (is|are) missing before you can submit/ });
      await missing.waitFor();
      const items = await missing.getByRole('listitem').allTextContents();
      expect(items).toHaveLength(3);
      expect(items[0]).toMatch(/^Add the evidence for rating “.+” 1: ratings 1 and 4 need it\.$/);
      expect(items[1]).toMatch(/^Add the evidence for the red flag “.+”\.$/);
      expect(items[2]).toBe('Choose an overall recommendation.');
      await page.waitForFunction(() => document.activeElement?.id === 'scorecard-issues-title');
      await browser.audit('scorecard with missing parts');
      await browser.screenshot('scorecard-missing');

      await missing.getByRole('link', { name: items[0]! }).click();
      expect(await focusedId(page)).toMatch(/^evidence-/);
      await page.keyboard.type('Could not say how they would find a memory leak in production.');
      await missing.getByRole('link', { name: items[1]! }).click();
      expect(await focusedId(page)).toMatch(/^flag-evidence-/);
      await page.keyboard.type('Blamed the previous team for every outage they described.');
      await missing.getByRole('link', { name: 'Choose an overall recommendation.' }).click();
      expect(await focusedId(page)).toBe('recommendation-strong_no');
      // Arrow keys move through the recommendations as in any radio group.
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      await page.getByRole('radio', { name: 'Yes', exact: true, checked: true }).waitFor();
      await page
        .getByLabel('Summary', { exact: true })
        .fill('Strong designer; wants to grow others; weak on debugging.');
      await page.getByRole('heading', { name: 'Nothing is missing' }).waitFor();
      await page
        .getByRole('textbox', { name: 'Your notes', exact: true })
        .fill('Ines’s private note: ask about the on-call rotation.');
      await saved(page);
      await page.setViewportSize({ width: 768, height: 1024 });
      await browser.audit('scorecard on a tablet');
      await shot(browser, 'scorecard-tablet');
      await page.setViewportSize({ width: 1280, height: 800 });
      expect(panelRequests).toEqual([]);

      await page.getByRole('button', { name: 'Submit scorecard' }).click();
      const submitted = page.getByRole('heading', { name: /^Submitted / });
      await submitted.waitFor();
      await page.waitForFunction(() => document.activeElement?.id === 'scorecard-submitted-title');
      // Read-only now: nothing to type into, and the panel's feedback (none yet) is shown.
      expect(await page.getByRole('button', { name: 'Submit scorecard' }).count()).toBe(0);
      expect(await criterion(page, 0).getByRole('textbox').count()).toBe(0);
      expect(await criterion(page, 1).getByRole('radio', { name: '4 Strong evidence for' }).isDisabled()).toBe(true);
      await page.getByText('No other interviewer has submitted feedback on this candidate yet.').waitFor();
      expect(panelRequests.length).toBeGreaterThan(0);
      await browser.audit('submitted scorecard');
      await shot(browser, 'scorecard-submitted');

      // An amendment needs a reason; the form opens again and the amendment is recorded.
      await page.getByRole('button', { name: 'Amend', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: 'Amend your scorecard' });
      await dialog.getByRole('button', { name: 'Start amending' }).click();
      await dialog.getByText('Say why you are amending it.').waitFor();
      await dialog.getByLabel('Reason').fill('Rated the trade-offs criterion one level too high.');
      await browser.audit('amend dialog');
      await browser.screenshot('scorecard-amend-dialog');
      await dialog.getByRole('button', { name: 'Start amending' }).click();
      await page.getByRole('heading', { name: 'Amending your scorecard' }).waitFor();
      await criterion(page, 1).getByRole('radio').first().focus();
      await page.keyboard.press('3');
      await page.getByRole('button', { name: 'Save amendment' }).click();
      await page.getByText('Amendment saved.').waitFor();
      const history = page.getByRole('heading', { name: 'Amendments' }).locator('..');
      await history.getByText('Rated the trade-offs criterion one level too high.').waitFor();
      await criterion(page, 1).getByRole('radio', { name: '3 Some evidence for', checked: true }).waitFor();
      await shot(browser, 'scorecard-amended');

      // My interviews now lists it as submitted.
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: MY_INTERVIEWS }).click();
      await browser.waitForPath('/interviews');
      await page.getByRole('tab', { name: /^Submitted/ }).click();
      await page.getByRole('row').filter({ hasText: setup.candidate }).getByRole('link', { name: /^View/ }).waitFor();
    });
  }, 120_000);

  test('once they submit their own, the other interviewer sees the panel’s feedback', async () => {
    await withBrowser(async (browser) => {
      const { page } = browser;
      const panelRequests = watchPanelRequests(page, setup.applicationId);
      await openKit(browser, 'mateo', setup.interviews.mateo);
      // Ines has submitted, but Mateo has not: still nothing of hers.
      const panel = page.getByRole('region', { name: 'Panel feedback' });
      await panel.getByText(HIDDEN_NOTE).waitFor();
      expect(await page.getByText(INES_NAME).count()).toBe(0);
      expect(panelRequests).toEqual([]);

      await criterion(page, 0).getByRole('radio').first().focus();
      await rateAndMoveOn(page, 0, '2', '2 Some evidence against');
      await saved(page);

      // Another tab saves first: this page's next save is refused (409), never a silent overwrite.
      const mateo = org.people.mateo.api;
      const kit = (await mateo.request('GET', `/api/v1/interviews/${setup.interviews.mateo}/kit`)).body as {
        scorecard: { id: string; revision: number; ratings: { criterionKey: string; rating: number | null }[] };
      };
      const elsewhere = await mateo.request('PUT', `/api/v1/scorecards/${kit.scorecard.id}`, {
        ratings: kit.scorecard.ratings.map((r) => ({ criterionKey: r.criterionKey, rating: r.rating })),
        redFlags: [],
        recommendation: null,
        summary: 'Written in another tab.',
        notes: '',
        revision: kit.scorecard.revision,
      });
      expect(elsewhere.status).toBe(200);
      const notes = page.getByRole('textbox', { name: 'Your notes', exact: true });
      await notes.fill('Typed on this page.');
      await page.getByText('This scorecard changed in another tab or window').waitFor();
      await page.locator('.save-status__text', { hasText: 'Not saved: this scorecard changed elsewhere' }).waitFor();
      expect(await notes.inputValue()).toBe('Typed on this page.');
      await browser.audit('stale save');
      await browser.screenshot('scorecard-stale-save');
      await page.getByRole('button', { name: 'Use my version' }).click();
      await saved(page);
      await page.getByText('This scorecard changed in another tab or window').waitFor({ state: 'detached' });

      await criterion(page, 1).getByRole('radio').first().focus();
      for (let i = 1; i < 5; i++) await rateAndMoveOn(page, i, '2', '2 Some evidence against');
      await page.getByLabel('No', { exact: true }).check();
      await page.getByLabel('Summary', { exact: true }).fill('Solid, but leaned on the interviewer for every step.');
      await page.getByRole('button', { name: 'Submit scorecard' }).click();
      await page.getByRole('heading', { name: /^Submitted / }).waitFor();

      const card = panel.getByRole('listitem').filter({ hasText: INES_NAME });
      await card.waitFor();
      expect(await card.locator('.recommendation-badge').textContent()).toBe('Yes');
      await card.getByText('Strong designer; wants to grow others; weak on debugging.').waitFor();
      // Notes are the author's alone.
      expect(await page.getByText('Ines’s private note').count()).toBe(0);
      await browser.audit('panel feedback after submitting');
      await shot(browser, 'scorecard-panel-feedback');
      await page.setViewportSize({ width: 768, height: 1024 });
      await shot(browser, 'scorecard-panel-feedback-tablet');
    });
  });

  test('an interview not started yet is drafted but not submitted; a recommendation against one’s own ratings asks to confirm, and the confirmation shows', async () => {
    const candidate = `Noor Confirm ${Date.now() % 100000}`;
    const later = await scheduleSamePanel(candidate);
    // A third interview with Ines, two days from now.
    const upcoming = await org.schedule(later.applicationId, 0, 'ines', new Date(Date.now() + 48 * HOUR));

    await withBrowser(async (browser) => {
      const { page } = browser;
      await openKit(browser, 'ines', upcoming);
      await page.getByRole('heading', { level: 1, name: candidate }).waitFor();
      await page.getByText('This interview hasn’t started yet').waitFor();
      await page.getByRole('button', { name: 'Submit scorecard' }).click();
      await page.locator('.scorecard-bar__error', { hasText: 'submit once it has started' }).waitFor();
      await browser.audit('scorecard before the interview');
      await shot(browser, 'scorecard-not-started');

      // The started interview: every asked question rated 2, and a strong yes.
      await browser.goto(`/interviews/${later.interviews.ines}`);
      await page.getByRole('heading', { level: 1, name: candidate }).waitFor();
      const count = await page.locator('.criterion-block').count();
      await criterion(page, 0).getByRole('radio').first().focus();
      for (let i = 0; i < count; i++) await rateAndMoveOn(page, i, '2', '2 Some evidence against');
      await page.getByLabel('Strong yes', { exact: true }).check();
      await saved(page);
      await page.getByRole('button', { name: 'Submit scorecard' }).click();
      const confirm = page.getByRole('alertdialog', { name: 'Your recommendation contradicts your ratings' });
      await confirm.waitFor();
      await confirm.getByText('averaging 2.00 (under 2.5)').waitFor();
      await browser.audit('contradiction dialog');
      await browser.screenshot('scorecard-contradiction-dialog');
      // Going back changes nothing; confirming submits and records it.
      await confirm.getByRole('button', { name: 'Go back and check' }).click();
      await confirm.waitFor({ state: 'detached' });
      expect(await page.getByRole('heading', { name: /^Submitted / }).count()).toBe(0);
      await page.getByRole('button', { name: 'Submit scorecard' }).click();
      await confirm.getByRole('button', { name: 'Submit anyway' }).click();
      await page.getByRole('heading', { name: /^Submitted / }).waitFor();
      await page.getByTestId('contradiction-confirmed').waitFor();
      await shot(browser, 'scorecard-contradiction-confirmed');
    });
  }, 120_000);
});
