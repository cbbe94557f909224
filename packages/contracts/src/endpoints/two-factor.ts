import { endpointGroup } from './endpoint.js';

/** Two-factor sign-in for password accounts: TOTP enrolment, recovery codes, the code step of sign-in. */
export const twoFactorEndpoints = endpointGroup({});
