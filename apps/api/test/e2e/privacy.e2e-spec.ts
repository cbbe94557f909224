import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  Calibration,
  Candidate,
  CandidateExport,
  Comparison,
  Debrief,
  PipelineAnalytics,
  type Application,
  type AuthSession,
  type Interview,
  type Scorecard,
  type Stage,
} from '@scorecard/contracts';
import { bearer, signup, type FocusedOpening } from '../support/factories.js';
import { flagOf, given, scorecardContent, type Given, type Member, type ScorecardContent } from '../support/given.js';
import { useTestApp } from '../support/test-app.js';

const t = useTestApp();
let g: Given;
let admin: AuthSession;
let recruiter: Member, hm: Member, ana: Member, ben: Member, carl: Member;
let opening: FocusedOpening;
let other: AuthSession;

const NOOR = { name: 'Noor Haddad', email: `noor.haddad-${Date.now()}@example.test` };
const LENA = { name: 'Lena Park', email: `lena.park-${Date.now()}@example.test` };

/** Noor, her application and its people, arranged once in `beforeAll`. */
let noorId: string;
let noorApp: Application;
let lenaId: string;
let lenaApp: Application;
let anaCard: Scorecard;
let benVoidCardId: string;
let carlDraftId: string;
let otherNoorId: string;
let otherImportId: string;

const api = (token: string) => ({
  get: (path: string) => t.http().get(path).set(bearer(token)),
  post: (path: string, body: object) => t.http().post(path).set(bearer(token)).send(body),
  put: (path: string, body: object) => t.http().put(path).set(bearer(token)).send(body),
  patch: (path: string, body: object) => t.http().patch(path).set(bearer(token)).send(body),
});

const pick = <T extends object, K extends keyof T>(o: T, keys: K[]) =>
  Object.fromEntries(keys.map((k) => [k, o[k]])) as Pick<T, K>;

const exportOf = (token: string, id: string) => api(token).get(`/api/v1/candidates/${id}/export`);
const erase = (token: string, id: string, confirm: string) =>
  api(token).post(`/api/v1/candidates/${id}/erase`, { confirm });

/** Creates candidates through a committed CSV import; answers the import's id. */
async function importCandidates(token: string, rows: Record<string, string>[]): Promise<string> {
  const imp = await api(token).post('/api/v1/candidate-imports', {}).expect(201);
  await api(token)
    .post(`/api/v1/candidate-imports/${imp.body.id}/rows`, { rows: rows.map((values, i) => ({ row: i + 1, values })) })
    .expect(200);
  await api(token).post(`/api/v1/candidate-imports/${imp.body.id}/commit`, {}).expect(200);
  return imp.body.id as string;
}

async function candidateIdByEmail(token: string, email: string): Promise<string> {
  const res = await api(token)
    .get(`/api/v1/candidates?q=${encodeURIComponent(email)}`)
    .expect(200);
  return res.body.items[0].id as string;
}

const apply = (candidateId: string) => g.application({ candidate: { id: candidateId } });
const move = (a: Application, to: Stage, note = '') => g.move(a, { to, note });
const schedule = (application: string, interviewer: Member) => g.scheduledInterview({ application, interviewer });

const concern = () => flagOf(opening, 'concern');

/** A complete scorecard: every focus criterion rated (1 to 4 in turn) with `evidence`, and a concern. */
const content = (evidence: (n: number) => string, flagEvidence: string, over: Partial<ScorecardContent> = {}) =>
  scorecardContent(opening, {
    ratings: opening.focus
      .flatMap((c) => c.criteria)
      .map((c, n) => ({ criterionKey: c.key, rating: ((n % 4) + 1) as 1 | 2 | 3 | 4, evidence: evidence(n) })),
    redFlags: [{ flagKey: concern().key, evidence: flagEvidence }],
    summary: 'A grounded lead.',
    ...over,
  });

const submit = (interviewer: Member, scorecard: string, body: Partial<ScorecardContent>) =>
  g.submittedScorecard({ interviewer, scorecard, content: body });

