import { describe, expect, test } from '@jest/globals';
import type { AdverseImpactGroup, AdverseImpactTransition } from '@scorecard/contracts';
import { formatP, transitionReading } from './adverse-impact-copy';

const group = (over: Partial<AdverseImpactGroup>): AdverseImpactGroup => ({
  key: 'x',
  label: 'X',
  kind: 'category',
  applicants: 0,
  selected: 0,
  pending: 0,
  withdrew: 0,
  reportable: true,
  rate: null,
  impactRatio: null,
  flagged: false,
  pValue: null,
  reference: false,
  ...over,
});

const step = (groups: AdverseImpactGroup[]): AdverseImpactTransition => ({
  dimension: 'sex',
  from: 'Applied',
  to: 'Screen',
  groups,
});

describe('the plain reading of a step', () => {
  test('names the highest rate, then each flagged group with its ratio and whether it could be chance', () => {
    const men = group({
      key: 'male',
      label: 'Male',
      applicants: 8,
      selected: 6,
      rate: 0.75,
      impactRatio: 1,
      reference: true,
    });
    const women = group({
      key: 'female',
      label: 'Female',
      applicants: 10,
      selected: 3,
      rate: 0.3,
      impactRatio: 0.4,
      flagged: true,
      pValue: 0.153434800493624,
    });
    const few = group({ key: 'another', label: 'Another', applicants: 2, selected: 2, reportable: false });
    expect(transitionReading(step([women, men, few]), 'Sex')).toBe(
      'Of 8 Male applicants whose outcome at Applied is known, 6 moved on to Screen (75%), the highest rate. ' +
        'Of 10 Female applicants whose outcome at Applied is known, 3 moved on to Screen (30%): 0.40 times the highest rate, under four fifths; p = 0.153, so the gap could well be chance. ' +
        'One group is too small to report.',
    );
  });

  test('says when no group is large enough', () => {
    expect(transitionReading(step([group({ applicants: 3, reportable: false })]), 'Sex')).toBe(
      'No sex group is large enough to report at this step. One group is too small to report.',
    );
  });

  test.each([
    [0.153434800493624, 'p = 0.153'],
    [0.0004, 'p < 0.001'],
    [0.9999999999999963, 'p = 1.000'],
  ])('formats p = %s as "%s"', (p, text) => {
    expect(formatP(p)).toBe(text);
  });
});
