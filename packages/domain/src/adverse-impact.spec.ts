import { describe, expect, it } from '@jest/globals';
import { adverseImpact, fisherExactTwoSided, pointBiserial } from './adverse-impact.js';

// Reference p-values: SciPy 1.17 `scipy.stats.fisher_exact(table)[1]` (two-sided), and R's
// `fisher.test` agrees; the first table is the textbook example (1, 9 / 11, 3 → 0.002759).
describe("Fisher's exact test, two-sided", () => {
  it.each([
    [[1, 9, 11, 3], 0.0027594561852200836],
    [[3, 1, 1, 3], 0.48571428571428565],
    [[0, 5, 5, 0], 0.007936507936507938],
    [[5, 0, 0, 5], 0.007936507936507938],
    [[10, 10, 10, 10], 1],
    [[2, 18, 9, 11], 0.03095030514385353],
    [[12, 38, 25, 25], 0.012432691111315234],
  ] as const)('%j → p = %f', ([a, b, c, d], p) => {
    expect(fisherExactTwoSided(a, b, c, d)).toBeCloseTo(p, 10);
  });

  it('refuses what is not a table of counts', () => {
    expect(() => fisherExactTwoSided(1.5, 2, 3, 4)).toThrow(RangeError);
    expect(() => fisherExactTwoSided(-1, 2, 3, 4)).toThrow(RangeError);
  });
});

describe('the four-fifths rule (29 CFR 1607.4(D))', () => {
  // Worked by hand: A 48/80 = 0.60 is the highest rate; B 12/40 = 0.30 → 0.30/0.60 = 0.50, under
  // four fifths; D 27/50 = 0.54 → 0.90; C has 4 people, under the minimum of 5.
  const result = adverseImpact([
    { group: 'A', selected: 48, total: 80 },
    { group: 'B', selected: 12, total: 40 },
    { group: 'C', selected: 3, total: 4 },
    { group: 'D', selected: 27, total: 50 },
  ]);

  it.each([
    ['A', 0.6, 1, false, null],
    ['B', 0.3, 0.5, true, 0.003409221767849183],
    ['D', 0.54, 0.9, false, 0.5848472812926553],
  ] as const)('group %s: rate %f, impact ratio %f, flagged %p, p %p', (group, rate, ratio, flagged, p) => {
    const g = result.find((x) => x.group === group)!;
    expect(g.reportable).toBe(true);
    if (!g.reportable) return;
    expect(g.rate).toBeCloseTo(rate, 12);
    expect(g.impactRatio).toBeCloseTo(ratio, 12);
    expect(g.flagged).toBe(flagged);
    if (p === null) expect(g.pValue).toBeNull();
    else expect(g.pValue).toBeCloseTo(p, 10);
  });

  it('reports a group under the minimum as too few, and never takes it as the reference', () => {
    // C's 0.75 is the highest rate of all, but C is too small to set the bar.
    expect(result.find((x) => x.group === 'C')).toEqual({ group: 'C', total: 4, reportable: false });
  });

  it.each([
    [0.8, false],
    [0.79, true],
  ])('a ratio of %f is flagged: %p (the threshold itself passes)', (ratio, flagged) => {
    const [, g] = adverseImpact([
      { group: 'ref', selected: 100, total: 100 },
      { group: 'x', selected: Math.round(ratio * 100), total: 100 },
    ]);
    expect(g).toMatchObject({ impactRatio: ratio, flagged });
  });

  it('defines no ratio when nobody was selected', () => {
    const groups = adverseImpact([
      { group: 'a', selected: 0, total: 10 },
      { group: 'b', selected: 0, total: 12 },
    ]);
    expect(groups.map((g) => (g.reportable ? [g.impactRatio, g.flagged] : null))).toEqual([
      [null, false],
      [null, false],
    ]);
  });

  it('takes the minimum group size as an option', () => {
    const [small] = adverseImpact([{ group: 'a', selected: 2, total: 3 }], { minGroupSize: 3 });
    expect(small!.reportable).toBe(true);
  });

  it('refuses more selected than reached the step', () => {
    expect(() => adverseImpact([{ group: 'a', selected: 6, total: 5 }])).toThrow(RangeError);
  });
});

describe('point-biserial correlation of a rating with the hiring decision', () => {
  it.each([
    // By hand: hired mean 3.5, not hired 2.5, population SD √0.5, p = q = ½ → (1/√0.5)·½ = 0.7071.
    ['four ratings, by hand', [2, 3, 3, 4], [false, false, true, true], Math.SQRT1_2],
    // SciPy's pointbiserialr gives 0.6 for these eight.
    ['eight ratings (SciPy)', [1, 2, 2, 3, 3, 3, 4, 4], [false, false, true, false, true, true, true, true], 0.6],
    ['the reverse relation', [4, 3, 2, 1], [false, false, true, true], -0.8944271909999159],
  ] as const)('%s', (_name, ratings, hired, r) => {
    expect(pointBiserial(ratings.map((rating, i) => ({ rating, hired: hired[i]! })))).toBeCloseTo(r, 12);
  });

  it.each([
    ['everyone rated 3: the question separates nobody', [3, 3, 3], [true, false, true]],
    ['nobody was hired', [1, 2, 3], [false, false, false]],
    ['one rating', [2], [true]],
  ] as const)('is not defined when %s', (_name, ratings, hired) => {
    expect(pointBiserial(ratings.map((rating, i) => ({ rating, hired: hired[i]! })))).toBeNull();
  });
});
