import { z } from 'zod';

// Debrief meetings: two silent rounds of votes around a discussion (issue 24 §1): contracts filled in by its slice.
export const _meetingEndpointsPlaceholder = z.never().optional();
