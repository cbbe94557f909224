// Drives Chromium (found by find-chromium.mjs) against the product started by global-setup.mjs. Every page a test
// visits is checked with axe-core (serious and critical violations fail the test), and uncaught page
// errors or CSP violations fail it too.
//
// One Chromium per test file, started at the first withBrowser() and closed after the file's last
// test; each withBrowser() gets a fresh browser context of its own (its own cookies, storage and
// permissions, like a new profile), which takes milliseconds where starting Chromium took seconds.
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect } from '@jest/globals';
import { chromium, type Browser as Chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_FLAGS, chromiumMissing, findChromium } from './find-chromium.mjs';

const require = createRequire(import.meta.url);
const AXE_PATH = require.resolve('axe-core/axe.min.js');
/**
 * The product sends `script-src 'self'`, which blocks addScriptTag({ path }) (that inlines the
 * file). Rather than switching the CSP off (bypassCSP would hide real violations), the browser is
 * served axe from this same-origin URL, answered by the test itself, never by the product.
 */
const AXE_URL = '/__test__/axe.min.js';
const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
export const SCREENSHOT_DIR = join(REPO_ROOT, 'artifacts/screenshots');

export const DEMO_PASSWORD = 'scorecard-demo';

export function baseUrl(): string {
  const url = process.env.SCORECARD_BASE_URL;
  if (!url)
    throw new Error(
      'SCORECARD_BASE_URL is not set: run these tests through jest (global-setup.mjs starts the product)',
    );
  return url;
}

/** A name with a number of this run, so reruns against one database never collide. */
export function unique(name: string): string {
  return `${name} ${Date.now() % 100000}`;
}

/** A unique, valid email for this run, so reruns against one database never collide. */
export function uniqueEmail(prefix: string): string {
  return `${prefix}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.test`;
}

type AxeViolation = {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
};

/** This test file's Chromium: started once, on first use, and closed after the file's tests. */
let chromiumOfFile: Promise<Chromium> | undefined;

function sharedChromium(): Promise<Chromium> {
  if (!chromiumOfFile) {
    const executablePath = findChromium();
    if (!executablePath) throw new Error(chromiumMissing());
    const starting = chromium.launch({ executablePath, args: [...CHROMIUM_FLAGS] });
    chromiumOfFile = starting;
    // A failed start, or a browser that went away, is not kept: the next test starts another.
    const forget = () => {
      if (chromiumOfFile === starting) chromiumOfFile = undefined;
    };
    starting.then((browser) => browser.on('disconnected', forget), forget);
  }
  return chromiumOfFile;
}

afterAll(async () => {
  const started = chromiumOfFile;
  chromiumOfFile = undefined;
  if (started) await (await started.catch(() => undefined))?.close();
});

export class Browser {
  readonly page: Page;
  private readonly context: BrowserContext;
  private readonly problems: string[] = [];
  /** Audits run one at a time, in order: those the navigation listener queues and the test's own. */
  private queue: Promise<void> = Promise.resolve();
  private navigations = 0;
  private auditedNavigation = -1;
  /** The page state (see runAxe) the last audit passed on. */
  private auditedState = '';

  private constructor(context: BrowserContext, page: Page) {
    this.context = context;
    this.page = page;
    page.on('pageerror', (error) => this.problems.push(`Uncaught error in the page: ${error.stack ?? error.message}`));
    page.on('console', (message) => {
      const text = message.text();
      if (
        message.type() === 'error' &&
        /Content Security Policy|Refused to (load|execute|apply|evaluate)/i.test(text)
      ) {
        this.problems.push(`CSP violation: ${text}`);
      }
    });
    // Every navigation, full or client-side (pushState), queues an audit of the page it settles into.
    page.on('framenavigated', (frame) => {
      if (frame !== page.mainFrame() || !frame.url().startsWith('http')) return;
      const navigation = ++this.navigations;
      const url = frame.url();
      void this.enqueue(async () => {
        if (this.auditedNavigation >= navigation || page.isClosed()) return;
        try {
          await this.waitUntilSettled();
          await this.runAxe(`after navigating to ${new URL(url).pathname}`, navigation);
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          // A later navigation replaced this page mid-audit; that navigation has its own audit.
          // (An accessibility failure is never dropped: its own text names the page it was found after navigating to.)
          if (
            !message.startsWith('Accessibility violations') &&
            /Execution context was destroyed|Target page, context or browser has been closed|navigat/i.test(message)
          )
            return;
          this.problems.push(message);
        }
      });
    });
  }

