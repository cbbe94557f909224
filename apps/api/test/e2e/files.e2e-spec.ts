import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { AuthSession, CandidateExport, CandidateFile, CandidateFileList, Opening } from '@scorecard/contracts';
import S3rver from 's3rver';
import { samplePdf } from '../../src/database/demo-files.js';
import { bearer, signup } from '../support/factories.js';
import { buildOrg, must, type OrgFixture } from '../support/org-fixture.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** Small enough to test the limit quickly; the default (10 MB) is the config's business. */
const MAX = 200_000;
const BUCKET = 'scorecard';

// ---- sample contents, built here so each test names exactly what it sends ----

const PDF = samplePdf('Noor Haddad - CV', ['Engineering lead, 2019 - today', 'Grew a team of six.']);
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const JPEG = Buffer.concat([
  Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01]),
  Buffer.alloc(64, 0x20),
  Buffer.from([0xff, 0xd9]),
]);
const TXT = Buffer.from('Noor Haddad — références: ünïcode ok\nLine two.\n', 'utf8');
/** A Windows executable, as a file named `cv.pdf` would hide it. */
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(62), Buffer.from('PE\0\0'), Buffer.alloc(200, 1)]);
const HTML = Buffer.from('<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>');
const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>');
const BINARY = Buffer.from([0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1]); // invalid UTF-8
const WITH_NUL = Buffer.from('text\0with a NUL');

/** A ZIP of stored (uncompressed) entries. */
function zip(entries: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(entries)) {
    const data = Buffer.from(text);
    const fname = Buffer.from(name);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(fname.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(fname.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, fname, data);
    centrals.push(central, fname);
    offset += local.length + fname.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const DOCX = zip({
  '[Content_Types].xml':
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  'word/document.xml': '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>',
});
const PLAIN_ZIP = zip({ 'notes.txt': 'just a zip' });

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

interface Storage {
  name: 'postgres' | 's3';
  env(): Promise<Record<string, string>>;
  /** How many stored objects (blob rows or bucket objects) the organization has. */
  stored(t: TestApp, organizationId: string): Promise<number>;
  stop(): Promise<void>;
}

const postgresStorage: Storage = {
  name: 'postgres',
  env: async () => ({}),
  stored: async (t, organizationId) => {
    const [r] = (await t.db.query(`select count(*)::int as n from candidate_file_blobs where organization_id = $1`, [
      organizationId,
    ])) as { n: number }[];
    return r!.n;
  },
  stop: async () => undefined,
};

/** A real S3-compatible server (s3rver) in the test process, on a port of its own. */
function s3Storage(): Storage {
  let server: S3rver | null = null;
  let dir = '';
  let client: S3Client | null = null;
  return {
    name: 's3',
    env: async () => {
      dir = await mkdtemp(join(tmpdir(), 'scorecard-s3-'));
      server = new S3rver({
        address: '127.0.0.1',
        port: 0,
        silent: true,
        directory: dir,
        configureBuckets: [{ name: BUCKET }],
      });
      const address = (await server.run()) as AddressInfo;
      const endpoint = `http://127.0.0.1:${address.port}`;
      client = new S3Client({
        endpoint,
        region: 'us-east-1',
        forcePathStyle: true,
        credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
      });
      return { S3_URL: `http://S3RVER:S3RVER@127.0.0.1:${address.port}/${BUCKET}` };
    },
    stored: async (_t, organizationId) => {
      const out = await client!.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: `${organizationId}/` }));
      return out.KeyCount ?? 0;
    },
    stop: async () => {
      client?.destroy();
      await server?.close();
      if (dir) await rm(dir, { recursive: true, force: true });
    },
  };
}

