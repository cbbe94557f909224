import { randomUUID } from 'node:crypto';
import { spawn } from 'node:child_process';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  type CreatedWebhook,
  WEBHOOK_EVENT_TYPES,
  WEBHOOK_PAYLOADS,
  type WebhookEventType,
  type WebhookPayloadType,
} from '@scorecard/contracts';
import { WEBHOOK_MAX_ATTEMPTS } from '@scorecard/domain';
import { Webhook } from 'standardwebhooks';
import { Db } from '../../src/database/db.js';
import { WebhookDeliveryService } from '../../src/modules/webhooks/webhook-delivery.service.js';
import { WebhookOutbox } from '../../src/modules/webhooks/webhook-outbox.js';
import { WebhookSweepService } from '../../src/modules/webhooks/webhook-sweep.service.js';
import { apiOf } from '../support/api-client.js';
import { given, type Given, type Member } from '../support/given.js';
import { emailsOf } from '../support/mail.js';
import { useTestApp, type TestApp } from '../support/test-app.js';

const t = useTestApp({ JOB_POLL_SECONDS: '0.5' });

// ---- a real receiver in the test process ----

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

class Receiver {
  readonly received: Received[] = [];
  /** The statuses to answer, in turn; the last one repeats. */
  statuses: number[] = [200];
  private server!: Server;

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        this.received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
        const status = this.statuses.length > 1 ? this.statuses.shift()! : this.statuses[0]!;
        res.writeHead(status).end();
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return this;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hooks`;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /** Waits (polling, at most 15 s) until `n` requests have come in. */
  async waitFor(n: number): Promise<Received[]> {
    const until = Date.now() + 15_000;
    while (this.received.length < n) {
      if (Date.now() > until) throw new Error(`expected ${n} webhook requests, got ${this.received.length}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    return this.received;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** Verifies a delivery with the standardwebhooks verifier and parses it with its payload schema. */
function verified(secret: string, r: Received): { type: WebhookPayloadType; data: Record<string, unknown> } {
  const payload = new Webhook(secret).verify(r.body, r.headers as Record<string, string>) as {
    type: WebhookPayloadType;
  };
  const schema = WEBHOOK_PAYLOADS[payload.type];
  expect(schema.safeParse(payload).success).toBe(true);
  return payload as { type: WebhookPayloadType; data: Record<string, unknown> };
}

async function createEndpoint(
  app: TestApp,
  admin: Member,
  url: string,
  events: readonly WebhookEventType[] = WEBHOOK_EVENT_TYPES,
): Promise<CreatedWebhook> {
  return apiOf(app)
    .as(admin)
    .call('createWebhook', { body: { url, events: [...events], description: 'test receiver' } });
}

/** Attempts every due delivery, moving the clock to each one's next attempt, until `done` holds. */
async function runClockUntil(
  app: TestApp,
  organizationId: string,
  deliveryId: string,
  done: (attempts: number) => boolean,
) {
  const delivery = app.app.get(WebhookDeliveryService, { strict: false });
  for (let i = 0; i < 30; i++) {
    const [row] = (await app.db.query(
      `select attempts, next_attempt_at, status from webhook_deliveries where id = $1`,
      [deliveryId],
    )) as { attempts: number; next_attempt_at: Date | null; status: string }[];
    if (done(row!.attempts) || !row!.next_attempt_at) return;
    await delivery.deliverDue(organizationId, new Date(row!.next_attempt_at.getTime() + 1000));
  }
  throw new Error('the clock ran 30 times without reaching the expected state');
}

async function deliveryRow(app: TestApp, endpointId: string) {
  return (await app.db.query(
    `select id, status, attempts from webhook_deliveries where endpoint_id = $1 order by created_at desc`,
    [endpointId],
  )) as { id: string; status: string; attempts: number }[];
}

let g: Given;
let receiver: Receiver;

beforeAll(async () => {
  g = await given(t, 'Webhooks Inc');
  await g.opening();
  receiver = await new Receiver().start();
});

afterAll(async () => {
  await receiver.close();
});

describe('webhook endpoints (admins)', () => {
  it('shows the whsec_ secret once, seals it at rest and never lists it', async () => {
    const created = await createEndpoint(t, g.admin, receiver.url, ['candidate.created']);
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(created).toMatchObject({
      url: receiver.url,
      events: ['candidate.created'],
      enabled: true,
      lastDelivery: null,
    });
    const [row] = (await t.db.query(`select secret from webhook_endpoints where id = $1`, [created.id])) as {
      secret: string;
    }[];
    expect(row!.secret).not.toContain(created.secret.slice(6));
    const as = g.api.as(g.admin);
    const got = await as.call('getWebhook', { params: { id: created.id } });
    const list = await as.call('listWebhooks', { query: {} });
    expect(got).not.toHaveProperty('secret');
    expect(JSON.stringify(list)).not.toContain(created.secret);
    expect(list.items.map((i) => i.id)).toContain(created.id);
    await as.call('deleteWebhook', { params: { id: created.id } });
  });

  it('updates, switches off and on, and deletes', async () => {
    const created = await createEndpoint(t, g.admin, receiver.url, ['candidate.created']);
    const as = g.api.as(g.admin);
    const off = await as.call('updateWebhook', {
      params: { id: created.id },
      body: { enabled: false, description: 'paused', events: ['candidate.created', 'candidate.erased'] },
    });
    expect(off).toMatchObject({ enabled: false, disabledReason: 'manual', description: 'paused' });
    expect(off.events).toEqual(['candidate.created', 'candidate.erased']);
    const on = await as.call('updateWebhook', { params: { id: created.id }, body: { enabled: true } });
    expect(on).toMatchObject({ enabled: true, disabledReason: null, disabledAt: null });
    await as.call('deleteWebhook', { params: { id: created.id } });
    await as.raw('getWebhook', { params: { id: created.id } }).expect(404);
  });

  it.each([
    [{ url: 'ftp://example.com', events: ['candidate.created'] }, 'url'],
    [{ url: 'not a url', events: ['candidate.created'] }, 'url'],
    [{ url: 'https://example.com', events: [] }, 'events'],
    [{ url: 'https://example.com', events: ['candidate.created', 'candidate.created'] }, 'events'],
    [{ url: 'https://example.com', events: ['webhook.test'] }, 'events.0'],
    [{ url: 'https://example.com', events: ['candidate.created'], description: 'x'.repeat(501) }, 'description'],
    [{ url: `https://example.com/${'x'.repeat(2000)}`, events: ['candidate.created'] }, 'url'],
  ])('refuses %j with a field error on %s, and creates nothing', async (body, path) => {
    const before = ((await t.db.query(`select count(*)::int as n from webhook_endpoints`)) as { n: number }[])[0]!.n;
    const res = await g.api.as(g.admin).raw('createWebhook', { body }).expect(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
    expect(((await t.db.query(`select count(*)::int as n from webhook_endpoints`)) as { n: number }[])[0]!.n).toBe(
      before,
    );
  });

  it('is for admins only, and another organization’s endpoint is not found', async () => {
    const created = await createEndpoint(t, g.admin, receiver.url, ['candidate.created']);
    for (const role of ['recruiter', 'hiring_manager', 'interviewer'] as const) {
      const member = await g.member({ role });
      await g.api.as(member).raw('listWebhooks').expect(403);
      await g.api
        .as(member)
        .raw('getWebhook', { params: { id: created.id } })
        .expect(403);
      await g.api
        .as(member)
        .raw('createWebhook', { body: { url: receiver.url, events: ['candidate.created'] } })
        .expect(403);
    }
    const other = await given(t, 'Other Org', { recruiter: false });
    const as = other.api.as(other.admin);
    await as.raw('getWebhook', { params: { id: created.id } }).expect(404);
    await as.raw('updateWebhook', { params: { id: created.id }, body: { enabled: false } }).expect(404);
    await as.raw('deleteWebhook', { params: { id: created.id } }).expect(404);
    await as.raw('listWebhookDeliveries', { params: { id: created.id } }).expect(404);
    await as.raw('sendTestWebhook', { params: { id: created.id } }).expect(404);
    expect((await g.api.as(g.admin).call('getWebhook', { params: { id: created.id } })).enabled).toBe(true);
    await g.api.as(g.admin).call('deleteWebhook', { params: { id: created.id } });
  });
});

describe('events and signed deliveries', () => {
  it('sends every event type from the real API action, signed, with ids only', async () => {
    const all = await new Receiver().start();
    try {
      const endpoint = await createEndpoint(t, g.admin, all.url);
      const interviewer = await g.member({ role: 'interviewer' });
      const hm = g.admin;
      const candidate = await g.candidate({ name: 'Ada Lovelace-Webhook', email: 'ada.webhook@example.com' });
      let a = await g.application({ candidate: { id: candidate.id }, stages: ['screen', 'interviews'] });
      const card = await g.submittedScorecard({ application: a, interviewer });
      await g.api.as(interviewer).call('amendScorecard', {
        params: { id: card.id },
        body: {
          ratings: card.ratings.map((r) => ({
            criterionKey: r.criterionKey,
            rating: r.rating as 1 | 2 | 3 | 4 | null,
            evidence: r.evidence,
          })),
          redFlags: [],
          recommendation: card.recommendation,
          summary: 'Second take.',
          notes: '',
          reason: 'Typo in the summary.',
          revision: card.revision,
        },
      });
      const other = await g.scheduledInterview({ application: a, interviewer });
      await g.api
        .as(g.recruiter)
        .call('cancelInterview', { params: { id: other.id }, body: { revision: other.revision } });
      a = await g.move(a, 'debrief');
      const decision = await g.api.as(hm).call('decide', {
        params: { id: a.id },
        body: { decision: 'hold', rationale: 'Waiting on references.', revision: a.revision },
      });
      await g.api.as(g.admin).call('eraseCandidate', {
        params: { id: candidate.id },
        body: { confirm: 'Ada Lovelace-Webhook' },
      });

      // created, app created, moved ×3, scheduled ×2, submitted, amended, cancelled, decision, erased
      const received = await all.waitFor(12);
      const events = received.map((r) => verified(endpoint.secret, r));
      const byType = (type: string) => events.filter((e) => e.type === type).map((e) => e.data);
      expect(new Set(events.map((e) => e.type))).toEqual(new Set(WEBHOOK_EVENT_TYPES));
      expect(byType('candidate.created')).toEqual([{ candidateId: candidate.id }]);
      expect(byType('application.created')).toEqual([
        { applicationId: a.id, candidateId: candidate.id, openingId: a.opening.id, stage: 'applied' },
      ]);
      expect(byType('application.moved')).toEqual(
        expect.arrayContaining([
          { applicationId: a.id, from: 'applied', to: 'screen' },
          { applicationId: a.id, from: 'screen', to: 'interviews' },
          { applicationId: a.id, from: 'interviews', to: 'debrief' },
        ]),
      );
      expect(byType('interview.scheduled')).toContainEqual(
        expect.objectContaining({ interviewId: other.id, applicationId: a.id, interviewerId: interviewer.user.id }),
      );
      expect(byType('interview.cancelled')).toEqual([{ interviewId: other.id, applicationId: a.id }]);
      const scorecardData = { scorecardId: card.id, applicationId: a.id, interviewerId: interviewer.user.id };
      expect(byType('scorecard.submitted')).toEqual([scorecardData]);
      expect(byType('scorecard.amended')).toEqual([scorecardData]);
      expect(byType('decision.recorded')).toEqual([{ decisionId: decision.id, applicationId: a.id, decision: 'hold' }]);
      expect(byType('candidate.erased')).toEqual([{ candidateId: candidate.id }]);

      for (const r of received) {
        expect(r.body).not.toMatch(/Ada|Lovelace|example\.com|Second take|references/);
        expect(r.headers['content-type']).toBe('application/json');
        expect(r.headers['user-agent']).toMatch(/^Scorecard-Webhooks\//);
        expect(r.headers['webhook-id']).toMatch(/^msg_/);
        expect(r.headers['webhook-signature']).toMatch(/^v1,/);
      }
      // A tampered body fails the verifier.
      expect(() =>
        new Webhook(endpoint.secret).verify(
          received[0]!.body.replace('}', ' }'),
          received[0]!.headers as Record<string, string>,
        ),
      ).toThrow();
      const log = await g.api
        .as(g.admin)
        .call('listWebhookDeliveries', { params: { id: endpoint.id }, query: { pageSize: 100 } });
      expect(log.total).toBe(12);
      await g.api.as(g.admin).call('deleteWebhook', { params: { id: endpoint.id } });
    } finally {
      await all.close();
    }
  });

  it('writes nothing when no endpoint subscribes to the event', async () => {
    const quiet = await given(t, 'Quiet Org');
    const before = (await t.db.query(`select count(*)::int as n from webhook_events`)) as { n: number }[];
    await quiet.candidate();
    const after = (await t.db.query(`select count(*)::int as n from webhook_events`)) as { n: number }[];
    expect(after[0]!.n).toBe(before[0]!.n);
  });

  it('retries a receiver that fails: 500, then 200 → succeeded with 2 attempts in the log', async () => {
    const flaky = await new Receiver().start();
    flaky.statuses = [500, 200];
    try {
      const endpoint = await createEndpoint(t, g.admin, flaky.url, ['candidate.created']);
      await g.candidate();
      await flaky.waitFor(1);
      const [row] = await deliveryRow(t, endpoint.id);
      await runClockUntil(t, g.session.organization.id, row!.id, (n) => n >= 2);
      const [first, second] = await flaky.waitFor(2);
      expect(first!.headers['webhook-id']).toBe(second!.headers['webhook-id']);
      verified(endpoint.secret, second!);
      const log = await g.api.as(g.admin).call('listWebhookDeliveries', { params: { id: endpoint.id }, query: {} });
      expect(log.items[0]).toMatchObject({
        eventType: 'candidate.created',
        status: 'succeeded',
        attempts: 2,
        responseCode: 200,
        error: null,
        nextAttemptAt: null,
      });
      const attempts = (await t.db.query(
        `select attempt, succeeded, response_code from webhook_delivery_attempts where delivery_id = $1 order by attempt`,
        [row!.id],
      )) as unknown[];
      expect(attempts).toEqual([
        { attempt: 1, succeeded: false, response_code: 500 },
        { attempt: 2, succeeded: true, response_code: 200 },
      ]);
      const got = await g.api.as(g.admin).call('getWebhook', { params: { id: endpoint.id } });
      expect(got.lastDelivery).toMatchObject({ status: 'succeeded', responseCode: 200 });

      // Redeliver: a new series, the same event id and body.
      const again = await g.api
        .as(g.admin)
        .call('redeliverWebhook', { params: { id: endpoint.id, deliveryId: row!.id } });
      expect(again.status).toBe('pending');
      const [, , third] = await flaky.waitFor(3);
      expect(third!.headers['webhook-id']).toBe(first!.headers['webhook-id']);
      expect(third!.body).toBe(first!.body);
      await g.api
        .as(g.admin)
        .raw('redeliverWebhook', { params: { id: endpoint.id, deliveryId: '00000000-0000-4000-8000-000000000000' } })
        .expect(404);

      // Test event: to this endpoint only.
      const test = await g.api.as(g.admin).call('sendTestWebhook', { params: { id: endpoint.id } });
      expect(test).toMatchObject({ eventType: 'webhook.test', status: 'pending' });
      const [, , , fourth] = await flaky.waitFor(4);
      expect(verified(endpoint.secret, fourth!)).toMatchObject({
        type: 'webhook.test',
        data: { webhookId: endpoint.id },
      });
      await g.api.as(g.admin).call('deleteWebhook', { params: { id: endpoint.id } });
    } finally {
      await flaky.close();
    }
  });

  it('is received by the example receiver of docs/INTEGRATIONS.md, which verifies it and refuses a forged one', async () => {
    const script = fileURLToPath(new URL('../../examples/webhook-receiver.mjs', import.meta.url));
    const endpoint = await createEndpoint(t, g.admin, 'http://127.0.0.1:1/hooks', ['candidate.created']);
    const child = spawn(process.execPath, [script], {
      env: { ...process.env, PORT: '0', SCORECARD_WEBHOOK_SECRET: endpoint.secret },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    const waitForOutput = async (pattern: RegExp): Promise<RegExpMatchArray> => {
      const until = Date.now() + 15_000;
      for (;;) {
        const m = pattern.exec(out);
        if (m) return m;
        if (Date.now() > until || child.exitCode !== null) throw new Error(`the receiver printed: ${out}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    try {
      const [, port] = await waitForOutput(/listening on http:\/\/localhost:(\d+)/);
      const url = `http://127.0.0.1:${port}/hooks`;
      await g.api.as(g.admin).call('updateWebhook', { params: { id: endpoint.id }, body: { url } });
      await g.api.as(g.admin).call('sendTestWebhook', { params: { id: endpoint.id } });
      const [line] = await waitForOutput(/^webhook\.test .*$/m);
      expect(JSON.parse(line.slice('webhook.test '.length))).toEqual({ webhookId: endpoint.id });
      const forged = await fetch(url, {
        method: 'POST',
        headers: {
          'webhook-id': 'msg_forged',
          'webhook-timestamp': String(Math.floor(Date.now() / 1000)),
          'webhook-signature': 'v1,AAAA',
        },
        body: '{"type":"candidate.erased"}',
      });
      expect(forged.status).toBe(401);
    } finally {
      child.kill();
      await g.api.as(g.admin).call('deleteWebhook', { params: { id: endpoint.id } });
    }
  });

  it('leaves no event, delivery or job when the change rolls back (outbox)', async () => {
    const endpoint = await createEndpoint(t, g.admin, receiver.url, ['candidate.created']);
    const count = async () =>
      (
        (await t.db.query(
          `select (select count(*) from webhook_events)::int as events, (select count(*) from webhook_deliveries)::int as deliveries,
                  (select count(*) from pgboss.job where name = 'webhooks')::int as jobs`,
        )) as { events: number; deliveries: number; jobs: number }[]
      )[0]!;
    const before = await count();
    const db = t.app.get(Db, { strict: false });
    const outbox = t.app.get(WebhookOutbox, { strict: false });
    const orgId = g.session.organization.id;
    await expect(
      db.asTenant(orgId, async () => {
        await outbox.emit(orgId, 'candidate.created', { candidateId: '00000000-0000-4000-8000-000000000001' });
        throw new Error('the change fails after announcing itself');
      }),
    ).rejects.toThrow('the change fails');
    expect(await count()).toEqual(before);
    // The same emit that commits writes one event, one delivery and one job.
    await db.asTenant(orgId, () =>
      outbox.emit(orgId, 'candidate.created', { candidateId: '00000000-0000-4000-8000-000000000002' }),
    );
    const after = await count();
    expect(after.events).toBe(before.events + 1);
    expect(after.deliveries).toBe(before.deliveries + 1);
    await g.api.as(g.admin).call('deleteWebhook', { params: { id: endpoint.id } });
  });

  it('refuses a payload field that is not in the schema (no personal data slips in)', async () => {
    const db = t.app.get(Db, { strict: false });
    const outbox = t.app.get(WebhookOutbox, { strict: false });
    const orgId = g.session.organization.id;
    await expect(
      db.asTenant(orgId, () =>
        outbox.emit(orgId, 'candidate.created', {
          candidateId: '00000000-0000-4000-8000-000000000003',
          name: 'Ada',
        } as never),
      ),
    ).rejects.toThrow();
  });

  it('disables an endpoint that failed for the whole retry window, and emails the admins', async () => {
    const down = await new Receiver().start();
    down.statuses = [500];
    try {
      const endpoint = await createEndpoint(t, g.admin, down.url, ['candidate.created']);
      await g.candidate();
      await down.waitFor(1);
      const [row] = await deliveryRow(t, endpoint.id);
      const orgId = g.session.organization.id;
      await runClockUntil(t, orgId, row!.id, (n) => n >= WEBHOOK_MAX_ATTEMPTS);
      expect(down.received).toHaveLength(WEBHOOK_MAX_ATTEMPTS);
      const [after] = await deliveryRow(t, endpoint.id);
      expect(after).toMatchObject({ status: 'failed', attempts: WEBHOOK_MAX_ATTEMPTS });
      const got = await g.api.as(g.admin).call('getWebhook', { params: { id: endpoint.id } });
      expect(got).toMatchObject({ enabled: false, disabledReason: 'failing' });
      const mails = (await emailsOf(t, orgId)).filter((e) => e.kind === 'webhook_disabled');
      expect(mails.length).toBeGreaterThanOrEqual(1);
      expect(mails[0]!.to_address).toContain(g.admin.user.email);
      // Switched off: no new event is sent to it, and test events are refused until it is on again.
      await g.api
        .as(g.admin)
        .raw('sendTestWebhook', { params: { id: endpoint.id } })
        .expect(409);
    } finally {
      await down.close();
    }
  });
});

describe('retention: events older than WEBHOOK_RETENTION_DAYS (30) go, with their deliveries and attempts', () => {
  /** An event `daysAgo` old, with one delivery to `endpointId` in `status` (and an attempt unless pending), or none. */
  async function event(
    organizationId: string,
    endpointId: string,
    daysAgo: number,
    delivery: 'succeeded' | 'failed' | 'pending' | null,
  ): Promise<string> {
    const id = `msg_${randomUUID().replace(/-/g, '')}`;
    await t.db.query(
      `insert into webhook_events (organization_id, id, type, payload, occurred_at)
       values ($1, $2, 'candidate.created', '{}', now() - make_interval(days => $3))`,
      [organizationId, id, daysAgo],
    );
    if (delivery === null) return id;
    const [row] = (await t.db.query(
      `insert into webhook_deliveries (organization_id, endpoint_id, event_id, status, attempts, next_attempt_at, created_at)
       values ($1, $2, $3, $4, $5, case when $4 = 'pending' then now() + interval '1 hour' end,
               now() - make_interval(days => $6))
       returning id`,
      [organizationId, endpointId, id, delivery, delivery === 'pending' ? 0 : 1, daysAgo],
    )) as { id: string }[];
    if (delivery !== 'pending') {
      await t.db.query(
        `insert into webhook_delivery_attempts (organization_id, delivery_id, attempt, attempted_at, succeeded, duration_ms)
         values ($1, $2, 1, now() - make_interval(days => $3), $4, 12)`,
        [organizationId, row!.id, daysAgo, delivery === 'succeeded'],
      );
    }
    return id;
  }

  async function left(organizationId: string) {
    const [row] = (await t.db.query(
      `select (select array_agg(id order by id) from webhook_events where organization_id = $1) as events,
              (select count(*)::int from webhook_deliveries where organization_id = $1) as deliveries,
              (select count(*)::int from webhook_delivery_attempts where organization_id = $1) as attempts`,
      [organizationId],
    )) as { events: string[] | null; deliveries: number; attempts: number }[];
    return row!;
  }

  it('deletes settled events past 30 days in every organization, keeps recent ones and any with a delivery pending', async () => {
    const [g, other] = [await given(t, 'Retention Co'), await given(t, 'Retention Elsewhere Co')];
    const ours = await createEndpoint(t, g.admin, 'http://127.0.0.1:9/hooks');
    const theirs = await createEndpoint(t, other.admin, 'http://127.0.0.1:9/hooks');
    const org = g.session.organization.id;
    const otherOrg = other.session.organization.id;
    await event(org, ours.id, 40, 'succeeded');
    await event(org, ours.id, 31, 'failed');
    await event(org, ours.id, 45, null);
    const pending = await event(org, ours.id, 40, 'pending');
    const recent = await event(org, ours.id, 29, 'failed');
    await event(otherOrg, theirs.id, 60, 'succeeded');
    const theirRecent = await event(otherOrg, theirs.id, 1, 'succeeded');

    // Two per statement: our organization's three take two statements.
    const deleted = await t.app.get(WebhookSweepService).sweep(2);

    expect(await left(org)).toEqual({ events: [pending, recent].sort(), deliveries: 2, attempts: 1 });
    expect(await left(otherOrg)).toEqual({ events: [theirRecent], deliveries: 1, attempts: 1 });
    expect(deleted).toBe(4);
    // A second sweep finds nothing more.
    expect(await t.app.get(WebhookSweepService).sweep()).toBe(0);
  });
});

describe('SSRF rules in production mode (WEBHOOK_ALLOW_PRIVATE=false)', () => {
  const prod = useTestApp({ JOB_POLL_SECONDS: '0.5', WEBHOOK_ALLOW_PRIVATE: 'false' });
  let pg: Given;

  beforeAll(async () => {
    pg = await given(prod, 'Prod Org', { recruiter: false });
  });

  it.each([
    ['http://hooks.example.com/x', 'must use https'],
    ['https://127.0.0.1/x', '127.0.0.1 is not a public address'],
    ['https://10.0.0.7/x', '10.0.0.7 is not a public address'],
    ['https://169.254.169.254/latest/meta-data', '169.254.169.254 is not a public address'],
    ['https://[::1]/x', '::1 is not a public address'],
  ])('refuses %s with a 422 problem', async (url, detail) => {
    const res = await pg.api
      .as(pg.admin)
      .raw('createWebhook', { body: { url, events: ['candidate.created'] } })
      .expect(422);
    expect(res.body).toMatchObject({ code: 'webhook_url_refused', detail: expect.stringContaining(detail) });
  });

  it('refuses a host name that resolves to loopback at delivery time, after DNS', async () => {
    const created = await createEndpoint(prod, pg.admin, `https://localhost:${receiver.port}/hooks`, [
      'candidate.created',
    ]);
    await pg.api
      .as(pg.admin)
      .raw('updateWebhook', { params: { id: created.id }, body: { url: 'http://localhost/x' } })
      .expect(422);
    const before = receiver.received.length;
    await pg.api.as(pg.admin).call('sendTestWebhook', { params: { id: created.id } });
    const until = Date.now() + 15_000;
    let log = await pg.api.as(pg.admin).call('listWebhookDeliveries', { params: { id: created.id }, query: {} });
    while (log.items[0]!.attempts === 0 && Date.now() < until) {
      await new Promise((r) => setTimeout(r, 100));
      log = await pg.api.as(pg.admin).call('listWebhookDeliveries', { params: { id: created.id }, query: {} });
    }
    expect(log.items[0]).toMatchObject({
      attempts: 1,
      status: 'pending',
      responseCode: null,
      error: expect.stringMatching(/^address refused: (127\.0\.0\.1|::1) is not public$/),
    });
    expect(receiver.received.length).toBe(before);
  });
});
