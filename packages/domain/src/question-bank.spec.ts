import { describe, expect, it } from '@jest/globals';
import { pointBiserial } from './adverse-impact.js';
import {
  AGREEMENT_FLOOR,
  MIN_DECIDED_RATINGS,
  MIN_QUESTION_RATINGS,
  modalShare,
  pointBiserialFromCounts,
  questionFigures,
  removeQuestion,
  SEPARATES_NOBODY_SHARE,
  type QuestionCounts,
  type RatingCounts,
} from './question-bank.js';

const none: RatingCounts = [0, 0, 0, 0];
const counts = (over: Partial<QuestionCounts>): QuestionCounts => ({
  asked: 0,
  distribution: none,
  shapes: [],
  hired: none,
  notHired: none,
  ...over,
});

describe('the point-biserial correlation from counts', () => {
  // Worked by hand: hired 4, 4, 3 (mean 11/3), no hire 2, 3, 1 (mean 2); all six: mean 17/6, sum of
  // squares 55, population variance 55/6 − (17/6)² = 41/36, s = 1.067187; p = q = 1/2:
  // r = (11/3 − 2) / 1.067187 · 0.5 = 0.780869. SciPy's pointbiserialr gives 0.7808688094430303.
  // The second: hired 4, 3, 3, 3; no hire 2, 3, 2, 1, 2, 3 → SciPy 0.6634034720037771.
  it.each([
    [[0, 0, 1, 2], [1, 1, 1, 0], 0.7808688094430303],
    [[0, 0, 3, 1], [1, 3, 2, 0], 0.6634034720037771],
    [[0, 0, 0, 0], [1, 3, 2, 0], null],
    [[0, 0, 5, 0], [0, 0, 4, 0], null],
    [[1, 0, 0, 0], [0, 0, 0, 0], null],
  ] as const)('hired %j, no hire %j → r = %p', (hired, notHired, r) => {
    const value = pointBiserialFromCounts(hired, notHired);
    if (r === null) expect(value).toBeNull();
    else expect(value).toBeCloseTo(r, 12);
  });

  it('is the same figure as pointBiserial over the ratings written out', () => {
    const hired: RatingCounts = [2, 1, 4, 3];
    const notHired: RatingCounts = [3, 5, 1, 0];
    const pairs = [
      ...hired.flatMap((k, i) => Array.from({ length: k }, () => ({ rating: i + 1, hired: true }))),
      ...notHired.flatMap((k, i) => Array.from({ length: k }, () => ({ rating: i + 1, hired: false }))),
    ];
    expect(pointBiserialFromCounts(hired, notHired)).toBeCloseTo(pointBiserial(pairs)!, 12);
  });
});

describe('the modal share', () => {
  it.each([
    [[0, 1, 9, 0], 0.9],
    [[2, 2, 2, 2], 0.25],
    [[0, 0, 0, 0], null],
  ] as const)('%j → %p', (distribution, share) => {
    expect(modalShare(distribution)).toBe(share);
  });
});