beforeAll(async () => {
  g = await given(t, 'Privacy Co');
  admin = g.session;
  recruiter = g.recruiter;
  hm = await g.member({ role: 'hiring_manager' });
  [ana, ben, carl] = (await g.members(3)) as [Member, Member, Member];
  opening = await g.opening({ title: 'Tech Lead, Privacy' });
  other = await signup(t, 'Elsewhere Co');

  // Noor arrives through a CSV import, with her details and notes that name her.
  await importCandidates(recruiter.token, [
    {
      name: NOOR.name,
      email: NOOR.email,
      source: 'Referral',
      phone: '+351 912 345 678',
      location: 'Lisbon',
      currentTitle: 'Staff Engineer',
      currentCompany: 'Acme Payments',
      linkedin: 'https://www.linkedin.com/in/noor-haddad',
      github: 'https://github.com/noorh',
      notes: 'Noor prefers calls after 4pm. Haddad family relocating.',
      tags: 'noor-referral; payments',
      desiredCodingSharePct: '40',
      desiredCareerPath: 'technical',
      compensationCurrency: 'EUR',
      compensationAmount: '95000',
    },
  ]);
  noorId = await candidateIdByEmail(recruiter.token, NOOR.email);
  // A recruiter later edits her (sending the whole form, as the web app does), and someone tries
  // to import her again (the row is staged with an error).
  const c = (await api(recruiter.token).get(`/api/v1/candidates/${noorId}`).expect(200)).body as Candidate;
  await api(recruiter.token)
    .patch(`/api/v1/candidates/${noorId}`, {
      ...pick(c, ['name', 'email', 'phone', 'currentTitle', 'currentCompany', 'links', 'source', 'internal']),
      ...pick(c, ['signals', 'desiredCareerPath', 'desiredCodingSharePct', 'compensationExpectation', 'notes']),
      ...pick(c, ['tags', 'revision']),
      location: 'Porto',
    })
    .expect(200);
  const again = await api(recruiter.token).post('/api/v1/candidate-imports', {}).expect(201);
  await api(recruiter.token)
    .post(`/api/v1/candidate-imports/${again.body.id}/rows`, {
      rows: [{ row: 1, values: { name: 'N. Haddad', email: NOOR.email, source: 'LinkedIn' } }],
    })
    .expect(200);

  const lena = await api(recruiter.token)
    .post('/api/v1/candidates', { ...LENA, source: 'linkedin', notes: 'Lena Park asked about the team.' })
    .expect(201);
  lenaId = lena.body.id as string;

  // Noor's application: notes, a submitted-then-amended scorecard, a void draft, a pending draft, a decision.
  noorApp = await move(await apply(noorId), 'screen', 'Phone screen: Noor was clear about what she wants.');
  noorApp = await move(noorApp, 'interviews');
  const anaInterview = await schedule(noorApp.id, ana);
  const first = await submit(
    ana,
    anaInterview.scorecard!.id,
    content(
      (n) =>
        n === 0 ? 'Noor Haddad walked through the payments migration she led.' : `Point ${n}: HADDAD explained it.`,
      'Noor only talked about her own code at first.',
      { summary: 'Noor is a grounded lead.', notes: 'My own notes on Noor.' },
    ),
  );
  anaCard = (
    await api(ana.token)
      .post(`/api/v1/scorecards/${first.id}/amendments`, {
        ...content(
          (n) => (n === 0 ? 'Noor led the migration; numbers checked with her reference.' : `Point ${n}.`),
          'Talked only about their own code at first.',
          { summary: 'On reflection: a grounded lead.', notes: 'Noor’s reference confirmed it.' },
        ),
        reason: `Noor Haddad's reference (${NOOR.email}) arrived.`,
        revision: first.revision,
      })
      .expect(200)
  ).body as Scorecard;
  const benInterview = await schedule(noorApp.id, ben);
  await g.savedScorecard({
    interviewer: ben,
    scorecard: benInterview.scorecard!,
    content: content(() => 'Draft: Noor seemed nervous.', 'Noor hesitated.', { summary: 'Noor needs a second look.' }),
  });
  benVoidCardId = benInterview.scorecard!.id;
  // Handing Ben's interview to Carl voids Ben's draft (kept) and gives Carl a draft he has not filled.
  const handedOver = await api(recruiter.token)
    .patch(`/api/v1/interviews/${benInterview.id}`, { interviewerId: carl.user.id, revision: benInterview.revision })
    .expect(200);
  carlDraftId = (handedOver.body as Interview).scorecard!.id;
  noorApp = await move(noorApp, 'debrief', 'Ready for the debrief with Noor’s panel.');
  await api(admin.token)
    .post(`/api/v1/applications/${noorApp.id}/decisions`, {
      decision: 'hold',
      rationale: `Hold until Noor Haddad confirms her notice period (write to ${NOOR.email}).`,
      revision: noorApp.revision,
    })
    .expect(201);

  // Lena, on the same opening, scored by Ana too (for the comparison and calibration).
  lenaApp = await move(await move(await apply(lenaId), 'screen'), 'interviews');
  const lenaInterview = await schedule(lenaApp.id, ana);
  await submit(
    ana,
    lenaInterview.scorecard!.id,
    content(() => 'Lena Park explained her design.', 'Lena hesitated.'),
  );
  lenaApp = await move(lenaApp, 'debrief');

  // Another organization has its own Noor Haddad, with the same email, imported too.
  otherImportId = await importCandidates(other.token, [
    { name: NOOR.name, email: NOOR.email, source: 'GitHub', notes: 'Noor Haddad, met at a conference.' },
  ]);
  otherNoorId = await candidateIdByEmail(other.token, NOOR.email);
});

