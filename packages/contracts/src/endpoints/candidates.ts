import {
  CandidateActivity,
  CandidateActivityQuery,
  CandidateNote,
  CreateCandidateNoteRequest,
} from '../candidate-activity.js';
import {
  Candidate,
  CandidateList,
  CandidateListQuery,
  CreateCandidateRequest,
  UpdateCandidateRequest,
} from '../candidates.js';
import { IdParams } from '../common.js';
import { recruiting, endpointGroup } from './endpoint.js';

/** Candidates, their notes and their activity feed. */
export const candidateEndpoints = endpointGroup({
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
  addCandidateNote: {
    method: 'post',
    path: '/api/v1/candidates/:id/notes',
    summary: 'Add a note to a candidate (1 to 5000 characters); it shows in their activity feed',
    tag: 'candidates',
    access: recruiting,
    params: IdParams,
    body: CreateCandidateNoteRequest,
    status: 201,
    response: CandidateNote,
  },
  getCandidateActivity: {
    method: 'get',
    path: '/api/v1/candidates/:id/activity',
    summary:
      'A candidate’s activity, newest first, paged by cursor: applications, stage moves, interviews scheduled and cancelled, scorecards submitted (who and which step only), decisions, notes and files',
    tag: 'candidates',
    access: recruiting,
    params: IdParams,
    query: CandidateActivityQuery,
    status: 200,
    response: CandidateActivity,
  },
});
