import { IdParams } from '../common.js';
import { DecisionPacket, ImportScorecardRequest, ScorecardImport } from '../integrations.js';
import { admins, anyone, endpointGroup } from './endpoint.js';

/** Scorecards that travel: imported historical scorecards and the decision packet as JSON. */
export const integrationEndpoints = endpointGroup({
  importScorecard: {
    method: 'post',
    path: '/api/v1/scorecard-imports',
    summary:
      'Import a historical scorecard from another system: submitted, marked imported, left out of calibration by default; the same externalId again answers the first import (created: false)',
    tag: 'integrations',
    access: admins,
    auditEntity: 'scorecard',
    body: ImportScorecardRequest,
    status: 200,
    response: ScorecardImport,
  },
  getDecisionPacket: {
    method: 'get',
    path: '/api/v1/applications/:id/decision-packet',
    summary:
      'The decision packet of an application as a stable, versioned JSON document (scorecard.decision-packet v1) mapping onto the unified-ATS scorecard model; under the independence rule, submitted scorecards only',
    tag: 'integrations',
    access: anyone,
    params: IdParams,
    status: 200,
    response: DecisionPacket,
  },
});
