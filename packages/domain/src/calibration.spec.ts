import { describe, expect, it } from '@jest/globals';
import {
  alphaFromShapes,
  binomial,
  bootstrapAlphaInterval,
  DEFAULT_MIN_OFFSET_UNITS,
  firstValuePerInterviewer,
  funnelConversion,
  incompleteBeta,
  krippendorffAlpha,
  lnGamma,
  matchedUnitOffsets,
  median,
  MIN_ALPHA_UNITS,
  MIN_SCORECARDS,
  multinomial,
  offsetFigure,
  quantileSorted,
  type RatingShape,
  sampled,
  seededRandom,
  studentTCdf,
  studentTQuantile,
  type UnitRating,
} from './index.js';

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

/** A unit value: `u(unit, interviewer, rating)`. */
const u = (unit: string, interviewer: string, rating: number): UnitRating => ({ unit, interviewer, rating });

describe('one value per interviewer per unit', () => {
  it('keeps the rating of the earliest-submitted scorecard that rated the unit (ties by scorecard id)', () => {
    const values = firstValuePerInterviewer([
      { unit: 'c1/q1', interviewer: 'ana', rating: 2, scorecard: 's2', submittedAt: 200 },
      { unit: 'c1/q1', interviewer: 'ana', rating: 4, scorecard: 's1', submittedAt: 100 },
      { unit: 'c1/q1', interviewer: 'ben', rating: 3, scorecard: 's4', submittedAt: 100 },
      { unit: 'c1/q1', interviewer: 'ben', rating: 1, scorecard: 's3', submittedAt: 100 },
      { unit: 'c1/q2', interviewer: 'ana', rating: 1, scorecard: 's2', submittedAt: 200 },
    ]);
    expect(values).toEqual(expect.arrayContaining([u('c1/q1', 'ana', 4), u('c1/q1', 'ben', 1), u('c1/q2', 'ana', 1)]));
    expect(values).toHaveLength(3);
  });
});

describe('matchedUnitOffsets: each interviewer against the others on the same units', () => {
  it.each<[string, UnitRating[], Record<string, { n: number; mean: number; sd: number | null }>]>([
    [
      'two interviewers who never rated the same unit get no offset (the issue’s example)',
      [
        ...['c1', 'c2', 'c3', 'c4', 'c5'].map((c) => u(`${c}/depth`, 'tess', 4)),
        ...['c1', 'c2', 'c3', 'c4', 'c5'].map((c) => u(`${c}/communication`, 'carl', 2)),
      ],
      {},
    ],
    [
      'two raters on a unit: each one’s difference is the other’s with the sign turned',
      [u('a', 'x', 4), u('a', 'y', 2), u('b', 'x', 3), u('b', 'y', 3)],
      { x: { n: 2, mean: 1, sd: Math.SQRT2 }, y: { n: 2, mean: -1, sd: Math.SQRT2 } },
    ],
    [
      'three raters: the difference from the mean of the two others',
      [u('a', 'x', 4), u('a', 'y', 2), u('a', 'z', 3), u('b', 'x', 1), u('b', 'y', 1)],
      {
        x: { n: 2, mean: (1.5 + 0) / 2, sd: Math.sqrt(2 * 0.75 ** 2) },
        y: { n: 2, mean: (-1.5 + 0) / 2, sd: Math.sqrt(2 * 0.75 ** 2) },
        z: { n: 1, mean: 0, sd: null },
      },
    ],
    [
      'a unit rated by one interviewer only counts for nobody',
      [u('a', 'x', 4), u('b', 'x', 1), u('b', 'y', 2)],
      { x: { n: 1, mean: -1, sd: null }, y: { n: 1, mean: 1, sd: null } },
    ],
  ])('%s', (_label, values, expected) => {
    const offsets = matchedUnitOffsets(values);
    expect([...offsets.keys()].sort()).toEqual(Object.keys(expected).sort());
    for (const [who, e] of Object.entries(expected)) {
      const o = offsets.get(who)!;
      expect(o.n).toBe(e.n);
      expect(o.mean).toBeCloseTo(e.mean, 12);
      if (e.sd === null) expect(o.sd).toBeNull();
      else expect(o.sd).toBeCloseTo(e.sd, 12);
    }
  });

  /** Random panels: 1–12 units, 2–5 interviewers, each rating each unit with probability 0.6. */
  const panels = (seed: number, count: number): UnitRating[][] => {
    const rng = seededRandom(seed);
    const int = (lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1));
    return Array.from({ length: count }, () => {
      const units = int(1, 12);
      const people = int(2, 5);
      const values: UnitRating[] = [];
      for (let unit = 0; unit < units; unit++) {
        for (let p = 0; p < people; p++) if (rng() < 0.6) values.push(u(`u${unit}`, `p${p}`, int(1, 4)));
      }
      return values;
    });
  };

  it('property: the differences of a unit sum to zero, so the offsets weighted by their units do too', () => {
    for (const values of panels(1, 300)) {
      const total = [...matchedUnitOffsets(values).values()].reduce((a, o) => a + o.n * o.mean, 0);
      expect(Math.abs(total)).toBeLessThan(1e-9);
    }
  });

  it('property: adding the same constant to every rating changes no offset', () => {
    for (const values of panels(2, 300)) {
      const before = matchedUnitOffsets(values);
      const after = matchedUnitOffsets(values.map((v) => ({ ...v, rating: v.rating + 1.5 })));
      expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
      for (const [who, o] of before) {
        expect(after.get(who)!.n).toBe(o.n);
        expect(after.get(who)!.mean).toBeCloseTo(o.mean, 9);
      }
    }
  });

  it('property: an interviewer’s units are exactly the units they share with someone', () => {
    for (const values of panels(3, 300)) {
      const offsets = matchedUnitOffsets(values);
      const raters = new Map<string, number>();
      for (const v of values) raters.set(v.unit, (raters.get(v.unit) ?? 0) + 1);
      for (const who of new Set(values.map((v) => v.interviewer))) {
        const shared = values.filter((v) => v.interviewer === who && raters.get(v.unit)! >= 2).length;
        if (shared === 0) expect(offsets.has(who)).toBe(false);
        else expect(offsets.get(who)!.n).toBe(shared);
      }
    }
  });
});

