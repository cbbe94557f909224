import { beforeAll, describe, expect, test } from '@jest/globals';
import type { Locator, Page } from 'playwright-core';
import { givenOrganization, type ApiSession, type GivenOrganization } from './api-client';
import { expectTitle, shot, signIn, unavailableUntilRecovered, unique, withBrowser } from './harness';

/** Selects the first option whose label matches, once the options have loaded. */
async function selectMatching(select: Locator, label: RegExp): Promise<void> {
  const option = select.locator('option').filter({ hasText: label }).first();
  const text = (await option.textContent())?.trim();
  if (!text) throw new Error(`no option matching ${label}`);
  await select.selectOption({ label: text });
}

const HM_NAME = 'Harper Lindqvist';
/** An organization of this file's own (with the demo's cast): the openings made here are its data. */
let org: GivenOrganization;
beforeAll(async () => {
  org = await givenOrganization('Openings');
});

type Page_<T> = { items: T[] };

/** A draft opening made over HTTP (with the published Tech Lead kit and Harper as hiring manager). */
async function createDraftOpening(hm: ApiSession, title: string): Promise<{ id: string }> {
  const rubrics = (await hm.request('GET', '/api/v1/rubrics')).body as Page_<{
    name: string;
    publishedVersionId: string;
  }>;
  const checklists = (await hm.request('GET', '/api/v1/red-flag-checklists')).body as Page_<{
    name: string;
    publishedVersionId: string;
  }>;
  const people = (await hm.request('GET', '/api/v1/people?pageSize=100')).body as Page_<{ id: string; name: string }>;
  const created = await hm.request('POST', '/api/v1/openings', {
    title,
    level: 'senior',
    archetype: 'feature',
    rubricVersionId: rubrics.items.find((r) => r.name === 'Tech Lead')!.publishedVersionId,
    checklistVersionId: checklists.items.find((c) => c.name === 'Tech Lead red flags')!.publishedVersionId,
    hiringManagerId: people.items.find((p) => p.name === HM_NAME)!.id,
  });
  expect(created.status).toBe(201);
  return created.body as { id: string };
}

/** Saves a one-step plan over HTTP: every competency, two interviewers, the first question of each. */
async function savePlanOverHttp(hm: ApiSession, openingId: string): Promise<void> {
  const opening = (await hm.request('GET', `/api/v1/openings/${openingId}`)).body as {
    revision: number;
    rubricVersion: { id: string };
  };
  const rubric = (await hm.request('GET', `/api/v1/rubric-versions/${opening.rubricVersion.id}`)).body as {
    content: { competencies: { key: string; criteria: { key: string }[] }[] };
  };
  const people = (await hm.request('GET', '/api/v1/people?pageSize=100')).body as Page_<{ id: string; name: string }>;
  const competencies = rubric.content.competencies;
  const saved = await hm.request('PUT', `/api/v1/openings/${openingId}/plan`, {
    revision: opening.revision,
    steps: [
      {
        key: crypto.randomUUID(),
        name: 'Panel conversation',
        durationMinutes: 90,
        focusCompetencyKeys: competencies.map((c) => c.key),
        interviewerIds: people.items.filter((p) => ['Ines Okafor', 'Mateo Silva'].includes(p.name)).map((p) => p.id),
        criterionKeys: competencies.map((c) => c.criteria[0]!.key),
      },
    ],
  });
  expect(saved.status).toBe(200);
}

/** The live plan-check panel and its list of issues. */
function planCheck(page: Page) {
  const panel = page.getByRole('region', { name: 'Plan check' });
  return { panel, issues: panel.getByRole('list', { name: 'Plan check issues' }).getByRole('listitem') };
}

/** Retries `read` until it equals `expected` (the UI updates asynchronously), else fails with the last value. */
async function eventually<T>(read: () => Promise<T>, expected: T, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = await read();
  while (JSON.stringify(last) !== JSON.stringify(expected) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    last = await read();
  }
  expect(last).toEqual(expected);
}

async function expectIssues(page: Page, expected: string[]): Promise<void> {
  const { issues } = planCheck(page);
  await eventually(
    async () => (await issues.allTextContents()).map((t) => t.replace(/Edit the profile$/, '').trim()),
    expected,
  );
}

const CODING_SHARE_ISSUE =
  'State how much of the role is coding (for example 60%). Vague coding expectations are a common hiring mistake.';

const LEADERSHIP_ISSUE =
  'No step asks a leadership question. Ask how they influence decisions and grow others, not only about architecture.';
const COMMUNICATION_ISSUE =
  'No step asks a communication question. Tech leads explain decisions to engineers, managers and executives.';
