import { z } from 'zod';

// The hiring-committee packet as a PDF (issue 24 §2): contracts filled in by its slice.
export const _packetEndpointsPlaceholder = z.never().optional();
