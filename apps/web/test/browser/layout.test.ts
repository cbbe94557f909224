import { describe, expect, test } from '@jest/globals';
import { apiSignIn } from './api-client';
import { DEMO_PASSWORD, signIn, withBrowser } from './harness';

const ADMIN = 'admin@acme.test';
const PHONE = { width: 390, height: 844 };
const OPENING = 'Tech Lead, Platform';

type Listed = { items: { id: string }[] };
type Board = { columns: { cards: { applicationId: string; scorecardsIn: number }[] }[] };

describe('layout on a phone-width screen', () => {
  test('no page of the app scrolls sideways: a wide table or board scrolls inside its own box', async () => {
    const api = await apiSignIn(ADMIN, DEMO_PASSWORD);
    const first = async (path: string) => ((await api.request('GET', path)).body as Listed).items[0]!.id;
    const rubric = await first('/api/v1/rubrics');
    const checklist = await first('/api/v1/red-flag-checklists');
    const candidate = await first('/api/v1/candidates');
    // The demo opening, and an application of it with feedback in (other tests add openings and
    // move the demo's applications on, so neither is found by position or stage).
    const openings = await api.request('GET', `/api/v1/openings?q=${encodeURIComponent(OPENING)}`);
    const opening = (openings.body as { items: { id: string; title: string }[] }).items.find(
      (o) => o.title === OPENING,
    )!.id;
    const board = (await api.request('GET', `/api/v1/openings/${opening}/board`)).body as Board;
    const application = board.columns.flatMap((c) => c.cards).find((c) => c.scorecardsIn > 0)!.applicationId;
    const paths = [
      '/',
      '/users',
      '/admin/audit',
      '/candidates',
      `/candidates/${candidate}`,
      '/openings',
      `/openings/${opening}`,
      `/openings/${opening}/pipeline`,
      `/openings/${opening}/compare`,
      '/rubrics',
      `/rubrics/${rubric}`,
      '/red-flags',
      `/red-flags/${checklist}`,
      '/analytics',
      '/analytics/calibration',
      `/applications/${application}`,
      `/applications/${application}/debrief`,
      '/interviews',
    ];
    await withBrowser(async (browser) => {
      await signIn(browser, ADMIN, DEMO_PASSWORD);
      const wider: string[] = [];
      for (const path of paths) {
        await browser.goto(path);
        const { scroll, client } = await browser.page.evaluate(() => ({
          scroll: document.documentElement.scrollWidth,
          client: document.documentElement.clientWidth,
        }));
        if (scroll > client) wider.push(`${path}: ${scroll}px wide in ${client}px`);
      }
      expect(wider).toEqual([]);
    }, PHONE);
  });
});