const WHY_LEAD_ISSUE = 'No step asks why the candidate wants to lead rather than stay an individual contributor.';
const notAsked = (name: string) =>
  `No step asks a question of ${name}; ask it in at least 2 steps held by different interviewers.`;
const oneStep = (name: string, step: string) =>
  `${name} is asked by only one step (“${step}”), so each candidate gets one rating of it. Ask one of its questions in a second step held by a different interviewer.`;
const sameInterviewer = (name: string) =>
  `${name} is asked by 2 steps, but both steps are held by the same interviewer, so each candidate gets one rater of it. Give one of them a different interviewer.`;

describe('openings and interview plans', () => {
  test('a hiring manager creates a Tech Lead opening, builds a plan the live check passes, and opens it', async () => {
    const title = unique('Tech Lead, Payments');
    await withBrowser(async (browser) => {
      const { page } = browser;
      await signIn(browser, org.people.hm.email, org.password);
      await browser.openFromMenu('Openings', '/openings');
      await expectTitle(page, 'Openings · Scorecard');
      await page.getByRole('table').waitFor();
      await shot(browser, 'openings-list');

      await page.getByRole('link', { name: 'New opening' }).click();
      await browser.waitForPath('/openings/new');
      const form = page.getByRole('form', { name: 'New opening' });

      // The contract's rules run before anything is sent.
      await form.getByRole('button', { name: 'Create opening' }).click();
      await form.getByText('Enter a title.').waitFor();
      expect(await form.getByLabel('Title', { exact: true }).getAttribute('aria-invalid')).toBe('true');
      await browser.audit('new opening with a validation error');

      // The compensation band follows the level until someone types their own.
      const min = form.getByLabel('Minimum base salary', { exact: true });
      const max = form.getByLabel('Maximum base salary', { exact: true });
      await form.getByLabel('Level', { exact: true }).selectOption({ label: 'Mid-level' });
      expect([await min.inputValue(), await max.inputValue()]).toEqual(['150,000', '190,000']);
      await form.getByLabel('Level', { exact: true }).selectOption({ label: 'Senior' });
      expect([await min.inputValue(), await max.inputValue()]).toEqual(['190,000', '250,000']);
      expect(await form.getByLabel('Currency', { exact: true }).inputValue()).toBe('USD');

      await form.getByLabel('Title', { exact: true }).fill(title);
      await form.getByLabel('Team', { exact: true }).fill('Payments');
      await form.getByRole('radio', { name: 'Feature' }).check();
      await form
        .getByLabel('Split of work with the engineering manager', { exact: true })
        .fill('The tech lead owns technical direction; the engineering manager owns people and delivery.');
      // Take whichever version of the kit is current.
      await selectMatching(form.getByLabel('Rubric', { exact: true }), /^Tech Lead v\d+$/);
      await selectMatching(form.getByLabel('Red-flag checklist', { exact: true }), /^Tech Lead red flags v\d+$/);
      await form.getByLabel('Hiring manager', { exact: true }).selectOption({ label: `${HM_NAME} (Hiring manager)` });
      expect(await form.getByLabel('Coding share (%)', { exact: true }).inputValue()).toBe('');
      await browser.audit('new opening filled in');
      await shot(browser, 'opening-new');

      await form.getByRole('button', { name: 'Create opening' }).click();
      await browser.waitForPath(/^\/openings\/[0-9a-f-]{36}$/);
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      await page.getByText('190,000–250,000 USD base per year').waitFor();
      await page.getByText('Not stated yet (the plan check needs it)').waitFor();

      // The live check reports what the empty plan misses.
      await expectIssues(page, [
        CODING_SHARE_ISSUE,
        'Add at least one interview step.',
        LEADERSHIP_ISSUE,
        COMMUNICATION_ISSUE,
        WHY_LEAD_ISSUE,
      ]);
      await shot(browser, 'opening-created');

      const addStep = page.getByRole('button', { name: 'Add step' });
      const step = (n: number) => page.getByRole('region', { name: new RegExp(`^Step ${n}\\b`) });

      await addStep.click();
      await step(1).getByLabel('Step name').fill('System design and trade-offs');
      await step(1).getByRole('checkbox', { name: 'Technical depth' }).check();
      await step(1).getByRole('checkbox', { name: 'Ines Okafor' }).check();
      // A competency in focus counts as asked only through its questions.
      await planCheck(page).panel.getByText(notAsked('Technical depth')).waitFor();
      await step(1).getByRole('searchbox', { name: 'Find an interviewer' }).fill('mat');
      await step(1).getByRole('checkbox', { name: 'Mateo Silva' }).check();
      await step(1).getByRole('checkbox', { name: 'Hands-on production engineering' }).check();
      // One step is one rater per candidate, however many default interviewers it has.
      await planCheck(page).panel.getByText(oneStep('Technical depth', 'System design and trade-offs')).waitFor();
      await page.getByText('Unsaved changes').waitFor();

      await addStep.click();
      await step(2).getByLabel('Step name').fill('Leadership and mentoring');
      await step(2).getByRole('checkbox', { name: 'Technical leadership' }).check();
      await step(2).getByRole('checkbox', { name: 'Mentoring and development' }).check();
      await step(2).getByRole('checkbox', { name: 'Priya Raman' }).check();
      await step(2).getByRole('checkbox', { name: 'Jonas Weber' }).check();
      await step(2).getByRole('checkbox', { name: 'Influence without authority' }).check();
      await step(2).getByRole('checkbox', { name: 'Engineers they helped grow' }).check();
      await step(2)
        .getByRole('checkbox', { name: /^Why lead/ })
        .check();
      await expectIssues(page, [
        CODING_SHARE_ISSUE,
        oneStep('Technical depth', 'System design and trade-offs'),
        oneStep('Technical leadership', 'Leadership and mentoring'),
        oneStep('Mentoring and development', 'Leadership and mentoring'),
        notAsked('Communication and collaboration'),
        COMMUNICATION_ISSUE,
      ]);
      await browser.audit('plan with two steps');
      await shot(browser, 'opening-plan-two-steps');

      await addStep.click();
      await step(3).getByLabel('Step name').fill('Communication with stakeholders');
      await step(3).getByRole('checkbox', { name: 'Communication and collaboration' }).check();
      await step(3).getByRole('checkbox', { name: 'Technical depth' }).check();
      await step(3).getByRole('checkbox', { name: 'Ines Okafor' }).check();
      await step(3).getByRole('checkbox', { name: 'Adapting to the audience' }).check();
      await step(3).getByRole('checkbox', { name: 'System design', exact: true }).check();

      await addStep.click();
      await step(4).getByLabel('Step name').fill('Mentoring and code review');
      await step(4).getByRole('checkbox', { name: 'Technical leadership' }).check();
      await step(4).getByRole('checkbox', { name: 'Mentoring and development' }).check();
      await step(4).getByRole('checkbox', { name: 'Communication and collaboration' }).check();
      await step(4).getByRole('checkbox', { name: 'Ines Okafor' }).check();
      await step(4).getByRole('checkbox', { name: 'Code review philosophy' }).check();
      await step(4).getByRole('checkbox', { name: 'Constructive technical feedback' }).check();
      await step(4).getByRole('checkbox', { name: 'Cross-team collaboration and conflict' }).check();
      // Communication is asked twice, but Ines holds both steps: one rater.
      await expectIssues(page, [CODING_SHARE_ISSUE, sameInterviewer('Communication and collaboration')]);
      await step(4).getByRole('checkbox', { name: 'Ines Okafor' }).uncheck();
      await step(4).getByRole('checkbox', { name: 'Priya Raman' }).check();
      // Everything passes except the coding share, which the profile states; a warning remains.
      await expectIssues(page, [CODING_SHARE_ISSUE]);
      const warnings = planCheck(page).panel.getByRole('list', { name: 'Plan check warnings' });
      await warnings.getByText(/^No closing step for the candidate’s questions/).waitFor();
      await shot(browser, 'opening-plan-warning');

      // The closing step: the candidate's questions, with no competencies or questions of its own.
      await addStep.click();
      await step(5).getByLabel('Step name').fill('Your questions');
      await step(5).getByRole('radio', { name: 'Candidate’s questions' }).check();
      expect(await step(5).getByRole('group', { name: 'Focus competencies' }).count()).toBe(0);
      await warnings.waitFor({ state: 'detached' });
      await expectIssues(page, [CODING_SHARE_ISSUE]);

      // Steps reorder with the keyboard-reachable buttons.
      await step(3).getByRole('button', { name: 'Move up step 3' }).click();
      await step(2).getByRole('heading', { name: 'Step 2: Communication with stakeholders' }).waitFor();
      await step(2).getByRole('button', { name: 'Move down step 2' }).click();
      await step(3).getByRole('heading', { name: 'Step 3: Communication with stakeholders' }).waitFor();
      await browser.audit('plan failing only on the coding share');
      await shot(browser, 'opening-plan-coding-share-missing');

      // The profile is edited while the plan is unsaved; the plan draft stays.
      await planCheck(page).panel.getByRole('button', { name: 'Edit the profile' }).click();
      const profile = page.getByRole('form', { name: 'Edit profile' });
      const codingShare = profile.getByLabel('Coding share (%)', { exact: true });
      await eventually(() => codingShare.evaluate((el) => el === document.activeElement), true);
      await codingShare.fill('60');
      await browser.audit('profile being edited');
      await profile.getByRole('button', { name: 'Save profile' }).click();
      await page.getByRole('status').filter({ hasText: 'Profile saved.' }).waitFor();
      await page.getByText('60% of the time').waitFor();
      await planCheck(page).panel.getByText('Plan check passes').waitFor();
      expect(await planCheck(page).issues.count()).toBe(0);
      await page.getByText('Unsaved changes').waitFor();
      await shot(browser, 'opening-plan-passes');

      await page.getByRole('button', { name: 'Save plan' }).click();
      await page.getByRole('status').filter({ hasText: 'Plan saved. The plan check passes.' }).waitFor();
      await page.getByText('All changes saved').waitFor();

      // Stored, not just shown.
      await page.reload();
      await browser.settled('opening after reload');
      await step(3).getByRole('heading', { name: 'Step 3: Communication with stakeholders' }).waitFor();
      expect(
        await step(2)
          .getByRole('checkbox', { name: /^Why lead/ })
          .isChecked(),
      ).toBe(true);
      await planCheck(page).panel.getByText('Plan check passes').waitFor();

      // Opening needs no override when the plan passes.
      const statusPanel = page.getByRole('region', { name: 'Status' });
      await statusPanel.getByText('Draft', { exact: true }).waitFor();
      await statusPanel.getByRole('button', { name: 'Open', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: `Open ${title}?` });
      await dialog.getByText(/the plan check passes/).waitFor();
      expect(await dialog.getByLabel('Reason for opening anyway').count()).toBe(0);
      await browser.audit('open dialog, plan passes');
      await shot(browser, 'opening-open-dialog');
      await dialog.getByRole('button', { name: 'Open opening' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await statusPanel.getByText('Open', { exact: true }).waitFor();
      await page
        .getByRole('status')
        .filter({ hasText: `${title} is open.` })
        .waitFor();
      expect(await page.getByRole('note', { name: 'Plan check override' }).count()).toBe(0);
      expect(await statusPanel.getByRole('button', { name: 'Put on hold' }).isVisible()).toBe(true);
      await shot(browser, 'opening-open');

      await browser.openFromMenu('Openings', '/openings');
      await page.getByRole('searchbox', { name: 'Search' }).fill(title);
      const row = page.getByRole('row').filter({ hasText: title });
      await row.getByText('Open', { exact: true }).waitFor();
      await row.getByText(HM_NAME).waitFor();
    });
  });

  test('opening a draft whose plan check fails needs a recorded reason, shown on the opening afterwards', async () => {
    const hm = org.people.hm.api;
    const title = unique('Tech Lead, Platform');
    const { id } = await createDraftOpening(hm, title);

    await withBrowser(async (browser) => {
      const { page } = browser;
      await signIn(browser, org.people.hm.email, org.password);
      await browser.goto(`/openings/${id}`);
      await page.getByRole('heading', { level: 1, name: title }).waitFor();

      const statusPanel = page.getByRole('region', { name: 'Status' });
      await statusPanel.getByRole('button', { name: 'Open', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: `Open ${title}?` });
      const issues = dialog.getByRole('group', { name: 'Plan check issues' });
      await issues.getByText(CODING_SHARE_ISSUE).waitFor();
      await issues.getByText('Add at least one interview step.').waitFor();

      await dialog.getByRole('button', { name: 'Open anyway' }).click();
      await dialog.getByText('Explain the override in at least 10 characters.').waitFor();
      const reason = dialog.getByLabel('Reason for opening anyway');
      expect(await reason.getAttribute('aria-invalid')).toBe('true');
      await browser.audit('override reason missing');
      await shot(browser, 'opening-override-dialog');

      const why = 'Urgent backfill: the panel is briefed in person this week while the plan is finished.';
      await reason.fill(why);
      await dialog.getByRole('button', { name: 'Open anyway' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await statusPanel.getByText('Open', { exact: true }).waitFor();

      const note = page.getByRole('note', { name: 'Plan check override' });
      await note.getByText(why).waitFor();
      await note.getByText(`Recorded by ${HM_NAME}`).waitFor();
      await browser.audit('opened with an override');
      await shot(browser, 'opening-override-recorded');

      await page.reload();
      await browser.settled('overridden opening after reload');
      await page.getByRole('note', { name: 'Plan check override' }).getByText(why).waitFor();
    });
  });

  test('a plan someone else saved meanwhile is never overwritten: saving offers to load theirs', async () => {
    const hm = org.people.hm.api;
    const title = unique('Tech Lead, Mobile');
    const { id } = await createDraftOpening(hm, title);

    await withBrowser(async (browser) => {
      const { page } = browser;
      await signIn(browser, org.people.hm.email, org.password);
      await browser.goto(`/openings/${id}`);
      await page.getByRole('button', { name: 'Add step' }).click();
      await page
        .getByRole('region', { name: /^Step 1/ })
        .getByLabel('Step name')
        .fill('My own step');
      await page.getByText('Unsaved changes').waitFor();

      await savePlanOverHttp(hm, id); // someone else saves first

      await page.getByRole('button', { name: 'Save plan' }).click();
      const alert = page.getByRole('alert').filter({ hasText: 'Someone else saved this plan' });
      await alert.waitFor();
      await browser.audit('stale plan');
      await shot(browser, 'opening-plan-stale');
      await alert.getByRole('button', { name: 'Load their plan (discards your changes)' }).click();
      await page.getByRole('region', { name: /^Step 1: Panel conversation/ }).waitFor();
      await page.getByText('All changes saved').waitFor();
      expect(await page.getByRole('region', { name: /^Step 1: My own step/ }).count()).toBe(0);
    });
  });

  test('a recruiter sees openings read-only, and an interviewer has no access', async () => {
    const hm = org.people.hm.api;
    const title = unique('Tech Lead, Data');
    const { id } = await createDraftOpening(hm, title);
    await savePlanOverHttp(hm, id);

    await withBrowser(async (browser) => {
      const { page } = browser;
      await signIn(browser, org.people.recruiter.email, org.password);
      await browser.openFromMenu('Openings', '/openings');
      expect(await page.getByRole('link', { name: 'New opening' }).count()).toBe(0);
      await page.getByRole('link', { name: title }).click();
      await browser.waitForPath(`/openings/${id}`);
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      await page.getByRole('heading', { name: 'Interview plan' }).waitFor();
      await page.getByText('Only admins and hiring managers change the plan.').waitFor();
      await page.getByRole('heading', { name: /^Step 1: Panel conversation/ }).waitFor();
      await page.getByText('Ines Okafor, Mateo Silva').waitFor();
      await page.getByText('Being defined by the hiring manager; not open yet.').waitFor();
      for (const name of ['Edit profile', 'Open', 'Close opening', 'Put on hold', 'Add step', 'Save plan']) {
        expect(await page.getByRole('button', { name, exact: true }).count()).toBe(0);
      }
      expect(await page.locator('#main').getByRole('textbox').count()).toBe(0);
      expect(await page.locator('#main').getByRole('checkbox').count()).toBe(0);
      await shot(browser, 'opening-recruiter-read-only');

      await browser.goto('/openings/new');
      await page.getByRole('heading', { name: 'Only admins and hiring managers create openings' }).waitFor();
    });

    await withBrowser(async (browser) => {
      const { page } = browser;
      await signIn(browser, org.people.ines.email, org.password);
      expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Openings' }).count()).toBe(
        0,
      );
      await browser.goto(`/openings/${id}`);
      await page.getByRole('heading', { name: 'You don’t have access to Openings' }).waitFor();
      await shot(browser, 'opening-interviewer-no-access');
    });
  });

  test('the openings list shows an error with retry, and an empty state for filters that match nothing', async () => {
    await withBrowser(async (browser) => {
      const { page } = browser;
      await signIn(browser, org.people.hm.email, org.password);
      const recover = await unavailableUntilRecovered(page, '/api/v1/openings', 'req-openings-503');
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Openings' }).click();
      const error = page.getByRole('alert').filter({ hasText: 'Couldn’t load openings' });
      await error.waitFor({ timeout: 20_000 });
      await error.getByText('Reference: req-openings-503').waitFor();
      await browser.audit('openings error state');
      await shot(browser, 'openings-error');
      recover();
      await error.getByRole('button', { name: 'Try again' }).click();
      await page.getByRole('table').waitFor();

      await page.getByLabel('Status', { exact: true }).selectOption({ label: 'Closed' });
      await page.getByRole('searchbox', { name: 'Search' }).fill('no opening is called this');
      await page.getByRole('heading', { name: 'No openings match these filters' }).waitFor();
      await browser.audit('openings empty state');
      await shot(browser, 'openings-empty');
      await page.getByRole('button', { name: 'Clear filters' }).click();
      await page.getByRole('table').waitFor();
      expect(new URL(page.url()).search).toBe('');
    });
  });
});
