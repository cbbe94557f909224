import { describe, expect, it } from '@jest/globals';
import {
  funnelConversion,
  interviewerOffsets,
  krippendorffAlpha,
  median,
  MIN_ALPHA_UNITS,
  MIN_OFFSET_CANDIDATES,
  MIN_SCORECARDS,
  sampled,
} from './calibration.js';

// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", the example with four observers
// and twelve units, values 1 to 5, some missing. Rows are units, columns observers A, B, C, D.
const _ = null;
const KRIPPENDORFF_2011 = [
  [1, 1, _, 1],
  [2, 2, 3, 2],
  [3, 3, 3, 3],
  [3, 3, 3, 3],
  [2, 2, 2, 2],
  [1, 2, 3, 4],
  [4, 4, 4, 4],
  [1, 1, 2, 1],
  [2, 2, 2, 2],
  [_, 5, 5, 5],
  [_, _, 1, 1],
  [_, 3, _, _],
];

describe('krippendorffAlpha on Krippendorff’s own example', () => {
  it.each([
    ['nominal', 0.743],
    ['ordinal', 0.815],
    ['interval', 0.849],
  ] as const)('%s alpha is %f', (metric, expected) => {
    const r = krippendorffAlpha(KRIPPENDORFF_2011, metric);
    expect(r.alpha).toBeCloseTo(expected, 3);
    // The twelfth unit has a single value and cannot be paired.
    expect(r.units).toBe(11);
    expect(r.values).toBe(40);
  });
});

describe('krippendorffAlpha edge cases', () => {
  it.each<[string, (number | null)[][], number | null]>([
    [
      'perfect agreement with variation',
      [
        [1, 1],
        [2, 2],
        [4, 4],
      ],
      1,
    ],
    [
      'no variation at all',
      [
        [3, 3],
        [3, 3],
      ],
      null,
    ],
    [
      'no pairable unit',
      [
        [1, null],
        [null, 2],
      ],
      null,
    ],
    [
      'systematic disagreement is below zero',
      [
        [1, 2],
        [2, 1],
        [1, 2],
        [2, 1],
      ],
      -0.75,
    ],
  ])('%s', (_label, units, alpha) => {
    const r = krippendorffAlpha(units, 'ordinal');
    if (alpha === null) expect(r.alpha).toBeNull();
    else expect(r.alpha).toBeCloseTo(alpha, 10);
  });
});

describe('interviewerOffsets', () => {
  it('is each interviewer’s mean difference from the others on the same candidates', () => {
    const offsets = interviewerOffsets([
      { unit: 'c1', interviewer: 'lenient', score: 4 },
      { unit: 'c1', interviewer: 'a', score: 2 },
      { unit: 'c1', interviewer: 'b', score: 3 },
      { unit: 'c2', interviewer: 'lenient', score: 3 },
      { unit: 'c2', interviewer: 'a', score: 2 },
      { unit: 'c3', interviewer: 'alone', score: 1 },
    ]);
    expect(offsets.get('lenient')).toEqual({ offset: (1.5 + 1) / 2, candidates: 2 });
    expect(offsets.get('a')).toEqual({ offset: (-1.5 + -1) / 2, candidates: 2 });
    expect(offsets.get('b')).toEqual({ offset: 0, candidates: 1 });
    expect(offsets.has('alone')).toBe(false);
  });
});

describe('median and funnel', () => {
  it.each<[number[], number | null]>([
    [[], null],
    [[5], 5],
    [[3, 1, 2], 2],
    [[4, 1, 3, 2], 2.5],
  ])('median of %j is %s', (values, m) => {
    expect(median(values)).toBe(m);
  });

  it('converts each stage into the next', () => {
    expect(
      funnelConversion([
        { stage: 'applied', reached: 10 },
        { stage: 'screen', reached: 5 },
        { stage: 'interviews', reached: 0 },
        { stage: 'offer', reached: 0 },
      ]),
    ).toEqual([
      { stage: 'applied', reached: 10, conversion: 0.5 },
      { stage: 'screen', reached: 5, conversion: 0 },
      { stage: 'interviews', reached: 0, conversion: null },
      { stage: 'offer', reached: 0, conversion: null },
    ]);
  });
});

describe('sampled figures', () => {
  it.each([
    ['offset', MIN_OFFSET_CANDIDATES],
    ['shares', MIN_SCORECARDS],
    ['alpha', MIN_ALPHA_UNITS],
  ] as const)('the %s threshold (%i) is enough from the threshold up, and the figure is kept below it', (_f, min) => {
    expect(sampled(0.25, min - 1, min)).toEqual({ value: 0.25, sample: min - 1, enough: false });
    expect(sampled(0.25, min, min)).toEqual({ value: 0.25, sample: min, enough: true });
    expect(sampled(null, 0, min)).toEqual({ value: null, sample: 0, enough: false });
  });
});
