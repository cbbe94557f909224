import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from '@jest/globals';
import {
  AUDITED_ACTIONS,
  auditEntityType,
  type AuditEvent,
  type AuditEventList,
  type AuthSession,
  type Candidate,
  type Endpoint,
  endpoints,
  isAudited,
} from '@scorecard/contracts';
import { EntityManager } from 'typeorm';
import { actionOf } from '../../src/modules/audit/audit-recorder.js';
import {
  addMember,
  bearer,
  openOpeningWithPlan,
  PASSWORD,
  rubricContent,
  signup,
  uniqueEmail,
} from '../support/factories.js';
import { useTestApp } from '../support/test-app.js';

interface Member {
  user: { id: string; name: string; email: string };
  token: string;
}

interface Row {
  organization_id: string;
  actor_user_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  changed_fields: string[];
  request_id: string | null;
}

const t = useTestApp();
let admin: AuthSession;
let recruiter: Member;
let elsewhere: AuthSession;

beforeAll(async () => {
  admin = await signup(t, 'Audit Co');
  recruiter = await addMember(t, admin, 'recruiter');
  elsewhere = await signup(t, 'Elsewhere Co');
});

/** A request id of our own, so a test can find exactly the events of one request. */
const rid = (label: string) => `audit-${label}-${randomUUID().slice(0, 8)}`;

async function eventsOf(requestId: string): Promise<Row[]> {
  return t.db.query(
    `select organization_id, actor_user_id, action, entity_type, entity_id, changed_fields, request_id
       from audit_events where request_id = $1`,
    [requestId],
  );
}

async function totalEvents(): Promise<number> {
  const [r]: { n: number }[] = await t.db.query(`select count(*)::int as n from audit_events`);
  return r!.n;
}

/** How many stored events contain `text` anywhere in any column. */
async function eventsMentioning(text: string): Promise<number> {
  const [r]: { n: number }[] = await t.db.query(
    `select count(*)::int as n from audit_events e where strpos(e::text, $1) > 0`,
    [text],
  );
  return r!.n;
}

async function createCandidate(token: string, name = 'Dana Audit'): Promise<Candidate> {
  const res = await t
    .http()
    .post('/api/v1/candidates')
    .set(bearer(token))
    .send({ name, email: uniqueEmail('dana'), source: 'referral' })
    .expect(201);
  return res.body as Candidate;
}

const list = (token: string, query: Record<string, string | number> = {}) =>
  t.http().get('/api/v1/audit-events').query(query).set(bearer(token));