describe('offsetFigure: standard error, 95% interval and verdict', () => {
  const stats = (d: number[]) => {
    const mean = d.reduce((a, b) => a + b, 0) / d.length;
    const sd = d.length < 2 ? null : Math.sqrt(d.reduce((a, b) => a + (b - mean) ** 2, 0) / (d.length - 1));
    return { n: d.length, mean, sd };
  };
  const ten = (a: number, b: number) => [a, b, a, b, a, b, a, b, a, b];

  it.each<[string, number[] | null, number, { verdict: string; enough: boolean; interval: boolean }]>([
    ['never matched: no value, no interval', null, 10, { verdict: 'not_enough_data', enough: false, interval: false }],
    ['one unit: a value but no interval', [1], 10, { verdict: 'not_enough_data', enough: false, interval: false }],
    [
      'clearly lenient but below the minimum: not enough data',
      [1, 1, 1, 0.5, 1.5],
      10,
      { verdict: 'not_enough_data', enough: false, interval: true },
    ],
    [
      'the same with the minimum lowered to 5: lenient',
      [1, 1, 1, 0.5, 1.5],
      5,
      { verdict: 'lenient', enough: true, interval: true },
    ],
    [
      'ten units always one above: lenient (interval [1, 1])',
      ten(1, 1),
      10,
      { verdict: 'lenient', enough: true, interval: true },
    ],
    ['ten units consistently below: severe', ten(-1, -0.5), 10, { verdict: 'severe', enough: true, interval: true }],
    ['ten units either side of zero: in line', ten(1, -1), 10, { verdict: 'in_line', enough: true, interval: true }],
    [
      'a positive mean whose interval still reaches 0: in line',
      ten(2, -1),
      10,
      { verdict: 'in_line', enough: true, interval: true },
    ],
  ])('%s', (_label, diffs, min, expected) => {
    const f = offsetFigure(diffs ? stats(diffs) : undefined, min);
    expect(f.verdict).toBe(expected.verdict);
    expect(f.enough).toBe(expected.enough);
    expect(f.interval !== null).toBe(expected.interval);
    expect(f.sample).toBe(diffs?.length ?? 0);
    if (!diffs)
      expect(f).toEqual({
        value: null,
        sample: 0,
        enough: false,
        interval: null,
        standardError: null,
        verdict: 'not_enough_data',
      });
  });

  it('is mean ± t(0.975, n − 1) · sd / √n', () => {
    const d = [2, -1, 2, -1, 2, -1, 2, -1, 2, -1];
    const f = offsetFigure(stats(d), DEFAULT_MIN_OFFSET_UNITS);
    const sd = Math.sqrt((10 * 1.5 ** 2) / 9);
    expect(f.value).toBeCloseTo(0.5, 12);
    expect(f.standardError).toBeCloseTo(sd / Math.sqrt(10), 12);
    expect(f.interval!.low).toBeCloseTo(0.5 - 2.2621571627409915 * (sd / Math.sqrt(10)), 9);
    expect(f.interval!.high).toBeCloseTo(0.5 + 2.2621571627409915 * (sd / Math.sqrt(10)), 9);
  });
});

