import { endpointGroup } from './endpoint.js';

/** (filled in by issue 21's work) */
export const invitationEndpoints = endpointGroup({});