  /** A fresh context (as a new profile: no cookies, storage or permissions) in this file's Chromium. */
  static async launch(viewport = { width: 1280, height: 800 }): Promise<Browser> {
    const context = await (
      await sharedChromium()
    ).newContext({
      viewport,
      baseURL: baseUrl(),
      locale: 'en-US',
      timezoneId: 'UTC',
    });
    context.setDefaultTimeout(15_000);
    const axeSource = readFileSync(AXE_PATH, 'utf8');
    await context.route(`**${AXE_URL}`, (route) =>
      route.fulfill({ status: 200, contentType: 'text/javascript', body: axeSource }),
    );
    const page = await context.newPage();
    return new Browser(context, page);
  }

  private enqueue(task: () => Promise<void>): Promise<void> {
    const run = this.queue.then(task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Opens a path, waits for the page to settle, and audits it. */
  async goto(path: string): Promise<void> {
    await this.page.goto(path);
    await this.settled(`goto ${path}`);
  }

  /** Waits until the app has routed to `path` (after a click or redirect), then audits the page. */
  async waitForPath(path: string | RegExp): Promise<void> {
    await this.page.waitForURL((url) =>
      typeof path === 'string' ? url.pathname === path : path.test(url.pathname + url.search),
    );
    await this.settled(`at ${String(path)}`);
  }

  /** Follows the main menu's link `name` and waits until the app has routed to `path` (then audits the page). */
  async openFromMenu(name: string, path: string | RegExp): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name }).click();
    await this.waitForPath(path);
  }

  /** Waits for the page to settle (heading shown, nothing loading), then audits it. */
  async settled(label: string): Promise<void> {
    await this.waitUntilSettled();
    await this.audit(label);
  }

  private async waitUntilSettled(): Promise<void> {
    await this.page.waitForFunction(
      // Tables dim their rows while they refetch (aria-busy); audit the settled page, not the transition.
      () =>
        document.querySelector('h1') !== null &&
        document.querySelector('.state--loading') === null &&
        document.querySelector('[aria-busy="true"]') === null,
      undefined,
      { timeout: 15_000 },
    );
  }

  /** Runs axe-core on the current state; serious and critical violations fail the test. */
  async audit(label: string): Promise<void> {
    await this.enqueue(() => this.runAxe(label, this.navigations));
    this.assertNoProblems();
  }

  private async runAxe(label: string, navigation: number): Promise<void> {
    this.assertNoProblems();
    const hasAxe = await this.page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined');
    if (!hasAxe) await this.page.addScriptTag({ url: AXE_URL });
    // The page as axe would see it: its address and its whole markup (attributes, text, open
    // dialogs), as a 53-bit hash. A page exactly as the last audit found it gives the same answer, so
    // it is not audited again (the end-of-test audit of a page just audited, say).
    const state = await this.page.evaluate(() => {
      const text = `${location.href}\n${document.documentElement.outerHTML}`;
      let h1 = 0xdeadbeef;
      let h2 = 0x41c6ce57;
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        h1 = Math.imul(h1 ^ c, 2654435761);
        h2 = Math.imul(h2 ^ c, 1597334677);
      }
      h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
      h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
      return `${text.length}:${4294967296 * (2097151 & h2) + (h1 >>> 0)}`;
    });
    if (state === this.auditedState) {
      this.auditedNavigation = Math.max(this.auditedNavigation, navigation);
      return;
    }
    const violations = await this.page.evaluate(async () => {
      const axe = (
        window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: unknown[] }> } }
      ).axe;
      const result = await axe.run(document, { resultTypes: ['violations'] });
      return result.violations;
    });
    this.auditedNavigation = Math.max(this.auditedNavigation, navigation);
    const blocking = (violations as AxeViolation[]).filter((v) => v.impact === 'serious' || v.impact === 'critical');
    if (blocking.length === 0) this.auditedState = state;
    else {
      const safe = label.replace(/[^a-z0-9-]+/gi, '-').toLowerCase();
      await this.screenshot(`axe-failure-${safe}`);
      const lines = blocking.flatMap((v) => [
        `- ${v.id} (${v.impact}): ${v.help}`,
        ...v.nodes.map(
          (n) =>
            `    ${JSON.stringify(n.target)}${n.failureSummary ? `: ${n.failureSummary.replace(/\s+/g, ' ')}` : ''}`,
        ),
      ]);
      throw new Error(`Accessibility violations on ${this.page.url()} (${label}):\n${lines.join('\n')}`);
    }
  }

  /** A full-page screenshot in artifacts/screenshots/<name>.png. */
  async screenshot(name: string): Promise<void> {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await this.page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true, animations: 'disabled' });
  }

  private assertNoProblems(): void {
    if (this.problems.length > 0) throw new Error(this.problems.join('\n'));
  }

  /** Waits for queued audits, audits the final state, and closes the browser. */
  async close(): Promise<void> {
    try {
      await this.queue;
      if (!this.page.isClosed()) await this.audit('end of test');
      this.assertNoProblems();
    } finally {
      await this.context.close().catch(() => undefined);
    }
  }
}