/**
 * Every text, varchar, json, jsonb and text[] column of every table in the database, searched for
 * each needle (case-insensitive): the `table.column`s where one occurs. Tenant tables are searched
 * within `organizationId` (another organization may hold its own person of the same name); the
 * others whole.
 */
async function scan(needles: string[], organizationId: string): Promise<string[]> {
  const columns: { table_name: string; column_name: string; tenant: boolean }[] = await t.db.query(
    `select c.table_name, c.column_name,
            exists (select 1 from information_schema.columns o
                     where o.table_schema = c.table_schema and o.table_name = c.table_name
                       and o.column_name = 'organization_id') as tenant
       from information_schema.columns c
       join information_schema.tables tb on tb.table_schema = c.table_schema and tb.table_name = c.table_name
      where c.table_schema = 'public' and tb.table_type = 'BASE TABLE'
        and (c.data_type in ('text', 'character varying', 'character', 'json', 'jsonb')
             or (c.data_type = 'ARRAY' and c.udt_name in ('_text', '_varchar')))
      order by c.table_name, c.column_name`,
  );
  expect(columns.length).toBeGreaterThan(30);
  const patterns = needles.map((n) => `%${n.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`);
  const hits: string[] = [];
  for (const { table_name: table, column_name: column, tenant } of columns) {
    const scope = tenant ? 'organization_id = $2' : table === 'organizations' ? 'id = $2' : null;
    const [row]: { n: number }[] = await t.db.query(
      `select count(*)::int as n from "${table}" where "${column}"::text ilike any($1::text[])${scope ? ` and ${scope}` : ''}`,
      scope ? [patterns, organizationId] : [patterns],
    );
    if (row!.n > 0) hits.push(`${table}.${column}`);
  }
  return hits;
}

const NEEDLES = [NOOR.name, NOOR.email, 'noor', 'haddad'];

/** A response without the free text erasing may rewrite (and without the candidate's details): its figures. */
function figures(value: unknown): unknown {
  const TEXT = new Set(['candidate', 'evidence', 'summary', 'notes', 'rationale', 'reason']);
  if (Array.isArray(value)) return value.map(figures);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([k]) => !TEXT.has(k))
        .map(([k, v]) => [k, figures(v)]),
    );
  }
  return value;
}

async function reports() {
  const [debrief, comparison, calibration, pipeline] = await Promise.all([
    api(admin.token).get(`/api/v1/applications/${noorApp.id}/debrief`).expect(200),
    api(admin.token)
      .get(`/api/v1/openings/${opening.id}/comparison?applicationIds=${noorApp.id},${lenaApp.id}`)
      .expect(200),
    api(admin.token).get(`/api/v1/analytics/calibration?openingId=${opening.id}`).expect(200),
    api(admin.token).get(`/api/v1/analytics/pipeline?openingId=${opening.id}`).expect(200),
  ]);
  return {
    debrief: Debrief.parse(debrief.body),
    comparison: Comparison.parse(comparison.body),
    calibration: Calibration.parse(calibration.body),
    pipeline: PipelineAnalytics.parse(pipeline.body),
  };
}

/** Polls until `check` holds (failing after a generous while, for a busy machine). */
async function eventually(check: () => boolean, what: string): Promise<void> {
  for (const deadline = Date.now() + 15_000; !check(); await new Promise((r) => setTimeout(r, 20))) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
  }
}

/** Opens the admin's live stream of a debrief (`event data` per event received) once it is ready. */
async function openDebriefStream(applicationId: string): Promise<{ events: string[]; close(): void }> {
  if (!t.app.getHttpServer().listening) await t.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = t.app.getHttpServer().address() as AddressInfo;
  const events: string[] = [];
  const req = http.get(
    `http://127.0.0.1:${port}/api/v1/applications/${applicationId}/debrief/events`,
    { headers: { accept: 'text/event-stream', ...bearer(admin.token) } },
    (res) => {
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          if (event) events.push(`${event} ${/^data: (.*)$/m.exec(block)?.[1] ?? ''}`.trim());
        }
      });
    },
  );
  req.on('error', () => undefined);
  await eventually(() => events.some((e) => e.startsWith('ready')), 'the debrief stream to be ready');
  return { events, close: () => req.destroy() };
}

