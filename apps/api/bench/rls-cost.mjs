// What row-level security costs on the debrief endpoint (`pnpm bench:rls`).
//
// Two API instances serve one database: one as `scorecard_app` (row-level security applies: the
// production path) and one with DATABASE_APP_URL set to the owner, a superuser, whom PostgreSQL
// exempts from every policy. Both run each request in one transaction that names its organization,
// so the difference between them is what the policies cost. What the transaction framing itself
// costs (BEGIN, set_config, COMMIT: three more round trips) is measured separately on raw `pg`.
// The debrief of an application with six submitted scorecards is read by autocannon from each
// instance in alternating rounds. Target: the p50 with policies within 15% of the p50 without.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import {
  API_DIR,
  buildOrganization,
  call,
  content,
  freePort,
  parseArgs,
  pool,
  rng,
  run,
  startApi,
  startPostgres,
  table,
  tempDir,
} from './lib.mjs';

const TARGET = 1.15;

run(async () => {
  const args = parseArgs();
  const seconds = Number(args.seconds ?? 8);
  const rounds = Number(args.rounds ?? 3);
  const connections = Number(args.connections ?? 10);
  const root = tempDir('scorecard-rls-bench-');
  const pgServer = await startPostgres(root);
  console.log('PostgreSQL started; starting two API instances');
  const withPolicies = await startApi({ name: 'rls', port: await freePort(), databaseUrl: pgServer.url, root });
  const withoutPolicies = await startApi({
    name: 'owner',
    port: await freePort(),
    databaseUrl: pgServer.url,
    root,
    env: { DATABASE_APP_URL: pgServer.url },
  });

  // The measured organization and two others, so the tables hold rows the policies must keep out.
  console.log('building organizations through the API');
  const orgs = [];
  for (const label of ['Measured', 'Noise A', 'Noise B']) {
    orgs.push(
      await buildOrganization({
        bases: [withPolicies.base],
        interviewers: 6,
        applications: label === 'Measured' ? 40 : 20,
        interviewsPerApplication: 6,
        label,
      }),
    );
  }
  const random = rng(7);
  for (const org of orgs) {
    await pool(org.scorecards, 8, async (card) => {
      const saved = await call(withPolicies.base, 'PUT', `/api/v1/scorecards/${card.id}`, {
        token: card.token,
        body: { ...content(random, org.opening, `bench ${card.index}`, { complete: true }), revision: card.revision },
      });
      await call(withPolicies.base, 'POST', `/api/v1/scorecards/${card.id}/submit`, {
        token: card.token,
        body: { revision: saved.revision },
      });
    });
  }
  const measured = orgs[0];
  const path = `/api/v1/applications/${measured.applications[0]}/debrief`;
  const headers = { authorization: `Bearer ${measured.admin.token}` };
  for (const api of [withPolicies, withoutPolicies]) {
    const debrief = await call(api.base, 'GET', path, { token: measured.admin.token });
    if ((debrief.scorecards?.length ?? 0) !== 6)
      throw new Error(`expected 6 scorecards in the debrief from ${api.name}`);
  }

  const bench = (api, duration) => autocannon({ url: api.base + path, headers, connections, duration, pipelining: 1 });
  console.log(`warming up, then ${rounds} rounds of ${seconds} s per instance, ${connections} connections`);
  await bench(withPolicies, 2);
  await bench(withoutPolicies, 2);
  const samples = { rls: [], owner: [] };
  for (let r = 0; r < rounds; r++) {
    const order = r % 2 === 0 ? [withPolicies, withoutPolicies] : [withoutPolicies, withPolicies];
    for (const api of order) {
      const result = await bench(api, seconds);
      if (result.non2xx > 0 || result.errors > 0) {
        throw new Error(`${api.name}: ${result.non2xx} non-2xx answers and ${result.errors} errors`);
      }
      samples[api.name].push({ p50: result.latency.p50, p99: result.latency.p99, rps: result.requests.average });
      console.log(
        `  round ${r + 1} ${api.name}: p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, ${result.requests.average} req/s`,
      );
    }
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const summary = Object.fromEntries(
    Object.entries(samples).map(([k, xs]) => [
      k,
      { p50: median(xs.map((x) => x.p50)), p99: median(xs.map((x) => x.p99)), rps: median(xs.map((x) => x.rps)) },
    ]),
  );

  // The framing, on raw pg as the app role: BEGIN + set_config + a trivial query + COMMIT,
  // against the trivial query alone.
  const appUrl = new URL(pgServer.url);
  const framing = await measureFraming(pgServer.url, measured.admin.organizationId);

  const ratio = summary.rls.p50 / summary.owner.p50;
  const rows = [
    ['debrief, 6 scorecards', 'req/s', 'p50 ms', 'p99 ms'],
    ['with row-level security (scorecard_app)', summary.rls.rps, summary.rls.p50, summary.rls.p99],
    ['policies bypassed (owner)', summary.owner.rps, summary.owner.p50, summary.owner.p99],
  ];
  console.log('\n' + table(rows));
  console.log(`\np50 with policies / without: ${ratio.toFixed(3)} (target <= ${TARGET})`);
  console.log(
    `transaction framing on raw pg: ${framing.framedMs.toFixed(3)} ms framed vs ${framing.plainMs.toFixed(3)} ms plain per statement ` +
      `(+${(framing.framedMs - framing.plainMs).toFixed(3)} ms per request, ${(((framing.framedMs - framing.plainMs) / summary.rls.p50) * 100).toFixed(1)}% of the endpoint's p50)`,
  );
  const out = join(API_DIR, 'bench/results');
  mkdirSync(out, { recursive: true });
  const file = join(out, 'rls-cost.json');
  writeFileSync(
    file,
    JSON.stringify(
      {
        when: new Date().toISOString(),
        endpoint: 'GET ' + path.replace(/[0-9a-f-]{36}/, ':id'),
        connections,
        seconds,
        rounds,
        samples,
        summary,
        ratio,
        framing,
        target: TARGET,
        host: appUrl.hostname,
      },
      null,
      2,
    ) + '\n',
  );
  console.log(`written to ${file}`);
  return ratio <= TARGET ? 0 : 1;
});

async function measureFraming(ownerUrl, organizationId) {
  const c = new pg.Client({ connectionString: ownerUrl });
  await c.connect();
  const n = 2000;
  try {
    const time = async (fn) => {
      for (let i = 0; i < 200; i++) await fn();
      const t0 = performance.now();
      for (let i = 0; i < n; i++) await fn();
      return (performance.now() - t0) / n;
    };
    const plainMs = await time(() => c.query('select 1'));
    const framedMs = await time(async () => {
      await c.query('start transaction');
      await c.query(`select set_config('app.organization_id', $1, true)`, [organizationId]);
      await c.query('select 1');
      await c.query('commit');
    });
    return { plainMs, framedMs, iterations: n };
  } finally {
    await c.end();
  }
}
