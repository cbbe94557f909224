import { beforeAll, describe, expect, test } from '@jest/globals';
import type { Page } from 'playwright-core';
import { givenOrganization, type GivenOrganization } from './api-client';
import { shot, signIn, withBrowser, type Browser } from './harness';

/** The Tech Lead kit's competencies, in rubric order (the ballot's questions, then the recommendation). */
const QUESTIONS = 5;

let org: GivenOrganization;
let applicationId: string;

/** The ballot of the open round. */
const ballot = (page: Page) => page.getByRole('form', { name: /^Your silent vote · round/ });
const panelRow = (page: Page, name: string) =>
  page.getByRole('region', { name: 'Panel' }).getByRole('listitem').filter({ hasText: name });

/**
 * Votes from the keyboard alone: focus on the first question, a number key per question (the
 * recommendation last, 1 strong no … 4 strong yes), Tab to the next, Enter to cast. `last`: the
 * round's last vote, which reveals it.
 */
async function voteByKeyboard(page: Page, digits: number[], last = false): Promise<void> {
  expect(digits).toHaveLength(QUESTIONS);
  await ballot(page).getByRole('radio').first().focus();
  for (const [i, d] of digits.entries()) {
    await page.keyboard.press(String(d));
    if (i < digits.length - 1) await page.keyboard.press('Tab');
  }
  await page.keyboard.press('Enter');
  // The last vote of a round reveals it: the ballot goes. Otherwise it stays, to change the vote.
  if (last) await ballot(page).waitFor({ state: 'detached' });
  else await ballot(page).getByRole('button', { name: 'Change my vote' }).waitFor();
}

async function openMeeting(browser: Browser, email: string): Promise<void> {
  await signIn(browser, email, org.password);
  await browser.goto(`/applications/${applicationId}/debrief`);
  await browser.page.getByRole('link', { name: 'Join the meeting' }).click();
  await browser.waitForPath(`/applications/${applicationId}/meeting`);
}

describe('the debrief meeting: estimate, talk, estimate', () => {
  beforeAll(async () => {
    org = await givenOrganization('Meeting');
    ({ applicationId } = await org.application('Noor Haddad', ['screen', 'interviews']));
    const ines = await org.schedule(applicationId, 0, 'ines');
    const mateo = await org.schedule(applicationId, 1, 'mateo');
    await org.submit('ines', ines, { rating: 4, recommendation: 'strong_yes', evidence: (t) => `Ines on ${t}.` });
    await org.submit('mateo', mateo, { rating: 2, recommendation: 'no', evidence: (t) => `Mateo on ${t}.` });
    await org.move(applicationId, 'debrief');
  });

  test('three panel members in three browsers vote silently twice; every step reaches the others live, without a reload', async () => {
    await withBrowser(async (hm) => {
      await withBrowser(async (ines) => {
        await withBrowser(
          async (mateo) => {
            // The hiring manager starts it from the debrief.
            await signIn(hm, org.people.hm.email, org.password);
            await hm.goto(`/applications/${applicationId}/debrief`);
            await hm.page.getByRole('button', { name: 'Start meeting' }).click();
            await hm.waitForPath(`/applications/${applicationId}/meeting`);
            await hm.page.getByText('Round 1: silent vote').first().waitFor();
            await hm.page.locator('.meeting-live', { hasText: 'Live' }).waitFor();

            // The interviewers join from theirs.
            await openMeeting(ines, org.people.ines.email);
            await openMeeting(mateo, org.people.mateo.email);
            await mateo.page.locator('.meeting-live', { hasText: 'Live' }).waitFor();
            await ines.page.locator('.meeting-live', { hasText: 'Live' }).waitFor();

            // Round 1. Ines votes 4 everywhere and strong yes; the others see that she voted, never how.
            await voteByKeyboard(ines.page, [4, 4, 4, 4, 4]);
            await panelRow(hm.page, 'Ines Okafor').getByText('Voted').waitFor();
            await panelRow(mateo.page, 'Ines Okafor').getByText('Voted').waitFor();
            await hm.page.getByText('1 of 3 has voted').waitFor();
            expect(await hm.page.getByText('Strong yes', { exact: true }).count()).toBe(1); // only the ballot's option
            expect(await hm.page.getByRole('heading', { name: /Discuss/ }).count()).toBe(0);

            // Mateo: 2s and no. A vote can change until the reveal.
            await voteByKeyboard(mateo.page, [1, 1, 1, 1, 1]);
            await voteByKeyboard(mateo.page, [2, 2, 2, 2, 2]);
            await panelRow(ines.page, 'Mateo Silva').getByText('Voted').waitFor();
            await shot(hm, 'meeting-round-1');

            // The host votes last: the round reveals itself in every browser.
            await voteByKeyboard(hm.page, [3, 3, 3, 3, 3], true);
            for (const b of [hm, ines, mateo]) {
              await b.page.getByRole('heading', { name: 'Discuss: largest disagreement first' }).waitFor();
            }
            // Disagreements first (spread 2 everywhere here), each vote beside its scorecard's evidence.
            const discussion = mateo.page.getByRole('region', { name: 'Discuss: largest disagreement first' });
            await discussion.getByText('Spread 2').first().waitFor();
            await discussion
              .getByText(/Ines on System design\./)
              .first()
              .waitFor();
            await discussion
              .getByText(/Mateo on /)
              .first()
              .waitFor();
            await shot(mateo, 'meeting-discussion');

            // The host opens round 2; the others' ballots appear by themselves.
            await hm.page.getByRole('button', { name: 'Open round 2' }).click();
            await ballot(ines.page).getByRole('heading', { name: 'Your silent vote · round 2' }).waitFor();
            await ballot(mateo.page).getByRole('heading', { name: 'Your silent vote · round 2' }).waitFor();

            // Round 2: Mateo moves to 3 and yes; Ines and the host keep theirs.
            await voteByKeyboard(mateo.page, [3, 3, 3, 3, 3]);
            await voteByKeyboard(ines.page, [4, 4, 4, 4, 4]);
            await hm.page.getByText('2 of 3 have voted').waitFor();
            await voteByKeyboard(hm.page, [3, 3, 3, 3, 3], true);

            // The result, in every browser: Mateo moved toward the others' first-round mean (3.5).
            for (const b of [hm, ines, mateo]) {
              const result = b.page.getByRole('region', { name: 'Who moved between the rounds' });
              await result.waitFor();
              await result
                .getByText(
                  '5 votes changed between the rounds: 5 toward the others’ first-round mean, 0 away from it; 10 stayed.',
                )
                .waitFor();
            }
            const moves = hm.page.getByRole('region', { name: 'Who moved between the rounds' }).getByRole('row');
            expect(await moves.filter({ hasText: 'Mateo Silva' }).count()).toBe(QUESTIONS);
            await moves
              .filter({ hasText: 'Overall recommendation' })
              .getByText('No → Yes, toward the others’ first-round mean (3.5)')
              .waitFor();
            await moves
              .filter({ hasText: 'Technical depth' })
              .getByText('2 → 3, toward the others’ first-round mean (3.5)')
              .waitFor();
            await shot(hm, 'meeting-result');

            // Kept with the decision: the debrief's meeting card sums it up and links to the record.
            await ines.goto(`/applications/${applicationId}/debrief`);
            const card = ines.page.getByRole('region', { name: 'Debrief meeting' });
            await card.getByText(/5 toward the others’ first-round mean/).waitFor();
            await card.getByRole('link', { name: 'See the meeting record' }).waitFor();
          },
          { width: 390, height: 844 },
        );
      });
    });
  });
});
