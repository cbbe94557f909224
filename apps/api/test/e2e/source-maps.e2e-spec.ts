import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it, jest } from '@jest/globals';
import { freePort } from '../../src/database/embedded-postgres.js';
import { createTestDatabase } from '../support/test-app.js';

// The built product (`node apps/api/dist/main.js`) serving a web build from WEB_DIST: the static
// files are not served inside Jest (see createApp's `assets`), so the real process is started.
const MAIN = resolve(process.cwd(), 'dist/main.js');
const INDEX = '<!doctype html><title>Scorecard</title><script type="module" src="/assets/app-1a2b3c.js"></script>';

const started: ChildProcess[] = [];
afterAll(() => {
  for (const c of started) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
});
jest.setTimeout(90_000);

async function serve(env: Record<string, string>): Promise<{ base: string; stop(): Promise<void> }> {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run \`pnpm build\` first`);
  const port = await freePort();
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    LOG_LEVEL: 'warn',
    PORT: String(port),
    HOST: '127.0.0.1',
    ...env,
  };
  delete childEnv.NODE_OPTIONS;
  const child = spawn(process.execPath, [MAIN], { env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  started.push(child);
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the product exited with ${child.exitCode}:\n${out}`);
    if (
      await fetch(`${base}/api/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    if (Date.now() > deadline) throw new Error(`not healthy within 60 s:\n${out}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    base,
    stop: () =>
      new Promise<void>((done) => {
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}

describe('source maps of the web build', () => {
  it('are a 404 in production, while the scripts they map are served; in development they are served', async () => {
    const db = await createTestDatabase();
    const dir = mkdtempSync(join(tmpdir(), 'scorecard-maps-'));
    try {
      mkdirSync(join(dir, 'dist/assets'), { recursive: true });
      writeFileSync(join(dir, 'dist/index.html'), INDEX);
      writeFileSync(join(dir, 'dist/assets/app-1a2b3c.js'), 'export {};\n//# sourceMappingURL=app-1a2b3c.js.map\n');
      writeFileSync(join(dir, 'dist/assets/app-1a2b3c.js.map'), '{"version":3,"sources":["secret.ts"],"mappings":""}');
      const common = { DATABASE_URL: db.url, DATA_DIR: dir, WEB_DIST: join(dir, 'dist'), SEED_DEMO: 'false' };

      const prod = await serve({
        ...common,
        NODE_ENV: 'production',
        SECRETS_KEY: 'source-map-test-secrets-key-0123456789',
      });
      expect((await fetch(`${prod.base}/assets/app-1a2b3c.js`)).status).toBe(200);
      for (const accept of ['*/*', 'application/json', 'text/html']) {
        const res = await fetch(`${prod.base}/assets/app-1a2b3c.js.map`, { headers: { accept } });
        const body = await res.text();
        expect({ accept, status: res.status }).toEqual({ accept, status: 404 });
        expect(body).not.toContain('secret.ts');
      }
      await prod.stop();

      const dev = await serve({ ...common, NODE_ENV: 'development' });
      const map = await fetch(`${dev.base}/assets/app-1a2b3c.js.map`);
      expect(map.status).toBe(200);
      expect(await map.text()).toContain('secret.ts');
      await dev.stop();
    } finally {
      await db.drop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
