// The simulated people of `pnpm load --day` (load-day.mjs), in their own process so that generating
// the load never competes with the API for its event loop, and its CPU is measured on its own.
//
//   node apps/api/bench/load-day-client.mjs PLAN_FILE RESULT_FILE   (JSON files)
//
// The plan (written by load-day.mjs) lists every simulated person with their session and their work:
//   - interviewers open a scorecard (its kit), autosave it every `pace.saveMs` with the revision
//     from the previous answer, save it complete, submit it, and open the next one;
//   - hiring managers hold their debrief's live stream (SSE) open for the whole run and read the
//     debrief and the comparison of its opening, `pace.managerMs` apart;
//   - recruiters search candidates, read a board and move a card (applied <-> screen), `pace.recruiterMs` apart.
// With every pace 0 (the saturation rounds) each person sends its next request as soon as the
// previous one answered: a closed loop that finds the throughput of whatever serves `base`.
//
// The result: every answer's latency per kind, status counts, the unexpected answers, the last
// acknowledged save of every scorecard touched (the caller reads them back), the streams' fate, and
// this process's own CPU time.
import { readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { canonical, content, rng } from './lib.mjs';

const [planFile, resultFile] = process.argv.slice(2);
const plan = JSON.parse(readFileSync(planFile, 'utf8'));
const url = new URL(plan.base);
// Connections are reused as a browser does; no cap, so a slow answer never queues another user's request.
const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity, keepAliveMsecs: 10_000 });
const now = () => performance.now();
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const latencies = {};
const statuses = {};
const unexpected = [];
let unexpectedCount = 0;
let stopping = false;
const startedAt = now();
const endAt = startedAt + plan.seconds * 1000;
const timeLeft = () => !stopping && now() < endAt;

/** One request; resolves with { status, body } (status 0 when the network failed). */
function send(method, path, token, body) {
  return new Promise((resolve) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const headers = { authorization: `Bearer ${token}` };
    if (payload !== undefined) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = Buffer.byteLength(payload);
    }
    const req = http.request(
      { host: url.hostname, port: url.port, method, path, headers, agent, timeout: 30_000 },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json = null;
          try {
            json = text ? JSON.parse(text) : null;
          } catch {
            json = text;
          }
          resolve({ status: res.statusCode, body: json });
        });
        res.on('error', (err) => resolve({ status: 0, body: String(err?.code ?? err) }));
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (err) => resolve({ status: 0, body: String(err?.code ?? err?.message ?? err) }));
    req.end(payload);
  });
}

/** A request of `kind`, timed and counted; anything but `expect` is an unexpected answer (an error). */
async function timed(kind, method, path, token, body, expect = 200) {
  const t = now();
  const res = await send(method, path, token, body);
  (latencies[kind] ??= []).push(now() - t);
  const byStatus = (statuses[kind] ??= {});
  byStatus[res.status] = (byStatus[res.status] ?? 0) + 1;
  if (res.status !== expect) {
    unexpectedCount += 1;
    if (unexpected.length < 30)
      unexpected.push({ kind, method, path, status: res.status, body: JSON.stringify(res.body).slice(0, 300) });
  }
  return res;
}

/** Waits `ms` (less if the run ends first). */
async function think(ms) {
  const until = Math.min(now() + ms, endAt);
  if (until > now()) await sleep(until - now());
}

// ---- interviewers ----------------------------------------------------------------------------------

const cards = []; // every scorecard touched: { id, token, lastAck: { revision, canon } | null, submitted, doubtful }

async function interviewer(person, index) {
  const random = rng(plan.seed + index);
  // People do not start in step: spread the first requests over one autosave interval.
  await think(random() * Math.max(plan.pace.saveMs, 50));
  let lastSend = -Infinity;
  for (let c = 0; c < person.cards.length && timeLeft(); c++) {
    const kitRes = await timed('kit', 'GET', `/api/v1/interviews/${person.cards[c].interviewId}/kit`, person.token);
    if (kitRes.status !== 200) continue;
    const kit = kitRes.body;
    const criteria = kit.competencies.flatMap((k) => k.criteria.map((cr) => ({ key: cr.key })));
    // A candidate's-questions step asks no criterion and takes no recommendation: not this person's work.
    if (criteria.length === 0) continue;
    const scope = { criteria, redFlags: kit.redFlags.map((f) => f.key) };
    const card = { id: person.cards[c].id, token: person.token, lastAck: null, submitted: false, doubtful: false };
    cards.push(card);
    let revision = kit.scorecard.revision;
    const last = c === person.cards.length - 1;
    // Drafts, then the complete save; the last card of the list is never submitted: it takes drafts
    // until the run ends (a person still typing).
    for (let step = 0; timeLeft() && (last || step <= plan.savesPerCard); step++) {
      const complete = !last && step === plan.savesPerCard;
      await think(lastSend + plan.pace.saveMs - now());
      if (!timeLeft()) break;
      lastSend = now();
      const body = content(random, scope, `${card.id.slice(0, 8)}-${index}-${step}`, { complete });
      const res = await timed('save', 'PUT', `/api/v1/scorecards/${card.id}`, person.token, { ...body, revision });
      if (res.status === 200) {
        revision = res.body.revision;
        card.lastAck = { revision, canon: canonical(body), complete };
      } else {
        // An unanswered save may still have been written: this card's read-back cannot tell.
        if (res.status === 0) card.doubtful = true;
        break;
      }
    }
    if (!card.lastAck?.complete || !timeLeft()) continue;
    await think(lastSend + plan.pace.saveMs - now());
    if (!timeLeft()) break;
    lastSend = now();
    const res = await timed('submit', 'POST', `/api/v1/scorecards/${card.id}/submit`, person.token, { revision });
    if (res.status === 200) {
      card.submitted = true;
      card.lastAck = { ...card.lastAck, revision: res.body.revision };
    } else if (res.status === 0) card.doubtful = true;
  }
}