describe('Student’s t quantile', () => {
  // Published values (e.g. NIST/SEMATECH e-Handbook, table 1.3.6.7.2; R's qt to 10 digits).
  it.each([
    [0.975, 1, 12.7062047362],
    [0.975, 2, 4.3026527297],
    [0.975, 3, 3.1824463053],
    [0.975, 4, 2.7764451052],
    [0.975, 5, 2.5705818356],
    [0.975, 9, 2.2621571628],
    [0.975, 10, 2.228138852],
    [0.975, 20, 2.0859634473],
    [0.975, 29, 2.0452296421],
    [0.975, 30, 2.0422724563],
    [0.975, 100, 1.9839715185],
    [0.975, 1000, 1.9623390808],
    [0.95, 10, 1.8124611228],
    [0.995, 5, 4.0321429836],
    [0.025, 10, -2.228138852],
  ])('t(%f, %i) = %f', (p, df, expected) => {
    expect(studentTQuantile(p, df)).toBeCloseTo(expected, 8);
  });

  it('tends to the normal quantile 1.959964 as the degrees of freedom grow', () => {
    expect(studentTQuantile(0.975, 1e7)).toBeCloseTo(1.959963985, 5);
  });

  it('inverts the CDF', () => {
    for (const df of [3, 7, 15, 60, 400]) expect(studentTCdf(studentTQuantile(0.975, df), df)).toBeCloseTo(0.975, 12);
  });

  it.each([
    [1, 0],
    [5, Math.log(24)],
    [0.5, Math.log(Math.sqrt(Math.PI))],
    [101, 363.73937555556347],
  ])('ln Γ(%f) = %f', (x, expected) => {
    expect(lnGamma(x)).toBeCloseTo(expected, 9);
  });

  it('the incomplete beta function at known points', () => {
    expect(incompleteBeta(0.5, 3, 3)).toBeCloseTo(0.5, 14);
    expect(incompleteBeta(0.3, 1, 1)).toBeCloseTo(0.3, 14);
    expect(incompleteBeta(0.2, 2, 1)).toBeCloseTo(0.04, 14);
  });
});

/** Shapes from units written out. */
const shapesOf = (units: number[][]): RatingShape[] => {
  const counts = new Map<string, number>();
  for (const unit of units) {
    const key = [...unit].sort((a, b) => a - b).join(',');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([key, n]) => ({ ratings: key.split(',').map(Number), units: n }));
};

