import type { ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { startProduct } from '../support/product-process.js';
import { createTestDatabase } from '../support/test-app.js';

// The built product (`node apps/api/dist/main.js`) serving a web build from WEB_DIST, as the real
// process does in production: the static files are not served inside Jest (see createApp's
// `assets`). The fake build is laid out like `vite build` with vite-plugin-compression2 lays out
// apps/web/dist: a `.br` and a `.gz` beside each text asset, the originals kept.
const SCRIPT = '/assets/app-1a2b3c.js';
const INDEX = `<!doctype html><title>Scorecard</title><script type="module" src="${SCRIPT}"></script>`;
// Repetitive enough that either encoding is far smaller than the original.
const JS = `export const rows = [${Array.from({ length: 400 }, (_, i) => `{ id: ${i}, label: "row ${i}" }`).join(', ')}];\n`;

jest.setTimeout(90_000);

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** A raw GET: Node's fetch would add its own Accept-Encoding and decode the body behind our back. */
function get(base: string, path: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((done, fail) => {
    const req = httpRequest(`${base}${path}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', fail);
    });
    req.on('error', fail);
    req.end();
  });
}

/** The body as the browser would see it after undoing Content-Encoding. */
function decoded(answer: Answer): Buffer {
  switch (answer.headers['content-encoding']) {
    case 'br':
      return brotliDecompressSync(answer.body);
    case 'gzip':
      return gunzipSync(answer.body);
    case undefined:
      return answer.body;
    default:
      throw new Error(`unexpected content-encoding ${answer.headers['content-encoding']}`);
  }
}

const varies = (answer: Answer) =>
  String(answer.headers.vary ?? '')
    .toLowerCase()
    .split(/\s*,\s*/)
    .includes('accept-encoding');

let db: Awaited<ReturnType<typeof createTestDatabase>>;
let dir: string;
let child: ChildProcess | undefined;
let base: string;

beforeAll(async () => {
  db = await createTestDatabase();
  dir = mkdtempSync(join(tmpdir(), 'scorecard-web-delivery-'));
  const dist = join(dir, 'dist');
  mkdirSync(join(dist, 'assets'), { recursive: true });
  const write = (name: string, content: string) => {
    writeFileSync(join(dist, name), content);
    writeFileSync(join(dist, `${name}.br`), brotliCompressSync(content));
    writeFileSync(join(dist, `${name}.gz`), gzipSync(content));
  };
  write('index.html', INDEX);
  write(SCRIPT.slice(1), JS);
  writeFileSync(join(dist, 'assets/app-1a2b3c.js.map'), '{"version":3,"sources":["secret.ts"],"mappings":""}');
  // The build never writes these; planted to prove a compressed copy of a map cannot be asked for by name.
  writeFileSync(join(dist, 'assets/app-1a2b3c.js.map.br'), brotliCompressSync('{"sources":["secret.ts"]}'));
  writeFileSync(join(dist, 'assets/app-1a2b3c.js.map.gz'), gzipSync('{"sources":["secret.ts"]}'));

  const product = await startProduct({
    NODE_ENV: 'production',
    SECRETS_KEY: 'web-delivery-test-secrets-key-0123456789',
    DATABASE_URL: db.url,
    DATA_DIR: dir,
    WEB_DIST: dist,
    SEED_DEMO: 'false',
  });
  child = product.child;
  base = product.base;
});

afterAll(async () => {
  if (child && child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((done) => child!.once('exit', done));
    child.kill('SIGTERM');
    await exited;
  }
  await db?.drop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the web build is served precompressed, by content negotiation', () => {
  it('sends brotli to a browser that accepts it, with the original Content-Type and bytes', async () => {
    const plain = await get(base, SCRIPT, { 'accept-encoding': 'identity' });
    const br = await get(base, SCRIPT, { 'accept-encoding': 'gzip, deflate, br, zstd' });
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toBe(plain.headers['content-type']);
    expect(br.headers['content-type']).toMatch(/^(application|text)\/javascript/);
    expect(br.body.length).toBeLessThan(JS.length / 4);
    expect(decoded(br).toString()).toBe(JS);
    expect(varies(br)).toBe(true);
  });

  it('sends gzip when gzip is all the client takes, and deflate alone falls back to the original', async () => {
    const gz = await get(base, SCRIPT, { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(decoded(gz).toString()).toBe(JS);
    expect(varies(gz)).toBe(true);

    // No `.deflate` is built: the original goes out rather than a 404.
    const deflate = await get(base, SCRIPT, { 'accept-encoding': 'deflate' });
    expect(deflate.status).toBe(200);
    expect(deflate.headers['content-encoding']).toBeUndefined();
    expect(deflate.body.toString()).toBe(JS);
  });

  it('sends the original when the client names no encoding, still saying the answer varies by it', async () => {
    const none = await get(base, SCRIPT);
    expect(none.status).toBe(200);
    expect(none.headers['content-encoding']).toBeUndefined();
    expect(none.body.toString()).toBe(JS);
    // A shared cache must not hand this uncompressed copy to a browser that takes br, or the reverse.
    expect(varies(none)).toBe(true);
  });

  it('honours q=0: an encoding refused is never sent', async () => {
    const noBr = await get(base, SCRIPT, { 'accept-encoding': 'br;q=0, gzip' });
    expect(noBr.headers['content-encoding']).toBe('gzip');
    expect(decoded(noBr).toString()).toBe(JS);

    const neither = await get(base, SCRIPT, { 'accept-encoding': 'br;q=0, gzip;q=0, identity' });
    expect(neither.headers['content-encoding']).toBeUndefined();
    expect(neither.body.toString()).toBe(JS);

    // A higher weight wins over the server's own preference for br.
    const gzipFirst = await get(base, SCRIPT, { 'accept-encoding': 'br;q=0.5, gzip;q=1' });
    expect(gzipFirst.headers['content-encoding']).toBe('gzip');
  });

  it('marks hashed assets immutable for a year, compressed or not', async () => {
    for (const encoding of ['br', 'gzip', 'identity']) {
      const answer = await get(base, SCRIPT, { 'accept-encoding': encoding });
      expect({ encoding, cacheControl: answer.headers['cache-control'] }).toEqual({
        encoding,
        cacheControl: 'public, max-age=31536000, immutable',
      });
    }
  });

  it('serves index.html compressed too, and always to be revalidated (no-cache)', async () => {
    for (const path of ['/', '/index.html']) {
      const br = await get(base, path, { 'accept-encoding': 'br', accept: 'text/html' });
      expect({ path, status: br.status, encoding: br.headers['content-encoding'] }).toEqual({
        path,
        status: 200,
        encoding: 'br',
      });
      expect(br.headers['content-type']).toMatch(/^text\/html/);
      expect(br.headers['cache-control']).toBe('no-cache');
      expect(varies(br)).toBe(true);
      expect(decoded(br).toString()).toBe(INDEX);
    }
    // A deep link is answered with index.html by the app's not-found handling (under 1 kB: sent as is).
    const deep = await get(base, '/interviews/3f1c2a4e-0000-4000-8000-000000000000', {
      'accept-encoding': 'br, gzip',
      accept: 'text/html',
    });
    expect(deep.status).toBe(200);
    expect(deep.headers['content-type']).toMatch(/^text\/html/);
    expect(deep.headers['cache-control']).toBe('no-cache');
    expect(decoded(deep).toString()).toBe(INDEX);
  });

  it('keeps source maps a 404 in production, whatever the encoding asked for or the name used', async () => {
    const cases: [string, string][] = [
      [`${SCRIPT}.map`, 'br, gzip'],
      [`${SCRIPT}.map`, 'gzip'],
      [`${SCRIPT}.map`, 'identity'],
      [`${SCRIPT}.map.br`, 'identity'],
      [`${SCRIPT}.map.gz`, 'identity'],
      [`${SCRIPT}.map.br`, 'br'],
    ];
    for (const [path, encoding] of cases) {
      const answer = await get(base, path, { 'accept-encoding': encoding, accept: '*/*' });
      expect({ path, encoding, status: answer.status }).toEqual({ path, encoding, status: 404 });
      expect(decoded(answer).toString()).not.toContain('secret.ts');
    }
  });
});
