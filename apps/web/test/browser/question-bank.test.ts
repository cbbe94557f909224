import { beforeAll, describe, expect, test } from '@jest/globals';
import { givenOrganization, type GivenOrganization } from './api-client';
import { shot, signIn, withBrowser } from './harness';

let org: GivenOrganization;
let rubricId: string;

/**
 * Five candidates, each interviewed on the first step (System design and trade-offs: five
 * questions) by Ines and Mateo, who rate every question 3: each of those questions is asked ten
 * times and rated 3 ten times, so it "separates nobody"; the other questions were never asked.
 */
beforeAll(async () => {
  org = await givenOrganization('Questions');
  const rubrics = await org.people.hm.api.call('listRubrics');
  rubricId = rubrics.items.find((r) => r.name === 'Tech Lead')!.id;
  for (let i = 1; i <= 5; i++) {
    const { applicationId } = await org.application(`Quinn Candidate ${i}`, ['screen', 'interviews']);
    for (const who of ['ines', 'mateo'] as const) {
      const interview = await org.schedule(applicationId, 0, who);
      await org.submit(who, interview, { rating: 3, recommendation: 'yes' });
    }
  }
}, 120_000);

describe('question bank', () => {
  test('a hiring manager opens the bank from the rubric, reads the figures and flags, retires a question with the keyboard and lands on the draft without it', async () => {
    await withBrowser(async (browser) => {
      const { page } = browser;
      await signIn(browser, org.people.hm.email, org.password);
      await browser.goto(`/rubrics/${rubricId}`);
      await page.getByRole('link', { name: 'Question bank' }).click();
      await browser.waitForPath(`/rubrics/${rubricId}/questions`);
      await page.getByRole('heading', { level: 1, name: 'Question bank: Tech Lead' }).waitFor();
      await page.getByText('From 10 submitted scorecards on version 1').waitFor();

      const row = (title: string) => page.locator(`tr[data-question="${title}"]`);
      const design = row('System design');
      expect((await design.locator('[data-cell="asked"]').innerText()).trim()).toBe('10');
      expect(await design.locator('[data-cell="ratings"]').innerText()).toContain('0 · 0 · 10 · 0');
      await design.locator('[data-flag="separates_nobody"]').getByText('Separates nobody.').waitFor();
      expect(await design.locator('[data-flag="separates_nobody"]').innerText()).toContain('100% of its ratings');
      // Two interviewers on five candidates: alpha needs ten.
      expect(await design.locator('[data-cell="agreement"]').innerText()).toContain('alpha needs 10');
      // A question nobody asked yet.
      const why = row('Why lead');
      expect((await why.locator('[data-cell="asked"]').innerText()).trim()).toBe('0');
      await why.locator('[data-flag="too_few_ratings"]').getByText('Too few ratings.').waitFor();
      await shot(browser, 'question-bank');

      // Retire "System design" with the keyboard: the button, the note, the confirmation.
      await page.getByRole('button', { name: 'Retire “System design”' }).focus();
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('alertdialog', { name: 'Retire: “System design”?' });
      await dialog.waitFor();
      await dialog.getByLabel('Note (optional)').focus();
      await page.keyboard.type('Everyone scores it 3: it tells us nothing.');
      await browser.audit('the retire dialog');
      await browser.screenshot('question-bank-retire-dialog');
      await dialog.getByRole('button', { name: 'Retire question' }).focus();
      await page.keyboard.press('Enter');

      await browser.waitForPath(`/rubrics/${rubricId}`);
      await page
        .getByText('Retired “System design”. Draft version 2 no longer has it; publish the draft when it’s ready.')
        .waitFor();
      const draft = await org.people.hm.api.call('getRubric', { params: { id: rubricId } });
      expect(draft.draft?.version).toBe(2);
      const titles = draft.draft!.content.competencies.flatMap((c) => c.criteria.map((cr) => cr.title));
      expect(titles).not.toContain('System design');
      expect(titles).toContain('Evaluating and explaining trade-offs');

      // Back in the bank, the question carries its mark and note.
      await browser.goto(`/rubrics/${rubricId}/questions`);
      await design.getByText('Retired', { exact: true }).waitFor();
      await design.getByText('Taken out of the draft').waitFor();
      expect(await design.innerText()).toContain('Everyone scores it 3: it tells us nothing.');
    });
  });

  test('on a 390 px screen the page fits, the tables scroll inside their own region, and an interviewer is kept out', async () => {
    await withBrowser(
      async (browser) => {
        const { page } = browser;
        await signIn(browser, org.people.hm.email, org.password);
        await browser.goto(`/rubrics/${rubricId}/questions`);
        await page.getByRole('heading', { level: 1, name: 'Question bank: Tech Lead' }).waitFor();
        const overflowing = await page.evaluate(() =>
          [...document.querySelectorAll('.question-bank *')]
            .filter((e) => !e.closest('.scroll-region, .table-wrap'))
            .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
            .map((e) => `${e.tagName.toLowerCase()}.${String(e.getAttribute('class'))}`),
        );
        expect(overflowing).toEqual([]);
        await shot(browser, 'question-bank-390');
      },
      { width: 390, height: 844 },
    );
    await withBrowser(async (browser) => {
      const { page } = browser;
      await signIn(browser, org.people.ines.email, org.password);
      await browser.goto(`/rubrics/${rubricId}/questions`);
      await page.getByRole('heading', { name: 'You don’t have access to Question bank' }).waitFor();
    });
  });
});
