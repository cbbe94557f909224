import { z } from 'zod';

// Two-factor sign-in for password accounts: TOTP enrolment, recovery codes, the code step of sign-in.
export const _placeholdertwoFactorEndpoints = z.never();
