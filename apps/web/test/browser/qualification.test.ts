import { beforeAll, describe, expect, test } from '@jest/globals';
import { givenOrganization, type GivenOrganization } from './api-client';
import { expectTitle, shot, signIn, unique, withBrowser } from './harness';

/**
 * Interviewer qualification (issue 24 §5): Jonas Weber is in training (shadowing every competency)
 * in an organization of this file's own; Ines Okafor, qualified, leads the interviews he shadows.
 */
let org: GivenOrganization;
/** The competencies of the plan's first step: those a shadow session there counts for. */
let focus: string[];

/** A shadow session: Ines leads the first step of a new candidate's interviews, Jonas shadows and submits. */
async function shadowSession(): Promise<void> {
  const { applicationId } = await org.application(unique('Shadowed Candidate'), ['screen', 'interviews']);
  const lead = await org.schedule(applicationId, 0, 'ines');
  const seat = await org.people.recruiter.api.call('addTrainingSeat', {
    params: { id: lead },
    body: { mode: 'shadow', interviewerId: org.people.jonas.id },
  });
  await org.submit('jonas', seat.id, { rating: 3, recommendation: 'yes' });
}

beforeAll(async () => {
  org = await givenOrganization('Qualification');
  const path = await org.people.admin.api.call('getMyQualification');
  await org.people.admin.api.call('startTraining', {
    params: { id: org.people.jonas.id },
    body: { competencyKeys: path.competencies.map((c) => c.competencyKey) },
  });
  const stepFocus = new Set(org.opening.plan.steps[0]!.focusCompetencyKeys);
  focus = path.competencies.filter((c) => stepFocus.has(c.competencyKey)).map((c) => c.competency);
  await shadowSession();
});

