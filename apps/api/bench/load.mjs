// Load: 100 interviewers fill in their scorecards at once against one API instance.
//
//   pnpm load            (builds the API first)
//   pnpm load --quick    (fewer saves per scorecard)
//   pnpm load --day [--quick] [--instances=2]   (a day of all three roles: load-day.mjs)
//   node apps/api/bench/load.mjs [--quick] [--connections=N] [--cards=N] [--saves=N] [--pool=N] [--seed=N]
//
// Starts an embedded PostgreSQL and one API instance (node apps/api/dist/main.js), creates N
// interviewers through the API, each with their own interviews and draft scorecards, then runs
// autocannon with N connections, each acting as its own interviewer (its own bearer token): per
// scorecard, draft saves carrying the revision from the previous answer (optimistic concurrency),
// one of them deliberately stale (must answer 409), a complete save, and the submit. Reports
// throughput, p50/p99 latency and status counts, writes apps/api/bench/results/load.json, checks
// the database, and exits 1 on any error other than the intended 409s.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import {
  API_DIR,
  buildOrganization,
  canonical,
  content,
  freePort,
  now,
  parseArgs,
  percentile,
  readScorecards,
  rng,
  run,
  startApi,
  startPostgres,
  table,
  tempDir,
  withDb,
} from './lib.mjs';

const args = parseArgs();
const QUICK = Boolean(args.quick);
const CONNECTIONS = Number(args.connections ?? 100);
const CARDS = Number(args.cards ?? (QUICK ? 2 : 4)); // scorecards per interviewer
const SAVES = Number(args.saves ?? (QUICK ? 8 : 20)); // draft saves per scorecard (one of them stale)
const STALE_AT = Math.min(3, SAVES - 1); // which draft save sends an outdated revision
const SEED = Number(args.seed ?? 424242);
const PER_CARD = SAVES + 2; // drafts, the complete save, the submit

// --day is another scenario (all three roles on the LARGE data), in its own module.
run(args.day ? () => import('./load-day.mjs').then((m) => m.main()) : interviewersAtOnce);

