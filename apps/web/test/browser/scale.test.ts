// An opening with 500 applications: the pipeline board and the comparison's candidate picker stay
// small in the DOM while every application stays reachable. Timing is measured (performance.now,
// long tasks, requestAnimationFrame deltas while a column scrolls) and written to
// artifacts/scale-metrics.json for docs/PERFORMANCE.md, never asserted: the machine's speed is not
// the behaviour under test.
import { beforeAll, describe, expect, test } from '@jest/globals';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { givenOrganization, ok, type GivenOrganization } from './api-client';
import { expectFocusOnCard, focusedCardName } from './board';
import { SCREENSHOT_DIR, shot, signIn, withBrowser } from './harness';

const HM_NAME = 'Harper Lindqvist';
const APPLICATIONS = 500;
/** Far fewer than 500: a column renders what is in view plus a few cards either side. */
const MAX_CARDS_IN_DOM = 60;
const METRICS_FILE = join(dirname(SCREENSHOT_DIR), 'scale-metrics.json');
/** SCALE_CPU_THROTTLE=4 measures on a CPU slowed four times (Chromium's emulation), as on a modest laptop. */
const CPU_THROTTLE = Number(process.env.SCALE_CPU_THROTTLE ?? 1);

const FIRST = ['Avery', 'Blake', 'Casey', 'Devon', 'Emery', 'Finley', 'Harper', 'Jordan', 'Kendall', 'Logan'];
const LAST = ['Abbott', 'Barros', 'Chen', 'Dubois', 'Eze', 'Fischer', 'Garcia', 'Haddad', 'Ito', 'Jensen'];
/** A name no other candidate shares, to find in the picker. */
const NEEDLE = 'Quillon Needleworth';

type Card = { applicationId: string; candidate: { name: string } };
type Board = { columns: { stage: string; count: number; cards: Card[] }[] };

/** An organization of this file's own: 500 candidates are not for the demo. */
let org: GivenOrganization;
let openingId: string;
let openingTitle: string;
/** The Applied column as the API orders it (oldest in stage first). */
let applied: Card[];
const metrics: Record<string, unknown> = {};

/** Runs `fn` over `items`, `limit` at a time. */
async function inParallel<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) await fn(items[next++]!);
    }),
  );
}

/** An open opening (Harper manages it; the empty plan is overridden) with `APPLICATIONS` applications in Applied. */
async function openingWith500Applications(): Promise<void> {
  const run = `${Date.now() % 1_000_000}`;
  org = await givenOrganization('Scale');
  const hm = org.people.hm.api;
  const rubrics = await ok<{ items: { name: string; publishedVersionId: string }[] }>(
    hm.request('GET', '/api/v1/rubrics'),
  );
  const checklists = await ok<{ items: { name: string; publishedVersionId: string }[] }>(
    hm.request('GET', '/api/v1/red-flag-checklists'),
  );
  const people = await ok<{ items: { id: string; name: string }[] }>(hm.request('GET', '/api/v1/people?pageSize=100'));
  openingTitle = `Platform Lead, scale ${run}`;
  const opening = await ok<{ id: string; revision: number }>(
    hm.request('POST', '/api/v1/openings', {
      title: openingTitle,
      level: 'senior',
      archetype: 'feature',
      rubricVersionId: rubrics.items.find((r) => r.name === 'Tech Lead')!.publishedVersionId,
      checklistVersionId: checklists.items.find((c) => c.name === 'Tech Lead red flags')!.publishedVersionId,
      hiringManagerId: people.items.find((p) => p.name === HM_NAME)!.id,
    }),
    201,
  );
  openingId = opening.id;
  await ok(
    hm.request('POST', `/api/v1/openings/${openingId}/status`, {
      status: 'open',
      overrideReason: 'A scale test opening: the interview plan does not matter here.',
      revision: opening.revision,
    }),
  );

  // 500 candidates in one import (one staged batch, one commit), then found by their company.
  const recruiter = org.people.recruiter.api;
  const company = `Scaleco${run}`;
  const imported = await ok<{ id: string }>(recruiter.request('POST', '/api/v1/candidate-imports', {}), 201);
  const rows = Array.from({ length: APPLICATIONS }, (_, i) => ({
    row: i + 1,
    values: {
      name: i === 437 ? NEEDLE : `${FIRST[i % 10]} ${LAST[Math.floor(i / 10) % 10]} ${String(i + 1).padStart(3, '0')}`,
      email: `scale-${run}-${i}@example.test`,
      source: i % 3 === 0 ? 'Referral' : 'LinkedIn',
      currentTitle: i % 4 === 0 ? 'Staff engineer' : 'Senior engineer',
      currentCompany: company,
    },
  }));
  const staged = await ok<{ invalid: number }>(
    recruiter.request('POST', `/api/v1/candidate-imports/${imported.id}/rows`, { rows }),
  );
  expect(staged.invalid).toBe(0);
  await ok(recruiter.request('POST', `/api/v1/candidate-imports/${imported.id}/commit`, { skipInvalid: false }));
  const candidateIds: string[] = [];
  for (let page = 1; candidateIds.length < APPLICATIONS; page++) {
    const found = await ok<{ items: { id: string }[] }>(
      recruiter.request('GET', `/api/v1/candidates?q=${company}&pageSize=100&page=${page}`),
    );
    if (found.items.length === 0) throw new Error(`found only ${candidateIds.length} imported candidates`);
    candidateIds.push(...found.items.map((c) => c.id));
  }
  await inParallel(candidateIds, 8, async (candidateId) => {
    await ok(recruiter.request('POST', '/api/v1/applications', { candidateId, openingId }), 201);
  });
  const board = await ok<Board>(recruiter.request('GET', `/api/v1/openings/${openingId}/board?cardsPerColumn=500`));
  applied = board.columns.find((c) => c.stage === 'applied')!.cards;
  expect(applied).toHaveLength(APPLICATIONS);
}

