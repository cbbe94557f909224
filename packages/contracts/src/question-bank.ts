import { z } from 'zod';

// Question bank: question-level figures, retire / possibly leaked (issue 24 §4): contracts filled in by its slice.
export const _questionBankEndpointsPlaceholder = z.never().optional();
