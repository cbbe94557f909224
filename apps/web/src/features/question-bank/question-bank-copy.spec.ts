import { describe, expect, it } from '@jest/globals';
import type { QuestionBank, QuestionFigures } from '@scorecard/contracts';
import { agreementText, decisionText, distributionText, flagText, signed } from './question-bank-copy';

const thresholds: QuestionBank['thresholds'] = {
  ratings: 10,
  separatesNobodyShare: 0.9,
  alphaUnits: 10,
  agreementFloor: 0.667,
  decidedRatings: 10,
};

const question = (over: Partial<QuestionFigures> = {}): QuestionFigures => ({
  criterionKey: '00000000-0000-4000-8000-000000000001',
  title: 'System design',
  prompt: '',
  versions: [1],
  inLatestVersion: true,
  inDraft: null,
  asked: 22,
  rated: 21,
  distribution: [3, 5, 8, 5],
  notAssessed: 1,
  notAssessedShare: 1 / 22,
  modalShare: 8 / 21,
  agreement: { alpha: 0.6972, interval: { low: 0.41, high: 0.88 }, units: 10, enough: true, allSame: false },
  decision: { correlation: 0.8307, ratings: 16, hired: 8, notHired: 8, enough: true },
  flags: [],
  marks: [],
  ...over,
});

describe('question bank copy', () => {
  it('writes signed figures with a true minus and two decimals', () => {
    expect([signed(0.6972), signed(-0.1234), signed(-0.001)]).toEqual(['0.70', '−0.12', '0.00']);
  });

  it('spells the distribution out level by level', () => {
    expect(distributionText([3, 5, 8, 5])).toBe('1: 3, 2: 5, 3: 8, 4: 5');
  });

  it.each([
    ['too_few_ratings', { rated: 9 }, 'Too few ratings', '9 ratings so far; the figures are read from 10.'],
    [
      'separates_nobody',
      { modalShare: 1 },
      'Separates nobody',
      '100% of its ratings are the same level (the flag starts at 90%), so it tells candidates apart very little.',
    ],
    [
      'raters_disagree',
      {},
      'Raters cannot agree',
      'Agreement on it is below 0.667 even at the top of its 95% interval: interviewers read the same answer differently.',
    ],
  ] as const)('explains %s in plain words', (flag, over, label, detail) => {
    expect(flagText(flag, question(over), thresholds)).toEqual({ label, detail });
  });

  it('gives alpha with its interval, or says why there is none', () => {
    expect(agreementText(question(), thresholds)).toEqual({
      value: '0.70',
      detail: '95% CI 0.41 to 0.88, 10 candidates',
    });
    const few = question({ agreement: { alpha: null, interval: null, units: 4, enough: false, allSame: false } });
    expect(agreementText(few, thresholds)).toEqual({
      value: '–',
      detail: 'Rated by two interviewers on 4 candidates; alpha needs 10.',
    });
    const same = question({ agreement: { alpha: null, interval: null, units: 11, enough: true, allSame: true } });
    expect(agreementText(same, thresholds).value).toBe('All the same');
  });

  it('gives the correlation with the decision, or says why there is none', () => {
    expect(decisionText(question(), thresholds)).toEqual({
      value: '0.83',
      detail: '8 ratings on hires, 8 on no hires',
    });
    const allHired = question({ decision: { correlation: null, ratings: 12, hired: 12, notHired: 0, enough: true } });
    expect(decisionText(allHired, thresholds).detail).toBe(
      'Every decided candidate was hired: nothing to relate it to.',
    );
    const few = question({ decision: { correlation: null, ratings: 6, hired: 3, notHired: 3, enough: false } });
    expect(decisionText(few, thresholds).detail).toBe('6 ratings on decided candidates; the correlation needs 10.');
  });
});
