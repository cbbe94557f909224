// Pure text helpers of the two-factor screens (unit-tested in two-factor-text.spec.ts).

/** The secret in groups of four, as people type it into an app by hand. */
export function groupedSecret(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, '$1 ');
}

/** The codes as a text file, one a line, to keep somewhere safe. */
export function recoveryCodesText(codes: readonly string[]): string {
  return [
    'Scorecard recovery codes',
    'Each code signs you in once when you cannot use your authenticator app.',
    '',
    ...codes,
    '',
  ].join('\n');
}

/** A 6-digit code typed with or without the space apps show in the middle. */
export function normalizeTotp(code: string): string | null {
  const digits = code.replace(/\s+/g, '');
  return /^\d{6}$/.test(digits) ? digits : null;
}
