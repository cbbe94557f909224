import { beforeAll, describe, expect, it } from '@jest/globals';
import type { AuthSession, RubricDetail, RubricVersion } from '@scorecard/contracts';
import { addMember, bearer, checklistContent, count, rubricContent, signup } from '../support/factories.js';
import { useTestApp } from '../support/test-app.js';

const t = useTestApp();
let admin: AuthSession;
let hm: string;
let recruiter: string;
let interviewer: string;
beforeAll(async () => {
  admin = await signup(t, 'Library Co');
  hm = (await addMember(t, admin, 'hiring_manager')).token;
  recruiter = (await addMember(t, admin, 'recruiter')).token;
  interviewer = (await addMember(t, admin, 'interviewer')).token;
});

async function createRubric(token = hm, content: unknown = rubricContent()): Promise<RubricDetail> {
  const res = await t
    .http()
    .post('/api/v1/rubrics')
    .set(bearer(token))
    .send({ name: 'Backend lead', content })
    .expect(201);
  return res.body as RubricDetail;
}

async function publish(versionId: string, revision: number, token = hm): Promise<RubricVersion> {
  const res = await t
    .http()
    .post(`/api/v1/rubric-versions/${versionId}/publish`)
    .set(bearer(token))
    .send({ revision })
    .expect(200);
  return res.body as RubricVersion;
}

describe('the built-in Tech Lead kit', () => {
  it('every new organization gets the Tech Lead rubric and red flags, published as version 1', async () => {
    const rubrics = await t.http().get('/api/v1/rubrics').set(bearer(admin.token)).expect(200);
    expect(rubrics.body.items).toEqual([
      expect.objectContaining({ name: 'Tech Lead', builtIn: true, publishedVersion: 1, draftVersionId: null }),
    ]);
    const version = await t
      .http()
      .get(`/api/v1/rubric-versions/${rubrics.body.items[0].publishedVersionId}`)
      .set(bearer(admin.token))
      .expect(200);
    expect(version.body.content.competencies.map((c: { category: string }) => c.category)).toEqual([
      'technical',
      'leadership',
      'mentoring',
      'communication',
    ]);
    const flags = await t.http().get('/api/v1/red-flag-checklists').set(bearer(admin.token)).expect(200);
    expect(flags.body.items).toEqual([expect.objectContaining({ name: 'Tech Lead red flags', publishedVersion: 1 })]);
  });
});