describe('alpha from shapes', () => {
  it('equals Krippendorff’s example computed unit by unit', () => {
    const units = KRIPPENDORFF_2011.map((row) => row.filter((v): v is number => v !== null));
    for (const metric of ['nominal', 'ordinal', 'interval'] as const) {
      const r = alphaFromShapes(shapesOf(units), metric);
      expect(r.alpha).toBeCloseTo(krippendorffAlpha(KRIPPENDORFF_2011, metric).alpha!, 12);
      expect(r.units).toBe(11);
      expect(r.allSame).toBe(false);
    }
  });

  it('property: equals krippendorffAlpha on the units written out', () => {
    const rng = seededRandom(7);
    for (let run = 0; run < 200; run++) {
      const units = Array.from({ length: 1 + Math.floor(rng() * 30) }, () =>
        Array.from({ length: 1 + Math.floor(rng() * 4) }, () => 1 + Math.floor(rng() * 4)),
      );
      const expected = krippendorffAlpha(units, 'ordinal');
      const got = alphaFromShapes(shapesOf(units), 'ordinal');
      expect(got.units).toBe(expected.units);
      if (expected.alpha === null) expect(got.alpha).toBeNull();
      else expect(got.alpha).toBeCloseTo(expected.alpha, 10);
    }
  });

  it.each<[string, RatingShape[], boolean]>([
    [
      'everyone gave the same rating',
      [
        { ratings: [3, 3], units: 5 },
        { ratings: [3, 3, 3], units: 2 },
      ],
      true,
    ],
    ['no unit rated twice: not “all the same”, just no overlap', [{ ratings: [2], units: 4 }], false],
    ['nothing at all', [], false],
  ])('%s', (_label, shapes, allSame) => {
    const r = alphaFromShapes(shapes, 'ordinal');
    expect(r.alpha).toBeNull();
    expect(r.allSame).toBe(allSame);
    expect(bootstrapAlphaInterval(shapes, 'ordinal')).toBeNull();
  });
});