type PagePerf = {
  longTasks: { start: number; duration: number }[];
  /** Event Timing entries (16 ms or longer): input to the next paint, and the handlers' own time. */
  events: { name: string; duration: number; processing: number }[];
  seen: Record<string, number>;
};

/**
 * Records, from the next navigation on, long tasks, slow interactions, and when the first element
 * matching each selector appeared in the DOM (performance.now(), so from the start of that navigation).
 */
async function recordPerformance(page: Page, selectors: string[]): Promise<void> {
  if (CPU_THROTTLE > 1) {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_THROTTLE });
  }
  await page.addInitScript((watched: string[]) => {
    const perf: PagePerf = { longTasks: [], events: [], seen: {} };
    (window as unknown as { __perf: PagePerf }).__perf = perf;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) perf.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as PerformanceEventTiming[]) {
        perf.events.push({ name: e.name, duration: e.duration, processing: e.processingEnd - e.processingStart });
      }
    }).observe({ type: 'event', durationThreshold: 16, buffered: true } as PerformanceObserverInit);
    const observer = new MutationObserver(() => {
      for (const s of watched)
        if (perf.seen[s] === undefined && document.querySelector(s)) perf.seen[s] = performance.now();
      if (watched.every((s) => perf.seen[s] !== undefined)) observer.disconnect();
    });
    observer.observe(document, { childList: true, subtree: true });
  }, selectors);
}

const round = (n: number) => Math.round(n * 10) / 10;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

/** How long the page took to show `selector` after `resource` arrived, and the long tasks until then. */
async function loadMetrics(page: Page, selector: string, resource: string) {
  const m = await page.evaluate(
    ({ selector, resource }) => {
      const perf = (window as unknown as { __perf: PagePerf }).__perf;
      const shown = perf.seen[selector] ?? NaN;
      const fetched = performance.getEntriesByType('resource').find((e) => e.name.includes(resource)) as
        PerformanceResourceTiming | undefined;
      return {
        shownMs: shown,
        responseEndMs: fetched?.responseEnd ?? NaN,
        longTasksUntilShown: perf.longTasks.filter((t) => t.start < shown).map((t) => t.duration),
        domNodes: document.getElementsByTagName('*').length,
      };
    },
    { selector, resource },
  );
  return {
    shownMs: round(m.shownMs),
    renderAfterResponseMs: round(m.shownMs - m.responseEndMs),
    longTasksUntilShown: m.longTasksUntilShown.map(round),
    domNodes: m.domNodes,
  };
}

/**
 * Scrolls the column's scrolling element from top to bottom, 80 px a frame, and returns the
 * requestAnimationFrame deltas and the long tasks meanwhile.
 */
