import {
  Application,
  BoardColumnPage,
  BoardColumnParams,
  BoardColumnQuery,
  BoardQuery,
  CreateApplicationRequest,
  MoveApplicationRequest,
  PipelineBoard,
} from '../applications.js';
import { IdParams } from '../common.js';
import { recruiting, endpointGroup } from './endpoint.js';

/** Applications and the pipeline board: applying, stage moves. */
export const applicationEndpoints = endpointGroup({
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
  getBoardColumn: {
    method: 'get',
    path: '/api/v1/openings/:id/board/columns/:stage',
    summary: 'The next cards of one board column, after the nextCursor the board or the previous page gave',
    tag: 'applications',
    access: recruiting,
    params: BoardColumnParams,
    query: BoardColumnQuery,
    status: 200,
    response: BoardColumnPage,
  },
});