describe.each([postgresStorage, s3Storage()])('candidate files stored in $name', (storage) => {
  let t: TestApp;
  let o: OrgFixture;
  let other: AuthSession;
  let otherCandidateId: string;

  beforeAll(async () => {
    t = await startTestApp({ FILE_MAX_BYTES: String(MAX), ...(await storage.env()) });
    o = await buildOrg(t, 'Files Co');
    other = await signup(t);
    const c = await must<{ id: string }>(t, other.token, 'post', '/api/v1/candidates', 201, {
      name: 'Other Person',
      email: `other-${Date.now()}@example.test`,
      source: 'referral',
      desiredCareerPath: 'technical',
      links: { linkedin: '', github: '', blog: '', talks: '' },
    });
    otherCandidateId = c.id;
  }, 180_000);
  afterAll(async () => {
    await t?.close();
    await storage.stop();
  });

  const token = (role: keyof OrgFixture['members']) => o.members[role].token;
  const upload = (tok: string, candidateId: string, bytes: Buffer, filename: string, type = 'application/pdf') =>
    t
      .http()
      .post(`/api/v1/candidates/${candidateId}/files`)
      .set(bearer(tok))
      .attach('file', bytes, { filename, contentType: type });
  const rows = async () => {
    const [r] = (await t.db.query(`select count(*)::int as n from candidate_files where organization_id = $1`, [
      o.organizationId,
    ])) as { n: number }[];
    return r!.n;
  };
  /** Rows and stored objects together: a refused upload changes neither. */
  const footprint = async () => ({ rows: await rows(), stored: await storage.stored(t, o.organizationId) });

  it('stores an upload with the type sniffed from its content, and serves the same bytes back as an attachment', async () => {
    const before = await footprint();
    const res = await upload(
      token('recruiter'),
      o.candidates.debriefed.id,
      PDF,
      'Noor CV.pdf',
      'application/octet-stream',
    );
    expect(res.status).toBe(201);
    const file = res.body as CandidateFile;
    expect(file).toMatchObject({
      candidateId: o.candidates.debriefed.id,
      filename: 'Noor CV.pdf',
      contentType: 'application/pdf',
      sizeBytes: PDF.length,
      uploadedBy: { id: o.members.recruiter.user.id },
      canDelete: true,
    });
    expect(await footprint()).toEqual({ rows: before.rows + 1, stored: before.stored + 1 });
    const [row] = (await t.db.query(`select storage from candidate_files where organization_id = $1 and id = $2`, [
      o.organizationId,
      file.id,
    ])) as { storage: string }[];
    expect(row!.storage).toBe(storage.name);

    const down = await t
      .http()
      .get(`/api/v1/files/${file.id}`)
      .set(bearer(token('admin')))
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(down.status).toBe(200);
    expect(Buffer.compare(down.body as Buffer, PDF)).toBe(0);
    expect(down.headers['content-type']).toBe('application/pdf');
    expect(down.headers['content-disposition']).toBe(
      `attachment; filename="Noor CV.pdf"; filename*=UTF-8''Noor%20CV.pdf`,
    );
    expect(down.headers['x-content-type-options']).toBe('nosniff');
    expect(down.headers['content-security-policy']).toMatch(/sandbox/);
    expect(down.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
  });

  it('previews a PDF inline (sandboxed, framable by the app only), but never any other type', async () => {
    const pdf = (await upload(token('recruiter'), o.candidates.debriefed.id, PDF, 'preview.pdf').expect(201))
      .body as CandidateFile;
    const inline = await t
      .http()
      .get(`/api/v1/files/${pdf.id}?inline=1`)
      .set(bearer(token('recruiter')))
      .expect(200);
    expect(inline.headers['content-disposition']).toMatch(/^inline; /);
    expect(inline.headers['content-security-policy']).toMatch(/sandbox/);
    expect(inline.headers['content-security-policy']).toMatch(/frame-ancestors 'self'/);
    expect(inline.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(inline.headers['x-content-type-options']).toBe('nosniff');

    const png = (await upload(token('recruiter'), o.candidates.debriefed.id, PNG, 'photo.png', 'image/png').expect(201))
      .body as CandidateFile;
    const asked = await t
      .http()
      .get(`/api/v1/files/${png.id}?inline=1`)
      .set(bearer(token('recruiter')))
      .expect(200);
    expect(asked.headers['content-disposition']).toMatch(/^attachment; /);
    expect(asked.headers['content-type']).toBe('image/png');
    expect(asked.headers['x-frame-options']).toBe('DENY');
  });

  it.each([
    ['a PNG', PNG, 'image.png', 'image/png'],
    ['a JPEG', JPEG, 'photo.jpg', 'image/jpeg'],
    ['a DOCX', DOCX, 'cv.docx', DOCX_TYPE],
    ['UTF-8 text', TXT, 'notes.txt', 'text/plain'],
    ['a PDF named .txt', PDF, 'cv.txt', 'application/pdf'],
  ])('accepts %s as the type its bytes say', async (_label, bytes, filename, expected) => {
    const res = await upload(
      token('hiring_manager'),
      o.candidates.interviewing.id,
      bytes,
      filename,
      'application/x-anything',
    );
    expect({ status: res.status, type: res.body.contentType }).toEqual({ status: 201, type: expected });
    if (expected === 'text/plain') {
      const down = await t
        .http()
        .get(`/api/v1/files/${res.body.id}`)
        .set(bearer(token('admin')))
        .expect(200);
      expect(down.headers['content-type']).toBe('text/plain; charset=utf-8');
    }
  });

  it.each([
    ['an EXE named .pdf', EXE, 'cv.pdf'],
    ['HTML named .pdf', HTML, 'cv.pdf'],
    ['SVG named .png', SVG, 'photo.png'],
    ['a plain ZIP named .docx', PLAIN_ZIP, 'cv.docx'],
    ['invalid UTF-8 named .txt', BINARY, 'notes.txt'],
    ['text with a NUL', WITH_NUL, 'notes.txt'],
    ['an empty file', Buffer.alloc(0), 'empty.pdf'],
  ])('refuses %s with 415 problem+json and stores nothing', async (_label, bytes, filename) => {
    const before = await footprint();
    const res = await upload(token('recruiter'), o.candidates.interviewing.id, bytes, filename, 'application/pdf');
    expect(res.status).toBe(415);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 415, code: 'unsupported_media_type' });
    expect(await footprint()).toEqual(before);
  });

  it('refuses a file over FILE_MAX_BYTES with 413 problem+json and stores nothing; one at the limit is taken', async () => {
    const before = await footprint();
    const big = Buffer.concat([Buffer.from('a'), Buffer.alloc(MAX, 'a')]);
    const res = await upload(token('recruiter'), o.candidates.interviewing.id, big, 'big.txt', 'text/plain');
    expect(res.status).toBe(413);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 413, code: 'payload_too_large' });
    expect(await footprint()).toEqual(before);
    const exact = await upload(
      token('recruiter'),
      o.candidates.interviewing.id,
      Buffer.alloc(MAX, 'b'),
      'max.txt',
      'text/plain',
    );
    expect(exact.status).toBe(201);
    expect(exact.body.sizeBytes).toBe(MAX);
  });

  it('refuses a request that is not multipart, or has no `file` field, and stores nothing', async () => {
    const before = await footprint();
    const json = await t
      .http()
      .post(`/api/v1/candidates/${o.candidates.interviewing.id}/files`)
      .set(bearer(token('recruiter')))
      .send({});
    expect(json.status).toBe(415);
    const wrongField = await t
      .http()
      .post(`/api/v1/candidates/${o.candidates.interviewing.id}/files`)
      .set(bearer(token('recruiter')))
      .attach('document', PDF, 'cv.pdf');
    expect(wrongField.status).toBe(400);
    expect(wrongField.body.code).toBe('validation_failed');
    expect(await footprint()).toEqual(before);
  });

  it('lets recruiters, hiring managers and admins upload, but not interviewers', async () => {
    for (const role of ['admin', 'recruiter', 'hiring_manager'] as const) {
      await upload(token(role), o.candidates.applied.id, TXT, `${role}.txt`, 'text/plain').expect(201);
    }
    const before = await footprint();
    const res = await upload(token('interviewer'), o.candidates.debriefed.id, TXT, 'i.txt', 'text/plain');
    expect(res.status).toBe(403);
    expect(await footprint()).toEqual(before);
  });

  it('lists a candidate’s files newest first, paginated, with who uploaded them', async () => {
    const list = (
      await t
        .http()
        .get(`/api/v1/candidates/${o.candidates.applied.id}/files?pageSize=2`)
        .set(bearer(token('recruiter')))
        .expect(200)
    ).body as CandidateFileList;
    expect(list.total).toBe(3);
    expect(list.items.map((f) => f.filename)).toEqual(['hiring_manager.txt', 'recruiter.txt']);
    expect(list.items[0]!.uploadedBy?.id).toBe(o.members.hiring_manager.user.id);
    const page2 = (
      await t
        .http()
        .get(`/api/v1/candidates/${o.candidates.applied.id}/files?pageSize=2&page=2`)
        .set(bearer(token('recruiter')))
        .expect(200)
    ).body as CandidateFileList;
    expect(page2.items.map((f) => f.filename)).toEqual(['admin.txt']);
    expect(page2.total).toBe(3);
  });

  it('lets the uploader, recruiters and admins delete a file (bytes too), and no other hiring manager', async () => {
    const byRecruiter = (
      await upload(token('recruiter'), o.candidates.applied.id, TXT, 'r.txt', 'text/plain').expect(201)
    ).body as CandidateFile;
    const byHm = (
      await upload(token('hiring_manager'), o.candidates.applied.id, TXT, 'h.txt', 'text/plain').expect(201)
    ).body as CandidateFile;
    const hmView = (
      await t
        .http()
        .get(`/api/v1/candidates/${o.candidates.applied.id}/files`)
        .set(bearer(token('hiring_manager')))
    ).body as CandidateFileList;
    expect(hmView.items.find((f) => f.id === byRecruiter.id)!.canDelete).toBe(false);
    expect(hmView.items.find((f) => f.id === byHm.id)!.canDelete).toBe(true);

    const before = await footprint();
    const refused = await t
      .http()
      .delete(`/api/v1/files/${byRecruiter.id}`)
      .set(bearer(token('hiring_manager')));
    expect(refused.status).toBe(403);
    await t
      .http()
      .delete(`/api/v1/files/${byRecruiter.id}`)
      .set(bearer(token('interviewer')))
      .expect(403);
    expect(await footprint()).toEqual(before);

    await t
      .http()
      .delete(`/api/v1/files/${byHm.id}`)
      .set(bearer(token('hiring_manager')))
      .expect(204);
    await t
      .http()
      .delete(`/api/v1/files/${byRecruiter.id}`)
      .set(bearer(token('admin')))
      .expect(204);
    expect(await footprint()).toEqual({ rows: before.rows - 2, stored: before.stored - 2 });
    await t
      .http()
      .get(`/api/v1/files/${byHm.id}`)
      .set(bearer(token('admin')))
      .expect(404);
  });

  it('records uploads and deletes in the audit log', async () => {
    const f = (await upload(token('recruiter'), o.candidates.applied.id, TXT, 'audited.txt', 'text/plain').expect(201))
      .body as CandidateFile;
    await t
      .http()
      .delete(`/api/v1/files/${f.id}`)
      .set(bearer(token('recruiter')))
      .expect(204);
    const events = (await t.db.query(
      `select action, entity_type, entity_id, actor_user_id from audit_events
        where organization_id = $1 and action in ('uploadCandidateFile', 'deleteFile') order by occurred_at`,
      [o.organizationId],
    )) as { action: string; entity_type: string; entity_id: string; actor_user_id: string }[];
    expect(events).toContainEqual({
      action: 'uploadCandidateFile',
      entity_type: 'candidate',
      entity_id: o.candidates.applied.id,
      actor_user_id: o.members.recruiter.user.id,
    });
    expect(events).toContainEqual({
      action: 'deleteFile',
      entity_type: 'file',
      entity_id: f.id,
      actor_user_id: o.members.recruiter.user.id,
    });
  });

  it('shows an interviewer the files of a candidate they interview, only while the opening shows candidate details', async () => {
    const cv = (await upload(token('recruiter'), o.candidates.debriefed.id, PDF, 'visible.pdf').expect(201))
      .body as CandidateFile;
    const elsewhere = (await upload(token('recruiter'), o.candidates.applied.id, PDF, 'hidden.pdf').expect(201))
      .body as CandidateFile;
    const interviewer = bearer(token('interviewer'));

    const list = await t
      .http()
      .get(`/api/v1/candidates/${o.candidates.debriefed.id}/files`)
      .set(interviewer)
      .expect(200);
    expect((list.body as CandidateFileList).items.some((f) => f.id === cv.id)).toBe(true);
    expect((list.body as CandidateFileList).items.every((f) => !f.canDelete)).toBe(true);
    await t.http().get(`/api/v1/files/${cv.id}`).set(interviewer).expect(200);

    // No interview with this candidate: as if the files did not exist.
    await t.http().get(`/api/v1/candidates/${o.candidates.applied.id}/files`).set(interviewer).expect(404);
    await t.http().get(`/api/v1/files/${elsewhere.id}`).set(interviewer).expect(404);

    // The opening hides candidate details from interviewers: the CV goes too.
    const opening = await must<Opening>(t, token('admin'), 'get', `/api/v1/openings/${o.opening.id}`, 200);
    await must(t, token('admin'), 'patch', `/api/v1/openings/${o.opening.id}`, 200, {
      hideCandidateDetails: true,
      revision: opening.revision,
    });
    try {
      await t.http().get(`/api/v1/candidates/${o.candidates.debriefed.id}/files`).set(interviewer).expect(404);
      await t.http().get(`/api/v1/files/${cv.id}`).set(interviewer).expect(404);
    } finally {
      const hidden = await must<Opening>(t, token('admin'), 'get', `/api/v1/openings/${o.opening.id}`, 200);
      await must(t, token('admin'), 'patch', `/api/v1/openings/${o.opening.id}`, 200, {
        hideCandidateDetails: false,
        revision: hidden.revision,
      });
    }
    // Recruiters and hiring managers see every candidate's files regardless.
    await t
      .http()
      .get(`/api/v1/files/${elsewhere.id}`)
      .set(bearer(token('hiring_manager')))
      .expect(200);
  });

  it('answers 404 to another organization for every file operation, and changes nothing', async () => {
    const mine = (await upload(token('recruiter'), o.candidates.debriefed.id, PDF, 'mine.pdf').expect(201))
      .body as CandidateFile;
    const foreign = bearer(other.token);
    const before = await footprint();
    await t.http().get(`/api/v1/candidates/${o.candidates.debriefed.id}/files`).set(foreign).expect(404);
    await t.http().get(`/api/v1/files/${mine.id}`).set(foreign).expect(404);
    await t.http().get(`/api/v1/files/${mine.id}?inline=1`).set(foreign).expect(404);
    await t.http().delete(`/api/v1/files/${mine.id}`).set(foreign).expect(404);
    await upload(other.token, o.candidates.debriefed.id, PDF, 'x.pdf').expect(404);
    expect(await footprint()).toEqual(before);
    // And the other way round.
    await t
      .http()
      .get(`/api/v1/candidates/${otherCandidateId}/files`)
      .set(bearer(token('admin')))
      .expect(404);
  });

  it('lists the files in a candidate’s export, and erasing the candidate deletes the files and their bytes', async () => {
    const id = o.candidates.erasable.id;
    const a = (await upload(token('recruiter'), id, PDF, 'erase-me.pdf').expect(201)).body as CandidateFile;
    await upload(token('recruiter'), id, PNG, 'erase-me.png', 'image/png').expect(201);

    const exported = (
      await t
        .http()
        .get(`/api/v1/candidates/${id}/export`)
        .set(bearer(token('admin')))
        .expect(200)
    ).body as CandidateExport;
    expect(exported.files.map((f) => [f.filename, f.contentType, f.sizeBytes])).toEqual([
      ['erase-me.pdf', 'application/pdf', PDF.length],
      ['erase-me.png', 'image/png', PNG.length],
    ]);
    expect(exported.files[0]!.uploadedAt).toBe(a.createdAt);

    const before = await footprint();
    const candidate = await must<{ name: string }>(t, token('admin'), 'get', `/api/v1/candidates/${id}`, 200);
    await must(t, token('admin'), 'post', `/api/v1/candidates/${id}/erase`, 200, { confirm: candidate.name });
    expect(await footprint()).toEqual({ rows: before.rows - 2, stored: before.stored - 2 });
    await t
      .http()
      .get(`/api/v1/files/${a.id}`)
      .set(bearer(token('admin')))
      .expect(404);
    const after = (
      await t
        .http()
        .get(`/api/v1/candidates/${id}/files`)
        .set(bearer(token('admin')))
        .expect(200)
    ).body as CandidateFileList;
    expect(after.total).toBe(0);
    // An erased candidate takes no new files.
    const refused = await upload(token('recruiter'), id, PDF, 'again.pdf');
    expect(refused.status).toBe(409);
  });
});
