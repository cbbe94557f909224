// Run before every browser test file (setupFiles in jest.browser.config.cjs): points the file at
// the product of its jest worker, one of those global-setup.mjs started (SCORECARD_BROWSER_SERVERS),
// so harness.ts (baseUrl) and inbox.ts (the mail sink's file) need not know there are several.
// In band (one file, or one worker) JEST_WORKER_ID is 1: the first product.
const servers = JSON.parse(process.env.SCORECARD_BROWSER_SERVERS ?? '[]') as { baseUrl: string; mailFile: string }[];
if (servers.length > 0) {
  const worker = Math.max(1, Number(process.env.JEST_WORKER_ID) || 1);
  const mine = servers[(worker - 1) % servers.length]!;
  process.env.SCORECARD_BASE_URL = mine.baseUrl;
  process.env.SCORECARD_MAIL_SINK_FILE = mine.mailFile;
}

export {};