describe('rubric versions', () => {
  it('a new rubric starts as draft version 1, which saves with its revision and publishes once complete', async () => {
    const created = await createRubric();
    expect(created.versions).toEqual([expect.objectContaining({ version: 1, status: 'draft' })]);
    const draft = created.draft!;
    const content = { competencies: [{ ...draft.content.competencies[0]!, weight: 5 }] };
    const saved = await t
      .http()
      .put(`/api/v1/rubric-versions/${draft.id}`)
      .set(bearer(hm))
      .send({ content, revision: draft.revision })
      .expect(200);
    expect(saved.body.revision).toBe(draft.revision + 1);
    expect(saved.body.content.competencies[0].weight).toBe(5);
    const published = await publish(draft.id, saved.body.revision);
    expect(published).toMatchObject({ version: 1, status: 'published', publishedBy: { name: 'A hiring_manager' } });
  });

  it('changing a published version answers 409 version_published and changes nothing', async () => {
    const created = await createRubric();
    const published = await publish(created.draft!.id, created.draft!.revision);
    const res = await t
      .http()
      .put(`/api/v1/rubric-versions/${published.id}`)
      .set(bearer(hm))
      .send({ content: rubricContent({ weights: [9] }), revision: published.revision })
      .expect(409);
    expect(res.body.code).toBe('version_published');
    await t
      .http()
      .post(`/api/v1/rubric-versions/${published.id}/publish`)
      .set(bearer(hm))
      .send({ revision: published.revision })
      .expect(409);
    const after = await t.http().get(`/api/v1/rubric-versions/${published.id}`).set(bearer(hm)).expect(200);
    expect(after.body.content).toEqual(published.content);
    expect(after.body.updatedAt).toBe(published.updatedAt);
  });

  it('the database itself refuses to change a published version', async () => {
    const created = await createRubric();
    const published = await publish(created.draft!.id, created.draft!.revision);
    await expect(t.db.query(`update rubric_versions set content = '{}' where id = $1`, [published.id])).rejects.toThrow(
      /never changes/,
    );
    await expect(t.db.query(`delete from rubric_versions where id = $1`, [published.id])).rejects.toThrow(
      /never changes/,
    );
  });

  it('editing a published rubric starts draft version 2 from its content, once; version 1 stays as it was', async () => {
    const created = await createRubric();
    const v1 = await publish(created.draft!.id, created.draft!.revision);
    const d1 = await t.http().post(`/api/v1/rubrics/${created.id}/draft`).set(bearer(hm)).send({}).expect(200);
    const d2 = await t.http().post(`/api/v1/rubrics/${created.id}/draft`).set(bearer(hm)).send({}).expect(200);
    expect(d1.body).toMatchObject({ version: 2, status: 'draft', content: v1.content });
    expect(d2.body.id).toBe(d1.body.id);
    const content = rubricContent({ weights: [1, 1, 1] });
    await t
      .http()
      .put(`/api/v1/rubric-versions/${d1.body.id}`)
      .set(bearer(hm))
      .send({ content, revision: d1.body.revision })
      .expect(200);
    await publish(d1.body.id, d1.body.revision + 1);
    const detail = await t.http().get(`/api/v1/rubrics/${created.id}`).set(bearer(hm)).expect(200);
    expect(detail.body.versions.map((v: { version: number; status: string }) => `${v.version}:${v.status}`)).toEqual([
      '2:published',
      '1:published',
    ]);
    expect(detail.body.publishedVersion).toBe(2);
    const old = await t.http().get(`/api/v1/rubric-versions/${v1.id}`).set(bearer(hm)).expect(200);
    expect(old.body.content).toEqual(v1.content);
  });

  it('a save based on an old revision answers 409 stale_revision and keeps the newer save', async () => {
    const created = await createRubric();
    const draft = created.draft!;
    const mine = rubricContent({ weights: [7] });
    await t
      .http()
      .put(`/api/v1/rubric-versions/${draft.id}`)
      .set(bearer(hm))
      .send({ content: mine, revision: draft.revision })
      .expect(200);
    const res = await t
      .http()
      .put(`/api/v1/rubric-versions/${draft.id}`)
      .set(bearer(admin.token))
      .send({ content: rubricContent({ weights: [3] }), revision: draft.revision })
      .expect(409);
    expect(res.body.code).toBe('stale_revision');
    const now = await t.http().get(`/api/v1/rubric-versions/${draft.id}`).set(bearer(hm)).expect(200);
    expect(now.body.content.competencies[0].weight).toBe(7);
  });

  it.each([
    ['a zero weight', rubricContent({ weights: [0] }), 'content.competencies.0.weight'],
    ['a negative weight', rubricContent({ weights: [2, -1] }), 'content.competencies.1.weight'],
    ['no competency', { competencies: [] }, 'content.competencies'],
    [
      'a weight that is not a number',
      { competencies: [{ ...rubricContent().competencies[0], weight: '3' }] },
      'content.competencies.0.weight',
    ],
  ])('refuses %s with a field error and saves nothing', async (_name, content, path) => {
    const before = await count(t, 'rubric_versions');
    const res = await t.http().post('/api/v1/rubrics').set(bearer(hm)).send({ name: 'Bad', content }).expect(400);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
    expect(await count(t, 'rubric_versions')).toBe(before);
  });

  it('an incomplete draft saves, but publishing it answers 400 naming each missing field', async () => {
    const created = await createRubric(hm, rubricContent({ blankAnchor: true }));
    const res = await t
      .http()
      .post(`/api/v1/rubric-versions/${created.draft!.id}/publish`)
      .set(bearer(hm))
      .send({ revision: created.draft!.revision })
      .expect(400);
    expect(res.body.errors).toEqual([
      { path: 'competencies.0.criteria.0.anchors.0', message: 'Describe what a 1 looks like.' },
      { path: 'competencies.1.criteria.0.anchors.0', message: 'Describe what a 1 looks like.' },
    ]);
    const after = await t.http().get(`/api/v1/rubric-versions/${created.draft!.id}`).set(bearer(hm)).expect(200);
    expect(after.body.status).toBe('draft');
  });

  it('duplicates a rubric into a new draft and archives one out of the default list', async () => {
    const created = await createRubric();
    const copy = await t
      .http()
      .post(`/api/v1/rubrics/${created.id}/duplicate`)
      .set(bearer(hm))
      .send({ name: 'Copy' })
      .expect(201);
    expect(copy.body).toMatchObject({ name: 'Copy', builtIn: false, publishedVersion: null });
    expect(copy.body.draft.content).toEqual(created.draft!.content);
    await t.http().patch(`/api/v1/rubrics/${copy.body.id}`).set(bearer(hm)).send({ archived: true }).expect(200);
    const active = await t.http().get('/api/v1/rubrics?pageSize=100').set(bearer(hm)).expect(200);
    expect(active.body.items.map((r: { id: string }) => r.id)).not.toContain(copy.body.id);
    const archived = await t.http().get('/api/v1/rubrics?archived=true').set(bearer(hm)).expect(200);
    expect(archived.body.items.map((r: { id: string }) => r.id)).toEqual([copy.body.id]);
  });
});