/** The export without what changes from one export to the next (when, and the audit of exports themselves). */
const stableExport = (e: CandidateExport) => ({ ...e, exportedAt: null, auditEvents: null });

describe('exporting a candidate', () => {
  it('gives an admin everything held about the candidate as a JSON download named after them', async () => {
    const res = await exportOf(admin.token, noorId).expect(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="candidate-${noorId}.json"`);
    expect(res.headers['cache-control']).toBe('no-store');
    const e = CandidateExport.parse(res.body);

    expect(e).toMatchObject({
      format: 'scorecard.candidate-export.v1',
      exportedBy: { id: admin.user.id },
      organization: { id: admin.organization.id, name: 'Privacy Co' },
    });
    expect(e.candidate).toMatchObject({
      id: noorId,
      name: NOOR.name,
      email: NOOR.email,
      phone: '+351 912 345 678',
      location: 'Porto',
      currentCompany: 'Acme Payments',
      links: { linkedin: 'https://www.linkedin.com/in/noor-haddad', github: 'https://github.com/noorh' },
      notes: 'Noor prefers calls after 4pm. Haddad family relocating.',
      tags: ['noor-referral', 'payments'],
      compensationExpectation: { currency: 'EUR', amountMinor: 9_500_000 },
      erasedAt: null,
    });

    expect(e.applications).toHaveLength(1);
    const [a] = e.applications;
    expect(a).toMatchObject({
      id: noorApp.id,
      opening: { id: opening.id, title: 'Tech Lead, Privacy' },
      stage: 'debrief',
    });
    expect(a!.moves.map((m) => [m.from, m.to, m.note])).toEqual([
      [null, 'applied', ''],
      ['applied', 'screen', 'Phone screen: Noor was clear about what she wants.'],
      ['screen', 'interviews', ''],
      ['interviews', 'debrief', 'Ready for the debrief with Noor’s panel.'],
    ]);
    expect(a!.interviews).toHaveLength(2);
    const handedOver = a!.interviews.find((i) => i.interviewer.id === carl.user.id)!;
    expect(handedOver.assignments.map((x) => x.interviewer.id)).toEqual([ben.user.id, carl.user.id]);

    // Every submitted scorecard, with ratings, evidence, flags and notes; never another person's
    // unsubmitted draft (Ben's voided one, Carl's pending one): independence holds in an export too.
    const byId = new Map(a!.scorecards.map((s) => [s.id, s]));
    expect(a!.scorecards.map((s) => s.status).sort()).toEqual(['submitted']);
    expect(byId.has(benVoidCardId)).toBe(false);
    expect(byId.has(carlDraftId)).toBe(false);
    expect(JSON.stringify(e)).not.toContain('Draft: Noor seemed nervous.');
    const amended = byId.get(anaCard.id)!;
    expect(amended).toMatchObject({
      interviewer: { id: ana.user.id },
      status: 'submitted',
      summary: 'On reflection: a grounded lead.',
      notes: 'Noor’s reference confirmed it.',
      recommendation: 'yes',
    });
    expect(amended.ratings.map((r) => [r.criterionKey, r.rating])).toEqual(
      anaCard.ratings.map((r) => [r.criterionKey, r.rating]),
    );
    expect(amended.ratings[0]).toMatchObject({
      evidence: 'Noor led the migration; numbers checked with her reference.',
      criterion: opening.focus[0]!.criteria[0]!.title,
      competency: opening.focus[0]!.name,
    });
    expect(amended.redFlags).toEqual([
      {
        flagKey: concern().key,
        description: concern().description,
        severity: 'concern',
        evidence: 'Talked only about their own code at first.',
      },
    ]);
    expect(amended.amendments).toHaveLength(1);
    expect(amended.amendments[0]).toMatchObject({
      by: { id: ana.user.id },
      reason: `Noor Haddad's reference (${NOOR.email}) arrived.`,
      original: expect.objectContaining({ summary: 'Noor is a grounded lead.' }),
    });
    expect(JSON.stringify(amended.amendments[0]!.original)).toContain(
      'Noor Haddad walked through the payments migration',
    );

    expect(a!.decisions).toEqual([
      expect.objectContaining({
        decision: 'hold',
        rationale: `Hold until Noor Haddad confirms her notice period (write to ${NOOR.email}).`,
        by: { id: admin.user.id, name: admin.user.name },
      }),
    ]);

    // The committed import row that created her, and the staged row that tried to import her again.
    expect(e.importRows.map((r) => [r.importStatus, r.row, r.email])).toEqual([
      ['committed', 1, NOOR.email],
      ['staging', 1, NOOR.email],
    ]);
    expect(e.importRows[0]!.candidate).toMatchObject({ name: NOOR.name, phone: '+351 912 345 678' });
    expect(e.importRows[1]!.errors).toEqual([expect.objectContaining({ path: 'email' })]);

    // Audit events about her, her application and its scorecards.
    const actions = new Set(e.auditEvents.map((x) => `${x.action} ${x.entityType}`));
    for (const expected of [
      'updateCandidate candidate',
      'createApplication application',
      'moveApplication application',
      'scheduleInterview application',
      'submitScorecard scorecard',
      'amendScorecard scorecard',
      'decide application',
    ]) {
      expect(actions).toContain(expected);
    }
    const subjects = new Set([noorId, noorApp.id, ...a!.interviews.map((i) => i.id), ...byId.keys()]);
    for (const x of e.auditEvents) expect(subjects).toContain(x.entityId);
  });

  it('holds nothing of other candidates or of other organizations', async () => {
    const body = JSON.stringify((await exportOf(admin.token, noorId).expect(200)).body);
    for (const foreign of [
      lenaId,
      lenaApp.id,
      LENA.name,
      LENA.email,
      'Lena Park explained her design.',
      otherNoorId,
      otherImportId,
      other.organization.id,
      'Elsewhere Co',
      'met at a conference',
    ]) {
      expect(body).not.toContain(foreign);
    }
  });

  it('is recorded in the audit log as a read of the candidate', async () => {
    const res = await exportOf(admin.token, noorId).expect(200);
    const [row]: { actor_user_id: string; entity_type: string; request_id: string }[] = await t.db.query(
      `select actor_user_id, entity_type, request_id from audit_events
        where organization_id = $1 and action = 'exportCandidate' and entity_id = $2
        order by occurred_at desc limit 1`,
      [admin.organization.id, noorId],
    );
    expect(row).toMatchObject({ actor_user_id: admin.user.id, entity_type: 'candidate' });
    expect(res.headers['x-request-id']).toBe(row!.request_id);
  });

  it('is refused to an admin with their own draft on the candidate’s application, saying why, and shows them everything once it is submitted', async () => {
    // An admin on the panel, scorecard still a draft, while a colleague's scorecard is submitted.
    const panelAdmin = await g.member({ role: 'admin', name: 'Pat Panel-Admin' });
    const application = await g.application({
      opening,
      candidate: { name: 'Rae Rivera' },
      stages: ['screen', 'interviews'],
    });
    const colleague = await g.submittedScorecard({ application, interviewer: ana });
    const own = await g.savedScorecard({ application, interviewer: panelAdmin });

    const refused = await exportOf(panelAdmin.token, application.candidate.id).expect(403);
    expect(refused.body).toMatchObject({
      code: 'forbidden',
      detail: expect.stringMatching(/scorecard draft for this candidate/),
    });
    expect(refused.headers['content-disposition']).toBeUndefined();
    // The debrief says the same: the rule is one rule.
    await t.http().get(`/api/v1/applications/${application.id}/debrief`).set(bearer(panelAdmin.token)).expect(403);
    // Another admin, not on the panel, exports it: without the panel admin's draft.
    const byOther = CandidateExport.parse((await exportOf(admin.token, application.candidate.id).expect(200)).body);
    expect(byOther.applications[0]!.scorecards.map((c) => c.id)).toEqual([colleague.id]);

    await g.submittedScorecard({ application, interviewer: panelAdmin, scorecard: own, revision: own.revision });
    const allowed = CandidateExport.parse(
      (await exportOf(panelAdmin.token, application.candidate.id).expect(200)).body,
    );
    expect(allowed.applications[0]!.scorecards.map((c) => c.id).sort()).toEqual([colleague.id, own.id].sort());
  });

  it('is for admins only: 403 to recruiters, hiring managers and interviewers; 404 for another organization’s candidate', async () => {
    for (const token of [recruiter.token, hm.token, ana.token]) {
      const res = await exportOf(token, noorId).expect(403);
      expect(res.body.code).toBe('forbidden');
      expect(res.headers['content-disposition']).toBeUndefined();
    }
    await exportOf(admin.token, otherNoorId).expect(404);
    await exportOf(other.token, noorId).expect(404);
    await exportOf(admin.token, '00000000-0000-4000-8000-000000000000').expect(404);
  });
});