describe('interviewer qualification', () => {
  test('an interviewer in training sees their path on the home page, at 390 px wide too', async () => {
    for (const viewport of [undefined, { width: 390, height: 844 }]) {
      await withBrowser(async (browser) => {
        const { page } = browser;
        await signIn(browser, org.people.jonas.email, org.password);
        const section = page.getByRole('region', { name: 'Your interviewer path' });
        await section.waitFor();
        const first = section.getByRole('listitem').filter({ hasText: focus[0]! });
        await first.getByText('Shadowing', { exact: true }).waitFor();
        await first.getByText('1 of 2 shadow sessions').waitFor();
        await first
          .getByText('Sit in beside a qualified interviewer as their shadow: 1 shadow session to go.')
          .waitFor();
        // A competency the first step does not focus on has no session yet.
        const other = section
          .getByRole('listitem')
          .filter({ hasNotText: focus[0]! })
          .filter({ hasNotText: focus[1] ?? '\u0000' });
        expect(await other.first().textContent()).toContain('0 of 2 shadow sessions');
        if (viewport) {
          const box = await section.boundingBox();
          expect(box!.x + box!.width).toBeLessThanOrEqual(390);
        }
        await browser.audit('the interviewer path');
        await shot(browser, viewport ? 'qualification-path-390' : 'qualification-path');
      }, viewport);
    }
  });

  test('a hiring manager sees who is ready and approves a promotion, asked once more; the audit log records it', async () => {
    await shadowSession();
    const hm = org.people.hm;
    await withBrowser(async (browser) => {
      const { page } = browser;
      await signIn(browser, hm.email, org.password);
      const section = page.getByRole('region', { name: /Interviewers in training/ });
      await section.getByText('1 ready').waitFor();
      const jonas = section.getByRole('listitem').filter({ hasText: 'Jonas Weber' }).first();
      await jonas.getByText(/Ready for \d+ promotions?/).waitFor();
      await browser.audit('interviewers in training');
      await shot(browser, 'qualification-ready');

      // Keyboard: focus the approval of the first focus competency and press Enter.
      const approve = jonas.getByRole('button', {
        name: new RegExp(`^Approve promotion\\s*:\\s*Jonas Weber to reverse shadowing in ${focus[0]}$`),
      });
      await approve.focus();
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('alertdialog', { name: 'Approve this promotion?' });
      await dialog.getByText(`Jonas Weber to reverse shadowing in ${focus[0]}.`, { exact: false }).waitFor();
      await browser.audit('the approval dialog');
      await dialog.getByRole('button', { name: 'Approve promotion' }).click();
      await section.getByText(`Promoted Jonas Weber to reverse shadowing in ${focus[0]}.`).waitFor();
      await shot(browser, 'qualification-promoted');
    });

    const path = await org.people.jonas.api.call('getMyQualification');
    const promoted = path.competencies.find((c) => c.competency === focus[0])!;
    expect(promoted).toMatchObject({ level: 'reverse_shadowing', nextStep: 'reverse_shadow' });
    expect(path.competencies.filter((c) => c.level === 'reverse_shadowing')).toHaveLength(1);
    const audit = await org.people.admin.api.call('listAuditEvents', { query: { action: 'promoteInterviewer' } });
    expect(audit.items.map((e) => [e.actor?.id, e.entityId])).toEqual([[hm.id, org.people.jonas.id]]);
  });

  test('a recruiter adds a shadow to a scheduled interview from the application page, and a refusal is explained', async () => {
    const { applicationId } = await org.application(unique('Paired Candidate'), ['screen', 'interviews']);
    await org.schedule(applicationId, 0, 'mateo');
    await withBrowser(async (browser) => {
      const { page } = browser;
      await signIn(browser, org.people.recruiter.email, org.password);
      await browser.goto(`/applications/${applicationId}`);
      await page.getByRole('button', { name: /^Add a trainee/ }).click();
      const dialog = page.getByRole('dialog', { name: /^Add a trainee to / });
      // Nobody chosen: the field says so.
      await dialog.getByRole('button', { name: 'Add shadow' }).click();
      await dialog.getByText('Choose who joins the interview.').waitFor();
      // Priya is qualified, not in training: the API refuses and the dialog says why.
      await dialog.getByLabel('Shadow', { exact: true }).selectOption({ label: 'Priya Raman' });
      await dialog.getByRole('button', { name: 'Add shadow' }).click();
      await dialog.getByText('Choose someone who is shadowing in at least one competency of this step.').waitFor();
      await browser.audit('a refused pairing');
      await dialog.getByLabel('Shadow', { exact: true }).selectOption({ label: 'Jonas Weber' });
      await dialog.getByRole('button', { name: 'Add shadow' }).click();
      await page.getByText(/Added Jonas Weber to .* as the shadow\./).waitFor();
      await page
        .locator('.interview')
        .filter({ hasText: 'Jonas Weber' })
        .getByText('Shadow', { exact: true })
        .waitFor();
      await page.locator('.interview').filter({ hasText: 'Mateo Silva' }).getByText('Lead, with a shadow').waitFor();
      await shot(browser, 'qualification-shadow-added');
    });
  });

  test('an admin sets the sessions and the calibration check in Settings', async () => {
    await withBrowser(async (browser) => {
      const { page } = browser;
      await signIn(browser, org.people.admin.email, org.password);
      await browser.goto('/settings/qualification');
      await expectTitle(page, 'Interviewer qualification · Scorecard');
      const shadow = page.getByLabel('Shadow sessions', { exact: true });
      await shadow.waitFor();
      expect(await shadow.inputValue()).toBe('2');
      await shadow.fill('0');
      await shadow.blur();
      await page.getByText('At least 1 shadow session.').waitFor();
      await shadow.fill('3');
      const check = page.getByRole('switch', { name: 'Qualifying needs the calibration check' });
      await check.focus();
      await page.keyboard.press('Space');
      await page.getByRole('button', { name: 'Save settings' }).click();
      await page.getByText('Qualification settings saved.', { exact: false }).waitFor();
      await browser.audit('qualification settings saved');
      await shot(browser, 'qualification-settings');
    });
    expect(await org.people.admin.api.call('getQualificationSettings')).toMatchObject({
      shadowSessions: 3,
      reverseShadowSessions: 2,
      needsCalibration: true,
    });
  });
});