describe('bootstrap interval for alpha', () => {
  const shapes: RatingShape[] = [
    { ratings: [1, 1, 2], units: 6 },
    { ratings: [2, 2, 3], units: 9 },
    { ratings: [3, 3, 4], units: 8 },
    { ratings: [2, 3], units: 5 },
    { ratings: [4, 4], units: 4 },
    { ratings: [1, 3], units: 2 },
  ];

  it('is reproducible: the same data gives the same interval, whatever the order of the shapes', () => {
    const a = bootstrapAlphaInterval(shapes, 'ordinal')!;
    expect(bootstrapAlphaInterval(shapes, 'ordinal')).toEqual(a);
    expect(bootstrapAlphaInterval([...shapes].reverse(), 'ordinal')).toEqual(a);
    expect(bootstrapAlphaInterval(shapes, 'ordinal', { seed: 99 })).not.toEqual(a);
  });

  it('holds the point estimate, and narrows as the units grow', () => {
    const alpha = alphaFromShapes(shapes, 'ordinal').alpha!;
    const small = bootstrapAlphaInterval(shapes, 'ordinal')!;
    expect(small.low).toBeLessThan(alpha);
    expect(small.high).toBeGreaterThan(alpha);
    const large = bootstrapAlphaInterval(
      shapes.map((s) => ({ ...s, units: s.units * 100 })),
      'ordinal',
    )!;
    expect(large.low).toBeLessThan(alpha + 1e-9);
    expect(large.high).toBeGreaterThan(alpha - 1e-9);
    expect(large.high - large.low).toBeLessThan((small.high - small.low) / 5);
  });

  it('stays fast at a large organization: 400,000 units', () => {
    const started = Date.now();
    const big = shapes.map((s) => ({ ...s, units: s.units * 10_000 }));
    const r = bootstrapAlphaInterval(big, 'ordinal')!;
    expect(r.high - r.low).toBeLessThan(0.02);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('covers the population’s alpha about 95% of the time on a synthetic panel', () => {
    // Three raters read a true level 1–4 right with probability 0.6, else one step off (kept in 1–4).
    const rng = seededRandom(11);
    const unit = () => {
      const truth = 1 + Math.floor(rng() * 4);
      return [0, 1, 2].map(() => {
        if (rng() < 0.6) return truth;
        const off = truth + (rng() < 0.5 ? -1 : 1);
        return Math.min(4, Math.max(1, off));
      });
    };
    const population = alphaFromShapes(shapesOf(Array.from({ length: 200_000 }, unit)), 'ordinal').alpha!;
    let covered = 0;
    const runs = 200;
    for (let run = 0; run < runs; run++) {
      const sample = shapesOf(Array.from({ length: 60 }, unit));
      const i = bootstrapAlphaInterval(sample, 'ordinal', { seed: run + 1 })!;
      if (i.low <= population && population <= i.high) covered++;
    }
    expect(covered / runs).toBeGreaterThan(0.88);
    expect(covered / runs).toBeLessThan(0.99);
  });
});

describe('the random draws behind the bootstrap', () => {
  it('a seed gives the same sequence; another seed another', () => {
    const a = seededRandom(5);
    const b = seededRandom(5);
    const c = seededRandom(6);
    const xs = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c())).not.toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it.each([
    [20, 0.3],
    [50, 0.9],
    [1000, 0.3],
    [1_000_000, 0.01],
    [1_000_000, 0.000002],
  ])('Binomial(%i, %f) has the right mean and variance', (n, p) => {
    const rng = seededRandom(n);
    const draws = Array.from({ length: 20_000 }, () => binomial(rng, n, p));
    expect(draws.every((k) => Number.isInteger(k) && k >= 0 && k <= n)).toBe(true);
    const mean = draws.reduce((a, b) => a + b, 0) / draws.length;
    const variance = draws.reduce((a, b) => a + (b - mean) ** 2, 0) / (draws.length - 1);
    const v = n * p * (1 - p);
    expect(Math.abs(mean - n * p)).toBeLessThan(5 * Math.sqrt(v / draws.length));
    expect(variance / v).toBeGreaterThan(0.9);
    expect(variance / v).toBeLessThan(1.1);
  });

  it('the large-n method fits the exact binomial distribution (chi-square, n = 200, p = 0.35)', () => {
    const n = 200;
    const p = 0.35;
    const draws = 50_000;
    const rng = seededRandom(3);
    const seen = new Map<number, number>();
    for (let i = 0; i < draws; i++) {
      const k = binomial(rng, n, p);
      seen.set(k, (seen.get(k) ?? 0) + 1);
    }
    const pmf = (k: number) =>
      Math.exp(lnGamma(n + 1) - lnGamma(k + 1) - lnGamma(n - k + 1) + k * Math.log(p) + (n - k) * Math.log(1 - p));
    // Bins of expected count ≥ 5, the tails pooled.
    let chi = 0;
    let bins = 0;
    let tailObserved = 0;
    let tailExpected = 0;
    for (let k = 0; k <= n; k++) {
      const e = draws * pmf(k);
      const o = seen.get(k) ?? 0;
      if (e < 5) {
        tailObserved += o;
        tailExpected += e;
        continue;
      }
      chi += (o - e) ** 2 / e;
      bins++;
    }
    chi += (tailObserved - tailExpected) ** 2 / tailExpected;
    // About 40 degrees of freedom: the 0.999 quantile of chi-square(40) is 73.4.
    expect(bins).toBeGreaterThan(30);
    expect(chi).toBeLessThan(73.4);
  });

  it('a multinomial draw puts every unit somewhere, in proportion to the weights', () => {
    const rng = seededRandom(8);
    const totals = [0, 0, 0];
    for (let i = 0; i < 2000; i++) {
      const k = multinomial(rng, 1000, [1, 3, 6]);
      expect(k.reduce((a, b) => a + b, 0)).toBe(1000);
      k.forEach((x, j) => (totals[j]! += x));
    }
    expect(totals.map((t) => t / 2_000_000)).toEqual([
      expect.closeTo(0.1, 2),
      expect.closeTo(0.3, 2),
      expect.closeTo(0.6, 2),
    ]);
  });

  it('percentiles interpolate between order statistics', () => {
    expect(quantileSorted([1, 2, 3, 4, 5], 0.5)).toBe(3);
    expect(quantileSorted([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantileSorted([0, 10], 0.025)).toBeCloseTo(0.25, 12);
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
    ['shares', MIN_SCORECARDS],
    ['alpha', MIN_ALPHA_UNITS],
  ] as const)('the %s threshold (%i) is enough from the threshold up, and the figure is kept below it', (_f, min) => {
    expect(sampled(0.25, min - 1, min)).toEqual({ value: 0.25, sample: min - 1, enough: false });
    expect(sampled(0.25, min, min)).toEqual({ value: 0.25, sample: min, enough: true });
    expect(sampled(null, 0, min)).toEqual({ value: null, sample: 0, enough: false });
  });
});
