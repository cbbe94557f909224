import { endpointGroup } from './endpoint.js';

/** Debrief meetings: two silent rounds of votes around a discussion (issue 24 §1). */
export const meetingEndpoints = endpointGroup({});