describe('question flags', () => {
  // 12 units where one interviewer said 1 and the other 4: only two levels, each with 12 values,
  // so D_e ∝ 2·12·12·d and D_o ∝ 2·12·d with d = (12 + 12 − 12)² = 144 for both; alpha =
  // 1 − (24 − 1) · 24·144 / (2·144·144) = 1 − 552/288 = −0.916667. Every resample is the same
  // shape, so the bootstrap interval is that value at both ends: wholly below 0.667.
  const split = [{ ratings: [1, 4], units: 12 }];
  // 6 units rated 1, 1 and 6 rated 4, 4: perfect agreement, alpha 1.
  const agreed = [
    { ratings: [1, 1], units: 6 },
    { ratings: [4, 4], units: 6 },
  ];

  it.each([
    ['9 ratings: too few to say anything', counts({ asked: 9, distribution: [0, 0, 9, 0] }), ['too_few_ratings']],
    [
      '10 ratings, 9 of them 3 (90%): separates nobody',
      counts({ asked: 10, distribution: [0, 1, 9, 0] }),
      ['separates_nobody'],
    ],
    ['10 ratings, 8 of them 3 (80%): no flag', counts({ asked: 10, distribution: [1, 1, 8, 0] }), []],
    [
      '24 ratings on 12 units of 1 against 4: raters disagree',
      counts({ asked: 24, distribution: [12, 0, 0, 12], shapes: split }),
      ['raters_disagree'],
    ],
    [
      '24 ratings on 12 units that agree: no flag',
      counts({ asked: 24, distribution: [12, 0, 0, 12], shapes: agreed }),
      [],
    ],
    [
      '18 ratings on 9 split units: too few units to call it',
      counts({ asked: 18, distribution: [9, 0, 0, 9], shapes: [{ ratings: [1, 4], units: 9 }] }),
      [],
    ],
  ] as const)('%s', (_, input, flags) => {
    expect(questionFigures(input).flags).toEqual(flags);
  });

  it('gives alpha, its interval and the units for the split question', () => {
    const f = questionFigures(counts({ asked: 24, distribution: [12, 0, 0, 12], shapes: split }));
    expect(f.agreement.alpha).toBeCloseTo(-0.9166666666666667, 12);
    expect(f.agreement.interval!.high).toBeCloseTo(-0.9166666666666667, 12);
    expect(f.agreement.interval!.high).toBeLessThan(AGREEMENT_FLOOR);
    expect(f.agreement).toMatchObject({ units: 12, enough: true, allSame: false });
  });

  it('withholds alpha below 10 units, but says how many there are', () => {
    const f = questionFigures(
      counts({ asked: 18, distribution: [9, 0, 0, 9], shapes: [{ ratings: [1, 4], units: 9 }] }),
    );
    expect(f.agreement).toEqual({ alpha: null, interval: null, units: 9, enough: false, allSame: false });
  });

  it('says everyone gave the same rating rather than inventing an alpha', () => {
    const f = questionFigures(
      counts({ asked: 20, distribution: [0, 0, 20, 0], shapes: [{ ratings: [3, 3], units: 10 }] }),
    );
    expect(f.agreement).toMatchObject({ alpha: null, units: 10, allSame: true });
    expect(f.flags).toEqual(['separates_nobody']);
  });

  it('counts what was asked but not rated as not assessed', () => {
    // Asked 12 times, rated 9 times: 3 not assessed, a quarter.
    const f = questionFigures(counts({ asked: 12, distribution: [1, 2, 3, 3] }));
    expect(f).toMatchObject({ rated: 9, notAssessed: 3, notAssessedShare: 0.25 });
  });

  it(`shows the correlation from ${MIN_DECIDED_RATINGS} decided ratings, not before`, () => {
    const nine = questionFigures(counts({ hired: [0, 0, 3, 1], notHired: [1, 3, 1, 0] }));
    expect(nine.decision).toEqual({ correlation: null, ratings: 9, hired: 4, notHired: 5, enough: false });
    const ten = questionFigures(counts({ hired: [0, 0, 3, 1], notHired: [1, 3, 2, 0] }));
    expect(ten.decision.correlation).toBeCloseTo(0.6634034720037771, 12);
    expect(ten.decision).toMatchObject({ ratings: 10, enough: true });
  });

  it('states its thresholds', () => {
    expect([MIN_QUESTION_RATINGS, SEPARATES_NOBODY_SHARE, AGREEMENT_FLOOR, MIN_DECIDED_RATINGS]).toEqual([
      10, 0.9, 0.667, 10,
    ]);
  });
});

describe('taking a question out of a draft', () => {
  const content = {
    competencies: [
      { key: 'c1', name: 'Depth', criteria: [{ key: 'a' }, { key: 'b' }] },
      { key: 'c2', name: 'Mentoring', criteria: [{ key: 'c' }] },
    ],
  };

  it('leaves the other questions and competencies as they were', () => {
    expect(removeQuestion(content, 'a')).toEqual({
      outcome: 'removed',
      content: {
        competencies: [
          { key: 'c1', name: 'Depth', criteria: [{ key: 'b' }] },
          { key: 'c2', name: 'Mentoring', criteria: [{ key: 'c' }] },
        ],
      },
    });
  });

  it('refuses to take the last question of a competency', () => {
    expect(removeQuestion(content, 'c')).toEqual({ outcome: 'last_criterion', competency: 'Mentoring' });
  });

  it('says when the draft no longer holds the question', () => {
    expect(removeQuestion(content, 'zz')).toEqual({ outcome: 'not_in_draft' });
  });
});