describe('every successful write appends one audit event', () => {
  it('adding a user records the admin, createUser, the new user and the fields set, never the password', async () => {
    const requestId = rid('create-user');
    const password = `audit-secret-${randomUUID()}`;
    const email = uniqueEmail('audited');
    const res = await t
      .http()
      .post('/api/v1/users')
      .set(bearer(admin.token))
      .set('x-request-id', requestId)
      .send({ name: 'Ada Audited', email, role: 'interviewer', password })
      .expect(201);

    const rows = await eventsOf(requestId);
    expect(rows).toEqual([
      {
        organization_id: admin.organization.id,
        actor_user_id: admin.user.id,
        action: 'createUser',
        entity_type: 'user',
        entity_id: res.body.id,
        changed_fields: ['name', 'email', 'role'],
        request_id: requestId,
      },
    ]);
    // Field names only: neither the password nor any other value is stored anywhere.
    expect(await eventsMentioning(password)).toBe(0);
    expect(await eventsMentioning(email)).toBe(0);
    expect(await eventsMentioning('Ada Audited')).toBe(0);
  });

  it('an update records the entity from the path and only the fields the request sent', async () => {
    const candidate = await createCandidate(recruiter.token);
    const requestId = rid('update-candidate');
    await t
      .http()
      .patch(`/api/v1/candidates/${candidate.id}`)
      .set(bearer(recruiter.token))
      .set('x-request-id', requestId)
      .send({ currentTitle: 'Staff Engineer', links: { github: 'https://github.com/dana' }, revision: 0 })
      .expect(200);
    const [row, ...more] = await eventsOf(requestId);
    expect(more).toEqual([]);
    expect(row).toMatchObject({
      actor_user_id: recruiter.user.id,
      action: 'updateCandidate',
      entity_type: 'candidate',
      entity_id: candidate.id,
      changed_fields: ['currentTitle', 'links.github'],
    });
  });

  it('sign-up, sign-in and sign-out are writes too, by the user who signed up or in', async () => {
    const signupId = rid('signup');
    const email = uniqueEmail('founder');
    const created = await t
      .http()
      .post('/api/v1/auth/signup')
      .set('x-request-id', signupId)
      .send({ organizationName: 'Founded Co', name: 'Fay Founder', email, password: PASSWORD })
      .expect(201);
    const session = created.body as AuthSession;
    expect(await eventsOf(signupId)).toEqual([
      expect.objectContaining({
        organization_id: session.organization.id,
        actor_user_id: session.user.id,
        action: 'signup',
        entity_type: 'organization',
        entity_id: session.organization.id,
        changed_fields: ['organizationName', 'name', 'email'],
      }),
    ]);

    const loginId = rid('login');
    const login = await t
      .http()
      .post('/api/v1/auth/login')
      .set('x-request-id', loginId)
      .send({ email, password: PASSWORD })
      .expect(200);
    expect(await eventsOf(loginId)).toEqual([
      expect.objectContaining({
        organization_id: session.organization.id,
        actor_user_id: session.user.id,
        action: 'login',
        entity_type: 'session',
        changed_fields: ['email'],
      }),
    ]);

    const logoutId = rid('logout');
    await t
      .http()
      .post('/api/v1/auth/logout')
      .set(bearer((login.body as AuthSession).token))
      .set('x-request-id', logoutId)
      .expect(204);
    expect(await eventsOf(logoutId)).toEqual([
      expect.objectContaining({ actor_user_id: session.user.id, action: 'logout', entity_type: 'session' }),
    ]);
    // Tokens are never stored either.
    expect(await eventsMentioning(session.token)).toBe(0);
    expect(await eventsMentioning(PASSWORD)).toBe(0);
  });

  it('a read records nothing', async () => {
    const before = await totalEvents();
    await t.http().get('/api/v1/users').set(bearer(admin.token)).expect(200);
    await list(admin.token).expect(200);
    expect(await totalEvents()).toBe(before);
  });
});

describe('a refused write records nothing', () => {
  it.each([
    [
      '400: an invalid body',
      () => ({ token: admin.token, body: { name: '', email: 'not-an-email', role: 'owner', password: 'x' } }),
      400,
    ],
    [
      '403: a role that may not add users',
      () => ({
        token: recruiter.token,
        body: { name: 'Rex', email: uniqueEmail('rex'), role: 'admin', password: PASSWORD },
      }),
      403,
    ],
    [
      '409: an email already in use',
      () => ({
        token: admin.token,
        body: { name: 'Clone', email: admin.user.email, role: 'interviewer', password: PASSWORD },
      }),
      409,
    ],
  ])('%s', async (_name, make, status) => {
    const { token, body } = make();
    const before = await totalEvents();
    const requestId = rid(`refused-${status}`);
    await t.http().post('/api/v1/users').set(bearer(token)).set('x-request-id', requestId).send(body).expect(status);
    expect(await eventsOf(requestId)).toEqual([]);
    expect(await totalEvents()).toBe(before);
  });

  it('404: a change to something that is not in the organization', async () => {
    const before = await totalEvents();
    await t.http().patch(`/api/v1/users/${randomUUID()}`).set(bearer(admin.token)).send({ name: 'Nobody' }).expect(404);
    const other = await createCandidate(elsewhere.token);
    const afterOther = await totalEvents();
    expect(afterOther).toBe(before + 1);
    await t
      .http()
      .patch(`/api/v1/candidates/${other.id}`)
      .set(bearer(recruiter.token))
      .send({ notes: 'x', revision: 0 })
      .expect(404);
    expect(await totalEvents()).toBe(afterOther);
  });

  it('401: a sign-in with the wrong password', async () => {
    const before = await totalEvents();
    await t
      .http()
      .post('/api/v1/auth/login')
      .send({ email: admin.user.email, password: 'wrong-password-1' })
      .expect(401);
    expect(await totalEvents()).toBe(before);
  });
});

