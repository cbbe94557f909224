import { z } from 'zod';

// Interviewer qualification: shadowing, reverse-shadowing, qualified (issue 24 §5): contracts filled in by its slice.
export const _qualificationEndpointsPlaceholder = z.never().optional();
