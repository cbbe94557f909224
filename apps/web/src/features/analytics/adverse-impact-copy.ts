import type { AdverseImpactGroup, AdverseImpactTransition } from '@scorecard/contracts';
import { formatFixed } from '@scorecard/domain';
import { percent } from './analytics-copy';

/** "p = 0.153", "p < 0.001". */
export function formatP(p: number): string {
  return p < 0.001 ? 'p < 0.001' : `p = ${formatFixed(p, 3)}`;
}

/** "Of 10 Female applicants whose outcome at Debrief is known, 1 moved on to Offer (10%)". */
function groupSentence(g: AdverseImpactGroup, step: AdverseImpactTransition): string {
  return `of ${g.applicants} ${g.label} applicants whose outcome at ${step.from} is known, ${g.selected} moved on to ${step.to} (${percent(g.rate)})`;
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** A plain reading of one step: the highest-rate group, then each flagged group against it. */
export function transitionReading(step: AdverseImpactTransition, dimensionLabel: string): string {
  const shown = step.groups.filter((g) => g.kind === 'category' && g.reportable);
  const tooFew = step.groups.filter((g) => g.kind === 'category' && !g.reportable && g.applicants > 0).length;
  const small = tooFew > 0 ? ` ${tooFew === 1 ? 'One group is' : `${tooFew} groups are`} too small to report.` : '';
  if (shown.length === 0)
    return `No ${dimensionLabel.toLowerCase()} group is large enough to report at this step.${small}`;
  const reference = shown.find((g) => g.reference);
  if (!reference)
    return `Nobody whose outcome is known moved on to ${step.to}: there is no rate to compare with.${small}`;
  const flagged = shown.filter((g) => g.flagged);
  const lead = `${capital(groupSentence(reference, step))}, the highest rate.`;
  if (flagged.length === 0) {
    return `${lead} ${shown.length > 1 ? 'Every other reportable group moved on at four fifths of that rate or more.' : 'No other group is large enough to compare.'}${small}`;
  }
  const flags = flagged.map((g) => {
    const chance =
      g.pValue === null ? '' : `; ${formatP(g.pValue)}${g.pValue >= 0.05 ? ', so the gap could well be chance' : ''}`;
    return `${capital(groupSentence(g, step))}: ${formatFixed(g.impactRatio ?? 0, 2)} times the highest rate, under four fifths${chance}.`;
  });
  return `${lead} ${flags.join(' ')}${small}`;
}
