import { beforeAll, describe, expect, test } from '@jest/globals';
import type { Page } from 'playwright-core';
import { apiSignIn, givenOrganization, type GivenOrganization } from './api-client';
import { card, expectFocusOnCard } from './board';
import { type Browser, DEMO_PASSWORD, expectTitle, shot, signIn, unique, uniqueEmail, withBrowser } from './harness';

const RECRUITER = 'recruiter@acme.test';
const RECRUITER_NAME = 'Riley Recruiter';
const INTERVIEWER_NAME = 'Ines Okafor';
const SECOND_INTERVIEWER_NAME = 'Mateo Silva';
const OPENING = 'Tech Lead, Platform';

/**
 * An organization of this file's own, with the demo's cast and opening: the candidates added and
 * moved here are its data (the demo's board is only read).
 */
let org: GivenOrganization;
beforeAll(async () => {
  org = await givenOrganization('Pipeline');
});

/** The opening's id and a candidate applied to it over HTTP, for tests whose subject is the board. */
async function candidateOnBoard(name: string): Promise<{ openingId: string; applicationId: string }> {
  const { applicationId } = await org.application(name, [], {
    source: 'linkedin',
    currentTitle: 'Staff engineer',
    currentCompany: 'Globex',
  });
  return { openingId: org.opening.id, applicationId };
}

/**
 * Picks an interviewer in a schedule or change form: the step's pool is listed first; anyone else is
 * behind the "Anyone" checkbox, which this ticks when `name` is not in the pool.
 */
async function pickInterviewer(form: ReturnType<Page['getByRole']>, name: string): Promise<void> {
  const select = form.getByLabel('Interviewer', { exact: true });
  const listed = await select.locator('option', { hasText: name }).count();
  if (listed === 0) await form.getByLabel(/^Anyone/).check();
  await select.selectOption({ label: name });
}

/**
 * On an application page: schedules an interview for the plan's first step with Ines Okafor, checks
 * it is listed as awaiting feedback, reassigns it to Mateo Silva and reads the assignment history.
 */
