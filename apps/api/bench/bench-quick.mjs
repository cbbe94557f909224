// The benchmark's quick version, for CI (`pnpm bench --quick`): seeds a fresh benchmark database at
// 1/100 scale in a temporary directory (so it needs no pre-seeded data and never touches
// .data/bench), runs `bench.mjs --quick` against it (every row, floor, plan check and target, one
// short round; targets reported, not enforced, since a shared machine's timings say nothing), and
// removes the directory. Exit code: the seed's or the benchmark's (an error answer fails it).
//
//   node apps/api/bench/bench-quick.mjs [bench.mjs options]
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'scorecard-bench-quick-'));
const env = { ...process.env, BENCH_DATA_DIR: dataDir };

function node(script, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(here, script), ...args], { env, stdio: 'inherit' });
    child.once('error', reject);
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

let code = 1;
try {
  code = await node('seed.mjs', ['--scale=0.01', '--fresh']);
  if (code === 0) code = await node('bench.mjs', ['--quick', ...process.argv.slice(2).filter((a) => a !== '--quick')]);
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
process.exit(code);
