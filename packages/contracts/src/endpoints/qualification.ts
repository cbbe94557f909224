import { endpointGroup } from './endpoint.js';

/** Interviewer qualification: shadowing, reverse-shadowing, qualified (issue 24 §5). */
export const qualificationEndpoints = endpointGroup({});