/**
 * Answers every request for the API's `path` with a 503 problem ("The database is not answering.",
 * with `requestId` when given) until the returned function is called; from then on they go through.
 */
export async function unavailableUntilRecovered(page: Page, path: string, requestId?: string): Promise<() => void> {
  let failing = true;
  await page.route(
    (url) => url.pathname === path,
    (route) =>
      failing
        ? route.fulfill({
            status: 503,
            headers: { 'content-type': 'application/problem+json' },
            body: JSON.stringify({
              type: 'about:blank',
              title: 'Service Unavailable',
              status: 503,
              code: 'service_unavailable',
              detail: 'The database is not answering.',
              requestId,
            }),
          })
        : route.continue(),
  );
  return () => {
    failing = false;
  };
}

/** A full-page screenshot from the top, so the sticky header and bars sit where a reader expects them. */
export async function shot(browser: Browser, name: string): Promise<void> {
  await browser.page.evaluate(() => window.scrollTo(0, 0));
  await browser.screenshot(name);
}

/**
 * Runs `body` with a fresh browser (its own profile, so its own cookies) and always closes it; the
 * end-of-test audit and error check run only when the body passed, so its own failure is reported.
 */
export async function withBrowser(
  body: (browser: Browser) => Promise<void>,
  viewport?: { width: number; height: number },
): Promise<void> {
  const browser = await Browser.launch(viewport);
  let passed = false;
  try {
    await body(browser);
    passed = true;
  } finally {
    if (passed) await browser.close();
    else await browser.close().catch(() => undefined);
  }
}

/** Signs in through the login form and waits for the app to land on `expectPath`. */
export async function signIn(
  browser: Browser,
  email: string,
  password: string,
  expectPath: string | RegExp = '/',
): Promise<void> {
  const { page } = browser;
  const current = page.url().startsWith('http') ? new URL(page.url()).pathname : '';
  if (current !== '/login') await browser.goto('/login');
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await browser.waitForPath(expectPath);
}

export async function signOut(browser: Browser): Promise<void> {
  await browser.page.getByRole('button', { name: 'Sign out' }).click();
  await browser.waitForPath('/login');
}

/**
 * The page's title is `title`. A lazily loaded route sets its title once its code has arrived, and
 * until then the previous page (and its heading) is still shown, so this waits for the title before
 * it asserts (and fails with the title it found).
 */
export async function expectTitle(page: Page, title: string): Promise<void> {
  await page.waitForFunction((t) => document.title === t, title, { timeout: 15_000 }).catch(() => undefined);
  expect(await page.title()).toBe(title);
}