async function scheduleAndReassign(browser: Browser): Promise<void> {
  const { page } = browser;
  const section = page.getByRole('region', { name: 'Interviews' });
  await section.getByText('No interviews yet. Schedule one for each step of the plan.').waitFor();
  await section.getByRole('button', { name: 'Schedule interview' }).click();
  const form = page
    .getByRole('dialog', { name: 'Schedule interview' })
    .getByRole('form', { name: 'Schedule interview' });
  const stepSelect = form.getByLabel('Plan step');
  await stepSelect.waitFor();
  // The first step of the plan is chosen, with its duration, and the focus is on it.
  const firstStep = (await stepSelect.locator('option').first().textContent())!.trim();
  expect(await stepSelect.evaluate((el) => el === document.activeElement)).toBe(true);
  expect(await form.getByLabel('Duration (minutes)').inputValue()).toMatch(/^\d+$/);
  // Feedback is due 24 hours after the end unless another time is set; that time must come after the end.
  await form.getByText('24 hours after the end:').waitFor();
  await form.getByLabel('A different time').check();
  await form.getByLabel('Due date').fill(await form.getByLabel('Date', { exact: true }).inputValue());
  await form.getByLabel('Due time').fill('09:00');
  await pickInterviewer(form, INTERVIEWER_NAME);
  await form.getByRole('button', { name: 'Schedule interview' }).click();
  await form.getByText('Feedback must be due after the interview ends.').waitFor();
  await browser.audit('schedule dialog with an error');
  await browser.screenshot('interview-schedule-dialog');
  await form.getByLabel('24 hours after the end').check();
  await form.getByLabel('Start time').fill('14:30');
  await form.getByRole('button', { name: 'Schedule interview' }).click();

  const item = section.getByRole('listitem').filter({ hasText: firstStep });
  // It has not started yet: "Scheduled", not "Awaiting feedback".
  await item.getByText('Status: Scheduled').waitFor();
  expect(await item.getByText('Awaiting feedback').count()).toBe(0);
  await item.getByText(INTERVIEWER_NAME).waitFor();
  expect(await item.locator('time').first().textContent()).toContain('2:30');
  await section.getByText(`Scheduled ${firstStep} with ${INTERVIEWER_NAME}`).waitFor();
  // The new interview takes the focus, so the keyboard continues from it.
  expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe(firstStep);
  await browser.audit('application with an interview');
  await shot(browser, 'application-interviews');

  await item.getByRole('button', { name: 'Reschedule / reassign' }).click();
  const change = page.getByRole('dialog', { name: `Reschedule or reassign: ${firstStep}` });
  await change.getByText('Reassigning gives the new interviewer a fresh, empty scorecard').waitFor();
  await pickInterviewer(change, SECOND_INTERVIEWER_NAME);
  await change.getByText(`${SECOND_INTERVIEWER_NAME} gets a fresh scorecard`).waitFor();
  await browser.audit('reassign dialog');
  await browser.screenshot('interview-reassign-dialog');
  await change.getByRole('button', { name: 'Save changes' }).click();
  await change.waitFor({ state: 'hidden' });
  const history = item.locator('.interview__history');
  await history.getByText(`reassigned to ${SECOND_INTERVIEWER_NAME} by ${RECRUITER_NAME}`).waitFor();
  expect(await history.textContent()).toContain(`Assigned to ${INTERVIEWER_NAME} by ${RECRUITER_NAME}`);
  await item.getByText('Status: Scheduled').waitFor();
  await shot(browser, 'application-interview-reassigned');

  // Cancelling asks first; the interview stays listed, cancelled.
  await item.getByRole('button', { name: 'Cancel interview' }).click();
  const confirm = page.getByRole('alertdialog', { name: `Cancel ${firstStep}?` });
  await confirm.getByRole('button', { name: 'Cancel interview' }).click();
  await item.getByText('Scorecard: Cancelled').waitFor();
  expect(await item.getByRole('button').count()).toBe(0);
  await browser.audit('application with a cancelled interview');

  // An interview whose feedback due time has passed while the scorecard is still a draft is overdue;
  // cancelled interviews are listed after the scheduled ones.
  await section.getByRole('button', { name: 'Schedule interview' }).click();
  const late = page.getByRole('form', { name: 'Schedule interview' });
  await late.getByLabel('Plan step').waitFor();
  // A cancelled interview doesn't count: its step is offered first again, not marked "(scheduled)".
  expect(await late.getByLabel('Plan step').locator('option:checked').textContent()).toBe(firstStep);
  const secondStep = (await late.getByLabel('Plan step').locator('option').nth(1).textContent())!.trim();
  await late.getByLabel('Plan step').selectOption({ label: secondStep });
  await pickInterviewer(late, INTERVIEWER_NAME);
  await late.getByLabel('Date', { exact: true }).fill('2024-03-04');
  await late.getByRole('button', { name: 'Schedule interview' }).click();
  const overdue = section.getByRole('listitem').filter({ hasText: secondStep });
  await overdue.getByText('Scorecard: Overdue').waitFor();
  const steps = await section.locator('.interview__step').allTextContents();
  expect(steps).toEqual([secondStep, firstStep]);
  await shot(browser, 'application-interviews-overdue-and-cancelled');

  // Someone else moves the interview while the dialog is open: saving answers 409, the dialog
  // closes with the reason, and the list shows their change.
  await overdue.getByRole('button', { name: 'Reschedule / reassign' }).click();
  const stale = page.getByRole('dialog', { name: `Reschedule or reassign: ${secondStep}` });
  await pickInterviewer(stale, SECOND_INTERVIEWER_NAME);
  const applicationId = new URL(page.url()).pathname.split('/').pop()!;
  const recruiter = org.people.recruiter.api;
  const list = (await recruiter.request('GET', `/api/v1/applications/${applicationId}/interviews`)).body as {
    items: { id: string; revision: number; step: { name: string } }[];
  };
  const target = list.items.find((i) => i.step.name === secondStep)!;
  const moved = await recruiter.request('PATCH', `/api/v1/interviews/${target.id}`, {
    startsAt: '2024-03-04T15:00:00Z',
    revision: target.revision,
  });
  expect(moved.status).toBe(200);
  await stale.getByRole('button', { name: 'Save changes' }).click();
  await section.getByText('Someone changed this interview after you opened it.').waitFor();
  await stale.waitFor({ state: 'hidden' });
  await overdue.getByText('3:00').first().waitFor();
  await overdue.getByText(INTERVIEWER_NAME).waitFor();
  await browser.audit('interview changed by someone else');
  await page.setViewportSize({ width: 600, height: 900 });
  await shot(browser, 'application-interviews-narrow');
  await page.setViewportSize({ width: 1280, height: 800 });
}