describe('coverage comes from the endpoint table', () => {
  const table = Object.entries(endpoints) as [string, Endpoint][];

  it('every operation that is not a GET is audited, and each resolves to its name and an entity type', () => {
    const writes = table.filter(([, e]) => e.method !== 'get');
    expect(writes.length).toBeGreaterThan(20);
    for (const [name, e] of writes) {
      expect(isAudited(e)).toBe(true);
      expect(actionOf(e)).toBe(name);
      expect(auditEntityType(e)).toMatch(/^[a-z][a-z_]*[a-z]$/);
      expect(auditEntityType(e)).not.toBe('unknown');
    }
    expect(AUDITED_ACTIONS.map((a) => a.action)).toEqual(expect.arrayContaining(writes.map(([name]) => name)));
  });

  it('a GET is audited only when the table flags it', () => {
    for (const [, e] of table.filter(([, x]) => x.method === 'get')) expect(isAudited(e)).toBe(e.audited === true);
  });

  it('the entity type is the collection the path’s :id belongs to, or one the table names', () => {
    expect(auditEntityType(endpoints.createCandidate)).toBe('candidate');
    expect(auditEntityType(endpoints.updateCandidate)).toBe('candidate');
    expect(auditEntityType(endpoints.moveApplication)).toBe('application');
    expect(auditEntityType(endpoints.scheduleInterview)).toBe('application');
    expect(auditEntityType(endpoints.saveRubricVersion)).toBe('rubric_version');
    expect(auditEntityType(endpoints.publishChecklistVersion)).toBe('red_flag_checklist_version');
    expect(auditEntityType(endpoints.commitCandidateImport)).toBe('candidate_import');
    expect(auditEntityType(endpoints.signup)).toBe('organization');
    expect(auditEntityType(endpoints.login)).toBe('session');
  });

  it('writes of different modules are each recorded by the one audit step', async () => {
    const candidateId = rid('c1');
    const c = await t
      .http()
      .post('/api/v1/candidates')
      .set(bearer(recruiter.token))
      .set('x-request-id', candidateId)
      .send({ name: 'Cory Covered', email: uniqueEmail('cory'), source: 'linkedin' })
      .expect(201);
    const rubricId = rid('r1');
    const r = await t
      .http()
      .post('/api/v1/rubrics')
      .set(bearer(admin.token))
      .set('x-request-id', rubricId)
      .send({ name: 'Audit rubric', content: rubricContent() })
      .expect(201);
    expect(await eventsOf(candidateId)).toEqual([
      expect.objectContaining({ action: 'createCandidate', entity_type: 'candidate', entity_id: c.body.id }),
    ]);
    expect(await eventsOf(rubricId)).toEqual([
      expect.objectContaining({
        action: 'createRubric',
        entity_type: 'rubric',
        entity_id: r.body.id,
        changed_fields: ['name', 'content.competencies'],
      }),
    ]);
  });

  it('no route changes or removes audit events', async () => {
    const auditRoutes = table.filter(([, e]) => e.path.startsWith('/api/v1/audit-events'));
    expect(auditRoutes.map(([, e]) => e.method)).toEqual(['get']);
    const [anyEvent]: { id: string }[] = await t.db.query(
      `select id from audit_events where organization_id = $1 limit 1`,
      [admin.organization.id],
    );
    for (const method of ['patch', 'put', 'delete'] as const) {
      await t.http()[method](`/api/v1/audit-events/${anyEvent!.id}`).set(bearer(admin.token)).send({}).expect(404);
    }
    await t.http().delete('/api/v1/audit-events').set(bearer(admin.token)).expect(404);
  });
});

