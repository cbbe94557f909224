/** How a candidate's expectations fit an opening: compensation band, coding share and career path. */

export type CompensationFit = 'under' | 'within' | 'over';

/**
 * Where a candidate's compensation expectation falls against the opening's band: under its minimum,
 * within it (bounds included), or over its maximum. Null when either is unknown or the currencies
 * differ (no exchange rate is assumed).
 */
export function compensationFit(
  expectation: { currency: string; amountMinor: number } | null,
  band: { currency: string; minMinor: number; maxMinor: number } | null,
): CompensationFit | null {
  if (!expectation || !band || expectation.currency !== band.currency) return null;
  if (expectation.amountMinor < band.minMinor) return 'under';
  if (expectation.amountMinor > band.maxMinor) return 'over';
  return 'within';
}

/**
 * How a candidate's wishes fit an opening: the gap in coding share (candidate minus opening, in
 * points; null when either is unknown), whether the career paths match (null when the opening is
 * open to any path or the candidate is undecided), and where their compensation expectation falls
 * against the opening's band.
 */
export function expectationFit(
  candidate: {
    desiredCodingSharePct: number | null;
    desiredCareerPath: string;
    compensationExpectation?: { currency: string; amountMinor: number } | null;
  },
  opening: {
    codingSharePct: number | null;
    careerPath: string;
    compensation?: { currency: string; minMinor: number; maxMinor: number } | null;
  },
): { codingShareGap: number | null; careerPathMatch: boolean | null; compensation: CompensationFit | null } {
  const codingShareGap =
    candidate.desiredCodingSharePct === null || opening.codingSharePct === null
      ? null
      : candidate.desiredCodingSharePct - opening.codingSharePct;
  const careerPathMatch =
    opening.careerPath === 'open' || candidate.desiredCareerPath === 'undecided'
      ? null
      : opening.careerPath === candidate.desiredCareerPath;
  return {
    codingShareGap,
    careerPathMatch,
    compensation: compensationFit(candidate.compensationExpectation ?? null, opening.compensation ?? null),
  };
}
