import { describe, expect, test } from '@jest/globals';
import { givenOrganization } from './api-client';
import { expectTitle, shot, signIn, withBrowser } from './harness';

describe('voluntary self-identification', () => {
  test('a recruiter copies the link, the candidate answers without signing in, and an admin sees only counts', async () => {
    const org = await givenOrganization('Self-ID');
    const { candidateId } = await org.application('Sam Candidate', ['screen']);
    let path = '';

    // The recruiter makes a link to copy on the candidate's page.
    await withBrowser(async (browser) => {
      const { page } = browser;
      await signIn(browser, org.people.recruiter.email, org.password);
      await browser.goto(`/candidates/${candidateId}`);
      const panel = page.getByRole('region', { name: 'Voluntary self-identification' });
      await panel.getByText('No link sent yet.').waitFor();
      await panel.getByRole('button', { name: 'Create a link to copy' }).click();
      const link = await panel.getByLabel('Link for the candidate').inputValue();
      expect(link).toMatch(/\/self-id\/[A-Za-z0-9_-]{64}$/);
      await panel
        .getByText(/works until/)
        .first()
        .waitFor();
      await browser.audit('the candidate page with a new self-identification link');
      await shot(browser, 'self-id-link');
      path = new URL(link).pathname;
    });

    // The candidate, not signed in, on a phone: every question starts at "Prefer not to say".
    await withBrowser(
      async (browser) => {
        const { page } = browser;
        await browser.goto(path);
        await expectTitle(page, 'Voluntary questions · Scorecard');
        await page.getByRole('heading', { name: /Voluntary questions from/ }).waitFor();
        const sex = page.getByRole('group', { name: 'What is your sex?' });
        expect(await sex.getByLabel('Prefer not to say').isChecked()).toBe(true);
        await browser.audit('the self-identification page');
        await shot(browser, 'self-id-public-390');
        // By keyboard: into the group, down to "Female".
        await sex.getByLabel('Prefer not to say').focus();
        await page.keyboard.press('ArrowDown');
        expect(await sex.getByLabel('Female').isChecked()).toBe(true);
        await page.getByRole('button', { name: 'Save my answers' }).click();
        await page.getByRole('heading', { name: 'Thank you' }).waitFor();
        await shot(browser, 'self-id-saved');
        // Back with the same link: the answers are on file but not shown.
        await page.reload();
        await page.getByText('We already have your answers').waitFor();
        expect(await sex.getByLabel('Prefer not to say').isChecked()).toBe(true);
        await page.getByRole('button', { name: 'Withdraw my answers' }).click();
        await page.getByRole('heading', { name: 'Your answers are withdrawn' }).waitFor();
        // Answer again, so the report has something to count.
        await page.getByRole('button', { name: 'Answer again' }).click();
        await sex.getByLabel('Female').check();
        await page.getByRole('button', { name: 'Save my answers' }).click();
        await page.getByRole('heading', { name: 'Thank you' }).waitFor();
      },
      { width: 390, height: 844 },
    );

    // A link that does not work says so.
    await withBrowser(async (browser) => {
      await browser.goto(`/self-id/${'x'.repeat(64)}`);
      await browser.page.getByRole('heading', { name: 'This link does not work' }).waitFor();
    });

    // The admin sees the report's tab, its caveats, and one answer as too few to report.
    await withBrowser(async (browser) => {
      const { page } = browser;
      await signIn(browser, org.people.admin.email, org.password);
      await browser.goto('/analytics/pipeline');
      await page
        .getByRole('navigation', { name: 'Analytics reports' })
        .getByRole('link', { name: 'Adverse impact' })
        .click();
      await expectTitle(page, 'Adverse impact · Scorecard');
      await page.getByText('How to read this report').waitFor();
      await page
        .getByText(/29 CFR 1607\.4\(D\)/)
        .first()
        .waitFor();
      await page.getByRole('combobox', { name: 'Compare by' }).selectOption({ label: 'Sex' });
      const step = page.getByRole('region', { name: 'Applied → Screen' });
      await step.getByText('Too few to report').first().waitFor();
      expect(await step.getByText('Sam Candidate').count()).toBe(0);
      await browser.audit('the adverse-impact report');
      await shot(browser, 'self-id-adverse-impact');

      // Settings → Self-identification: a new answer needs a label, then gets its key from it.
      await browser.goto('/settings/self-id');
      await expectTitle(page, 'Self-identification · Scorecard');
      const sexQuestion = page.getByRole('region', { name: 'Sex' });
      await sexQuestion.getByRole('button', { name: 'Add an answer to Sex' }).click();
      await page.getByRole('button', { name: 'Save questions' }).click();
      await sexQuestion.getByText('Enter a label.').waitFor();
      await sexQuestion.getByLabel('Answer 4').fill('Non-binary');
      await page.getByRole('button', { name: 'Save questions' }).click();
      await page.getByText(/^Saved\./).waitFor();
      await sexQuestion.getByText('Stored as non_binary').waitFor();
      await browser.audit('the self-identification settings');
      await shot(browser, 'self-id-settings');
    });
  });
});
