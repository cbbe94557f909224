import { z } from 'zod';

// Voluntary self-identification and the adverse-impact monitor (issue 24 §3): contracts filled in by its slice.
export const _selfIdEndpointsPlaceholder = z.never().optional();
