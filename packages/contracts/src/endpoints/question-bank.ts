import { endpointGroup } from './endpoint.js';

/** Question bank: question-level figures, retire / possibly leaked (issue 24 §4). */
export const questionBankEndpoints = endpointGroup({});