async function scrollColumn(page: Page, stage: string) {
  const m = await page.evaluate(async (stage) => {
    const column = document.querySelector<HTMLElement>(`[data-stage="${stage}"]`)!;
    const scroller = [column, ...column.querySelectorAll<HTMLElement>('*')].find(
      (el) => el.scrollHeight > el.clientHeight + 1 && /auto|scroll/.test(getComputedStyle(el).overflowY),
    );
    if (!scroller) throw new Error(`the ${stage} column does not scroll`);
    scroller.scrollTop = 0;
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const perf = (window as unknown as { __perf: PagePerf }).__perf;
    const started = performance.now();
    const deltas: number[] = [];
    let maxCards = 0;
    await new Promise<void>((resolve) => {
      let last = -1;
      const step = (t: number) => {
        if (last >= 0) deltas.push(t - last);
        last = t;
        maxCards = Math.max(maxCards, column.querySelectorAll('article').length);
        if (scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 1 || deltas.length > 5000) {
          resolve();
          return;
        }
        scroller.scrollTop += 80;
        requestAnimationFrame(step);
      };
      requestAnimationFrame(step);
    });
    const domNodes = document.getElementsByTagName('*').length;
    scroller.scrollTop = 0;
    return {
      deltas,
      durationMs: performance.now() - started,
      longTasks: perf.longTasks.filter((t) => t.start >= started).map((t) => t.duration),
      maxCards,
      domNodes,
    };
  }, stage);
  return {
    frames: m.deltas.length,
    durationMs: round(m.durationMs),
    frameP50Ms: round(percentile(m.deltas, 50)),
    frameP95Ms: round(percentile(m.deltas, 95)),
    frameMaxMs: round(Math.max(...m.deltas)),
    longTasks: m.longTasks.map(round),
    maxCardsInDom: m.maxCards,
    domNodesAtBottom: m.domNodes,
  };
}

/** Where the page's records stand, to read what one interaction added. */
async function perfMark(page: Page): Promise<{ events: number; longTasks: number }> {
  return page.evaluate(() => {
    const perf = (window as unknown as { __perf: PagePerf }).__perf;
    return { events: perf.events.length, longTasks: perf.longTasks.length };
  });
}

/**
 * The slowest input since `mark` (Event Timing: input to next paint, 0 when every event took under
 * 16 ms), the longest handler time, and the long tasks (which include the refetch and re-render).
 */
async function interactionSince(page: Page, mark: { events: number; longTasks: number }) {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const m = await page.evaluate((mark) => {
    const perf = (window as unknown as { __perf: PagePerf }).__perf;
    const events = perf.events.slice(mark.events);
    return {
      inputToPaintMs: Math.max(0, ...events.map((e) => e.duration)),
      processingMs: Math.max(0, ...events.map((e) => e.processing)),
      longTasks: perf.longTasks.slice(mark.longTasks).map((t) => t.duration),
    };
  }, mark);
  return { ...m, processingMs: round(m.processingMs), longTasks: m.longTasks.map(round) };
}

function saveMetrics(): void {
  mkdirSync(dirname(METRICS_FILE), { recursive: true });
  writeFileSync(METRICS_FILE, `${JSON.stringify(metrics, null, 2)}\n`);
  console.log(`scale metrics (${METRICS_FILE}):\n${JSON.stringify(metrics, null, 2)}`);
}

const cardsIn = (page: Page, stage: string) => page.locator(`[data-stage="${stage}"] article`);

/** Scrolls a column to its bottom again and again, as a person keeps scrolling, until `target` is on the page. */
async function scrollToEnd(page: Page, scroller: Locator, target: Locator): Promise<void> {
  for (let i = 0; i < 100 && !(await target.isVisible()); i++) {
    await scroller.evaluate((el) => (el.scrollTop = el.scrollHeight));
    await page.waitForTimeout(100);
  }
  await target.waitFor();
}

async function moved(page: Page, name: string, stage: string): Promise<void> {
  await page
    .getByRole('status')
    .filter({ hasText: `Moved ${name} to ${stage}.` })
    .waitFor();
}

