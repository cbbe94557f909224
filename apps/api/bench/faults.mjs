// Fault injection: concurrent scorecard writes across two API instances while PostgreSQL is killed
// (SIGKILL of the postmaster) and restarted, and while one API instance is SIGKILLed (and then
// restarted); afterwards every acknowledged write is checked in the database, and the instance
// that was never restarted must have recovered by itself (health, writes, live debrief stream).
//
//   pnpm faults            (builds the API first; about a minute)
//   pnpm faults --quick    (smaller and shorter)
//   node apps/api/bench/faults.mjs [--quick] [--seed=N] [--workers=N] [--think=MS] [--pg-down=MS] [--keep] [--json=FILE]
//
// --pg-down=MS keeps PostgreSQL down longer (default 2500, quick 1500).
// Exits 1 on any violation. Every process it starts is stopped by pid, also on failure or Ctrl+C.
import {
  NetError,
  buildOrganization,
  call,
  canonical,
  cleanup,
  content,
  freePort,
  newApplication,
  now,
  openEventStream,
  parseArgs,
  readScorecards,
  request,
  rng,
  run,
  scheduleOne,
  sleep,
  startApi,
  startPostgres,
  table,
  tempDir,
  waitHealthy,
  withDb,
} from './lib.mjs';

const args = parseArgs();
const QUICK = Boolean(args.quick);
const SEED = Number(args.seed ?? 20240608);
const CFG = QUICK
  ? {
      interviewers: 10,
      applications: 25,
      perApplication: 4,
      workers: 20,
      pgKillAt: 2500,
      pgDownMs: 1500,
      apiKillAt: 7000,
      apiDownMs: 1500,
      endMs: 11_000,
    }
  : {
      interviewers: 20,
      applications: 50,
      perApplication: 4,
      workers: 40,
      pgKillAt: 4000,
      pgDownMs: 2500,
      apiKillAt: 13_000,
      apiDownMs: 3000,
      endMs: 22_000,
    };
if (args.workers) CFG.workers = Number(args.workers);
if (args['pg-down']) CFG.pgDownMs = Number(args['pg-down']);
const THINK_MS = Number(args.think ?? 5);
/** How long one write keeps retrying (connection errors, 5xx) before the script calls it lost. */
const OP_DEADLINE_MS = 60_000;
/** The listener must be back within this long after PostgreSQL is (its retries are at most 5 s apart). */
const RESYNC_LIMIT_MS = 8_000;

const violations = [];
const violation = (what, detail = {}) => {
  violations.push({ what, ...detail });
  if (violations.length <= 20) console.error(`  VIOLATION: ${what} ${JSON.stringify(detail)}`);
};

const stats = {
  ops: { save: 0, submit: 0 },
  acked: { save: 0, submit: 0 },
  httpAttempts: 0,
  retries: 0,
  retriedOps: 0,
  resolved: 0,
  errors: new Map(), // kind -> count
  errorsByInstance: { A: 0, B: 0 },
  acks: [], // { t, instance }
};
const timeline = [];
let t0 = 0;
const rel = (t) => Math.round(t - t0);
const mark = (event, detail = {}) => {
  timeline.push({ t: rel(now()), event, ...detail });
  console.log(
    `  [t=${String(rel(now())).padStart(6)} ms] ${event}${Object.keys(detail).length ? ' ' + JSON.stringify(detail) : ''}`,
  );
};

