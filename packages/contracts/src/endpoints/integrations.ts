import { endpointGroup } from './endpoint.js';

/** Scorecards that travel: imported historical scorecards and the decision packet as JSON. */
export const integrationEndpoints = endpointGroup({});
