import type { z } from 'zod';
import { AuthSession, EmptyBody, LoginRequest, Me, SignupRequest } from './auth.js';
import {
  Application,
  BoardQuery,
  CreateApplicationRequest,
  MoveApplicationRequest,
  PipelineBoard,
} from './applications.js';
import {
  Candidate,
  CandidateList,
  CandidateListQuery,
  CreateCandidateRequest,
  UpdateCandidateRequest,
} from './candidates.js';
import { IdParams, type Role } from './common.js';
import {
  ChecklistDetail,
  ChecklistList,
  ChecklistVersion,
  CreateChecklistRequest,
  CreateRubricRequest,
  DuplicateRequest,
  LibraryListQuery,
  PublishRequest,
  RubricDetail,
  RubricList,
  RubricVersion,
  SaveChecklistDraftRequest,
  SaveRubricDraftRequest,
  UpdateChecklistRequest,
  UpdateRubricRequest,
} from './library.js';
import {
  ChangeOpeningStatusRequest,
  CreateOpeningRequest,
  Opening,
  OpeningList,
  OpeningListQuery,
  PeopleList,
  PeopleQuery,
  SavePlanRequest,
  UpdateOpeningRequest,
} from './openings.js';
import { Health } from './health.js';
import {
  CancelInterviewRequest,
  Interview,
  InterviewList,
  InterviewListQuery,
  RecruiterHome,
  RecruiterHomeQuery,
  ScheduleInterviewRequest,
  UpdateInterviewRequest,
} from './interviews.js';
import { AddImportRowsRequest, CandidateImport, CommitImportRequest, ImportRowErrors } from './candidate-import.js';
import { CreateUserRequest, UpdateUserRequest, User, UserList, UserListQuery } from './users.js';

export type HttpMethod = 'get' | 'post' | 'patch' | 'put' | 'delete';

/**
 * Who may call an endpoint. `public` needs no session; otherwise a session is needed and, when
 * `roles` lists roles, the caller must hold one of them.
 */
export type Access =
  { readonly auth: 'public' } | { readonly auth: 'session'; readonly roles: 'any' | readonly Role[] };

export interface Endpoint {
  readonly method: HttpMethod;
  /** Path in `:param` form, as the router sees it. */
  readonly path: string;
  readonly summary: string;
  readonly tag: string;
  readonly access: Access;
  readonly params?: z.ZodType;
  readonly query?: z.ZodType;
  readonly body?: z.ZodType;
  /** The success status and the schema of its body (`null` for no body). */
  readonly status: number;
  readonly response: z.ZodType | null;
}

const anyone = { auth: 'session', roles: 'any' } as const;
const admins = { auth: 'session', roles: ['admin'] } as const;
/** Who may read rubrics, checklists and openings; interviewers see only what their interviews need. */
const hiringTeam = { auth: 'session', roles: ['admin', 'hiring_manager', 'recruiter'] } as const;
/** Who may change them. */
const designers = { auth: 'session', roles: ['admin', 'hiring_manager'] } as const;
/** Who runs the pipeline: candidates, applications and stage moves. */
const recruiting = { auth: 'session', roles: ['admin', 'recruiter', 'hiring_manager'] } as const;

/** The same operations for each kind of versioned document (rubrics, red-flag checklists). */
function versionedEndpoints<
  const P extends string,
  const V extends string,
  // One type parameter per schema: a property of a generic object would widen to its constraint.
  L extends z.ZodType,
  D extends z.ZodType,
  Ver extends z.ZodType,
  C extends z.ZodType,
  U extends z.ZodType,
  Sd extends z.ZodType,
