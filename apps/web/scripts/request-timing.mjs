// When does each screen's data request start, relative to the navigation? Opens a page cold (empty
// HTTP cache) in headless Chromium, signed in, and reads the Performance API's resource timings:
// the start and end of the route's code chunk and of its data request, in ms after navigationStart.
//
//   node apps/web/scripts/request-timing.mjs --url=http://127.0.0.1:3000 [--rounds=5] [--throttle]
//     [--page=home|scorecard|debrief|pipeline|all] [--json=path]
//
// `--throttle` applies what Lighthouse's mobile preset simulates (150 ms round trip, 1.6 Mbit/s down,
// 4x slower CPU) through the DevTools protocol, so the waterfall is as long as on a phone. Needs the
// demo organization (a product started with its default SEED_DEMO). Prints the median per page.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS, CHROMIUM, demoPages, signIn } from './lib/product.mjs';

const args = Object.fromEntries(
  process.argv.slice(2).map((a) => {
    const [k, v] = a.replace(/^--/, '').split('=');
    return [k, v ?? 'true'];
  }),
);
if (!args.url) {
  console.error('usage: request-timing.mjs --url=http://127.0.0.1:3000 [--rounds=5] [--throttle] [--page=home]');
  process.exit(2);
}
const base = args.url.replace(/\/$/, '');
const rounds = Number(args.rounds ?? 5);
const throttle = args.throttle === 'true';

const pages = (await demoPages(base)).filter((p) => p.name !== 'login');
const chosen = !args.page || args.page === 'all' ? pages : pages.filter((p) => p.name === args.page);

/** One cold load: fresh profile, cookie set, the page's resource timings (ms after navigationStart). */
async function load(page) {
  const dir = mkdtempSync(join(tmpdir(), 'scorecard-timing-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM,
    args: CHROMIUM_FLAGS,
    viewport: { width: 412, height: 823 },
  });
  try {
    const cookie = await signIn(base, page.user);
    await context.addCookies(
      cookie.split('; ').map((pair) => {
        const at = pair.indexOf('=');
        return { name: pair.slice(0, at), value: pair.slice(at + 1), url: base };
      }),
    );
    const tab = context.pages()[0] ?? (await context.newPage());
    if (throttle) {
      const cdp = await context.newCDPSession(tab);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: 150,
        downloadThroughput: (1.6 * 1024 * 1024) / 8,
        uploadThroughput: (750 * 1024) / 8,
      });
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    }
    const done = tab.waitForResponse((r) => page.data.test(new URL(r.url()).pathname), { timeout: 60_000 });
    await tab.goto(`${base}${page.path}`);
    await done;
    await tab.waitForLoadState('networkidle');
    const entries = await tab.evaluate(() =>
      performance.getEntriesByType('resource').map((e) => ({
        name: new URL(e.name).pathname,
        start: e.startTime,
        end: e.responseEnd,
      })),
    );
    if (args.verbose) for (const e of entries) console.log(`  ${Math.round(e.start)}–${Math.round(e.end)} ${e.name}`);
    const find = (re) => entries.find((e) => re.test(e.name));
    const row = { me: find(/^\/api\/v1\/me$/), chunk: find(page.chunk), data: find(page.data) };
    return Object.fromEntries(
      Object.entries(row).map(([k, e]) => [k, e ? { start: Math.round(e.start), end: Math.round(e.end) } : null]),
    );
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const median = (xs) => {
  const s = xs.filter((x) => x !== undefined).sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : NaN;
};

const results = {};
for (const page of chosen) {
  const runs = [];
  for (let i = 0; i < rounds; i++) runs.push(await load(page));
  const m = (k, f) => median(runs.map((r) => r[k]?.[f]));
  results[page.name] = {
    path: page.path,
    runs,
    median: {
      meStart: m('me', 'start'),
      meEnd: m('me', 'end'),
      chunkStart: m('chunk', 'start'),
      chunkEnd: m('chunk', 'end'),
      dataStart: m('data', 'start'),
      dataEnd: m('data', 'end'),
    },
  };
  const x = results[page.name].median;
  console.log(
    `${page.name.padEnd(9)} me ${x.meStart}–${x.meEnd}  chunk ${x.chunkStart}–${x.chunkEnd}  data ${x.dataStart}–${x.dataEnd} ms` +
      `  (median of ${rounds}${throttle ? ', throttled' : ''})`,
  );
}
if (args.json) writeFileSync(args.json, JSON.stringify({ base, throttle, rounds, results }, null, 2));
