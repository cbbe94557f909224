import { IdParams } from '../common.js';
import { Comparison, ComparisonQuery, Debrief, DebriefQuery, DecideRequest, Decision } from '../debriefs.js';
import { anyone, deciders, hiringTeam, endpointGroup } from './endpoint.js';

/** Debriefs, hiring decisions, their live updates, and comparing candidates. */
export const debriefEndpoints = endpointGroup({
  getDebrief: {
    method: 'get',
    path: '/api/v1/applications/:id/debrief',
    summary:
      'The debrief of an application, in reading order: disagreements, evidence gaps, scores with count and spread (independent ratings unless asked), scorecards, decisions',
    tag: 'debriefs',
    access: anyone,
    params: IdParams,
    query: DebriefQuery,
    status: 200,
    response: Debrief,
  },
  decide: {
    method: 'post',
    path: '/api/v1/applications/:id/decisions',
    summary: 'Record the hiring decision (hire, no hire, hold) and move the application to the matching stage',
    tag: 'debriefs',
    access: deciders,
    params: IdParams,
    body: DecideRequest,
    status: 201,
    response: Decision,
  },
  debriefEvents: {
    method: 'get',
    path: '/api/v1/applications/:id/debrief/events',
    summary:
      'Live updates of a debrief as server-sent events: `ready` once listening, then `changed` with `{"kind"}` whenever a scorecard or decision lands (refetch the debrief then), and a comment every 25 s',
    tag: 'debriefs',
    access: anyone,
    params: IdParams,
    status: 200,
    response: null,
    produces: 'text/event-stream',
  },
  getComparison: {
    method: 'get',
    path: '/api/v1/openings/:id/comparison',
    summary: 'Compare 2 to 8 applications of an opening side by side on the same scale',
    tag: 'debriefs',
    access: hiringTeam,
    params: IdParams,
    query: ComparisonQuery,
    status: 200,
    response: Comparison,
  },
});