>(
  docPath: P,
  versionPath: V,
  noun: string,
  tag: string,
  s: { List: L; Detail: D; Version: Ver; Create: C; Update: U; SaveDraft: Sd },
) {
  return {
    list: {
      method: 'get',
      path: `/api/v1/${docPath}`,
      summary: `List ${noun}s`,
      tag,
      access: hiringTeam,
      query: LibraryListQuery,
      status: 200,
      response: s.List,
    },
    create: {
      method: 'post',
      path: `/api/v1/${docPath}`,
      summary: `Create a ${noun} with a first draft version`,
      tag,
      access: designers,
      body: s.Create,
      status: 201,
      response: s.Detail,
    },
    get: {
      method: 'get',
      path: `/api/v1/${docPath}/:id`,
      summary: `One ${noun} with its versions`,
      tag,
      access: hiringTeam,
      params: IdParams,
      status: 200,
      response: s.Detail,
    },
    update: {
      method: 'patch',
      path: `/api/v1/${docPath}/:id`,
      summary: `Rename or archive a ${noun}`,
      tag,
      access: designers,
      params: IdParams,
      body: s.Update,
      status: 200,
      response: s.Detail,
    },
    duplicate: {
      method: 'post',
      path: `/api/v1/${docPath}/:id/duplicate`,
      summary: `Copy a ${noun} into a new one`,
      tag,
      access: designers,
      params: IdParams,
      body: DuplicateRequest,
      status: 201,
      response: s.Detail,
    },
    startDraft: {
      method: 'post',
      path: `/api/v1/${docPath}/:id/draft`,
      summary: `The ${noun}'s draft version, started from the latest published one if there is none`,
      tag,
      access: designers,
      params: IdParams,
      body: EmptyBody.optional(),
      status: 200,
      response: s.Version,
    },
    getVersion: {
      method: 'get',
      path: `/api/v1/${versionPath}/:id`,
      summary: `One version of a ${noun}`,
      tag,
      access: hiringTeam,
      params: IdParams,
      status: 200,
      response: s.Version,
    },
    saveVersion: {
      method: 'put',
      path: `/api/v1/${versionPath}/:id`,
      summary: `Save a draft version (409 if published or stale)`,
      tag,
      access: designers,
      params: IdParams,
      body: s.SaveDraft,
      status: 200,
      response: s.Version,
    },
    publishVersion: {
      method: 'post',
      path: `/api/v1/${versionPath}/:id/publish`,
      summary: `Publish a draft version; it never changes again`,
      tag,
      access: designers,
      params: IdParams,
      body: PublishRequest,
      status: 200,
      response: s.Version,
    },
  } as const;
}

const rubricOps = versionedEndpoints('rubrics', 'rubric-versions', 'rubric', 'rubrics', {
  List: RubricList,
  Detail: RubricDetail,
  Version: RubricVersion,
  Create: CreateRubricRequest,
  Update: UpdateRubricRequest,
  SaveDraft: SaveRubricDraftRequest,
});
const checklistOps = versionedEndpoints(
  'red-flag-checklists',
  'red-flag-checklist-versions',
  'red-flag checklist',
  'red flags',
  {
    List: ChecklistList,
    Detail: ChecklistDetail,
    Version: ChecklistVersion,
    Create: CreateChecklistRequest,
    Update: UpdateChecklistRequest,
    SaveDraft: SaveChecklistDraftRequest,
  },
);

/**
 * Every operation of the API, in one table. The API routes, validates and authorises from it; the
 * OpenAPI document is generated from it; the web client types its calls with it.
 */