describe('candidates and the pipeline', () => {
  test('a recruiter adds a candidate, applies them, moves them with the keyboard, reads the timeline, and schedules and reassigns an interview', async () => {
    const name = unique('Dana Keyboard');
    await withBrowser(async (browser) => {
      const { page } = browser;
      await signIn(browser, org.people.recruiter.email, org.password);
      await browser.openFromMenu('Candidates', '/candidates');
      // The route's code loads lazily and sets the title once it renders.
      await page.getByRole('heading', { level: 1, name: 'Candidates' }).waitFor();
      await expectTitle(page, 'Candidates · Scorecard');
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
      // The application is listed (the candidate's activity feed links it too).
      await page.getByRole('link', { name: OPENING, exact: true }).first().waitFor();
      // Applying twice is refused in words a recruiter understands.
      await apply.getByLabel('Opening').selectOption({ label: `${OPENING} (already applied)` });
      await apply.getByRole('button', { name: 'Apply' }).click();
      await page.getByText('This candidate has already applied to that opening.').waitFor();
      await browser.audit('candidate after applying');
      await shot(browser, 'candidate-detail');

      await browser.openFromMenu('Openings', '/openings');
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

      await scheduleAndReassign(browser);
    });
  }, 120_000);

  test('rejecting asks for a reason; the card lands in Rejected and the reason is in the timeline', async () => {
    const name = unique('Robin Reject');
    const { openingId } = await candidateOnBoard(name);
    await withBrowser(async (browser) => {
      const { page } = browser;
      await signIn(browser, org.people.recruiter.email, org.password);
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

  test('after a move the board offers Undo for 10 seconds; undoing is a real move back, in the timeline', async () => {
    const name = unique('Uma Undo');
    const { openingId } = await candidateOnBoard(name);
    await withBrowser(
      async (browser) => {
        const { page } = browser;
        await signIn(browser, org.people.recruiter.email, org.password);
        await browser.goto(`/openings/${openingId}/pipeline`);
        await card(page, 'applied', name).focus();
        await page.keyboard.press('ArrowRight');
        await card(page, 'screen', name).waitFor();
        const toast = page.getByRole('status').filter({ has: page.getByTestId('undo-toast') });
        await toast.getByText(`Moved ${name} to Screen.`).waitFor();
        const undo = toast.getByRole('button', { name: `Undo the move of ${name}` });
        await undo.waitFor();
        expect(await undo.isVisible()).toBe(true);
        await browser.audit('board with the undo toast');
        await browser.screenshot('pipeline-undo-toast');
        // The keyboard reaches it: Shift+Tab from the board's first card lands on Undo.
        await page.locator('.board article').first().focus();
        await page.keyboard.press('Shift+Tab');
        expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe(`Undo the move of ${name}`);
        await page.keyboard.press('Enter');
        await card(page, 'applied', name).waitFor();
        await page
          .getByRole('status')
          .filter({ hasText: `Undone: ${name} is back in Applied.` })
          .waitFor();
        expect(await page.getByTestId('undo-toast').count()).toBe(0);

        // A second move: U on the card undoes it too; a third is left alone and its toast goes after 10 s.
        await card(page, 'applied', name).focus();
        await page.keyboard.press('ArrowRight');
        await card(page, 'screen', name).waitFor();
        await page.getByTestId('undo-toast').waitFor();
        await expectFocusOnCard(page, name);
        await page.keyboard.press('u');
        // The board takes the next move once the undo has settled (its answer and the board read
        // again), which the page announces; a key pressed before then is not taken.
        await page
          .getByRole('status')
          .filter({ hasText: `Undone: ${name} is back in Applied.` })
          .waitFor();
        await card(page, 'applied', name).waitFor();
        await card(page, 'applied', name).focus();
        await page.keyboard.press('ArrowRight');
        await card(page, 'screen', name).waitFor();
        await page.getByTestId('undo-toast').waitFor();
        await page.mouse.move(0, 0);
        await page.getByTestId('undo-toast').waitFor({ state: 'detached', timeout: 13_000 });
        expect(await card(page, 'screen', name).count()).toBe(1);

        await card(page, 'screen', name).getByRole('link', { name }).click();
        await browser.waitForPath(/^\/applications\/[0-9a-f-]{36}$/);
        const moves = page.getByRole('list', { name: 'Stage timeline' }).getByRole('listitem');
        await moves.filter({ hasText: 'Screen → Applied' }).first().waitFor();
        const texts = (await moves.allTextContents()).filter((t) => t.includes('→'));
        expect(texts.map((t) => t.split(RECRUITER_NAME)[0]!.trim())).toEqual([
          'Applied → Screen',
          'Screen → Applied(undo of the move before)',
          'Applied → Screen',
          'Screen → Applied(undo of the move before)',
          'Applied → Screen',
        ]);
        await shot(browser, 'application-timeline-undo');
      },
      { width: 1366, height: 900 },
    );
  }, 120_000);

  test('the move dialog offers every stage the rules allow, not only the neighbours', async () => {
    const name = unique('Mo Menu');
    const { openingId } = await candidateOnBoard(name);
    await withBrowser(async (browser) => {
      const { page } = browser;
      await signIn(browser, org.people.recruiter.email, org.password);
      await browser.goto(`/openings/${openingId}/pipeline`);
      await card(page, 'applied', name)
        .getByRole('button', { name: `Move ${name}` })
        .click();
      const menu = page.getByRole('dialog', { name: `Move ${name}` });
      const options = menu.getByRole('list', { name: 'Allowed moves' }).getByRole('button');
      await options.first().waitFor();
      expect(await options.allTextContents()).toEqual([
        'Move to Screen',
        'Move to Interviews',
        'Move to Debrief',
        'Reject…',
        'Withdraw…',
      ]);
      await browser.audit('move dialog from applied');
      await browser.screenshot('pipeline-move-dialog');
      await menu.getByRole('button', { name: 'Move to Debrief' }).click();
      await card(page, 'debrief', name).waitFor();
      await card(page, 'debrief', name)
        .getByRole('button', { name: `Move ${name}` })
        .click();
      const back = page.getByRole('dialog', { name: `Move ${name}` }).getByRole('list', { name: 'Allowed moves' });
      await back.getByRole('button').first().waitFor();
      expect(await back.getByRole('button').allTextContents()).toEqual([
        'Back to Applied',
        'Back to Screen',
        'Back to Interviews',
        'Move to Offer',
        'Reject…',
        'Withdraw…',
      ]);
    });
  });

  for (const viewport of [
    { width: 1366, height: 900, label: 'desktop' },
    { width: 390, height: 844, label: 'phone' },
  ]) {
    test(`the board at ${viewport.width} px: ${viewport.width >= 1366 ? 'every column, Hired, Rejected and Withdrawn included, fits the page' : 'columns scroll sideways'}; a stuck card is highlighted`, async () => {
      await withBrowser(
        async (browser) => {
          const { page } = browser;
          await signIn(browser, RECRUITER, DEMO_PASSWORD);
          const recruiter = await apiSignIn(RECRUITER, DEMO_PASSWORD);
          const openings = (await recruiter.request('GET', `/api/v1/openings?q=${encodeURIComponent(OPENING)}`))
            .body as { items: { id: string; title: string }[] };
          const opening = openings.items.find((o) => o.title === OPENING)!;
          await browser.goto(`/openings/${opening.id}/pipeline`);
          await page.locator('[data-stage="withdrawn"]').waitFor();
          // The demo's Lukas Brandt has been in Applied 12 days; the organization's limit is 7.
          const stuck = card(page, 'applied', 'Lukas Brandt');
          await stuck.getByText('Stuck: over 7 days in this stage').waitFor();
          expect(await stuck.getAttribute('class')).toContain('board-card--stuck');
          expect(await card(page, 'applied', 'Amara Nwosu').getAttribute('class')).not.toContain('board-card--stuck');
          const boxes = await page.evaluate(() =>
            [...document.querySelectorAll<HTMLElement>('.board-column')].map((c) => {
              const r = c.getBoundingClientRect();
              return { stage: c.dataset.stage, left: r.left, right: r.right };
            }),
          );
          expect(boxes.map((b) => b.stage)).toEqual([
            'applied',
            'screen',
            'interviews',
            'debrief',
            'offer',
            'hired',
            'rejected',
            'withdrawn',
          ]);
          const overflow = await page.evaluate(() => {
            const board = document.querySelector<HTMLElement>('.board')!;
            return { scroll: board.scrollWidth, client: board.clientWidth, page: document.documentElement.scrollWidth };
          });
          if (viewport.width >= 1366) {
            for (const b of boxes) expect(b.right).toBeLessThanOrEqual(viewport.width);
            expect(overflow.scroll).toBeLessThanOrEqual(overflow.client);
          } else {
            // Narrow: the board scrolls inside itself, the page does not scroll sideways.
            expect(overflow.scroll).toBeGreaterThan(overflow.client);
          }
          expect(overflow.page).toBeLessThanOrEqual(viewport.width);
          await browser.audit(`board at ${viewport.width}`);
          await shot(browser, `pipeline-board-${viewport.label}`);
        },
        { width: viewport.width, height: viewport.height },
      );
    });
  }

  test('an interviewer gets the no-access state for candidates and the pipeline', async () => {
    const { openingId } = await candidateOnBoard(unique('Ivy Hidden'));
    await withBrowser(async (browser) => {
      const { page } = browser;
      await signIn(browser, org.people.ines.email, org.password);
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