run(async () => {
  const started = now();
  const root = tempDir('scorecard-faults-');
  console.log(`Fault injection${QUICK ? ' (quick)' : ''}: seed ${SEED}, temp dir ${root}`);

  const pgsrv = await startPostgres(root);
  console.log(`  PostgreSQL on port ${pgsrv.port} (pid ${pgsrv.pid()})`);
  const [portA, portB] = [await freePort(), await freePort()];
  const spawnB = () => startApi({ name: 'B', port: portB, databaseUrl: pgsrv.url, root });
  const [A, firstB] = await Promise.all([startApi({ name: 'A', port: portA, databaseUrl: pgsrv.url, root }), spawnB()]);
  let B = firstB;
  const survivorPid = A.pid;
  console.log(`  API A on ${A.base} (pid ${A.pid}), API B on ${B.base} (pid ${B.pid})`);
  const bases = [A.base, B.base];
  const instanceName = (base) => (base === A.base ? 'A' : 'B');

  // ---- the organization -------------------------------------------------------------------
  const t = now();
  const org = await buildOrganization({
    bases,
    interviewers: CFG.interviewers,
    applications: CFG.applications,
    interviewsPerApplication: CFG.perApplication,
    label: 'Faults',
  });
  const probeApp = await newApplication(A.base, org, 'Probe Candidate');
  const probeCards = [
    await scheduleOne(A.base, org, probeApp, org.people[0]),
    await scheduleOne(A.base, org, probeApp, org.people[1]),
  ];
  console.log(
    `  organization: ${org.people.length} interviewers, ${org.applications.length + 1} applications, ` +
      `${org.scorecards.length} draft scorecards for the workload (+${probeCards.length} probes) in ${Math.round(now() - t)} ms`,
  );

  // Live debrief streams of the probe application, as the admin, on both instances.
  const debriefPath = `/api/v1/applications/${probeApp}/debrief/events`;
  const sseA = await openEventStream(A.base, debriefPath, org.admin.token);
  const sseB = await openEventStream(B.base, debriefPath, org.admin.token);

  // ---- the workload -----------------------------------------------------------------------
  const random = rng(SEED);
  const order = org.scorecards.map((_, i) => i).sort(() => random() - 0.5);
  const cards = org.scorecards.map((s, i) => ({
    ...s,
    short: s.id.slice(0, 8),
    random: rng(SEED + i + 1),
    seq: 0,
    revision: s.revision,
    complete: false,
    committed: null, // the last write known to be committed (acknowledged, or found after a lost answer)
    writes: [],
    submitted: null,
    lost: false,
    failures: 0,
    // Submits are spread over the whole run, so some land before, during and after each fault.
    submitAtMs: CFG.endMs * (0.08 + (0.92 * order.indexOf(i)) / org.scorecards.length),
  }));
  let rr = 0;
  const pick = () => bases[rr++ % bases.length];

  const countError = (base, kind) => {
    stats.errors.set(kind, (stats.errors.get(kind) ?? 0) + 1);
    stats.errorsByInstance[instanceName(base)] += 1;
  };

  /** Sends until an HTTP answer below 500; retries connection errors and 5xx with the same body. */
  async function send(c, method, path, body) {
    const deadline = now() + OP_DEADLINE_MS;
    let tries = 0;
    let backoff = 50;
    for (;;) {
      const base = pick();
      tries += 1;
      stats.httpAttempts += 1;
      try {
        const res = await request(base, method, path, { token: c.token, body, timeoutMs: 15_000 });
        if (res.status < 500) {
          if (tries > 1) stats.retriedOps += 1;
          if (res.status < 300 && method !== 'GET') stats.acks.push({ t: now(), instance: instanceName(base) });
          return { ...res, tries, instance: instanceName(base) };
        }
        countError(base, `HTTP ${res.status} ${res.body?.code ?? ''}`.trim());
      } catch (err) {
        if (!(err instanceof NetError)) throw err;
        countError(base, err.kind);
      }
      if (now() > deadline) return null;
      stats.retries += 1;
      await sleep(backoff);
      backoff = Math.min(250, backoff * 2);
    }
  }

  async function readBack(c) {
    const res = await send(c, 'GET', `/api/v1/scorecards/${c.id}`);
    return res?.status === 200 ? res.body : null;
  }

  async function save(c, complete) {
    c.seq += 1;
    const label = `${c.short}-${c.seq}`;
    const body = content(c.random, org.opening, label, { complete });
    const w = { kind: 'save', label, canon: canonical(body), base: c.revision, acked: false, committed: false };
    c.writes.push(w);
    stats.ops.save += 1;
    const res = await send(c, 'PUT', `/api/v1/scorecards/${c.id}`, { ...body, revision: c.revision });
    if (!res) {
      violation('a save was never answered below 500 within the retry deadline', { scorecard: c.id, label });
      c.lost = true;
      return;
    }
    if (res.status === 200) {
      w.acked = w.committed = true;
      w.revision = res.body.revision;
      stats.acked.save += 1;
      if (canonical(res.body) !== w.canon)
        violation('a save was acknowledged with other content', { scorecard: c.id, label });
      if (res.body.revision !== c.revision + 1) {
        violation('a save did not advance the revision by one', {
          scorecard: c.id,
          from: c.revision,
          to: res.body.revision,
        });
      }
      c.revision = res.body.revision;
      c.committed = w;
      if (complete) c.complete = true;
      return;
    }
    if (res.status === 409 && res.tries > 1 && res.body?.code === 'stale_revision') {
      // An earlier attempt committed but its answer was lost (the instance or the database died
      // after the commit): the stored content must then be exactly this write's.
      const cur = await readBack(c);
      if (cur && canonical(cur) === w.canon && cur.revision === c.revision + 1) {
        w.committed = true;
        w.revision = cur.revision;
        stats.resolved += 1;
        c.revision = cur.revision;
        c.committed = w;
        if (complete) c.complete = true;
        return;
      }
      violation('a retried save answered 409 but the stored scorecard is not this write', { scorecard: c.id, label });
    } else {
      violation(`a save answered ${res.status}`, { scorecard: c.id, label, body: res.body });
    }
    if (++c.failures >= 3) c.lost = true;
    const cur = await readBack(c);
    if (cur) c.revision = cur.revision;
  }

  async function submit(c) {
    stats.ops.submit += 1;
    const res = await send(c, 'POST', `/api/v1/scorecards/${c.id}/submit`, { revision: c.revision });
    if (!res) {
      violation('a submit was never answered below 500 within the retry deadline', { scorecard: c.id });
      c.lost = true;
      return;
    }
    if (res.status === 200 && res.body.status === 'submitted') {
      stats.acked.submit += 1;
      c.submitted = { canon: canonical(res.body), revision: res.body.revision, tries: res.tries };
      if (c.submitted.canon !== c.committed?.canon) {
        violation('a submit was acknowledged with content other than the last save', { scorecard: c.id });
      }
      return;
    }
    violation(`a submit answered ${res.status}`, { scorecard: c.id, body: res.body });
    c.lost = true;
  }

  async function worker(mine) {
    const pending = [...mine];
    let i = 0;
    while (pending.length) {
      const c = pending[i++ % pending.length];
      if (now() - t0 < c.submitAtMs) await save(c, false);
      else if (!c.complete) await save(c, true);
      else await submit(c);
      if (c.submitted || c.lost) pending.splice(pending.indexOf(c), 1);
      if (THINK_MS) await sleep(THINK_MS);
    }
  }

  // ---- the faults -------------------------------------------------------------------------
  const rec = {};
  async function pollHealth(api) {
    const from = now();
    await waitHealthy(api, 60_000, 25);
    return Math.round(now() - from);
  }
  async function inject() {
    await sleep(Math.max(0, t0 + CFG.pgKillAt - now()));
    const sseFrom = sseA.events.length;
    rec.pgKilledAt = now();
    const pid = await pgsrv.killHard();
    mark('PostgreSQL killed (SIGKILL of the postmaster)', { pid });
    await sleep(CFG.pgDownMs);
    const s = now();
    await pgsrv.start();
    rec.pgUpAt = now();
    mark('PostgreSQL restarted on the same data dir and port', {
      startMs: Math.round(rec.pgUpAt - s),
      pid: pgsrv.pid(),
    });
    const [hA, hB] = await Promise.all([pollHealth(A), pollHealth(B)]);
    rec.healthA = hA;
    rec.healthB = hB;
    mark('health 200 again on both instances', { A: hA, B: hB });
    const resync = await sseA.waitFor((e) => e.event === 'changed' && e.data?.kind === 'resync', {
      from: sseFrom,
      timeout: 45_000,
    });
    rec.resyncA = resync ? Math.round(resync.at - rec.pgUpAt) : null;
    if (resync) mark('A: debrief stream got resync (listener reconnected)', { msAfterRestart: rec.resyncA });
    else violation('A: the debrief stream got no resync within 45 s of the PostgreSQL restart');
    // The listener retries at least every 5 s (MAX_RETRY_MS), however long the outage was.
    if (resync && rec.resyncA > RESYNC_LIMIT_MS) {
      violation(`A: the listener came back ${rec.resyncA} ms after PostgreSQL, over ${RESYNC_LIMIT_MS} ms`);
    }

    await sleep(Math.max(0, t0 + CFG.apiKillAt - now()));
    rec.bKilledAt = now();
    await B.kill();
    mark('API B killed (SIGKILL)', { pid: B.pid });
    await sleep(CFG.apiDownMs);
    const sb = now();
    B = await spawnB();
    rec.bRestartMs = Math.round(now() - sb);
    mark('API B restarted (new process, same port) and healthy', { pid: B.pid, startMs: rec.bRestartMs });
  }

  const perWorker = Array.from({ length: CFG.workers }, () => []);
  cards.forEach((c, i) => perWorker[i % CFG.workers].push(c));
  console.log(`\nWorkload: ${CFG.workers} workers, ${cards.length} scorecards, submits spread over ${CFG.endMs} ms`);
  t0 = now();
  mark('workload started');
  const faults = inject();
  await Promise.all([faults, ...perWorker.map(worker)]);
  mark('workload finished');

  // ---- the survivor recovered by itself ------------------------------------------------------
  console.log('\nChecks on the surviving instance A (never restarted):');
  const check = (ok, what, detail) => {
    console.log(`  ${ok ? 'ok  ' : 'FAIL'} ${what}${detail ? ` (${detail})` : ''}`);
    if (!ok) violation(what, detail ? { detail } : {});
  };
  check(!A.exited() && A.pid === survivorPid, 'A is the same process as at the start', `pid ${A.pid}`);
  const health = await request(A.base, 'GET', '/api/health').catch((e) => ({ status: e.kind }));
  check(health.status === 200, 'A: GET /api/health answers 200', `answered ${health.status}`);
  check(sseB.ended, "B's stream ended when B was killed");

  const probe = { ...probeCards[0], random: rng(SEED - 1) };
  const probeContent = content(probe.random, org.opening, 'probe-1', { complete: true });
  const saved = await request(A.base, 'PUT', `/api/v1/scorecards/${probe.id}`, {
    token: probe.token,
    body: { ...probeContent, revision: probe.revision },
  });
  check(saved.status === 200, 'A: a new save succeeds', `answered ${saved.status}`);
  let from = sseA.events.length;
  const submitted = await request(A.base, 'POST', `/api/v1/scorecards/${probe.id}/submit`, {
    token: probe.token,
    body: { revision: saved.body?.revision ?? 0 },
  });
  check(submitted.status === 200, 'A: a new submit succeeds', `answered ${submitted.status}`);
  const own = await sseA.waitFor((e) => e.event === 'changed' && e.data?.kind === 'scorecard_submitted', {
    from,
    timeout: 10_000,
  });
  check(Boolean(own), 'A: the stream opened before the faults hears a submit made on A');

  // Across instances after both faults: a submit on the restarted B reaches streams on A.
  const sseA2 = await openEventStream(A.base, debriefPath, org.admin.token);
  const sseB2 = await openEventStream(B.base, debriefPath, org.admin.token);
  from = sseA.events.length;
  const probe2 = probeCards[1];
  const c2 = content(rng(SEED - 2), org.opening, 'probe-2', { complete: true });
  const saved2 = await call(B.base, 'PUT', `/api/v1/scorecards/${probe2.id}`, {
    token: probe2.token,
    body: { ...c2, revision: probe2.revision },
  });
  await call(B.base, 'POST', `/api/v1/scorecards/${probe2.id}/submit`, {
    token: probe2.token,
    body: { revision: saved2.revision },
  });
  const isSubmit = (e) => e.event === 'changed' && e.data?.kind === 'scorecard_submitted';
  const [x1, x2, x3] = await Promise.all([
    sseA.waitFor(isSubmit, { from, timeout: 10_000 }),
    sseA2.waitFor(isSubmit, { timeout: 10_000 }),
    sseB2.waitFor(isSubmit, { timeout: 10_000 }),
  ]);
  check(Boolean(x1 && x2), 'A: old and new streams hear a submit made on the restarted B');
  check(Boolean(x3), 'B (restarted): its stream hears its own submit');
  for (const s of [sseA, sseA2, sseB2]) s.close();

  // ---- the database has every acknowledged write, exactly once --------------------------------
  console.log('\nDatabase checks (as the owner, DATABASE_URL):');
  await withDb(pgsrv.url, async (db) => {
    const stored = await readScorecards(db, org.admin.organizationId);
    const dupes = await db.query(
      `select interview_id, count(*)::int as n from scorecards
        where organization_id = $1 and status <> 'void' group by interview_id having count(*) > 1`,
      [org.admin.organizationId],
    );
    check(dupes.rowCount === 0, 'one live scorecard per interview', `${dupes.rowCount} interviews with more`);
    const {
      rows: [counts],
    } = await db.query(
      `select (select count(*)::int from interviews where organization_id = $1) as interviews,
              (select count(*)::int from scorecards where organization_id = $1) as scorecards,
              (select count(*)::int from scorecards where organization_id = $1 and status = 'void') as void,
              (select count(*)::int from (select 1 from scorecard_ratings where organization_id = $1
                 group by scorecard_id, criterion_key having count(*) > 1) d) as dup_ratings,
              (select count(*)::int from scorecard_amendments where organization_id = $1) as amendments`,
      [org.admin.organizationId],
    );
    const expected = cards.length + probeCards.length;
    check(
      counts.interviews === expected && counts.scorecards === expected && counts.void === 0,
      'no interview or scorecard was created twice or voided',
      `${counts.interviews} interviews, ${counts.scorecards} scorecards, ${counts.void} void; expected ${expected}`,
    );
    check(
      counts.dup_ratings === 0 && counts.amendments === 0,
      'no duplicate ratings, no amendments',
      `${counts.dup_ratings} duplicate ratings, ${counts.amendments} amendments`,
    );

    let submitsOk = 0;
    let savesOk = 0;
    let ackedSaves = 0;
    for (const c of cards) {
      const row = stored.get(c.id);
      if (!row) {
        violation('an acknowledged scorecard is missing', { scorecard: c.id });
        continue;
      }
      const acked = c.writes.filter((w) => w.acked);
      ackedSaves += acked.length;
      if (c.submitted) {
        if (row.status !== 'submitted' || !row.submittedAt) {
          violation('an acknowledged submit is not stored as submitted', { scorecard: c.id, status: row.status });
        } else if (canonical(row) !== c.submitted.canon) {
          violation('a submitted scorecard differs from the acknowledged content', { scorecard: c.id });
        } else {
          submitsOk += 1;
        }
      } else if (!c.lost) {
        violation('a scorecard was never submitted', { scorecard: c.id });
      }
      // Every acknowledged save is the stored content unless a later committed save replaced it.
      const last = c.committed;
      const lastIndex = c.writes.indexOf(last);
      const later = c.writes.slice(lastIndex + 1);
      const candidates = [last, ...later.filter((w) => !w.acked)].filter(Boolean).map((w) => w.canon);
      if (acked.length && !candidates.includes(canonical(row))) {
        violation('the stored content is neither the last acknowledged save nor a later write', { scorecard: c.id });
      } else {
        savesOk += acked.length;
      }
      if (acked.length && row.revision < acked.at(-1).revision) {
        violation('the stored revision is older than an acknowledged one', { scorecard: c.id, stored: row.revision });
      }
      for (let i = 1; i < acked.length; i++) {
        if (acked[i].revision <= acked[i - 1].revision)
          violation('acknowledged revisions went backwards', { scorecard: c.id });
      }
    }
    check(
      submitsOk === stats.acked.submit,
      'every acknowledged submit is stored with exactly its content',
      `${submitsOk} of ${stats.acked.submit}`,
    );
    check(
      savesOk === ackedSaves,
      'every acknowledged save is stored or superseded by a later save of the same author',
      `${savesOk} of ${ackedSaves}`,
    );
  });

  // ---- report ------------------------------------------------------------------------------
  const afterPg = stats.acks.filter((a) => a.t > rec.pgUpAt);
  const firstAfter = (inst) => afterPg.find((a) => !inst || a.instance === inst);
  // The longest time without any acknowledged write, from just before the kill: the write outage.
  const around = stats.acks.filter((a) => a.t > rec.pgKilledAt - 1000).map((a) => a.t);
  let gap = 0;
  for (let i = 1; i < around.length; i++) gap = Math.max(gap, Math.round(around[i] - around[i - 1]));
  const lastOkBeforeB = stats.acks.filter((a) => a.t < rec.bKilledAt).length;
  const errorsLogged = (api) => {
    const text = api.logTail(100_000);
    return {
      error: (text.match(/"level":50/g) ?? []).length,
      fatal: (text.match(/"level":60/g) ?? []).length,
      uncaught: (text.match(/uncaught|unhandled/gi) ?? []).length,
    };
  };
  const logsA = errorsLogged(A);
  if (logsA.error || logsA.fatal || logsA.uncaught) violation('A logged unexpected errors', logsA);
  // While the database is gone the API answers 503 (try again); a 500 is an error nobody expected.
  const internal = [...stats.errors.entries()].filter(([k]) => /^HTTP 5(?!03)/.test(k));
  if (internal.length) violation('answers other than 503 while the database was gone', Object.fromEntries(internal));

  const report = {
    seed: SEED,
    quick: QUICK,
    workers: CFG.workers,
    scorecards: cards.length,
    writesAttempted: stats.ops,
    writesAcknowledged: stats.acked,
    httpAttempts: stats.httpAttempts,
    retries: stats.retries,
    operationsRetried: stats.retriedOps,
    committedButUnacknowledged: stats.resolved,
    errorsByKind: Object.fromEntries([...stats.errors.entries()].sort((a, b) => b[1] - a[1])),
    errorsByInstance: stats.errorsByInstance,
    postgres: {
      downMs: Math.round(rec.pgUpAt - rec.pgKilledAt),
      healthOkAfterRestartMs: { A: rec.healthA, B: rec.healthB },
      firstAckAfterRestartMs: {
        any: firstAfter() ? Math.round(firstAfter().t - rec.pgUpAt) : null,
        A: firstAfter('A') ? Math.round(firstAfter('A').t - rec.pgUpAt) : null,
        B: firstAfter('B') ? Math.round(firstAfter('B').t - rec.pgUpAt) : null,
      },
      longestWithoutAckedWriteMs: gap,
      listenerResyncAfterRestartMs: rec.resyncA,
    },
    apiB: { restartedHealthyInMs: rec.bRestartMs, ackedBeforeKill: lastOkBeforeB },
    logsA,
    logsB: errorsLogged(B),
    timeline,
    violations: violations.length,
    seconds: Math.round((now() - started) / 100) / 10,
  };

  console.log('\nReport');
  console.log(
    table([
      ['', 'save', 'submit'],
      ['attempted (operations)', stats.ops.save, stats.ops.submit],
      ['acknowledged (2xx)', stats.acked.save, stats.acked.submit],
    ]),
  );
  console.log(
    `  HTTP attempts ${stats.httpAttempts}; retries ${stats.retries}; operations that needed a retry ${stats.retriedOps};`,
  );
  console.log(`  saves committed whose answer was lost (found by the 409 + read-back) ${stats.resolved}`);
  console.log(
    `  errors by kind: ${JSON.stringify(report.errorsByKind)}; by instance: ${JSON.stringify(stats.errorsByInstance)}`,
  );
  console.log(
    `  PostgreSQL down ${report.postgres.downMs} ms; after its restart: health A ${rec.healthA} ms, B ${rec.healthB} ms;` +
      ` first acknowledged write ${report.postgres.firstAckAfterRestartMs.any} ms (A ${report.postgres.firstAckAfterRestartMs.A}, B ${report.postgres.firstAckAfterRestartMs.B});` +
      ` listener resync on A ${rec.resyncA} ms; longest time without an acknowledged write ${gap} ms`,
  );
  console.log(`  API B restarted and healthy in ${rec.bRestartMs} ms; A's log: ${JSON.stringify(logsA)}`);
  console.log(`  ${report.seconds} s in total`);
  if (args.json) {
    const { writeFileSync } = await import('node:fs');
    writeFileSync(args.json, JSON.stringify(report, null, 2) + '\n');
  }
  if (args.keep) {
    console.log(`  logs kept in ${root}`);
    await cleanup({ keepDirs: true });
  }
  if (violations.length) {
    console.error(`\nFAILED: ${violations.length} violation(s)`);
    for (const v of violations.slice(0, 20)) console.error(`  - ${JSON.stringify(v)}`);
    if (!A.exited()) console.error(`\nA's last log lines:\n${A.logTail(20)}`);
    return 1;
  }
  console.log(
    '\nPASSED: every acknowledged write is stored exactly once with its content; A recovered without a restart.',
  );
  return 0;
});