describe('an opening with 500 applications', () => {
  beforeAll(async () => {
    const started = Date.now();
    await openingWith500Applications();
    metrics.setupSeconds = round((Date.now() - started) / 1000);
    metrics.cpuThrottle = CPU_THROTTLE;
  }, 240_000);

  test('the board counts 500 in Applied, keeps few cards in the DOM, and reaches every card by keyboard and by scrolling', async () => {
    await withBrowser(async (browser) => {
      const { page } = browser;
      await signIn(browser, org.people.recruiter.email, org.password);
      await recordPerformance(page, ['[data-stage="applied"] article']);
      const columnPages: string[] = [];
      page.on('requestfinished', (r) => {
        if (r.url().includes('/board/columns/applied')) columnPages.push(r.url());
      });
      await browser.goto(`/openings/${openingId}/pipeline`);
      await page.getByRole('heading', { level: 1, name: `Pipeline: ${openingTitle}` }).waitFor();
      const column = page.locator('[data-stage="applied"]');
      await column.getByText(String(APPLICATIONS), { exact: true }).waitFor();
      await page.getByText(`${APPLICATIONS} applications.`).waitFor();
      // The board gives each column its first page only; the next pages come as the column scrolls.
      expect(await column.locator('.board-column__more').textContent()).toContain(`Showing 30 of ${APPLICATIONS}`);
      await shot(browser, 'scale-board-first-page');
      const viewport = page.viewportSize();
      await page.setViewportSize({ width: 390, height: 844 });
      await shot(browser, 'scale-board-first-page-phone');
      if (viewport) await page.setViewportSize(viewport);

      // Measured first, the same way whatever the board's implementation: loading, scrolling the
      // column, and moving its first card with the keyboard (the move refetches the whole board).
      const board: Record<string, unknown> = {
        load: await loadMetrics(page, '[data-stage="applied"] article', '/board'),
        cardsInDom: await cardsIn(page, 'applied').count(),
        scroll: await scrollColumn(page, 'applied'),
      };
      metrics.board = board;
      const first = applied[0]!.candidate.name;
      await cardsIn(page, 'applied').filter({ hasText: first }).focus();
      const mark = await perfMark(page);
      await page.keyboard.press('ArrowRight');
      await moved(page, first, 'Screen');
      await cardsIn(page, 'screen').filter({ hasText: first }).waitFor();
      board.keyboardMove = await interactionSince(page, mark);
      saveMetrics();

      await column.getByText(String(APPLICATIONS - 1), { exact: true }).waitFor();
      expect(await cardsIn(page, 'applied').count()).toBeLessThan(MAX_CARDS_IN_DOM);
      const rest = applied.slice(1);

      // Scrolled to the end, page after page, the last card of the 499 is on the page, as item 499 of 499.
      const scroller = column.locator('.board-column__scroller');
      const last = rest.at(-1)!.candidate.name;
      const lastCard = cardsIn(page, 'applied').filter({ hasText: last });
      await scrollToEnd(page, scroller, lastCard);
      expect(columnPages.length).toBeGreaterThanOrEqual(Math.ceil((rest.length - 30) / 100));
      expect(await column.locator('.board-column__more').count()).toBe(0);
      const slot = column.getByRole('listitem').filter({ hasText: last });
      expect(await slot.getAttribute('aria-posinset')).toBe(String(rest.length));
      expect(await slot.getAttribute('aria-setsize')).toBe(String(rest.length));
      expect(await cardsIn(page, 'applied').count()).toBeLessThan(MAX_CARDS_IN_DOM);
      await shot(browser, 'scale-board-scrolled-to-the-end');

      // The focused card stays on the page (and focused) while its column scrolls it out of view.
      await scroller.evaluate((el) => (el.scrollTop = 0));
      await cardsIn(page, 'applied').filter({ hasText: rest[0]!.candidate.name }).focus();
      await scroller.evaluate((el) => (el.scrollTop = el.scrollHeight));
      await lastCard.waitFor();
      await expectFocusOnCard(page, rest[0]!.candidate.name);
      expect(await cardsIn(page, 'applied').count()).toBeLessThan(MAX_CARDS_IN_DOM);

      // Keyboard, on a fresh board (the first page only): End loads the column to its end and focuses
      // its last card; Home and the arrows step through the column.
      await browser.goto(`/openings/${openingId}/pipeline`);
      await column.getByText(String(APPLICATIONS - 1), { exact: true }).waitFor();
      await cardsIn(page, 'applied').filter({ hasText: rest[0]!.candidate.name }).focus();
      await page.keyboard.press('ArrowDown');
      await expectFocusOnCard(page, rest[1]!.candidate.name);
      const endMark = await perfMark(page);
      await page.keyboard.press('End');
      await expectFocusOnCard(page, last);
      const endSlot = column.getByRole('listitem').filter({ hasText: last });
      expect(await endSlot.getAttribute('aria-posinset')).toBe(String(rest.length));
      board.keyboardEnd = await interactionSince(page, endMark);
      expect(await cardsIn(page, 'applied').count()).toBeLessThan(MAX_CARDS_IN_DOM);
      await page.keyboard.press('ArrowUp');
      await expectFocusOnCard(page, rest.at(-2)!.candidate.name);
      await page.keyboard.press('Home');
      await expectFocusOnCard(page, rest[0]!.candidate.name);
      // Tab goes on to the next card (past this card's link and Move button) without the DOM growing.
      for (let i = 0; i < 30; i++) await page.keyboard.press('Tab');
      expect(await focusedCardName(page)).toBe(rest[10]!.candidate.name);
      expect(await cardsIn(page, 'applied').count()).toBeLessThan(MAX_CARDS_IN_DOM);
      await browser.audit('board with 500 applications, focus inside the column');

      // The last card moves to Screen with the keyboard; the counts follow and it keeps the focus.
      await page.keyboard.press('End');
      await expectFocusOnCard(page, last);
      await page.keyboard.press('ArrowRight');
      await moved(page, last, 'Screen');
      await expectFocusOnCard(page, last);
      await column.getByText(String(APPLICATIONS - 2), { exact: true }).waitFor();
      await cardsIn(page, 'screen').filter({ hasText: last }).waitFor();
      await shot(browser, 'scale-board');

      // Dragging still moves a card out of the long column: a pointer drag in steps, as a hand makes it.
      await scroller.evaluate((el) => (el.scrollTop = 0));
      const dragged = rest[0]!.candidate.name;
      await cardsIn(page, 'applied')
        .filter({ hasText: dragged })
        .dragTo(page.locator('[data-stage="screen"]'), { steps: 10 });
      await moved(page, dragged, 'Screen');
      await column.getByText(String(APPLICATIONS - 3), { exact: true }).waitFor();
      await cardsIn(page, 'screen').filter({ hasText: dragged }).waitFor();
      saveMetrics();
    });
  }, 120_000);

  test('the comparison finds one candidate among 500 by search and renders only a page of the list', async () => {
    await withBrowser(async (browser) => {
      const { page } = browser;
      await signIn(browser, org.people.hm.email, org.password);
      await recordPerformance(page, ['.compare-pick']);
      await browser.goto(`/openings/${openingId}/compare`);
      const picker = page.getByRole('group', { name: 'Candidates to compare' });
      const checkboxes = picker.getByRole('checkbox');
      const pickerMetrics: Record<string, unknown> = {
        load: await loadMetrics(page, '.compare-pick', '/board'),
        checkboxesInDom: await checkboxes.count(),
      };
      metrics.picker = pickerMetrics;
      const clickMark = await perfMark(page);
      await checkboxes.first().check();
      pickerMetrics.tick = await interactionSince(page, clickMark);
      await checkboxes.first().uncheck();
      saveMetrics();

      expect(await checkboxes.count()).toBeLessThan(MAX_CARDS_IN_DOM + 1);
      await picker.getByText(`Showing 50 of ${APPLICATIONS}`).waitFor();
      await picker.getByRole('button', { name: 'Show 50 more' }).click();
      await picker.getByText(`Showing 100 of ${APPLICATIONS}`).waitFor();

      // Search narrows the list to the one candidate, who is then picked with the keyboard.
      const search = picker.getByRole('searchbox', { name: 'Find a candidate' });
      const typeMark = await perfMark(page);
      await search.pressSequentially('needlew');
      await picker.getByText(`1 of ${APPLICATIONS} match`).waitFor();
      pickerMetrics.typing = await interactionSince(page, typeMark);
      saveMetrics();
      expect(await checkboxes.count()).toBe(1);
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Space');
      expect(await picker.getByRole('checkbox', { name: new RegExp(NEEDLE) }).isChecked()).toBe(true);
      await browser.audit('picker filtered to one candidate');

      // The second one by its name; the picked candidates stay listed above the search.
      const second = applied[250]!.candidate.name;
      await search.fill(second);
      await picker.getByRole('checkbox', { name: new RegExp(second) }).check();
      const chosen = picker.getByRole('list', { name: 'Picked' });
      await chosen.getByText(NEEDLE).waitFor();
      await chosen.getByText(second).waitFor();
      await page.waitForURL((url) => (url.searchParams.get('ids') ?? '').split(',').length === 2);
      await page.getByRole('table', { name: /Candidates compared on/ }).waitFor();
      await browser.settled('comparison of two of 500');

      // Picking from a filtered list keeps the picks; removing one from the picked list unticks it.
      await search.fill('');
      await chosen.getByRole('button', { name: `Remove ${NEEDLE}` }).click();
      await page.waitForURL((url) => (url.searchParams.get('ids') ?? '').split(',').length === 1);
      await shot(browser, 'scale-comparison-picker');
    });
  }, 120_000);
});