describe('erasing a candidate', () => {
  it('is for admins only (403 to others) and answers 404 for another organization’s candidate, erasing nothing', async () => {
    for (const token of [recruiter.token, hm.token, ana.token]) {
      expect((await erase(token, noorId, NOOR.name).expect(403)).body.code).toBe('forbidden');
    }
    await erase(admin.token, otherNoorId, NOOR.name).expect(404);
    await erase(other.token, noorId, NOOR.name).expect(404);
    const [noor, otherNoor] = await Promise.all([
      api(admin.token).get(`/api/v1/candidates/${noorId}`).expect(200),
      api(other.token).get(`/api/v1/candidates/${otherNoorId}`).expect(200),
    ]);
    expect([noor.body.name, noor.body.erasedAt]).toEqual([NOOR.name, null]);
    expect([otherNoor.body.name, otherNoor.body.erasedAt]).toEqual([NOOR.name, null]);
  });

  it.each([
    ['another name', 'Lena Park'],
    ['the name in other letter case', 'noor haddad'],
    ['only the first name', 'Noor'],
  ])('refuses a confirmation that is %s (400 naming the field) and changes nothing', async (_label, confirm) => {
    const before = CandidateExport.parse((await exportOf(admin.token, noorId).expect(200)).body);
    const res = await erase(admin.token, noorId, confirm).expect(400);
    expect(res.body).toMatchObject({
      code: 'validation_failed',
      detail: 'The name typed does not match the candidate’s: nothing was erased.',
      errors: [{ path: 'confirm', message: 'Type the candidate’s full name exactly as it is shown.' }],
    });
    const after = CandidateExport.parse((await exportOf(admin.token, noorId).expect(200)).body);
    expect(stableExport(after)).toEqual(stableExport(before));
  });

  it('refuses an empty confirmation (400) before looking at the candidate', async () => {
    const res = await erase(admin.token, noorId, '   ').expect(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ path: 'confirm' })]);
  });

  describe('once confirmed with the full name', () => {
    let before: Awaited<ReturnType<typeof reports>>;
    let hitsBefore: string[];
    let erased: Candidate;

    let debriefStream: { events: string[]; close(): void };

    beforeAll(async () => {
      before = await reports();
      hitsBefore = await scan(NEEDLES, admin.organization.id);
      debriefStream = await openDebriefStream(noorApp.id);
      // Surrounding spaces do not matter; the name itself must match exactly.
      const res = await erase(admin.token, noorId, `  ${NOOR.name} `).expect(200);
      erased = Candidate.parse(res.body);
    });

    afterAll(() => debriefStream.close());

    it('tells a debrief open on their application to read itself again', async () => {
      await eventually(() => debriefStream.events.includes('changed {"kind":"resync"}'), 'a resync event');
    });

    it('found the candidate in every kind of free text beforehand (the scan below is not blind)', () => {
      expect(hitsBefore).toEqual(
        expect.arrayContaining([
          'application_decisions.rationale',
          'application_moves.note',
          'candidate_import_rows.candidate',
          'candidate_import_rows.email',
          'candidate_tags.tag',
          'candidates.email',
          'candidates.links',
          'candidates.name',
          'candidates.notes',
          'scorecard_amendments.original',
          'scorecard_amendments.reason',
          'scorecard_ratings.evidence',
          'scorecard_red_flags.evidence',
          'scorecards.notes',
          'scorecards.summary',
        ]),
      );
    });

    it('answers the candidate as "Erased candidate", with no contact details, keeping what statistics use', () => {
      expect(erased).toMatchObject({
        id: noorId,
        name: 'Erased candidate',
        email: `erased+${noorId}@invalid`,
        phone: '',
        location: '',
        currentTitle: '',
        currentCompany: '',
        links: { linkedin: '', github: '', blog: '', talks: '' },
        signals: [],
        compensationExpectation: null,
        notes: '',
        tags: [],
        source: 'referral',
        desiredCareerPath: 'technical',
        desiredCodingSharePct: 40,
        applications: [{ id: noorApp.id, stage: 'debrief' }],
      });
      expect(erased.erasedAt).not.toBeNull();
    });

    it('leaves neither the name nor the email in any text, varchar, json or text[] column of any table', async () => {
      expect(await scan(NEEDLES, admin.organization.id)).toEqual([]);
    });

    it('replaces each mention in free text by "[erased]" and keeps the rest of the text', async () => {
      const [rating]: { evidence: string }[] = await t.db.query(
        `select evidence from scorecard_ratings where scorecard_id = $1 and criterion_key = $2`,
        [anaCard.id, anaCard.ratings[0]!.criterionKey],
      );
      expect(rating!.evidence).toBe('[erased] led the migration; numbers checked with her reference.');
      const [amendment]: { reason: string; original: { summary: string } }[] = await t.db.query(
        `select reason, original from scorecard_amendments where scorecard_id = $1`,
        [anaCard.id],
      );
      expect(amendment!.reason).toBe(`[erased]'s reference ([erased]) arrived.`);
      expect(amendment!.original.summary).toBe('[erased] is a grounded lead.');
      const [decision]: { rationale: string; decision: string }[] = await t.db.query(
        `select rationale, decision from application_decisions where application_id = $1`,
        [noorApp.id],
      );
      expect(decision).toEqual({
        decision: 'hold',
        rationale: 'Hold until [erased] confirms her notice period (write to [erased]).',
      });
    });

    it('deletes the import rows that carried the email, in this organization only', async () => {
      const rows: { organization_id: string }[] = await t.db.query(
        `select organization_id from candidate_import_rows where email = $1 or candidate ->> 'email' = $1`,
        [NOOR.email],
      );
      expect(rows).toEqual([{ organization_id: other.organization.id }]);
    });

    it('keeps every figure of the debrief, the comparison, calibration and pipeline analytics', async () => {
      const after = await reports();
      expect(figures(after.debrief)).toEqual(figures(before.debrief));
      expect(figures(after.comparison)).toEqual(figures(before.comparison));
      expect(after.calibration).toEqual(before.calibration);
      expect(after.pipeline).toEqual(before.pipeline);
      // The comparison is not empty: both candidates with scores, the erased one by her new name.
      expect(after.comparison.rows.map((r) => [r.candidate.name, r.scorecards, r.overall.score !== null])).toEqual(
        expect.arrayContaining([
          ['Erased candidate', 1, true],
          [LENA.name, 1, true],
        ]),
      );
      expect(after.comparison.rows.map((r) => r.candidate.source).sort()).toEqual(
        before.comparison.rows.map((r) => r.candidate.source).sort(),
      );
      expect(after.debrief.application.candidate).toEqual({
        id: noorId,
        name: 'Erased candidate',
        currentTitle: '',
        currentCompany: '',
      });
      expect(after.debrief.tally).toEqual(before.debrief.tally);
      expect(after.debrief.redFlags.map((f) => f.seenBy.map((s) => s.evidence))).toEqual([
        ['Talked only about their own code at first.'],
      ]);
    });

    it('shows "Erased candidate" in lists and in an interviewer’s interviews', async () => {
      const list = await api(recruiter.token).get('/api/v1/candidates?q=erased').expect(200);
      expect(list.body.items.map((c: { id: string; name: string }) => [c.id, c.name])).toEqual([
        [noorId, 'Erased candidate'],
      ]);
      const carlsInterviews = await api(carl.token).get('/api/v1/me/interviews').expect(200);
      expect(carlsInterviews.body.items.map((i: { candidate: { name: string } }) => i.candidate.name)).toEqual([
        'Erased candidate',
      ]);
    });

    it('does not touch other candidates, nor the namesake in another organization', async () => {
      const lena = (await api(admin.token).get(`/api/v1/candidates/${lenaId}`).expect(200)).body as Candidate;
      expect(lena).toMatchObject({ name: LENA.name, email: LENA.email, notes: 'Lena Park asked about the team.' });
      const otherNoor = (await api(other.token).get(`/api/v1/candidates/${otherNoorId}`).expect(200)).body as Candidate;
      expect(otherNoor).toMatchObject({
        name: NOOR.name,
        email: NOOR.email,
        notes: 'Noor Haddad, met at a conference.',
        erasedAt: null,
      });
    });

    it('a draft on their application open in a tab since before cannot save its old text back (409)', async () => {
      const res = await api(carl.token)
        .put(`/api/v1/scorecards/${carlDraftId}`, {
          ...content(() => 'Noor was great.', 'Noor hesitated.'),
          revision: 0,
        })
        .expect(409);
      expect(res.body.code).toBe('stale_revision');
    });

    it('a second erasure answers 409, whatever is typed', async () => {
      for (const confirm of [NOOR.name, 'Erased candidate']) {
        const res = await erase(admin.token, noorId, confirm).expect(409);
        expect(res.body.detail).toBe('This candidate’s personal data was already erased.');
      }
    });

    it('an erased candidate can no longer be edited (409) nor applied to an opening (409)', async () => {
      const res = await api(recruiter.token)
        .patch(`/api/v1/candidates/${noorId}`, { name: 'Noor Haddad', revision: erased.revision })
        .expect(409);
      expect(res.body).toMatchObject({
        code: 'invalid_transition',
        detail: 'This candidate’s personal data was erased: their record no longer changes.',
      });
      const second = await g.opening({ title: 'Second opening' });
      await api(recruiter.token)
        .post('/api/v1/applications', { candidateId: noorId, openingId: second.id })
        .expect(409);
      const [row]: { name: string }[] = await t.db.query(`select name from candidates where id = $1`, [noorId]);
      expect(row!.name).toBe('Erased candidate');
    });

    it('its export holds the anonymised record and the audit events of the export and the erasure', async () => {
      const e = CandidateExport.parse((await exportOf(admin.token, noorId).expect(200)).body);
      expect(e.candidate).toMatchObject({ name: 'Erased candidate', erasedAt: erased.erasedAt });
      expect(e.importRows).toEqual([]);
      const erasure = e.auditEvents.find((x) => x.action === 'eraseCandidate');
      expect(erasure).toMatchObject({
        entityType: 'candidate',
        entityId: noorId,
        actor: { id: admin.user.id },
        changedFields: ['confirm'],
      });
      expect(e.auditEvents.some((x) => x.action === 'exportCandidate')).toBe(true);
    });
  });
});

