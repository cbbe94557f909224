// The web app's size budget (`pnpm size`, after `vite build`): reads dist/.vite/manifest.json and
// gzips (level 9) every JavaScript chunk. The budgets are gzip; the brotli column (quality 11, as the
// build's `.br` files, which browsers that accept br are sent) is for information. WEB_DIST measures
// another build, as it serves another build to the API.
//
// - initial: the entry chunk and every chunk it imports statically, transitively: what the browser
//   loads before the first route renders. Budget: `initial` in size-budget.json.
// - each lazy chunk (a route, or anything else behind `import()`): the chunk and the chunks it
//   imports statically that the initial load does not already hold, i.e. what opening that route
//   downloads. Budget: its line in `lazy` of size-budget.json.
//
// Sizes are in kB of 1,000 bytes. A lazy chunk without a budget, or a budget for a chunk that no
// longer exists, fails too, so the table stays complete. `--suggest` prints a `lazy` table with
// today's sizes plus the margin (the larger of +20 % and +5 kB) to paste into size-budget.json.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const WEB = join(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = process.env.WEB_DIST ? resolve(process.env.WEB_DIST) : join(WEB, 'dist');
const MANIFEST = join(DIST, '.vite/manifest.json');
const BUDGET = join(WEB, 'size-budget.json');

/** @type {Record<string, { file: string; src?: string; isEntry?: boolean; isDynamicEntry?: boolean; imports?: string[] }>} */
let manifest;
try {
  manifest = JSON.parse(readFileSync(MANIFEST, 'utf8'));
} catch {
  console.error(`${MANIFEST} is missing: build the web app first (pnpm --filter @scorecard/web build).`);
  process.exit(1);
}
/** @type {{ initial: number; lazy: Record<string, number> }} */
const budget = JSON.parse(readFileSync(BUDGET, 'utf8'));

const sizes = new Map();
function sizeOf(file) {
  if (!sizes.has(file)) {
    const bytes = readFileSync(join(DIST, file));
    sizes.set(file, {
      raw: bytes.length,
      gzip: gzipSync(bytes, { level: 9 }).length,
      br: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    });
  }
  return sizes.get(file);
}

/** The manifest keys of `key` and everything it imports statically, transitively. */
function closure(key, into = new Set()) {
  if (into.has(key)) return into;
  into.add(key);
  for (const imported of manifest[key]?.imports ?? []) closure(imported, into);
  return into;
}

function total(keys) {
  let raw = 0;
  let gzip = 0;
  let br = 0;
  for (const key of keys) {
    const s = sizeOf(manifest[key].file);
    raw += s.raw;
    gzip += s.gzip;
    br += s.br;
  }
  return { raw, gzip, br };
}

/** "src/features/pipeline/routes/PipelineRoute.tsx" -> "pipeline/routes/PipelineRoute". */
function label(key) {
  return key.replace(/^src\/(features\/)?/, '').replace(/\.[cm]?[jt]sx?$/, '');
}

const entries = Object.keys(manifest).filter((k) => manifest[k].isEntry);
if (entries.length !== 1) {
  console.error(`Expected one entry chunk in the manifest, found ${entries.length}.`);
  process.exit(1);
}
const initial = closure(entries[0]);
const rows = [{ name: `initial (${initial.size} chunks)`, ...total(initial), budget: budget.initial }];
const lazy = Object.keys(manifest)
  .filter((k) => manifest[k].isDynamicEntry && manifest[k].file.endsWith('.js'))
  .sort((a, b) => label(a).localeCompare(label(b)));
const measured = {};
for (const key of lazy) {
  const own = [...closure(key)].filter((k) => !initial.has(k));
  const size = total(own);
  measured[label(key)] = size.gzip;
  rows.push({ name: label(key), ...size, budget: budget.lazy[label(key)] });
}

const kB = (bytes) => (bytes / 1000).toFixed(1);

if (process.argv.includes('--suggest')) {
  const suggestion = Object.fromEntries(
    Object.entries(measured).map(([name, gzip]) => {
      const kb = gzip / 1000;
      return [name, Math.ceil(Math.max(kb * 1.2, kb + 5) * 2) / 2];
    }),
  );
  console.log(JSON.stringify(suggestion, null, 2));
  process.exit(0);
}

const problems = [];
for (const name of Object.keys(budget.lazy)) {
  if (!(name in measured)) problems.push(`"${name}" has a budget but no such lazy chunk was built: remove its line.`);
}
const table = rows.map((r) => {
  const ok = r.budget !== undefined && r.gzip <= r.budget * 1000;
  if (r.budget === undefined) problems.push(`"${r.name}" has no budget: add it to apps/web/size-budget.json.`);
  else if (!ok) problems.push(`"${r.name}" is ${kB(r.gzip)} kB gzip, over its budget of ${r.budget} kB.`);
  const verdict = r.budget === undefined ? 'NO BUDGET' : ok ? 'ok' : 'OVER';
  return [r.name, kB(r.raw), kB(r.gzip), kB(r.br), r.budget === undefined ? '-' : String(r.budget), verdict];
});
const header = ['chunk', 'raw kB', 'gzip kB', 'br kB', 'budget kB', 'ok'];
const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i].length)));
const line = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
console.log(line(header));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const row of table) console.log(line(row));

if (problems.length > 0) {
  console.error(`\nSize budget exceeded or incomplete:\n- ${problems.join('\n- ')}`);
  console.error('Budgets live in apps/web/size-budget.json (see apps/web/README.md, "Size budget").');
  process.exit(1);
}
console.log('\nEvery chunk is within its budget (gzip level 9, 1 kB = 1,000 bytes).');
