import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, test } from '@jest/globals';
import { givenOrganization, type GivenOrganization } from './api-client';
import { shot, signIn, withBrowser } from './harness';

let org: GivenOrganization;

beforeAll(async () => {
  org = await givenOrganization('Imported');
});

describe('imported scorecards in the debrief', () => {
  test('a scorecard imported from another system is counted and labelled “Imported”; one written here is not', async () => {
    const name = `Kai Imported ${Date.now() % 100000}`;
    const { applicationId } = await org.application(name, ['screen', 'interviews']);
    const interview = await org.schedule(applicationId, 0, 'ines');
    await org.submit('ines', interview, { rating: 3, recommendation: 'yes' });
    const step = org.opening.plan.steps[0]!;
    await org.people.admin.api.call('importScorecard', {
      body: {
        applicationId,
        interviewerId: org.people.mateo.id,
        stepKey: step.key,
        source: 'greenhouse',
        externalId: `gh-${randomUUID()}`,
        submittedAt: '2025-06-01T10:00:00Z',
        ratings: step.criterionKeys.map((criterionKey) => ({
          criterionKey,
          rating: 2 as const,
          evidence: 'From Greenhouse.',
        })),
        recommendation: 'no',
        summary: 'Imported from Greenhouse.',
      },
    });
    await org.move(applicationId, 'debrief');

    await withBrowser(async (browser) => {
      const { page } = browser;
      await signIn(browser, org.people.hm.email, org.password);
      await browser.goto(`/applications/${applicationId}/debrief`);
      await page.getByRole('heading', { level: 1, name: `Debrief: ${name}` }).waitFor();
      await page.getByRole('heading', { name: 'Scorecards (2)' }).waitFor();
      const card = (who: string) =>
        page.locator('article.debrief-card', { has: page.getByRole('heading', { name: who }) });
      await card('Mateo Silva').getByText('Imported', { exact: true }).waitFor();
      expect(await card('Ines Okafor').getByText('Imported', { exact: true }).count()).toBe(0);
      await browser.audit('debrief with an imported scorecard');
      await card('Mateo Silva').scrollIntoViewIfNeeded();
      await shot(browser, 'debrief-imported-scorecard');
    });
  });
});
