import { EmptyBody } from '../auth.js';
import {
  AddImportRowsRequest,
  ApplyImportRequest,
  ApplyImportResult,
  CandidateImport,
  CommitImportRequest,
  ImportRowErrors,
  ImportedCandidateList,
  ImportedCandidatesQuery,
} from '../candidate-import.js';
import { IdParams } from '../common.js';
import { recruiting, endpointGroup } from './endpoint.js';

/** Importing candidates from a CSV: staged, checked, committed, applied. */
export const candidateImportEndpoints = endpointGroup({
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
  listCandidateImportCandidates: {
    method: 'get',
    path: '/api/v1/candidate-imports/:id/candidates',
    summary: 'The candidates a committed import added, in row order',
    tag: 'candidates',
    access: recruiting,
    params: IdParams,
    query: ImportedCandidatesQuery,
    status: 200,
    response: ImportedCandidateList,
  },
  applyCandidateImport: {
    method: 'post',
    path: '/api/v1/candidate-imports/:id/applications',
    summary:
      'Apply every candidate a committed import added to one open opening, in one transaction; answers each candidate’s outcome (applied, already applied, erased)',
    tag: 'candidates',
    access: recruiting,
    params: IdParams,
    body: ApplyImportRequest,
    status: 200,
    response: ApplyImportResult,
  },
});
