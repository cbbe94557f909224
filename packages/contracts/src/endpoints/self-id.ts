import { endpointGroup } from './endpoint.js';

/** Voluntary self-identification and the adverse-impact monitor (issue 24 §3). */
export const selfIdEndpoints = endpointGroup({});