describe('the database still guards frozen rows after the privacy migration', () => {
  /** Runs `sql` in a transaction, optionally declaring an erasure first; the error message, or null. */
  async function attempt(sql: string, params: unknown[], erasing = false): Promise<string | null> {
    try {
      await t.db.transaction(async (m) => {
        if (erasing) await m.query(`select set_config('privacy.erasing', 'on', true)`);
        await m.query(sql, params);
      });
      return null;
    } catch (err) {
      return (err as Error).message;
    }
  }

  it('refuses an ordinary update of a submitted scorecard, its ratings and red flags, and of a decision', async () => {
    expect(await attempt(`update scorecards set summary = 'Rewritten' where id = $1`, [anaCard.id])).toBe(
      'a submitted scorecard cannot change',
    );
    expect(
      await attempt(`update scorecard_ratings set evidence = 'Rewritten' where scorecard_id = $1`, [anaCard.id]),
    ).toBe("only a draft scorecard's content can change");
    expect(await attempt(`update scorecard_red_flags set evidence = 'x' where scorecard_id = $1`, [anaCard.id])).toBe(
      "only a draft scorecard's content can change",
    );
    expect(
      await attempt(`update application_decisions set rationale = 'x' where application_id = $1`, [noorApp.id]),
    ).toBe('decisions are append-only');
  });

  it('while erasing, still refuses anything but the free text: ratings, ticks, recommendations, outcomes, deletes', async () => {
    const cases: [string, unknown[], string][] = [
      [`update scorecard_ratings set rating = 1 where scorecard_id = $1`, [anaCard.id], 'only a draft'],
      [`delete from scorecard_ratings where scorecard_id = $1`, [anaCard.id], 'only a draft'],
      [`delete from scorecard_red_flags where scorecard_id = $1`, [anaCard.id], 'only a draft'],
      [
        `insert into scorecard_red_flags (organization_id, scorecard_id, flag_key, evidence)
          select organization_id, id, gen_random_uuid(), 'x' from scorecards where id = $1`,
        [anaCard.id],
        'only a draft',
      ],
      [`update scorecards set recommendation = 'strong_no' where id = $1`, [anaCard.id], 'a submitted scorecard'],
      [
        `update scorecards set summary = 'x', revision = revision + 1 where id = $1`,
        [anaCard.id],
        'a submitted scorecard',
      ],
      [`update application_decisions set decision = 'hire' where application_id = $1`, [noorApp.id], 'append-only'],
      [`delete from application_decisions where application_id = $1`, [noorApp.id], 'append-only'],
    ];
    for (const [sql, params, message] of cases) {
      expect(await attempt(sql, params, true)).toContain(message);
    }
  });

  it('lets an erasure change only free text, and never an erased candidate again', async () => {
    expect(
      await attempt(`update scorecard_ratings set evidence = evidence where scorecard_id = $1`, [anaCard.id], true),
    ).toBeNull();
    expect(await attempt(`update candidates set notes = 'x' where id = $1`, [noorId], true)).toBe(
      'an erased candidate never changes',
    );
  });

  it('requires an erased candidate to be anonymous', async () => {
    expect(await attempt(`update candidates set erased_at = now() where id = $1`, [lenaId])).toContain(
      'candidates_erased_anonymous',
    );
  });
});