async function interviewersAtOnce() {
  if (SAVES < 2) throw new Error('--saves must be at least 2');
  // Other work on the machine shows in the figures: recorded with them.
  const loadAtStart = loadavg().map((l) => Math.round(l * 100) / 100);
  const root = tempDir('scorecard-load-');
  console.log(
    `Load${QUICK ? ' (quick)' : ''}: ${CONNECTIONS} interviewers at once, ${CARDS} scorecards each, ${SAVES} saves per scorecard`,
  );
  const pgsrv = await startPostgres(root);
  const env = args.pool ? { DB_POOL_SIZE: String(args.pool) } : {};
  const api = await startApi({ name: 'api', port: await freePort(), databaseUrl: pgsrv.url, root, env });
  console.log(
    `  PostgreSQL on port ${pgsrv.port}; API on ${api.base} (pid ${api.pid}), ready in ${Math.round(api.startMs)} ms`,
  );

  const t = now();
  const total = CONNECTIONS * CARDS;
  const org = await buildOrganization({
    bases: [api.base],
    interviewers: CONNECTIONS,
    applications: Math.ceil(total / 4),
    interviewsPerApplication: 4,
    label: 'Load',
  });
  // Interviewer i owns scorecards i, i + N, i + 2N...: one agent per connection.
  const agents = org.people.map((person, i) => ({
    index: i,
    token: person.token,
    random: rng(SEED + i),
    cards: org.scorecards
      .filter((s) => s.interviewer === i)
      .slice(0, CARDS)
      .map((s) => ({ id: s.id, revision: s.revision, final: null, submitted: false })),
    card: 0,
    step: 0,
    pending: null,
  }));
  if (agents.some((a) => a.cards.length !== CARDS))
    throw new Error('the bootstrap did not give every interviewer their scorecards');
  console.log(
    `  ${org.people.length} interviewers and ${org.scorecards.length} draft scorecards created in ${Math.round(now() - t)} ms`,
  );

  const latencies = { save: [], stale: [], submit: [] };
  const statusByKind = { save: {}, stale: {}, submit: {} };
  const unexpected = [];

  /** The agent's next request, from its state; remembered as pending until its answer. */
  function nextRequest(agent, req) {
    const card = agent.cards[agent.card];
    if (!card) {
      agent.pending = { kind: 'extra', t: now() };
      return { ...req, method: 'GET', path: '/api/health', headers: {}, body: undefined };
    }
    const headers = { authorization: `Bearer ${agent.token}`, 'content-type': 'application/json' };
    const path = `/api/v1/scorecards/${card.id}`;
    if (agent.step === SAVES + 1) {
      agent.pending = { kind: 'submit', card, t: now() };
      return {
        ...req,
        method: 'POST',
        path: `${path}/submit`,
        headers,
        body: JSON.stringify({ revision: card.revision }),
      };
    }
    const complete = agent.step === SAVES;
    const stale = agent.step === STALE_AT;
    const body = content(agent.random, org.opening, `${card.id.slice(0, 8)}-${agent.step}`, { complete });
    agent.pending = { kind: stale ? 'stale' : 'save', card, complete, canon: canonical(body), t: now() };
    return {
      ...req,
      method: 'PUT',
      path,
      headers,
      body: JSON.stringify({ ...body, revision: stale ? card.revision - 1 : card.revision }),
    };
  }

  function answered(agent, status, raw) {
    const p = agent.pending;
    agent.pending = null;
    if (!p) return;
    if (p.kind === 'extra') {
      unexpected.push({ agent: agent.index, what: 'a request beyond the plan' });
      return;
    }
    latencies[p.kind].push(now() - p.t);
    statusByKind[p.kind][status] = (statusByKind[p.kind][status] ?? 0) + 1;
    let body = null;
    try {
      body = JSON.parse(raw);
    } catch {
      // not JSON: reported below through the status
    }
    const expected = p.kind === 'stale' ? 409 : 200;
    if (status !== expected || (p.kind === 'stale' && body?.code !== 'stale_revision')) {
      if (unexpected.length < 50)
        unexpected.push({ agent: agent.index, kind: p.kind, status, body: String(raw).slice(0, 200) });
      else unexpected.push(null);
    }
    if (p.kind === 'save' && status === 200) {
      p.card.revision = body.revision;
      if (p.complete) p.card.final = p.canon;
    }
    if (p.kind === 'submit') {
      if (status === 200) p.card.submitted = true;
      agent.card += 1;
      agent.step = 0;
    } else {
      agent.step += 1;
    }
  }

  let next = 0;
  const amount = CONNECTIONS * CARDS * PER_CARD;
  console.log(`\nautocannon: ${CONNECTIONS} connections, ${amount} requests (${CARDS} x ${PER_CARD} per connection)`);
  const started = now();
  const result = await new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: api.base,
        connections: CONNECTIONS,
        pipelining: 1,
        amount,
        timeout: 30,
        // Every connection is one interviewer: its own token, scorecards and revisions.
        setupClient(client) {
          const agent = agents[next++ % agents.length];
          client.setRequests([
            {
              setupRequest: (req) => nextRequest(agent, req),
              onResponse: (status, body) => answered(agent, status, body),
            },
          ]);
        },
      },
      (err, res) => (err ? reject(err) : resolve(res)),
    );
    autocannon.track(instance, { renderProgressBar: false, renderResultsTable: false, renderLatencyTable: false });
  });
  const wallS = (now() - started) / 1000;

  // ---- the database agrees --------------------------------------------------------------------
  const problems = [];
  await withDb(pgsrv.url, async (db) => {
    const stored = await readScorecards(db, org.admin.organizationId);
    for (const a of agents) {
      for (const c of a.cards) {
        const row = stored.get(c.id);
        if (!row || row.status !== 'submitted')
          problems.push(`scorecard ${c.id} is ${row?.status ?? 'missing'}, not submitted`);
        else if (canonical(row) !== c.final) problems.push(`scorecard ${c.id} differs from its last acknowledged save`);
      }
    }
  });

  // ---- report ----------------------------------------------------------------------------------
  const sorted = Object.fromEntries(Object.entries(latencies).map(([k, v]) => [k, [...v].sort((x, y) => x - y)]));
  const ms = (v) => (v === null ? null : Math.round(v * 10) / 10);
  const statusCounts = Object.fromEntries(Object.entries(result.statusCodeStats).map(([k, v]) => [k, v.count]));
  const expected409 = CONNECTIONS * CARDS;
  const report = {
    when: new Date().toISOString(),
    machine: { cpus: cpus().length, cpu: cpus()[0]?.model, node: process.version, loadAverageAtStart: loadAtStart },
    setup: {
      connections: CONNECTIONS,
      scorecardsPerInterviewer: CARDS,
      savesPerScorecard: SAVES,
      requestsPerScorecard: PER_CARD,
      apiInstances: 1,
      dbPoolSize: Number(args.pool ?? 10),
      logLevel: 'warn',
    },
    requests: result.requests.total,
    durationS: Math.round(result.duration * 100) / 100,
    throughputRps: Math.round(result.requests.total / result.duration),
    latencyMs: {
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      max: result.latency.max,
      mean: result.latency.mean,
    },
    byKind: Object.fromEntries(
      Object.entries(sorted).map(([k, v]) => [
        k,
        { count: v.length, p50: ms(percentile(v, 50)), p99: ms(percentile(v, 99)), statuses: statusByKind[k] },
      ]),
    ),
    statusCounts,
    errors: result.errors,
    timeouts: result.timeouts,
    intended409: expected409,
    unexpected: unexpected.length,
    databaseProblems: problems.length,
  };
  mkdirSync(join(API_DIR, 'bench/results'), { recursive: true });
  // The quick run (CI's) is a check, not the reference measurement: it does not replace it.
  const out = join(API_DIR, `bench/results/${QUICK ? 'load-quick' : 'load'}.json`);
  writeFileSync(out, JSON.stringify(report, null, 2) + '\n');

  console.log(
    '\n' +
      table([
        ['', 'requests', 'req/s', 'p50 ms', 'p99 ms', 'statuses'],
        [
          'all',
          report.requests,
          report.throughputRps,
          report.latencyMs.p50,
          report.latencyMs.p99,
          JSON.stringify(statusCounts),
        ],
        ...Object.entries(report.byKind).map(([k, v]) => [k, v.count, '', v.p50, v.p99, JSON.stringify(v.statuses)]),
      ]),
  );
  console.log(
    `  ${report.durationS} s under load (${Math.round(wallS * 10) / 10} s wall); autocannon latency covers 2xx answers, ` +
      `the per-kind figures every answer; errors ${result.errors}, timeouts ${result.timeouts}`,
  );
  console.log(`  results written to ${out}`);

  const failures = [];
  if (result.errors || result.timeouts)
    failures.push(`${result.errors} connection errors, ${result.timeouts} timeouts`);
  if (unexpected.length)
    failures.push(`${unexpected.length} unexpected answers, e.g. ${JSON.stringify(unexpected.slice(0, 3))}`);
  if ((statusCounts[409] ?? 0) !== expected409)
    failures.push(`${statusCounts[409] ?? 0} answers 409, expected exactly ${expected409} (the stale saves)`);
  const others = Object.keys(statusCounts).filter((s) => s !== '200' && s !== '409');
  if (others.length) failures.push(`answers other than 200 and 409: ${others.join(', ')}`);
  if (report.requests !== amount) failures.push(`${report.requests} requests answered, planned ${amount}`);
  failures.push(...problems.slice(0, 10));
  if (failures.length) {
    console.error(`\nFAILED:\n  - ${failures.join('\n  - ')}`);
    return 1;
  }
  console.log(
    `\nPASSED: only the ${expected409} intended 409s; every scorecard submitted with its last saved content.`,
  );
  return 0;
}