describe('red-flag checklists are versioned the same way', () => {
  it('creates, publishes and then refuses to change a published checklist', async () => {
    const res = await t
      .http()
      .post('/api/v1/red-flag-checklists')
      .set(bearer(hm))
      .send({ name: 'Flags', content: checklistContent() })
      .expect(201);
    const draft = res.body.draft;
    const pub = await t
      .http()
      .post(`/api/v1/red-flag-checklist-versions/${draft.id}/publish`)
      .set(bearer(hm))
      .send({ revision: draft.revision })
      .expect(200);
    const change = await t
      .http()
      .put(`/api/v1/red-flag-checklist-versions/${pub.body.id}`)
      .set(bearer(hm))
      .send({ content: checklistContent(), revision: pub.body.revision })
      .expect(409);
    expect(change.body.code).toBe('version_published');
  });

  it('refuses an unknown severity', async () => {
    const content = checklistContent();
    (content.items[0] as { severity: string }).severity = 'fatal';
    const res = await t
      .http()
      .post('/api/v1/red-flag-checklists')
      .set(bearer(hm))
      .send({ name: 'Flags', content })
      .expect(400);
    expect(res.body.errors[0].path).toBe('content.items.0.severity');
  });
});

describe('roles and organizations', () => {
  it('a recruiter reads rubrics but cannot change them; an interviewer cannot even list them', async () => {
    const created = await createRubric();
    await t.http().get(`/api/v1/rubrics/${created.id}`).set(bearer(recruiter)).expect(200);
    await t.http().post(`/api/v1/rubrics/${created.id}/draft`).set(bearer(recruiter)).send({}).expect(403);
    await t
      .http()
      .put(`/api/v1/rubric-versions/${created.draft!.id}`)
      .set(bearer(recruiter))
      .send({ content: rubricContent(), revision: 0 })
      .expect(403);
    await t
      .http()
      .post('/api/v1/rubrics')
      .set(bearer(recruiter))
      .send({ name: 'X', content: rubricContent() })
      .expect(403);
    await t.http().get('/api/v1/rubrics').set(bearer(interviewer)).expect(403);
    await t.http().get('/api/v1/red-flag-checklists').set(bearer(interviewer)).expect(403);
  });

  it('another organization gets 404 for every rubric route, and changes nothing', async () => {
    const created = await createRubric();
    const other = await signup(t, 'Other Co');
    const o = bearer(other.token);
    const v = created.draft!;
    const calls = [
      t.http().get(`/api/v1/rubrics/${created.id}`).set(o),
      t.http().patch(`/api/v1/rubrics/${created.id}`).set(o).send({ name: 'Stolen' }),
      t.http().post(`/api/v1/rubrics/${created.id}/duplicate`).set(o).send({ name: 'Stolen' }),
      t.http().post(`/api/v1/rubrics/${created.id}/draft`).set(o).send({}),
      t.http().get(`/api/v1/rubric-versions/${v.id}`).set(o),
      t.http().put(`/api/v1/rubric-versions/${v.id}`).set(o).send({ content: rubricContent(), revision: v.revision }),
      t.http().post(`/api/v1/rubric-versions/${v.id}/publish`).set(o).send({ revision: v.revision }),
    ];
    for (const res of await Promise.all(calls)) expect(res.status).toBe(404);
    const after = await t.http().get(`/api/v1/rubrics/${created.id}`).set(bearer(hm)).expect(200);
    expect(after.body).toMatchObject({ name: 'Backend lead', draft: { revision: v.revision, status: 'draft' } });
    const list = await t.http().get('/api/v1/rubrics').set(o).expect(200);
    expect(list.body.items.map((r: { name: string }) => r.name)).toEqual(['Tech Lead']);
  });
});
