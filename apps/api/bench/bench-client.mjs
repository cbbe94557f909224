// The load generator of `pnpm bench` (bench.mjs), run in a worker thread so that autocannon does
// not share the event loop of the API it measures (both live in the benchmark's one process).
//
// workerData: { base, warmupSeconds, seconds, connections, expect, plan }
//   plan.kind 'fixed':  { method, path, headers }: every connection sends the same request.
//   plan.kind 'agents': { agents: [{ method, path, token, body }] }: connection i acts as agent
//     i % n with its own bearer token; body 'save' sends fresh draft content with the revision of
//     the agent's scorecard as last answered (optimistic concurrency: every save carries the
//     current revision), body 'submit' sends { revision }.
// One autocannon run of warmupSeconds + seconds; only answers that arrive after the warm-up count.
// Latencies are taken from each response's own timing (fractions of a millisecond), not from
// autocannon's histogram, which rounds to whole milliseconds.
import { parentPort, workerData } from 'node:worker_threads';
import autocannon from 'autocannon';

const { base, warmupSeconds, seconds, connections, expect, plan } = workerData;

const RECOMMENDATIONS = ['strong_no', 'no', 'yes', 'strong_yes'];

/** A deterministic PRNG (mulberry32), one per agent; lib.mjs has the same, but importing it would install its process-wide handlers in this worker. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Draft content within the scorecard's scope: part of its criteria rated, now and then a red flag. */
function draftContent(agent) {
  const r = agent.random;
  const n = ++agent.saves;
  const ratings = agent.scope.criteria
    .filter(() => r() < 0.6)
    .map((key) => ({ criterionKey: key, rating: r() < 0.1 ? null : 1 + Math.floor(r() * 4), evidence: `bench ${n}` }));
  const redFlags = agent.scope.redFlags.filter(() => r() < 0.1).map((flagKey) => ({ flagKey, evidence: `bench ${n}` }));
  return {
    ratings,
    redFlags,
    recommendation: r() < 0.5 ? RECOMMENDATIONS[Math.floor(r() * 4)] : null,
    summary: `bench summary ${n}`,
    notes: `bench notes ${n}`,
  };
}

const latencies = [];
const statuses = {};
const unexpected = [];
let measuredFrom = Infinity;

function record(status, ms) {
  if (performance.now() < measuredFrom) return;
  statuses[status] = (statuses[status] ?? 0) + 1;
  if (status === expect) latencies.push(ms);
}

const options = {
  url: base,
  connections,
  pipelining: 1,
  duration: warmupSeconds + seconds,
  timeout: 30,
};

if (plan.kind === 'fixed') {
  Object.assign(options, { url: base + plan.path, method: plan.method, headers: plan.headers });
} else {
  const agents = plan.agents.map((a, i) => ({
    ...a,
    random: rng(1000 + i),
    saves: 0,
  }));
  let next = 0;
  options.setupClient = (client) => {
    const agent = agents[next++ % agents.length];
    client.setRequests([
      {
        setupRequest: (req) => {
          const body =
            agent.body === 'save' ? { ...draftContent(agent), revision: agent.revision } : { revision: agent.revision };
          return {
            ...req,
            method: agent.method,
            path: agent.path,
            headers: { authorization: `Bearer ${agent.token}`, 'content-type': 'application/json' },
            body: JSON.stringify(body),
          };
        },
        onResponse: (status, body) => {
          if (status !== expect && unexpected.length < 5) unexpected.push({ status, body: String(body).slice(0, 300) });
          if (status === 200 && agent.body === 'save') {
            try {
              agent.revision = JSON.parse(body).revision;
            } catch {
              // counted through its status
            }
          }
        },
      },
    ]);
  };
}

const started = performance.now();
measuredFrom = started + warmupSeconds * 1000;
const instance = autocannon(options, (err, result) => {
  if (err) {
    parentPort.postMessage({ error: String(err?.stack ?? err) });
    return;
  }
  const measuredS = Math.max(0.001, (performance.now() - measuredFrom) / 1000);
  const sorted = Float64Array.from(latencies).sort();
  const pct = (p) =>
    sorted.length ? sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] : null;
  parentPort.postMessage({
    count: sorted.length,
    seconds: measuredS,
    rps: sorted.length / measuredS,
    p50: pct(50),
    p90: pct(90),
    p99: pct(99),
    max: sorted.length ? sorted[sorted.length - 1] : null,
    mean: sorted.length ? sorted.reduce((s, v) => s + v, 0) / sorted.length : null,
    statuses,
    unexpected,
    errors: result.errors,
    timeouts: result.timeouts,
  });
});
instance.on('response', (client, status, bytes, responseTime) => {
  record(status, responseTime);
});