describe('admins browse the audit log', () => {
  let mine: Candidate[];

  beforeAll(async () => {
    mine = [];
    for (let i = 0; i < 5; i++) mine.push(await createCandidate(recruiter.token, `Paged Person ${i}`));
  });

  it('newest first, with the actor’s name and email, in keyset pages that neither repeat nor skip', async () => {
    const seen: AuditEvent[] = [];
    let before: string | null = null;
    for (let guard = 0; guard < 20; guard++) {
      const query: Record<string, string | number> = {
        action: 'createCandidate',
        actor: recruiter.user.id,
        pageSize: 2,
      };
      if (before) query.before = before;
      const page = (await list(admin.token, query).expect(200)).body as AuditEventList;
      expect(page.items.length).toBeLessThanOrEqual(2);
      if (before) expect(page.newer).toBe(page.items[0]?.id ?? null);
      seen.push(...page.items);
      before = page.older;
      if (!before) break;
    }
    const ids = seen.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    const [{ n }] = (await t.db.query(
      `select count(*)::int as n from audit_events where organization_id = $1 and action = 'createCandidate' and actor_user_id = $2`,
      [admin.organization.id, recruiter.user.id],
    )) as [{ n: number }];
    expect(seen).toHaveLength(n);
    const times = seen.map((e) => e.occurredAt);
    expect([...times].sort().reverse()).toEqual(times);
    // The five just made are the newest five, newest first.
    expect(seen.slice(0, 5).map((e) => e.entityId)).toEqual(mine.map((c) => c.id).reverse());
    expect(seen[0]).toMatchObject({
      action: 'createCandidate',
      entityType: 'candidate',
      actor: { id: recruiter.user.id, name: recruiter.user.name, email: recruiter.user.email },
      changedFields: ['name', 'email', 'source'],
    });
  });

  it('after= pages back toward the newest', async () => {
    const query = { action: 'createCandidate', actor: recruiter.user.id, pageSize: 2 };
    const first = (await list(admin.token, query).expect(200)).body as AuditEventList;
    expect(first.newer).toBeNull();
    const second = (await list(admin.token, { ...query, before: first.older! }).expect(200)).body as AuditEventList;
    const back = (await list(admin.token, { ...query, after: second.newer! }).expect(200)).body as AuditEventList;
    expect(back.items.map((e) => e.id)).toEqual(first.items.map((e) => e.id));
    expect(back.newer).toBeNull();
    expect(back.older).toBe(first.older);
  });

  it('filters by entity, actor and time', async () => {
    const target = mine[2]!;
    await t
      .http()
      .patch(`/api/v1/candidates/${target.id}`)
      .set(bearer(admin.token))
      .send({ notes: 'Met at a meetup.', revision: target.revision })
      .expect(200);
    const byEntity = (await list(admin.token, { entityType: 'candidate', entityId: target.id }).expect(200))
      .body as AuditEventList;
    expect(byEntity.items.map((e) => [e.action, e.actor?.id])).toEqual([
      ['updateCandidate', admin.user.id],
      ['createCandidate', recruiter.user.id],
    ]);

    const byActor = (await list(admin.token, { actor: admin.user.id, pageSize: 100 }).expect(200))
      .body as AuditEventList;
    expect(byActor.items.length).toBeGreaterThan(0);
    expect(byActor.items.every((e) => e.actor?.id === admin.user.id)).toBe(true);

    const inRange = (await list(admin.token, { entityId: target.id, from: '2000-01-01', to: '2999-12-31' }).expect(200))
      .body as AuditEventList;
    expect(inRange.items).toHaveLength(2);
    const past = (await list(admin.token, { entityId: target.id, to: '2000-01-01' }).expect(200))
      .body as AuditEventList;
    expect(past.items).toEqual([]);
    const future = (await list(admin.token, { entityId: target.id, from: '2999-01-01T00:00:00Z' }).expect(200))
      .body as AuditEventList;
    expect(future.items).toEqual([]);
  });

  it('refuses malformed filters with field errors', async () => {
    const bad = await list(admin.token, { from: '2026-02-01', to: '2026-01-01' }).expect(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toEqual(['to']);
    await list(admin.token, { before: randomUUID(), after: randomUUID() }).expect(400);
    await list(admin.token, { actor: 'not-a-uuid' }).expect(400);
    await list(admin.token, { action: 'drop table' }).expect(400);
    await list(admin.token, { pageSize: 101 }).expect(400);
    await list(admin.token, { organizationId: elsewhere.organization.id }).expect(400);
  });

  it('only admins may list it', async () => {
    const refused = await list(recruiter.token).expect(403);
    expect(refused.body.code).toBe('forbidden');
    await t.http().get('/api/v1/audit-events').expect(401);
  });

  it('another organization’s events are invisible, whatever the filter or cursor', async () => {
    const theirs = (await list(elsewhere.token, { pageSize: 100 }).expect(200)).body as AuditEventList;
    expect(theirs.items.length).toBeGreaterThan(0);
    const [{ n }] = (await t.db.query(`select count(*)::int as n from audit_events where organization_id = $1`, [
      elsewhere.organization.id,
    ])) as [{ n: number }];
    expect(theirs.items).toHaveLength(n);
    expect(theirs.items.every((e) => e.actor === null || e.actor.id === elsewhere.user.id)).toBe(true);

    const ours = (await list(admin.token, { pageSize: 1 }).expect(200)).body as AuditEventList;
    const probe = ours.items[0]!;
    const probes: Record<string, string>[] = [
      { actor: recruiter.user.id },
      { entityId: mine[0]!.id },
      { before: probe.id },
      { after: probe.id },
    ];
    for (const query of probes) {
      const res = (await list(elsewhere.token, query).expect(200)).body as AuditEventList;
      expect(res.items).toEqual([]);
    }
  });
});

describe('the log names its targets', () => {
  // An organization of its own, so its openings use its built-in rubric and the checks see only these events.
  let owner: AuthSession;
  let hirer: Member;
  beforeAll(async () => {
    owner = await signup(t, 'Named Co');
    hirer = await addMember(t, owner, 'recruiter');
  });
  /** The newest event of `action` on `entityId`, as the admin's list shows it. */
  async function shown(entityId: string, action: string): Promise<AuditEvent> {
    const page = (await list(owner.token, { entityId, action }).expect(200)).body as AuditEventList;
    expect(page.items.length).toBeGreaterThan(0);
    return page.items[0]!;
  }

  it('a user by their name, a candidate by theirs (as it is now), an opening by its title', async () => {
    const added = await t
      .http()
      .post('/api/v1/users')
      .set(bearer(owner.token))
      .send({ name: 'Nia Named', email: uniqueEmail('nia'), role: 'interviewer', password: PASSWORD })
      .expect(201);
    await t
      .http()
      .patch(`/api/v1/users/${added.body.id}`)
      .set(bearer(owner.token))
      .send({ role: 'recruiter' })
      .expect(200);
    expect(await shown(added.body.id, 'createUser')).toMatchObject({ entityType: 'user', entityName: 'Nia Named' });
    expect(await shown(added.body.id, 'updateUser')).toMatchObject({ entityName: 'Nia Named' });

    const candidate = await createCandidate(hirer.token, 'Cleo Before');
    await t
      .http()
      .patch(`/api/v1/candidates/${candidate.id}`)
      .set(bearer(hirer.token))
      .send({ name: 'Cleo After', revision: candidate.revision })
      .expect(200);
    // Events store no names: the log reads today's, so an old event follows a rename.
    expect(await shown(candidate.id, 'createCandidate')).toMatchObject({ entityName: 'Cleo After' });

    const opening = await openOpeningWithPlan(t, owner, 'Named Opening');
    expect(await shown(opening.id, 'createOpening')).toMatchObject({
      entityType: 'opening',
      entityName: 'Named Opening',
    });
  });

  it('an application by its candidate and opening, an interview by its candidate and step', async () => {
    const opening = await openOpeningWithPlan(t, owner, 'Platform Lead');
    const candidate = await createCandidate(hirer.token, 'Ravi Applicant');
    const application = await t
      .http()
      .post('/api/v1/applications')
      .set(bearer(hirer.token))
      .send({ candidateId: candidate.id, openingId: opening.id })
      .expect(201);
    expect(await shown(application.body.id, 'createApplication')).toMatchObject({
      entityType: 'application',
      entityName: 'Ravi Applicant · Platform Lead',
    });
    const interview = await t
      .http()
      .post(`/api/v1/applications/${application.body.id}/interviews`)
      .set(bearer(hirer.token))
      .send({ stepKey: opening.steps[0]!.key, interviewerId: owner.user.id, startsAt: '2026-12-01T09:00:00Z' })
      .expect(201);
    await t
      .http()
      .post(`/api/v1/interviews/${interview.body.id}/cancel`)
      .set(bearer(hirer.token))
      .send({ revision: interview.body.revision })
      .expect(200);
    expect(await shown(interview.body.id, 'cancelInterview')).toMatchObject({
      entityType: 'interview',
      entityName: 'Ravi Applicant · System design',
    });
  });

  it('an erased candidate stays anonymous in every event about them, and their name appears nowhere in the log', async () => {
    const candidate = await createCandidate(hirer.token, 'Erin Forgotten');
    const opening = await openOpeningWithPlan(t, owner, 'Erasure Opening');
    const application = await t
      .http()
      .post('/api/v1/applications')
      .set(bearer(hirer.token))
      .send({ candidateId: candidate.id, openingId: opening.id })
      .expect(201);
    await t
      .http()
      .post(`/api/v1/candidates/${candidate.id}/erase`)
      .set(bearer(owner.token))
      .send({ confirm: 'Erin Forgotten' })
      .expect(200);
    const about = (await list(owner.token, { entityId: candidate.id }).expect(200)).body as AuditEventList;
    expect(about.items.map((e) => [e.action, e.entityName])).toEqual([
      ['eraseCandidate', 'Erased candidate'],
      ['createCandidate', 'Erased candidate'],
    ]);
    expect(await shown(application.body.id, 'createApplication')).toMatchObject({
      entityName: 'Erased candidate · Erasure Opening',
    });
    const everything = await list(owner.token, { pageSize: 100 }).expect(200);
    expect(JSON.stringify(everything.body)).not.toContain('Erin Forgotten');
  });

  it('a session has no name, and an id of another organization’s record is never named', async () => {
    const login = await t.http().post('/api/v1/auth/login').send({ email: hirer.user.email, password: PASSWORD });
    expect(login.status).toBe(200);
    const sessions = (await list(owner.token, { action: 'login', actor: hirer.user.id }).expect(200))
      .body as AuditEventList;
    expect(sessions.items[0]).toMatchObject({ entityType: 'session', entityName: null });

    // An event of ours that points at the other organization's candidate (written straight to the
    // table, as no request could): the join is scoped by organization, so it stays unnamed.
    const theirs = await createCandidate(elsewhere.token, 'Oskar Elsewhere');
    await t.db.query(
      `insert into audit_events (organization_id, actor_user_id, action, entity_type, entity_id, request_id)
       values ($1, $2, 'updateCandidate', 'candidate', $3, 'cross-org-probe')`,
      [owner.organization.id, owner.user.id, theirs.id],
    );
    const probe = (await list(owner.token, { entityId: theirs.id }).expect(200)).body as AuditEventList;
    expect(probe.items.map((e) => [e.requestId, e.entityName])).toEqual([['cross-org-probe', null]]);
  });

  it('names a page of events of every kind in the same statements as a page of one (no query per event)', async () => {
    // (A rubric of its own makes the organization's first rubric another one: made last, here.)
    const rubric = await t
      .http()
      .post('/api/v1/rubrics')
      .set(bearer(owner.token))
      .send({ name: 'Named rubric', content: rubricContent() })
      .expect(201);
    expect(await shown(rubric.body.id, 'createRubric')).toMatchObject({
      entityType: 'rubric',
      entityName: 'Named rubric',
    });
    const kinds = (await list(owner.token, { pageSize: 100 }).expect(200)).body as AuditEventList;
    expect(new Set(kinds.items.map((e) => e.entityType)).size).toBeGreaterThanOrEqual(6);
    expect(kinds.items.filter((e) => e.entityName !== null).length).toBeGreaterThan(10);

    const statementsFor = async (pageSize: number) => {
      const original = EntityManager.prototype.query;
      let n = 0;
      EntityManager.prototype.query = function (this: EntityManager, ...args: Parameters<EntityManager['query']>) {
        n++;
        return original.apply(this, args);
      } as EntityManager['query'];
      try {
        await list(owner.token, { pageSize }).expect(200);
      } finally {
        EntityManager.prototype.query = original;
      }
      return n;
    };
    const one = await statementsFor(1);
    expect(one).toBeGreaterThan(0);
    expect(await statementsFor(100)).toBe(one);
  });
});

describe('the database keeps the log append-only', () => {
  it('refuses UPDATE, DELETE and TRUNCATE of audit events, even to the table’s owner', async () => {
    const before = await totalEvents();
    expect(before).toBeGreaterThan(0);
    await expect(t.db.query(`update audit_events set action = 'nothing'`)).rejects.toThrow(/append-only/);
    await expect(t.db.query(`delete from audit_events`)).rejects.toThrow(/append-only/);
    await expect(t.db.query(`truncate audit_events`)).rejects.toThrow(/append-only/);
    expect(await totalEvents()).toBe(before);
    const [{ n }] = (await t.db.query(`select count(*)::int as n from audit_events where action = 'nothing'`)) as [
      { n: number },
    ];
    expect(n).toBe(0);
  });
});