// ---- hiring managers -------------------------------------------------------------------------------

const streams = []; // { applicationId, opened, events, endedEarly, error }

function holdStream(person) {
  const s = { applicationId: person.debrief, opened: false, events: 0, endedEarly: false, error: null, openMs: null };
  streams.push(s);
  const t = now();
  return new Promise((resolveOpen) => {
    const req = http.get(
      {
        host: url.hostname,
        port: url.port,
        path: `/api/v1/applications/${person.debrief}/debrief/events`,
        headers: { authorization: `Bearer ${person.token}`, accept: 'text/event-stream' },
        // Its own connection: a stream holds its socket for the whole run.
        agent: false,
      },
      (res) => {
        if (res.statusCode !== 200) {
          s.error = `answered ${res.statusCode}`;
          res.resume();
          resolveOpen();
          return;
        }
        s.opened = true;
        s.openMs = now() - t;
        s.close = () => req.destroy();
        res.setEncoding('utf8');
        res.on('data', (chunk) => {
          s.events += (chunk.match(/^event: /gm) ?? []).length;
        });
        res.on('end', () => {
          if (!stopping) s.endedEarly = true;
        });
        res.on('error', () => {
          if (!stopping) s.endedEarly = true;
        });
        resolveOpen();
      },
    );
    req.on('error', (err) => {
      if (!stopping) {
        s.error ??= String(err?.code ?? err?.message ?? err);
        if (s.opened) s.endedEarly = true;
      }
      resolveOpen();
    });
  });
}

async function manager(person, index) {
  const random = rng(plan.seed + 10_000 + index);
  await think(random() * Math.max(plan.pace.managerMs, 50));
  const { openingId, applicationIds } = person.comparison;
  while (timeLeft()) {
    await timed('debrief', 'GET', `/api/v1/applications/${person.debrief}/debrief`, person.token);
    await think(plan.pace.managerMs);
    if (!timeLeft()) break;
    await timed(
      'comparison',
      'GET',
      `/api/v1/openings/${openingId}/comparison?applicationIds=${applicationIds.join(',')}`,
      person.token,
    );
    await think(plan.pace.managerMs);
  }
}

// ---- recruiters ------------------------------------------------------------------------------------

async function recruiter(person, index) {
  const random = rng(plan.seed + 20_000 + index);
  await think(random() * Math.max(plan.pace.recruiterMs, 50));
  let m = 0;
  while (timeLeft()) {
    const q = person.prefixes[Math.floor(random() * person.prefixes.length)];
    await timed('search', 'GET', `/api/v1/candidates?q=${encodeURIComponent(q)}`, person.token);
    await think(plan.pace.recruiterMs);
    if (!timeLeft()) break;
    const opening = person.openings[Math.floor(random() * person.openings.length)];
    await timed('board', 'GET', `/api/v1/openings/${opening}/board`, person.token);
    await think(plan.pace.recruiterMs);
    if (!timeLeft() || person.moves.length === 0) continue;
    // Its own cards only (no other simulated person moves them), back and forth between two columns.
    const card = person.moves[m++ % person.moves.length];
    const to = card.stage === 'applied' ? 'screen' : 'applied';
    const res = await timed('move', 'POST', `/api/v1/applications/${card.id}/moves`, person.token, {
      to,
      revision: card.revision,
    });
    if (res.status === 200) {
      card.stage = to;
      card.revision = res.body.revision;
    }
    await think(plan.pace.recruiterMs);
  }
}

// ---- the run ---------------------------------------------------------------------------------------

const cpuStart = process.cpuUsage();
const opened = await Promise.all(plan.managers.filter((p) => p.stream).map((p) => holdStream(p)));
void opened;
const runStart = now();
await Promise.all([
  ...plan.interviewers.map((p, i) => interviewer(p, i)),
  ...plan.managers.map((p, i) => manager(p, i)),
  ...plan.recruiters.map((p, i) => recruiter(p, i)),
]);
const runS = (now() - runStart) / 1000;
stopping = true;
for (const s of streams) s.close?.();
const cpu = process.cpuUsage(cpuStart);
agent.destroy();

writeFileSync(
  resultFile,
  JSON.stringify({
    seconds: runS,
    latencies,
    statuses,
    unexpected,
    unexpectedCount,
    cards: cards.map(({ id, token, lastAck, submitted, doubtful }) => ({ id, token, lastAck, submitted, doubtful })),
    // Where the recruiters left their cards (stage, revision): the next phase moves them on from there.
    recruiterMoves: plan.recruiters.map((p) => p.moves),
    streams: streams.map(({ close, ...s }) => (void close, s)),
    cpuMs: (cpu.user + cpu.system) / 1000,
  }),
);
process.exit(0);
