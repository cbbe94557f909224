import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { type Endpoint, endpoints, type Role } from '@scorecard/contracts';
import { buildOpenApiDocument } from '../../src/openapi/document.js';
import { checklistContent, PASSWORD, rubricContent, uniqueEmail } from './factories.js';
import { completeScorecard, type OrgFixture } from './org-fixture.js';

/** One operation of the OpenAPI document, as the matrices call it. */
export interface Operation {
  operationId: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** In OpenAPI form: `/api/v1/openings/{id}`. */
  path: string;
  /** Needs no session. */
  public: boolean;
  /** Answers a stream of server-sent events. */
  stream: boolean;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** Every operation of the API's OpenAPI document (the one committed as docs/openapi.json), in document order. */
export function documentOperations(): Operation[] {
  const doc = buildOpenApiDocument('test');
  const ops: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      if (!op.operationId) throw new Error(`${method} ${path} has no operationId`);
      const responses = Object.values(op.responses ?? {}) as { content?: Record<string, unknown> }[];
      ops.push({
        operationId: op.operationId,
        method: method.toUpperCase() as Operation['method'],
        path,
        public: !op.security || op.security.length === 0,
        stream: responses.some((r) => Object.keys(r.content ?? {}).includes('text/event-stream')),
      });
    }
  }
  return ops;
}

/** What to send: path params, query and body; `freshSession` signs in again first (logout ends its session). */
export interface OperationRequest {
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  freshSession?: boolean;
}

/** Who calls: a member of some organization, with a role. */
export interface Caller {
  org: OrgFixture;
  role: Role;
}

/**
 * Builds the request for an operation on `target`'s objects. The role matrix calls with the
 * caller's own organization as target; the isolation matrix with another organization's.
 */
export type RequestBuilder = (target: OrgFixture, caller: Caller) => OperationRequest;

const HOUR = 3_600_000;
const inHours = (h: number) => new Date(Date.now() + h * HOUR).toISOString();
const page = { pageSize: '100' };

/**
 * A valid request for every operation: a body that the API accepts when the ids in it belong to
 * the caller's organization (the role matrix proves that by calling each with the caller's own
 * ids). Ids of the target's members, rubric and checklist versions, opening, candidates,
 * applications, interviews, scorecards and imports go into the path, the query and the body.
 * Each builder runs just before its call, so unique fields (emails) are fresh every time.
 */
