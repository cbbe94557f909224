import type { QuestionBank, QuestionFigures, QuestionFlag } from '@scorecard/contracts';
import { formatFixed } from '@scorecard/domain';

const MINUS = '\u2212';

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "38%"; no share is a dash. */
export function percent(share: number | null): string {
  return share === null ? '–' : `${formatFixed(share * 100, 0)}%`;
}

/** Two decimals with a true minus sign: "0.70", "−0.12". */
export function signed(value: number): string {
  const shown = formatFixed(value, 2);
  return value < 0 && Number(shown) !== 0 ? `${MINUS}${shown.slice(1)}` : shown.replace(/^-/, '');
}

/** "1: 3, 2: 5, 3: 8, 4: 5" for assistive technology and the tooltip. */
export function distributionText(distribution: readonly number[]): string {
  return distribution.map((n, i) => `${i + 1}: ${n}`).join(', ');
}

type Thresholds = QuestionBank['thresholds'];

/** What each flag means, in plain words, with the threshold that raises it. */
export function flagText(flag: QuestionFlag, q: QuestionFigures, t: Thresholds): { label: string; detail: string } {
  switch (flag) {
    case 'too_few_ratings':
      return {
        label: 'Too few ratings',
        detail: `${plural(q.rated, 'rating')} so far; the figures are read from ${t.ratings}.`,
      };
    case 'separates_nobody':
      return {
        label: 'Separates nobody',
        detail: `${percent(q.modalShare)} of its ratings are the same level (the flag starts at ${percent(t.separatesNobodyShare)}), so it tells candidates apart very little.`,
      };
    case 'raters_disagree':
      return {
        label: 'Raters cannot agree',
        detail: `Agreement on it is below ${formatFixed(t.agreementFloor, 3)} even at the top of its 95% interval: interviewers read the same answer differently.`,
      };
  }
}

/** Agreement in a few words: the alpha and its interval, or why there is none. */
export function agreementText(q: QuestionFigures, t: Thresholds): { value: string; detail: string } {
  const a = q.agreement;
  if (!a.enough) {
    return {
      value: '–',
      detail:
        a.units === 0
          ? 'No candidate was rated on it by two interviewers.'
          : `Rated by two interviewers on ${plural(a.units, 'candidate')}; alpha needs ${t.alphaUnits}.`,
    };
  }
  if (a.allSame)
    return { value: 'All the same', detail: `Everyone gave the same rating on ${plural(a.units, 'candidate')}.` };
  if (a.alpha === null) return { value: '–', detail: `No variation to measure on ${plural(a.units, 'candidate')}.` };
  return {
    value: signed(a.alpha),
    detail: `${a.interval ? `95% CI ${signed(a.interval.low)} to ${signed(a.interval.high)}, ` : ''}${plural(a.units, 'candidate')}`,
  };
}

/** The relation to the decision in a few words: r, or why there is none. */
export function decisionText(q: QuestionFigures, t: Thresholds): { value: string; detail: string } {
  const d = q.decision;
  if (!d.enough) {
    return {
      value: '–',
      detail: `${plural(d.ratings, 'rating')} on decided candidates; the correlation needs ${t.decidedRatings}.`,
    };
  }
  if (d.correlation === null) {
    return {
      value: '–',
      detail:
        d.hired === 0 || d.notHired === 0
          ? `Every decided candidate was ${d.hired === 0 ? 'turned down' : 'hired'}: nothing to relate it to.`
          : 'Every rating was the same: nothing to relate.',
    };
  }
  return {
    value: signed(d.correlation),
    detail: `${plural(d.hired, 'rating')} on hires, ${d.notHired} on no hires`,
  };
}
