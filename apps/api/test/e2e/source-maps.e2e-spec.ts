import type { ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, jest } from '@jest/globals';
import { startProduct } from '../support/product-process.js';
import { createTestDatabase } from '../support/test-app.js';

// The built product (`node apps/api/dist/main.js`) serving a web build from WEB_DIST: the static
// files are not served inside Jest (see createApp's `assets`), so the real process is started.
const INDEX = '<!doctype html><title>Scorecard</title><script type="module" src="/assets/app-1a2b3c.js"></script>';

const started: ChildProcess[] = [];
afterAll(() => {
  for (const c of started) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
});
jest.setTimeout(90_000);

async function serve(env: Record<string, string>): Promise<{ base: string; stop(): Promise<void> }> {
  const product = await startProduct(env);
  started.push(product.child);
  return product;
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