export const endpoints = {
  health: {
    method: 'get',
    path: '/api/health',
    summary: 'Liveness: 200 when the database answers, 503 otherwise',
    tag: 'system',
    access: { auth: 'public' },
    status: 200,
    response: Health,
  },
  signup: {
    method: 'post',
    path: '/api/v1/auth/signup',
    summary: 'Create an organization and its first admin, and sign in',
    tag: 'auth',
    access: { auth: 'public' },
    body: SignupRequest,
    status: 201,
    response: AuthSession,
  },
  login: {
    method: 'post',
    path: '/api/v1/auth/login',
    summary: 'Sign in with email and password',
    tag: 'auth',
    access: { auth: 'public' },
    body: LoginRequest,
    status: 200,
    response: AuthSession,
  },
  logout: {
    method: 'post',
    path: '/api/v1/auth/logout',
    summary: 'Revoke the current session',
    tag: 'auth',
    access: anyone,
    body: EmptyBody.optional(),
    status: 204,
    response: null,
  },
  me: {
    method: 'get',
    path: '/api/v1/me',
    summary: 'The signed-in user and their organization',
    tag: 'auth',
    access: anyone,
    status: 200,
    response: Me,
  },
  listUsers: {
    method: 'get',
    path: '/api/v1/users',
    summary: 'List the users of the organization',
    tag: 'users',
    access: admins,
    query: UserListQuery,
    status: 200,
    response: UserList,
  },
  createUser: {
    method: 'post',
    path: '/api/v1/users',
    summary: 'Add a user with a role',
    tag: 'users',
    access: admins,
    body: CreateUserRequest,
    status: 201,
    response: User,
  },
  getUser: {
    method: 'get',
    path: '/api/v1/users/:id',
    summary: 'One user of the organization',
    tag: 'users',
    access: admins,
    params: IdParams,
    status: 200,
    response: User,
  },
  updateUser: {
    method: 'patch',
    path: '/api/v1/users/:id',
    summary: 'Rename a user, change their role, or deactivate or reactivate them',
    tag: 'users',
    access: admins,
    params: IdParams,
    body: UpdateUserRequest,
    status: 200,
    response: User,
  },
  listPeople: {
    method: 'get',
    path: '/api/v1/people',
    summary: 'Active people of the organization, for choosing hiring managers and interviewers',
    tag: 'users',
    access: hiringTeam,
    query: PeopleQuery,
    status: 200,
    response: PeopleList,
  },
  listRubrics: rubricOps.list,
  createRubric: rubricOps.create,
  getRubric: rubricOps.get,
  updateRubric: rubricOps.update,
  duplicateRubric: rubricOps.duplicate,
  startRubricDraft: rubricOps.startDraft,
  getRubricVersion: rubricOps.getVersion,
  saveRubricVersion: rubricOps.saveVersion,
  publishRubricVersion: rubricOps.publishVersion,
  listChecklists: checklistOps.list,
  createChecklist: checklistOps.create,
  getChecklist: checklistOps.get,
  updateChecklist: checklistOps.update,
  duplicateChecklist: checklistOps.duplicate,
  startChecklistDraft: checklistOps.startDraft,
  getChecklistVersion: checklistOps.getVersion,
  saveChecklistVersion: checklistOps.saveVersion,
  publishChecklistVersion: checklistOps.publishVersion,
  listOpenings: {
    method: 'get',
    path: '/api/v1/openings',
    summary: 'List openings',
    tag: 'openings',
    access: hiringTeam,
    query: OpeningListQuery,
    status: 200,
    response: OpeningList,
  },
  createOpening: {
    method: 'post',
    path: '/api/v1/openings',
    summary: 'Create an opening (as a draft)',
    tag: 'openings',
    access: designers,
    body: CreateOpeningRequest,
    status: 201,
    response: Opening,
  },
  getOpening: {
    method: 'get',
    path: '/api/v1/openings/:id',
    summary: 'One opening with its interview plan and plan check',
    tag: 'openings',
    access: hiringTeam,
    params: IdParams,
    status: 200,
    response: Opening,
  },
  updateOpening: {
    method: 'patch',
    path: '/api/v1/openings/:id',
    summary: 'Change the role profile of an opening',
    tag: 'openings',
    access: designers,
    params: IdParams,
    body: UpdateOpeningRequest,
    status: 200,
    response: Opening,
  },
  saveOpeningPlan: {
    method: 'put',
    path: '/api/v1/openings/:id/plan',
    summary: 'Replace the interview plan of an opening',
    tag: 'openings',
    access: designers,
    params: IdParams,
    body: SavePlanRequest,
    status: 200,
    response: Opening,
  },
  changeOpeningStatus: {
    method: 'post',
    path: '/api/v1/openings/:id/status',
    summary: 'Open, hold or close an opening (opening with a failing plan check needs an override reason)',
    tag: 'openings',
    access: designers,
    params: IdParams,
    body: ChangeOpeningStatusRequest,
    status: 200,
    response: Opening,
  },
  listCandidates: {
    method: 'get',
    path: '/api/v1/candidates',
    summary: 'Search and filter candidates',
    tag: 'candidates',
    access: recruiting,
    query: CandidateListQuery,
    status: 200,
    response: CandidateList,
  },
  createCandidate: {
    method: 'post',
    path: '/api/v1/candidates',
    summary: 'Add a candidate (email unique within the organization)',
    tag: 'candidates',
    access: recruiting,
    body: CreateCandidateRequest,
    status: 201,
    response: Candidate,
  },
  getCandidate: {
    method: 'get',
    path: '/api/v1/candidates/:id',
    summary: 'One candidate with their applications',
    tag: 'candidates',
    access: recruiting,
    params: IdParams,
    status: 200,
    response: Candidate,
  },
  updateCandidate: {
    method: 'patch',
    path: '/api/v1/candidates/:id',
    summary: 'Change a candidate',
    tag: 'candidates',
    access: recruiting,
    params: IdParams,
    body: UpdateCandidateRequest,
    status: 200,
    response: Candidate,
  },
  createApplication: {
    method: 'post',
    path: '/api/v1/applications',
    summary: 'Apply a candidate to an open opening (409 if already applied)',
    tag: 'applications',
    access: recruiting,
    body: CreateApplicationRequest,
    status: 201,
    response: Application,
  },
  getApplication: {
    method: 'get',
    path: '/api/v1/applications/:id',
    summary: 'One application with its stage timeline',
    tag: 'applications',
    access: recruiting,
    params: IdParams,
    status: 200,
    response: Application,
  },
  moveApplication: {
    method: 'post',
    path: '/api/v1/applications/:id/moves',
    summary: 'Move an application to another stage (422 if not allowed, 409 if someone moved it first)',
    tag: 'applications',
    access: recruiting,
    params: IdParams,
    body: MoveApplicationRequest,
    status: 200,
    response: Application,
  },
  getPipelineBoard: {
    method: 'get',
    path: '/api/v1/openings/:id/board',
    summary: 'The pipeline board of an opening: a column per stage with counts and cards',
    tag: 'applications',
    access: recruiting,
    params: IdParams,
    query: BoardQuery,
    status: 200,
    response: PipelineBoard,
  },
  listApplicationInterviews: {
    method: 'get',
    path: '/api/v1/applications/:id/interviews',
    summary: 'The interviews of an application, with their scorecard state and assignment history',
    tag: 'interviews',
    access: recruiting,
    params: IdParams,
    query: InterviewListQuery,
    status: 200,
    response: InterviewList,
  },
  scheduleInterview: {
    method: 'post',
    path: '/api/v1/applications/:id/interviews',
    summary: 'Schedule an interview from a plan step; creates the interviewer’s empty draft scorecard',
    tag: 'interviews',
    access: recruiting,
    params: IdParams,
    body: ScheduleInterviewRequest,
    status: 201,
    response: Interview,
  },
  updateInterview: {
    method: 'patch',
    path: '/api/v1/interviews/:id',
    summary: 'Reschedule or reassign an interview (409 if someone changed it first)',
    tag: 'interviews',
    access: recruiting,
    params: IdParams,
    body: UpdateInterviewRequest,
    status: 200,
    response: Interview,
  },
  cancelInterview: {
    method: 'post',
    path: '/api/v1/interviews/:id/cancel',
    summary: 'Cancel an interview whose feedback is not yet submitted',
    tag: 'interviews',
    access: recruiting,
    params: IdParams,
    body: CancelInterviewRequest,
    status: 200,
    response: Interview,
  },
  getRecruiterHome: {
    method: 'get',
    path: '/api/v1/home/recruiter',
    summary: 'Open openings with counts per stage, stuck applications and overdue scorecards',
    tag: 'home',
    access: recruiting,
    query: RecruiterHomeQuery,
    status: 200,
    response: RecruiterHome,
  },
  createCandidateImport: {
    method: 'post',
    path: '/api/v1/candidate-imports',
    summary: 'Start a candidate import (rows are checked and staged before anything is written)',
    tag: 'candidates',
    access: recruiting,
    body: EmptyBody,
    status: 201,
    response: CandidateImport,
  },
  getCandidateImport: {
    method: 'get',
    path: '/api/v1/candidate-imports/:id',
    summary: 'A candidate import with its row errors',
    tag: 'candidates',
    access: recruiting,
    params: IdParams,
    status: 200,
    response: CandidateImport,
  },
  addCandidateImportRows: {
    method: 'post',
    path: '/api/v1/candidate-imports/:id/rows',
    summary: 'Check and stage a batch of mapped CSV rows; answers each row’s errors',
    tag: 'candidates',
    access: recruiting,
    params: IdParams,
    body: AddImportRowsRequest,
    status: 200,
    response: ImportRowErrors,
  },
  commitCandidateImport: {
    method: 'post',
    path: '/api/v1/candidate-imports/:id/commit',
    summary: 'Write the staged candidates in one transaction (422 if any row has errors, unless skipped)',
    tag: 'candidates',
    access: recruiting,
    params: IdParams,
    body: CommitImportRequest,
    status: 200,
    response: CandidateImport,
  },
} as const satisfies Record<string, Endpoint>;

export type EndpointName = keyof typeof endpoints;

/** The header the web client sends on every request; cookie-authenticated writes without it are refused. */
export const CSRF_HEADER = 'x-requested-with';
export const CSRF_HEADER_VALUE = 'scorecard';
export const SESSION_COOKIE = 'scorecard_session';
