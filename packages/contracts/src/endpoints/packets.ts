import { endpointGroup } from './endpoint.js';

/** The hiring-committee packet as a PDF (issue 24 §2). */
export const packetEndpoints = endpointGroup({});