export const VALID_REQUESTS: Record<string, RequestBuilder> = {
  health: () => ({}),
  signup: () => ({
    body: { organizationName: 'Another Co', name: 'Another Admin', email: uniqueEmail('signup'), password: PASSWORD },
  }),
  login: (_, c) => ({ body: { email: c.org.members[c.role].email, password: PASSWORD } }),
  logout: () => ({ freshSession: true }),
  me: () => ({}),

  listUsers: () => ({ query: page }),
  createUser: () => ({
    body: { name: 'New Member', email: uniqueEmail('member'), role: 'interviewer', password: PASSWORD },
  }),
  getUser: (o) => ({ params: { id: o.spare.id } }),
  updateUser: (o) => ({ params: { id: o.spare.id }, body: { name: 'Sam Renamed' } }),
  listPeople: () => ({ query: page }),

  listRubrics: () => ({ query: page }),
  createRubric: () => ({ body: { name: 'Another rubric', description: '', content: rubricContent() } }),
  getRubric: (o) => ({ params: { id: o.rubric.id } }),
  updateRubric: (o) => ({ params: { id: o.rubric.id }, body: { description: 'Described again' } }),
  duplicateRubric: (o) => ({ params: { id: o.rubric.id }, body: { name: 'Rubric copy' } }),
  startRubricDraft: (o) => ({ params: { id: o.rubric.id }, body: {} }),
  getRubricVersion: (o) => ({ params: { id: o.rubric.publishedVersionId } }),
  saveRubricVersion: (o) => ({
    params: { id: o.rubric.draftVersionId },
    body: { content: rubricContent(), revision: o.rubric.draftRevision },
  }),
  publishRubricVersion: (o) => ({
    params: { id: o.rubric.draftVersionId },
    body: { revision: o.rubric.draftRevision },
  }),

  listChecklists: () => ({ query: page }),
  createChecklist: () => ({ body: { name: 'Another checklist', description: '', content: checklistContent() } }),
  getChecklist: (o) => ({ params: { id: o.checklist.id } }),
  updateChecklist: (o) => ({ params: { id: o.checklist.id }, body: { description: 'Described again' } }),
  duplicateChecklist: (o) => ({ params: { id: o.checklist.id }, body: { name: 'Checklist copy' } }),
  startChecklistDraft: (o) => ({ params: { id: o.checklist.id }, body: {} }),
  getChecklistVersion: (o) => ({ params: { id: o.checklist.publishedVersionId } }),
  saveChecklistVersion: (o) => ({
    params: { id: o.checklist.draftVersionId },
    body: { content: checklistContent(), revision: o.checklist.draftRevision },
  }),
  publishChecklistVersion: (o) => ({
    params: { id: o.checklist.draftVersionId },
    body: { revision: o.checklist.draftRevision },
  }),

  listOpenings: () => ({ query: page }),
  createOpening: (o) => ({
    body: {
      title: 'Another opening',
      level: 'senior',
      archetype: 'player_coach',
      hiringManagerId: o.members.hiring_manager.user.id,
      recruiterId: o.members.recruiter.user.id,
      rubricVersionId: o.rubric.publishedVersionId,
      checklistVersionId: o.checklist.publishedVersionId,
    },
  }),
  getOpening: (o) => ({ params: { id: o.opening.id } }),
  updateOpening: (o) => ({
    params: { id: o.draftOpening.id },
    body: { team: 'Platform', recruiterId: o.members.recruiter.user.id, revision: o.draftOpening.revision },
  }),
  saveOpeningPlan: (o) => ({
    params: { id: o.draftOpening.id },
    body: {
      steps: [
        {
          key: randomUUID(),
          name: 'Architecture',
          durationMinutes: 60,
          focusCompetencyKeys: [],
          interviewerIds: [o.members.interviewer.user.id, o.spare.id],
          criterionKeys: [],
        },
      ],
      revision: o.draftOpening.revision,
    },
  }),
  changeOpeningStatus: (o) => ({
    params: { id: o.draftOpening.id },
    body: { status: 'open', overrideReason: 'Opened by the role matrix.', revision: o.draftOpening.revision },
  }),

  listCandidates: () => ({ query: page }),
  createCandidate: () => ({ body: { name: 'New Candidate', email: uniqueEmail('candidate'), source: 'github' } }),
  getCandidate: (o) => ({ params: { id: o.candidates.debriefed.id } }),
  updateCandidate: (o) => ({
    params: { id: o.candidates.interviewing.id },
    body: { location: 'Lisbon', revision: o.candidates.interviewing.revision },
  }),
  exportCandidate: (o) => ({ params: { id: o.candidates.debriefed.id } }),
  eraseCandidate: (o) => ({
    params: { id: o.candidates.erasable.id },
    body: { confirm: o.candidates.erasable.name },
  }),
  createApplication: (o) => ({ body: { candidateId: o.candidates.unapplied.id, openingId: o.opening.id } }),
  getApplication: (o) => ({ params: { id: o.applications.debriefed.id } }),
  moveApplication: (o) => ({
    params: { id: o.applications.applied.id },
    body: { to: 'screen', note: 'Looks promising.', version: o.applications.applied.version },
  }),
  getPipelineBoard: (o) => ({ params: { id: o.opening.id }, query: { cardsPerColumn: '50' } }),
  listApplicationInterviews: (o) => ({ params: { id: o.applications.debriefed.id }, query: page }),
  scheduleInterview: (o) => ({
    params: { id: o.applications.interviewing.id },
    body: { stepKey: o.opening.steps[1]!.key, interviewerId: o.members.interviewer.user.id, startsAt: inHours(48) },
  }),
  updateInterview: (o) => ({
    params: { id: o.pending[0]!.id },
    body: { startsAt: inHours(24), version: o.pending[0]!.version },
  }),
  cancelInterview: (o) => ({ params: { id: o.pending[1]!.id }, body: { version: o.pending[1]!.version } }),
  getRecruiterHome: () => ({ query: { scope: 'all', stuckDays: '1' } }),

  createCandidateImport: () => ({ body: {} }),
  getCandidateImport: (o) => ({ params: { id: o.imports.staged } }),
  addCandidateImportRows: (o) => ({
    params: { id: o.imports.staged },
    body: {
      rows: [{ row: 3, values: { name: 'Imported Person', email: uniqueEmail('imported'), source: 'LinkedIn' } }],
    },
  }),
  commitCandidateImport: (o) => ({ params: { id: o.imports.staged }, body: { skipInvalid: true } }),

  listMyInterviews: () => ({ query: { view: 'submitted' } }),
  getInterviewKit: (o, c) => ({ params: { id: o.interviews[c.role].id } }),
  getScorecard: (o, c) => ({ params: { id: o.interviews[c.role].scorecardId } }),
  saveScorecard: (o, c) => ({
    params: { id: o.interviews[c.role].scorecardId },
    body: { ...completeScorecard(o.opening, 'saved'), revision: o.interviews[c.role].scorecardRevision },
  }),
  submitScorecard: (o, c) => ({
    params: { id: o.interviews[c.role].scorecardId },
    body: { revision: o.interviews[c.role].scorecardRevision },
  }),
  amendScorecard: (o, c) => ({
    params: { id: o.interviews[c.role].scorecardId },
    body: {
      ...completeScorecard(o.opening, 'amended'),
      reason: 'Corrected the evidence.',
      revision: o.interviews[c.role].scorecardRevision,
    },
  }),
  listApplicationScorecards: (o) => ({ params: { id: o.applications.debriefed.id } }),
  getDebrief: (o) => ({ params: { id: o.applications.debriefed.id } }),
  decide: (o) => ({
    params: { id: o.applications.debriefed.id },
    body: { decision: 'hold', rationale: 'Waiting for references.', version: o.applications.debriefed.version },
  }),
  debriefEvents: (o) => ({ params: { id: o.applications.debriefed.id } }),
  getComparison: (o) => ({
    params: { id: o.opening.id },
    query: { applicationIds: `${o.applications.debriefed.id},${o.applications.applied.id}` },
  }),
  getCalibration: (o) => ({ query: { openingId: o.opening.id } }),
  getPipelineAnalytics: (o) => ({ query: { openingId: o.opening.id } }),
  listAuditEvents: () => ({ query: { pageSize: '100' } }),
};

