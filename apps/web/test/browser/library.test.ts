import { beforeAll, describe, expect, test } from '@jest/globals';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { givenOrganization, type GivenOrganization } from './api-client';
import {
  type Browser,
  expectTitle,
  SCREENSHOT_DIR,
  shot,
  signIn,
  unavailableUntilRecovered,
  withBrowser,
} from './harness';

/** An organization of this file's own: it publishes new versions of its own copy of the kit. */
let org: GivenOrganization;
beforeAll(async () => {
  org = await givenOrganization('Library');
});
const HANDS_ON = 'Hands-on production engineering';

const competency = (page: Page, name: string) =>
  page.getByRole('region', { name: new RegExp(`Competency \\d+ ${name}$`) });
const criterion = (page: Page, title: string) =>
  page.getByRole('region', { name: new RegExp(`Criterion \\d+ ${title}$`) });

/** What is on screen now (a modal dialog sits in the viewport, not in a full-page capture). */
async function viewportShot(browser: Browser, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await browser.page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), animations: 'disabled' });
}

describe('rubric and red-flag library', () => {
  test('a hiring manager edits the built-in Tech Lead rubric, sees the changes before publishing v2, and v1 stays as it was', async () => {
    await withBrowser(async (browser) => {
      const { page } = browser;
      await signIn(browser, org.people.hm.email, org.password);
      await browser.openFromMenu('Rubrics', '/rubrics');
      await page.getByRole('heading', { level: 1, name: 'Rubrics' }).waitFor();
      await expectTitle(page, 'Rubrics · Scorecard');
      const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: 'Tech Lead', exact: true }) });
      await row.getByText('Published v1').waitFor();
      await row.getByText('Built-in').waitFor();
      await shot(browser, 'library-rubrics-list');

      await row.getByRole('link', { name: 'Tech Lead', exact: true }).click();
      await browser.waitForPath(/^\/rubrics\/[0-9a-f-]{36}$/);
      const rubricPath = new URL(page.url()).pathname;
      await page.getByRole('heading', { level: 1, name: 'Tech Lead' }).waitFor();
      await competency(page, 'Technical depth').getByText('Weight 30').waitFor();
      const anchor = criterion(page, HANDS_ON).locator('.anchor--3 dd');
      const originalAnchor = (await anchor.textContent()) ?? '';
      expect(originalAnchor.length).toBeGreaterThan(20);
      await shot(browser, 'library-rubric-published');

      // Edit starts draft v2 from v1.
      await page.getByRole('button', { name: 'Edit', exact: true }).click();
      await page.getByText('Draft v2', { exact: true }).first().waitFor();
      await browser.audit('editor open');
      const weight = competency(page, 'Technical depth').getByLabel('Weight', { exact: true });
      expect(await weight.inputValue()).toBe('30');
      await weight.fill('35');
      const newAnchor = 'Explains the hard part and how they solved it, and how they verified it once it was live.';
      await criterion(page, HANDS_ON).getByLabel('3 · Some evidence for').fill(newAnchor);
      await page.getByText('Unsaved changes').waitFor();
      await page.getByRole('button', { name: 'Save draft' }).click();
      await page.getByText(/^Saved at /).waitFor();
      await browser.audit('draft saved');
      await shot(browser, 'library-rubric-editor-saved');

      // The publish dialog lists what changed since v1.
      await page.getByRole('button', { name: 'Publish…' }).click();
      const dialog = page.getByRole('alertdialog', { name: 'Publish version 2?' });
      await dialog.waitFor();
      await dialog.getByText('Changes since version 1').waitFor();
      await dialog.getByText('Changed weight of “Technical depth” from 30 to 35').waitFor();
      await dialog
        .getByText(`Changed level 3 anchor of criterion “${HANDS_ON}” in “Technical depth”`, { exact: true })
        .waitFor();
      expect(await dialog.getByRole('listitem').count()).toBe(2);
      await browser.audit('publish dialog');
      await viewportShot(browser, 'library-rubric-publish-dialog');
      await dialog.getByRole('button', { name: 'Publish version 2' }).click();
      await dialog.waitFor({ state: 'hidden' });

      await page.getByRole('status').filter({ hasText: 'Published version 2.' }).waitFor();
      await page.locator('.editor-bar').getByText('Published v2').waitFor();
      expect(await page.getByRole('button', { name: 'Save draft' }).count()).toBe(0);
      await competency(page, 'Technical depth').getByText('Weight 35').waitFor();
      expect(await criterion(page, HANDS_ON).locator('.anchor--3 dd').textContent()).toBe(newAnchor);
      await browser.audit('published v2');
      await shot(browser, 'library-rubric-published-v2');

      // Version 1 is still there, unchanged.
      await page.getByRole('link', { name: /^Version 1/ }).click();
      await browser.waitForPath(new RegExp(`^${rubricPath}\\?version=`));
      await page.locator('.editor-bar').getByText('Published v1').waitFor();
      await competency(page, 'Technical depth').getByText('Weight 30').waitFor();
      expect(await criterion(page, HANDS_ON).locator('.anchor--3 dd').textContent()).toBe(originalAnchor);
      await shot(browser, 'library-rubric-v1-after-v2');
      await page.getByRole('link', { name: 'Back to current version' }).click();
      await browser.waitForPath(rubricPath);
      await page.locator('.editor-bar').getByText('Published v2').waitFor();
    });
  });

  test('a recruiter reads rubrics but has no edit actions', async () => {
    await withBrowser(async (browser) => {
      const { page } = browser;
      await signIn(browser, org.people.recruiter.email, org.password);
      await browser.goto('/rubrics');
      await page.getByRole('link', { name: 'Tech Lead', exact: true }).waitFor();
      expect(await page.getByRole('button', { name: 'New rubric' }).count()).toBe(0);
      expect(await page.getByRole('button', { name: /^Archive/ }).count()).toBe(0);
      await page.getByRole('link', { name: 'Tech Lead', exact: true }).click();
      await browser.waitForPath(/^\/rubrics\/[0-9a-f-]{36}$/);
      await competency(page, 'Technical depth').waitFor();
      for (const name of ['Edit', 'Rename', 'Duplicate', 'Archive', 'Save draft']) {
        expect(await page.getByRole('button', { name, exact: true }).count()).toBe(0);
      }
      expect(await page.getByRole('textbox').count()).toBe(0);
      await shot(browser, 'library-rubric-recruiter');

      // At tablet width the side column moves under the content.
      await page.setViewportSize({ width: 820, height: 1180 });
      await browser.audit('tablet width');
      await shot(browser, 'library-rubric-recruiter-tablet');
    });
  });

  test('publishing an empty new rubric shows what is missing next to each field, and the list of problems focuses them', async () => {
    const name = `Staff engineer ${Date.now() % 100000}`;
    await withBrowser(async (browser) => {
      const { page } = browser;
      await signIn(browser, org.people.hm.email, org.password);
      await browser.goto('/rubrics');
      await page.getByRole('button', { name: 'New rubric' }).click();
      const dialog = page.getByRole('dialog', { name: 'New rubric' });
      await dialog.getByRole('button', { name: 'Create rubric' }).click();
      await dialog.getByText('Enter a name.').waitFor();
      await dialog.getByLabel('Name').fill(name);
      await dialog.getByLabel('Description').fill('For senior individual contributors.');
      await dialog.getByRole('button', { name: 'Create rubric' }).click();
      await browser.waitForPath(/^\/rubrics\/[0-9a-f-]{36}$/);
      await page.getByRole('heading', { level: 1, name }).waitFor();
      await page.getByText('Draft v1', { exact: true }).first().waitFor();

      const ready = page.getByRole('region', { name: 'Ready to publish?' });
      await ready.getByText('Not yet: 7 things to finish.').waitFor();
      await shot(browser, 'library-rubric-new');

      await page.getByRole('button', { name: 'Publish…' }).click();
      expect(await page.getByRole('alertdialog').count()).toBe(0);
      const nameInput = competency(page, 'Untitled competency').getByLabel('Name', { exact: true });
      expect(await nameInput.getAttribute('aria-invalid')).toBe('true');
      await competency(page, 'Untitled competency').getByText('Name the competency.').waitFor();
      const crit = criterion(page, 'Untitled criterion');
      await crit.getByText('Give the criterion a title.').waitFor();
      await crit.getByText('Write the question or prompt.').waitFor();
      for (const level of [1, 2, 3, 4]) await crit.getByText(`Describe what a ${level} looks like.`).waitFor();
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('field-competencies-0-name');
      await browser.audit('publish problems shown');
      await viewportShot(browser, 'library-rubric-publish-problems');

      // A problem in the list takes focus to its field; filling it clears the problem.
      await ready.getByRole('link', { name: /Write the question or prompt/ }).click();
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('field-competencies-0-criteria-0-prompt');
      await page.keyboard.type('Tell me about a time you changed a technical decision after new evidence.');
      await crit.getByText('Write the question or prompt.').waitFor({ state: 'detached' });
      await ready.getByText('Not yet: 6 things to finish.').waitFor();

      // Probes: added with a button, focus lands in the new input, and they are saved.
      await crit.getByRole('button', { name: /^Add probe/ }).click();
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('field-competencies-0-criteria-0-probes-0');
      await page.keyboard.type('What would you do differently now?');

      // Leaving with unsaved changes asks first.
      const nav = page.getByRole('navigation', { name: 'Main' });
      await nav.getByRole('link', { name: 'Rubrics' }).click();
      const leave = page.getByRole('alertdialog', { name: 'Leave without saving?' });
      await leave.waitFor();
      await browser.audit('leave guard');
      await leave.getByRole('button', { name: 'Stay and keep editing' }).click();
      await leave.waitFor({ state: 'hidden' });
      expect(new URL(page.url()).pathname).toMatch(/^\/rubrics\/[0-9a-f-]{36}$/);

      await page.getByRole('button', { name: 'Save draft' }).click();
      await page.getByText(/^Saved at /).waitFor();
      await page.reload();
      await browser.settled('after reload');
      expect(await criterion(page, 'Untitled criterion').getByLabel('Probe 1').inputValue()).toBe(
        'What would you do differently now?',
      );
      expect(await criterion(page, 'Untitled criterion').getByLabel('Question or prompt').inputValue()).toMatch(
        /^Tell me about a time/,
      );
    });
  });

  test('when someone else saved the draft meanwhile, saving explains it and offers to reload', async () => {
    const name = `Conflict rubric ${Date.now() % 100000}`;
    const hm = org.people.hm.api;
    const created = await hm.request('POST', '/api/v1/rubrics', {
      name,
      content: {
        competencies: [
          {
            key: crypto.randomUUID(),
            name: 'Ownership',
            description: '',
            category: 'leadership',
            weight: 1,
            criteria: [],
          },
        ],
      },
    });
    expect(created.status).toBe(201);
    const detail = created.body as { id: string; draft: { id: string; revision: number; content: unknown } };

    await withBrowser(async (browser) => {
      const { page } = browser;
      await signIn(browser, org.people.hm.email, org.password);
      await browser.goto(`/rubrics/${detail.id}`);
      const nameInput = competency(page, 'Ownership').getByLabel('Name', { exact: true });
      await nameInput.fill('Ownership and follow-through');

      const content = detail.draft.content as { competencies: { name: string }[] };
      content.competencies[0]!.name = 'Ownership (their edit)';
      const saved = await hm.request('PUT', `/api/v1/rubric-versions/${detail.draft.id}`, {
        content,
        revision: detail.draft.revision,
      });
      expect(saved.status).toBe(200);

      await page.getByRole('button', { name: 'Save draft' }).click();
      const alert = page.getByRole('alert').filter({ hasText: 'Someone else saved this draft' });
      await alert.waitFor();
      await browser.audit('stale revision');
      await shot(browser, 'library-rubric-stale-revision');
      await alert.getByRole('button', { name: 'Reload the latest version' }).click();
      await competency(page, 'Ownership \\(their edit\\)').waitFor();
      expect(await page.getByText('Unsaved changes').count()).toBe(0);
    });
  });

  test('problems the API reports when publishing are shown next to their fields', async () => {
    const hm = org.people.hm.api;
    const created = await hm.request('POST', '/api/v1/rubrics', {
      name: `Complete rubric ${Date.now() % 100000}`,
      content: {
        competencies: [
          {
            key: crypto.randomUUID(),
            name: 'Delivery',
            description: '',
            category: 'technical',
            weight: 2,
            criteria: [
              {
                key: crypto.randomUUID(),
                title: 'Shipping under pressure',
                prompt: 'Tell me about a release that was at risk.',
                probes: [],
                questionType: 'behavioural',
                whyLead: false,
                anchors: ['Blames others.', 'Vague account.', 'Clear account.', 'Clear account with lessons.'],
              },
            ],
          },
        ],
      },
    });
    expect(created.status).toBe(201);
    const { id } = created.body as { id: string };

    await withBrowser(async (browser) => {
      const { page } = browser;
      await signIn(browser, org.people.hm.email, org.password);
      await browser.goto(`/rubrics/${id}`);
      await page
        .getByRole('region', { name: 'Ready to publish?' })
        .getByText(/^Yes\./)
        .waitFor();
      await page.route(
        (url) => /\/api\/v1\/rubric-versions\/[^/]+\/publish$/.test(url.pathname),
        (route) =>
          route.fulfill({
            status: 400,
            headers: { 'content-type': 'application/problem+json' },
            body: JSON.stringify({
              type: 'about:blank',
              title: 'Bad Request',
              status: 400,
              code: 'validation_failed',
              detail: 'Complete the rubric before publishing it.',
              errors: [{ path: 'competencies.0.criteria.0.anchors.2', message: 'Say what a 3 looks like.' }],
            }),
          }),
      );
      await page.getByRole('button', { name: 'Publish…' }).click();
      const dialog = page.getByRole('alertdialog', { name: 'Publish version 1?' });
      await dialog.getByText('First version').waitFor();
      await dialog.getByRole('button', { name: 'Publish version 1' }).click();
      await dialog.waitFor({ state: 'hidden' });
      const anchor = criterion(page, 'Shipping under pressure').getByLabel('3 · Some evidence for');
      await criterion(page, 'Shipping under pressure').getByText('Say what a 3 looks like.').waitFor();
      expect(await anchor.getAttribute('aria-invalid')).toBe('true');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('field-competencies-0-criteria-0-anchors-2');
      await browser.audit('server field errors');
    });
  });

  test('a hiring manager edits the red flags: marks a dealbreaker, adds one, and publishes v2', async () => {
    await withBrowser(async (browser) => {
      const { page } = browser;
      await signIn(browser, org.people.hm.email, org.password);
      await browser.openFromMenu('Red flags', '/red-flags');
      const row = page.getByRole('row').filter({ hasText: 'Tech Lead red flags' });
      await row.getByText('Published v1').waitFor();
      await shot(browser, 'library-red-flags-list');
      await row.getByRole('link', { name: 'Tech Lead red flags' }).click();
      await browser.waitForPath(/^\/red-flags\/[0-9a-f-]{36}$/);
      await page.locator('.redflag').first().waitFor();
      await shot(browser, 'library-red-flags-published');

      await page.getByRole('button', { name: 'Edit', exact: true }).click();
      await page.getByText('Draft v2', { exact: true }).first().waitFor();
      const concern = page.locator('li.redflag--concern').first();
      const concernText = await concern.getByRole('textbox').inputValue();
      await concern.getByLabel('Severity').selectOption('dealbreaker');
      await page.getByRole('button', { name: 'Add red flag' }).click();
      const added = page.locator('li.redflag').last();
      expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
      await page.keyboard.type('Blames the team for every missed deadline.');
      // Reorder with the keyboard: focus stays on the moved item's button.
      await added.getByRole('button', { name: /^Move up/ }).focus();
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toMatch(/^Move up/);
      await page.getByRole('button', { name: 'Save draft' }).click();
      await page.getByText(/^Saved at /).waitFor();
      await shot(browser, 'library-red-flags-editor');

      await page.getByRole('button', { name: 'Publish…' }).click();
      const dialog = page.getByRole('alertdialog', { name: 'Publish version 2?' });
      await dialog.getByText('1 red flag added').waitFor();
      await dialog.getByText('1 red flag changed').waitFor();
      await dialog.getByRole('button', { name: 'Publish version 2' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await page.locator('.editor-bar').getByText('Published v2').waitFor();
      const marked = page.locator('li.redflag--dealbreaker').filter({ hasText: concernText });
      await marked.getByText('Dealbreaker').waitFor();
      await shot(browser, 'library-red-flags-published-v2');
    });
  });

  test('a hiring manager duplicates, renames and archives a rubric, and finds it again with the filters', async () => {
    const copyName = `Tech Lead copy ${Date.now() % 100000}`;
    await withBrowser(async (browser) => {
      const { page } = browser;
      await signIn(browser, org.people.hm.email, org.password);
      await browser.goto('/rubrics');
      await page.getByRole('button', { name: 'Duplicate Tech Lead', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: 'Duplicate rubric' });
      expect(await dialog.getByLabel('Name of the copy').inputValue()).toBe('Tech Lead (copy)');
      await dialog.getByLabel('Name of the copy').fill(copyName);
      await dialog.getByRole('button', { name: 'Duplicate' }).click();
      await browser.waitForPath(/^\/rubrics\/[0-9a-f-]{36}$/);
      await page.getByRole('heading', { level: 1, name: copyName }).waitFor();
      await page.getByRole('status').filter({ hasText: `a copy of “Tech Lead”` }).waitFor();
      expect(await page.getByText('Built-in').count()).toBe(0);

      await page.getByRole('button', { name: 'Rename' }).click();
      const rename = page.getByRole('dialog', { name: 'Rename rubric' });
      await rename.getByRole('textbox', { name: 'Name' }).fill(`${copyName} (platform)`);
      await rename.getByRole('button', { name: 'Save' }).click();
      await rename.waitFor({ state: 'hidden' });
      await page.getByRole('heading', { level: 1, name: `${copyName} (platform)` }).waitFor();

      await page.getByRole('button', { name: 'Archive' }).click();
      await page.getByText('Archived', { exact: true }).waitFor();
      await shot(browser, 'library-rubric-archived');

      await page.getByRole('link', { name: 'Rubrics', exact: true }).first().click();
      await browser.waitForPath('/rubrics');
      await page.getByRole('link', { name: 'Tech Lead', exact: true }).waitFor();
      expect(await page.getByRole('link', { name: `${copyName} (platform)` }).count()).toBe(0);
      await page.getByLabel('Show').selectOption('archived');
      await page.getByRole('link', { name: `${copyName} (platform)` }).waitFor();
      await page.getByRole('searchbox', { name: 'Search' }).fill('nothing-is-called-this');
      await page.getByRole('heading', { name: 'No rubrics match' }).waitFor();
      await page.getByRole('button', { name: 'Clear filters' }).click();
      await page.getByRole('link', { name: 'Tech Lead', exact: true }).waitFor();
    });
  });

  test('when the rubric list fails to load, the user sees an error and can retry', async () => {
    await withBrowser(async (browser) => {
      const { page } = browser;
      await signIn(browser, org.people.hm.email, org.password);
      const recover = await unavailableUntilRecovered(page, '/api/v1/rubrics');
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Rubrics' }).click();
      const error = page.getByRole('alert').filter({ hasText: 'Couldn’t load rubrics' });
      await error.waitFor({ timeout: 20_000 });
      await browser.audit('rubrics error state');
      await shot(browser, 'library-rubrics-error');
      recover();
      await error.getByRole('button', { name: 'Try again' }).click();
      await page.getByRole('link', { name: 'Tech Lead', exact: true }).waitFor();
    });
  });

  test('an interviewer has no library navigation and sees a no-access state', async () => {
    await withBrowser(async (browser) => {
      const { page } = browser;
      await signIn(browser, org.people.ines.email, org.password);
      const nav = page.getByRole('navigation', { name: 'Main' });
      await nav.getByRole('link', { name: 'Home' }).waitFor();
      expect(await nav.getByRole('link', { name: 'Rubrics' }).count()).toBe(0);
      await browser.goto('/red-flags');
      await page.getByRole('heading', { name: 'You don’t have access to Red flags' }).waitFor();
      await shot(browser, 'library-no-access');
    });
  });
});