/**
 * What the contract's zod schemas say about a request: the list of problems, empty when params,
 * query and body all parse. A request the schemas refuse would answer 400 and prove nothing.
 */
export function contractProblems(operationId: string, req: OperationRequest): string[] {
  const endpoint = (endpoints as Record<string, Endpoint>)[operationId];
  if (!endpoint) return [`${operationId} is not in the contracts' endpoint table`];
  const problems: string[] = [];
  for (const part of ['params', 'query', 'body'] as const) {
    const schema = endpoint[part];
    const value = req[part];
    if (!schema) {
      if (value !== undefined && !(part === 'body' && typeof value === 'object' && Object.keys(value!).length === 0))
        problems.push(`${part}: the operation takes none`);
      continue;
    }
    const parsed = schema.safeParse(value ?? (part === 'body' ? undefined : {}));
    if (!parsed.success) problems.push(`${part}: ${parsed.error.message}`);
  }
  return problems;
}

export interface Reply {
  status: number;
  contentType: string;
  /** The body as text; empty for a stream, which is closed as soon as its headers arrive. */
  text: string;
  /** The parsed body when it is JSON. */
  json: Record<string, unknown> | null;
}

/**
 * Calls an operation over real HTTP (a fresh connection each time). A stream of server-sent events
 * is never waited on: its headers are read and the connection dropped at once.
 */
export function send(base: string, op: Operation, req: OperationRequest, token: string | null): Promise<Reply> {
  let path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = req.params?.[name];
    if (value === undefined) throw new Error(`${op.operationId}: no value for path parameter ${name}`);
    return encodeURIComponent(value);
  });
  if (req.query) path += `?${new URLSearchParams(req.query).toString()}`;
  const payload = req.body === undefined ? undefined : JSON.stringify(req.body);
  const headers: Record<string, string> = { accept: op.stream ? 'text/event-stream' : 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  if (payload !== undefined) {
    headers['content-type'] = 'application/json';
    headers['content-length'] = String(Buffer.byteLength(payload));
  }
  return new Promise<Reply>((resolve, reject) => {
    const request = http.request(`${base}${path}`, { method: op.method, headers, agent: false }, (res) => {
      const status = res.statusCode ?? 0;
      const contentType = String(res.headers['content-type'] ?? '');
      if (contentType.startsWith('text/event-stream')) {
        resolve({ status, contentType, text: '', json: null });
        request.destroy();
        return;
      }
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => {
        let json: Record<string, unknown> | null = null;
        if (/json/.test(contentType) && text) json = JSON.parse(text) as Record<string, unknown>;
        resolve({ status, contentType, text, json });
      });
      res.on('error', reject);
    });
    // Nothing here should take long; a hung request fails the test instead of hanging it.
    request.setTimeout(20_000, () => request.destroy(new Error(`${op.operationId}: no answer within 20 s`)));
    request.on('error', reject);
    request.end(payload);
  });
}
