import { describe, expect, it } from '@jest/globals';
import {
  apartReason,
  cardOveralls,
  checkDecision,
  compareCandidates,
  compensationFit,
  coverageShare,
  pooledRaterSd,
  sampleSd,
  separable,
  standardError,
  type TierInput,
  csvCell,
  expectationFit,
  toCsv,
  disagreements,
  panelScores,
  scorecardCompetencyScores,
  stageForDecision,
  stat,
  type PanelScorecard,
  type Recommendation,
} from './index.js';

const weights = [
  { key: 'tech', weight: 40 },
  { key: 'lead', weight: 30 },
  { key: 'mentor', weight: 20 },
  { key: 'comm', weight: 10 },
];

function card(
  id: string,
  recommendation: Recommendation | null,
  ratings: [criterion: string, competency: string, rating: number | null][],
): PanelScorecard {
  return {
    id,
    recommendation,
    ratings: ratings.map(([criterionKey, competencyKey, rating]) => ({ criterionKey, competencyKey, rating })),
  };
}

describe('stat', () => {
  it.each([
    [[], null],
    [[3], { mean: 3, count: 1, min: 3, max: 3, spread: 0 }],
    [[1, 4], { mean: 2.5, count: 2, min: 1, max: 4, spread: 3 }],
    [[2, 3, 4], { mean: 3, count: 3, min: 2, max: 4, spread: 2 }],
  ])('%j', (values, expected) => {
    expect(stat(values)).toEqual(expected);
  });
});

describe('scorecardCompetencyScores', () => {
  it.each<[string, PanelScorecard, Record<string, number>]>([
    [
      'mean of rated criteria',
      card('a', 'yes', [
        ['t1', 'tech', 2],
        ['t2', 'tech', 4],
        ['l1', 'lead', 3],
      ]),
      { tech: 3, lead: 3 },
    ],
    [
      'not assessed is left out, not zero',
      card('a', 'yes', [
        ['t1', 'tech', 4],
        ['t2', 'tech', null],
      ]),
      { tech: 4 },
    ],
    ['a competency with only not assessed has no score', card('a', 'yes', [['t1', 'tech', null]]), {}],
  ])('%s', (_label, c, expected) => {
    expect(Object.fromEntries(scorecardCompetencyScores(c))).toEqual(expected);
  });
});

describe('panelScores', () => {
  const panel = [
    card('ana', 'yes', [
      ['t1', 'tech', 3],
      ['t2', 'tech', 4],
      ['l1', 'lead', 2],
    ]),
    card('ben', 'strong_yes', [
      ['t1', 'tech', 4],
      ['t2', 'tech', 4],
      ['m1', 'mentor', null],
    ]),
    card('cy', 'no', [
      ['t1', 'tech', 2],
      ['l1', 'lead', 4],
    ]),
  ];
  const scores = panelScores(panel, weights);

  it('averages each competency over the scorecards that rated it, with count and spread', () => {
    expect(scores.competencies).toEqual([
      { key: 'tech', weight: 40, stat: { mean: (3.5 + 4 + 2) / 3, count: 3, min: 2, max: 4, spread: 2 } },
      { key: 'lead', weight: 30, stat: { mean: 3, count: 2, min: 2, max: 4, spread: 2 } },
      { key: 'mentor', weight: 20, stat: null },
      { key: 'comm', weight: 10, stat: null },
    ]);
  });

  it('weights the overall over the competencies with data only', () => {
    expect(scores.overall).toBeCloseTo((((3.5 + 4 + 2) / 3) * 40 + 3 * 30) / 70, 10);
  });

  it('gives each scorecard its own overall for the spread of the overall', () => {
    // ana: tech 3.5, lead 2 -> (140 + 60) / 70; ben: tech 4; cy: tech 2, lead 4 -> (80 + 120) / 70
    expect(scores.overallStat!.count).toBe(3);
    expect(scores.overallStat!.max).toBe(4);
    expect(scores.overallStat!.min).toBeCloseTo(200 / 70, 10);
  });

  it('tallies recommendations', () => {
    expect(scores.tally).toEqual({ strong_no: 0, no: 1, yes: 1, strong_yes: 1 });
  });

  it('has no overall without any rating', () => {
    expect(panelScores([card('a', null, [['t1', 'tech', null]])], weights)).toMatchObject({
      overall: null,
      overallStat: null,
    });
  });
});

describe('disagreements', () => {
  it.each<[string, PanelScorecard[], { criteria: string[]; competencies: string[]; recommendationSplit: boolean }]>([
    [
      'ratings one level apart agree',
      [card('a', 'yes', [['t1', 'tech', 3]]), card('b', 'strong_yes', [['t1', 'tech', 4]])],
      { criteria: [], competencies: [], recommendationSplit: false },
    ],
    [
      'two levels apart disagree on the criterion and its competency',
      [card('a', 'yes', [['t1', 'tech', 2]]), card('b', 'yes', [['t1', 'tech', 4]])],
      { criteria: ['t1'], competencies: ['tech'], recommendationSplit: false },
    ],
    [
      'criteria can disagree while competency means agree',
      [
        card('a', 'yes', [
          ['t1', 'tech', 1],
          ['t2', 'tech', 4],
        ]),
        card('b', 'yes', [
          ['t1', 'tech', 3],
          ['t2', 'tech', 3],
        ]),
      ],
      { criteria: ['t1'], competencies: [], recommendationSplit: false },
    ],
    [
      'a yes and a no split the panel',
      [card('a', 'yes', []), card('b', 'no', [])],
      { criteria: [], competencies: [], recommendationSplit: true },
    ],
    [
      'strong no and strong yes split the panel',
      [card('a', 'strong_no', []), card('b', 'strong_yes', []), card('c', null, [])],
      { criteria: [], competencies: [], recommendationSplit: true },
    ],
    [
      'competency scores exactly two levels apart disagree, though 11/3 − 5/3 is not quite 2 in floating point',
      [
        card('a', 'yes', [
          ['t1', 'tech', 4],
          ['t2', 'tech', 4],
          ['t3', 'tech', 3],
        ]),
        card('b', 'yes', [
          ['t1', 'tech', 2],
          ['t2', 'tech', 2],
          ['t3', 'tech', 1],
        ]),
      ],
      { criteria: ['t1', 't2', 't3'], competencies: ['tech'], recommendationSplit: false },
    ],
    [
      'not assessed never disagrees',
      [card('a', 'no', [['t1', 'tech', null]]), card('b', 'no', [['t1', 'tech', 4]])],
      {
        criteria: [],
        competencies: [],
        recommendationSplit: false,
      },
    ],
  ])('%s', (_label, panel, expected) => {
    expect(disagreements(panelScores(panel, weights))).toEqual(expected);
  });
});

describe('sampleSd and cardOveralls', () => {
  it.each<[number[], number | null]>([
    [[], null],
    [[3], null],
    [[2, 4], Math.SQRT2],
    [[3, 3, 3], 0],
    [[1, 2, 3, 4], Math.sqrt(5 / 3)],
  ])('sd of %j is %p', (values, expected) => {
    if (expected === null) expect(sampleSd(values)).toBeNull();
    else expect(sampleSd(values)).toBeCloseTo(expected, 12);
  });

  it('gives each scorecard its own weighted overall and leaves out a card without ratings', () => {
    expect(
      cardOveralls(
        [
          card('a', 'yes', [
            ['t1', 'tech', 4],
            ['l1', 'lead', 2],
          ]),
          card('b', 'no', [['t1', 'tech', null]]),
          card('c', 'no', [['m1', 'mentor', 1]]),
        ],
        weights,
      ),
    ).toEqual([(4 * 40 + 2 * 30) / 70, 1]);
  });
});

describe('standard errors', () => {
  it('pools the within-candidate variance of card overalls over candidates with two cards or more', () => {
    // (1·1² + 2·2²) / (1 + 2) = 3; one-card and no-card candidates add nothing.
    expect(
      pooledRaterSd([
        { cards: 2, cardSd: 1 },
        { cards: 3, cardSd: 2 },
        { cards: 1, cardSd: null },
        { cards: 0, cardSd: null },
      ]),
    ).toBeCloseTo(Math.sqrt(3), 12);
    expect(pooledRaterSd([{ cards: 1, cardSd: null }])).toBeNull();
    expect(pooledRaterSd([])).toBeNull();
  });

  it.each<[string, { cards: number; cardSd: number | null }, number | null, { value: number | null; basis: string }]>([
    ['own, k = 4', { cards: 4, cardSd: 0.8 }, 0.5, { value: 0.4, basis: 'own' }],
    ['own, k = 2, SD 0', { cards: 2, cardSd: 0 }, 0.5, { value: 0, basis: 'own' }],
    ['one card: the pooled rater SD', { cards: 1, cardSd: null }, 0.6, { value: 0.6, basis: 'pooled' }],
    ['one card, nothing to pool', { cards: 1, cardSd: null }, null, { value: null, basis: 'unknown' }],
    ['no card', { cards: 0, cardSd: null }, 0.6, { value: null, basis: 'unknown' }],
  ])('%s', (_label, item, pooled, expected) => {
    const se = standardError(item, pooled);
    expect(se.basis).toBe(expected.basis);
    if (expected.value === null) expect(se.value).toBeNull();
    else expect(se.value).toBeCloseTo(expected.value, 12);
  });

  it.each<[number, number | null, number, number | null, number, boolean]>([
    // gap, threshold = z·√(a² + b²)
    [3.3, 0.2, 3.0, 0.2, 1, true], // 0.3 > 0.283
    [3.3, 0.3, 3.0, 0.3, 1, false], // 0.3 < 0.424
    [3.3, 0.2, 3.0, 0.2, 2, false], // 0.3 < 0.566
    [3.5, 0.3, 3.0, 0.4, 1, false], // exactly 0.5: not beyond it
    [3.0, 0, 3.0, 0, 1, false], // no gap, no error: still one tier
    [4.0, null, 1.0, 0.1, 1, false], // an unknown error separates nobody
  ])('%f ± %p vs %f ± %p at z = %f: apart %s', (a, sa, b, sb, z, apart) => {
    expect(separable({ overall: a, se: sa }, { overall: b, se: sb }, z)).toBe(apart);
    expect(separable({ overall: b, se: sb }, { overall: a, se: sa }, z)).toBe(apart);
  });
});

describe('coverage and apart', () => {
  it.each<[string[], number]>([
    [['tech', 'lead', 'mentor', 'comm'], 1],
    [['tech', 'lead'], 0.7],
    [['comm'], 0.1],
    [[], 0],
  ])('%j covers %f of the weight', (keys, share) => {
    expect(coverageShare(weights, new Set(keys))).toBeCloseTo(share, 12);
  });

  it.each<[string, Parameters<typeof apartReason>[0], string | null]>([
    [
      'rejected',
      { stage: 'rejected', latestDecision: 'no_hire', dealbreakers: 1, dealbreakersAcknowledged: false },
      'rejected',
    ],
    [
      'withdrawn',
      { stage: 'withdrawn', latestDecision: null, dealbreakers: 0, dealbreakersAcknowledged: false },
      'withdrawn',
    ],
    [
      'no hire held at debrief',
      { stage: 'debrief', latestDecision: 'no_hire', dealbreakers: 0, dealbreakersAcknowledged: false },
      'no_hire',
    ],
    [
      'unacknowledged dealbreaker',
      { stage: 'debrief', latestDecision: 'hold', dealbreakers: 2, dealbreakersAcknowledged: false },
      'dealbreaker',
    ],
    [
      'acknowledged dealbreaker',
      { stage: 'offer', latestDecision: 'hire', dealbreakers: 2, dealbreakersAcknowledged: true },
      null,
    ],
    [
      'nothing against',
      { stage: 'debrief', latestDecision: 'hold', dealbreakers: 0, dealbreakersAcknowledged: false },
      null,
    ],
  ])('%s', (_label, input, reason) => {
    expect(apartReason(input)?.reason ?? null).toBe(reason);
  });

  it('explains the dealbreaker in words', () => {
    expect(
      apartReason({ stage: 'debrief', latestDecision: null, dealbreakers: 1, dealbreakersAcknowledged: false }),
    ).toEqual({
      reason: 'dealbreaker',
      message: 'An interviewer flagged a dealbreaker nobody has acknowledged.',
    });
  });
});

/** A candidate for `compareCandidates`: fully covered, nothing against, k cards with the given SD. */
function cand(
  id: string,
  overall: number | null,
  cards = 2,
  cardSd: number | null = 0.2,
  extra: Partial<TierInput> = {},
): TierInput {
  return { id, overall, cards, cardSd: cards >= 2 ? cardSd : null, coverage: 1, apart: null, ...extra };
}

const tiersOf = (items: TierInput[], z?: number) =>
  compareCandidates(items, z).map((r) => [r.id, r.tier] as [string, number | null]);

describe('compareCandidates', () => {
  it('lists a rejected candidate with a dealbreaker apart instead of tying it with two 3.3s (the issue’s case)', () => {
    const dealbreaker = { reason: 'dealbreaker' as const, message: 'flagged' };
    // With the old rule the 2.6 was "1=" through its spread; now it is apart, below the tiers.
    expect(
      tiersOf([cand('low', 2.6, 3, 1.5, { apart: dealbreaker }), cand('a', 3.3, 2, 0.3), cand('b', 3.3, 2, 0.3)]),
    ).toEqual([
      ['a', 1],
      ['b', 1],
      ['low', null],
    ]);
  });

  it('never ties a candidate to the leader through a chain', () => {
    // SE 0.2 each: threshold 0.283. a–b 0.2 (tied), b–c 0.2 (tied), a–c 0.4 (apart).
    expect(tiersOf([cand('c', 2.9, 4, 0.4), cand('a', 3.3, 4, 0.4), cand('b', 3.1, 4, 0.4)])).toEqual([
      ['a', 1],
      ['b', 1],
      ['c', 2],
    ]);
  });

  it('starts the next tier at the first candidate the leader is separated from', () => {
    // SE 0.1: threshold 0.141. 3.5 | 3.2, 3.1 | 2.8
    expect(
      tiersOf([cand('a', 3.5, 4, 0.2), cand('b', 3.2, 4, 0.2), cand('c', 3.1, 4, 0.2), cand('d', 2.8, 4, 0.2)]),
    ).toEqual([
      ['a', 1],
      ['b', 2],
      ['c', 2],
      ['d', 3],
    ]);
  });

  it('reads z: a wider margin merges tiers, a narrower one splits them', () => {
    const items = [cand('a', 3.5, 4, 0.2), cand('b', 3.2, 4, 0.2), cand('c', 3.1, 4, 0.2)];
    // SE 0.1 each: the threshold is z·0.141. Gaps: a–b 0.3, a–c 0.4, b–c 0.1.
    expect(tiersOf(items, 3).map(([, t]) => t)).toEqual([1, 1, 1]); // 0.424: nothing apart
    expect(tiersOf(items).map(([, t]) => t)).toEqual([1, 2, 2]); // 0.141: a apart, b and c together
    expect(tiersOf(items, 0.5).map(([, t]) => t)).toEqual([1, 2, 3]); // 0.071: all apart
  });

  it('gives a one-card candidate the pooled rater error, and an unknown error when nothing pools', () => {
    // Pooled SD over a (k = 2, SD 0.1) and b (k = 2, SD 0.1) is 0.1; c has one card: SE 0.1.
    const res = compareCandidates([cand('a', 3.6, 2, 0.1), cand('b', 3.0, 2, 0.1), cand('c', 2.0, 1)]);
    expect(res.find((r) => r.id === 'c')!.se).toEqual({ value: expect.closeTo(0.1, 12), basis: 'pooled' });
    expect(res.map((r) => r.tier)).toEqual([1, 2, 3]);
    // Only one-card candidates: nothing pools, nobody is separable.
    const alone = compareCandidates([cand('a', 4, 1), cand('b', 1, 1)]);
    expect(alone.map((r) => [r.id, r.tier, r.se.basis])).toEqual([
      ['a', 1, 'unknown'],
      ['b', 1, 'unknown'],
    ]);
  });

  it('never puts a partial overall above a fully covered one, and marks it', () => {
    const res = compareCandidates([
      cand('partialHigh', 3.9, 3, 0.1, { coverage: 0.6 }),
      cand('full', 2.0, 3, 0.1),
      cand('partialLow', 1.5, 3, 0.1, { coverage: 0.6 }),
    ]);
    expect(res.map((r) => [r.id, r.tier, r.partial])).toEqual([
      ['full', 1, false],
      ['partialHigh', 2, true],
      ['partialLow', 3, true],
    ]);
  });

  it('lists candidates without scores last, with no tier', () => {
    expect(tiersOf([cand('none', null, 0), cand('a', 3, 2)])).toEqual([
      ['a', 1],
      ['none', null],
    ]);
  });

  /** A seeded generator (mulberry32), so a failing case can be replayed. */
  function rng(seed: number) {
    let a = seed >>> 0;
    return () => {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  it('on 2,000 random comparisons: tiers are decided against their head, never through a chain, whatever the input order', () => {
    const random = rng(18);
    for (let run = 0; run < 2000; run++) {
      const n = 2 + Math.floor(random() * 7);
      const items: TierInput[] = Array.from({ length: n }, (_, i) => {
        const cards = Math.floor(random() * 4); // 0 to 3
        return {
          id: `c${i}`,
          overall: cards === 0 ? null : 1 + Math.round(random() * 30) / 10,
          cards,
          cardSd: cards >= 2 ? Math.round(random() * 10) / 10 : null,
          coverage: random() < 0.25 ? 0.5 : 1,
          apart: random() < 0.15 ? { reason: 'no_hire', message: 'No hire.' } : null,
        };
      });
      const z = [0.5, 1, 2][Math.floor(random() * 3)]!;
      const res = compareCandidates(items, z);
      const byId = new Map(items.map((i) => [i.id, i]));
      const point = (id: string) => {
        const r = res.find((x) => x.id === id)!;
        return { overall: byId.get(id)!.overall, se: r.se.value };
      };
      // Same result whatever order the candidates come in.
      expect(compareCandidates([...items].reverse(), z)).toEqual(res);
      const tiered = res.filter((r) => r.tier !== null);
      // Tiers are numbered 1, 2, 3… in display order.
      tiered.forEach((r, i) => {
        if (i === 0) expect(r.tier).toBe(1);
        else expect(r.tier! - tiered[i - 1]!.tier!).toBeGreaterThanOrEqual(0);
        if (i > 0) expect(r.tier! - tiered[i - 1]!.tier!).toBeLessThanOrEqual(1);
      });
      const heads = new Map<number, string>();
      for (const r of tiered) if (!heads.has(r.tier!)) heads.set(r.tier!, r.id);
      for (const r of tiered) {
        const head = heads.get(r.tier!)!;
        // Every member is inseparable from its own tier's head…
        if (r.id !== head) expect(separable(point(head), point(r.id), z)).toBe(false);
        // …and separable from the head of every tier above it of the same coverage group.
        for (const [t, h] of heads) {
          if (t >= r.tier!) continue;
          const sameGroup = res.find((x) => x.id === h)!.partial === r.partial;
          if (sameGroup) expect(separable(point(h), point(r.id), z)).toBe(true);
        }
        // No partial candidate sits in a tier above a fully covered one.
        if (r.partial) for (const f of tiered.filter((x) => !x.partial)) expect(f.tier!).toBeLessThan(r.tier!);
        // A head has the highest overall of its tier.
        expect(byId.get(head)!.overall!).toBeGreaterThanOrEqual(byId.get(r.id)!.overall!);
      }
      // Apart and unscored candidates carry no tier and come after every tiered one.
      for (const r of res) {
        const item = byId.get(r.id)!;
        if (item.apart !== null || item.overall === null) expect(r.tier).toBeNull();
        else expect(r.tier).not.toBeNull();
      }
      expect(res.slice(0, tiered.length).every((r) => r.tier !== null)).toBe(true);
    }
  });
});

describe('decisions', () => {
  it.each([
    ['hire', 'offer'],
    ['no_hire', 'rejected'],
    ['hold', null],
  ] as const)('%s moves the application to %s', (decision, stage) => {
    expect(stageForDecision(decision)).toBe(stage);
  });

  it.each([
    ['hire', 'debrief', 0, false, true],
    ['hire', 'debrief', 1, false, false],
    ['hire', 'debrief', 2, true, true],
    ['no_hire', 'debrief', 1, false, true],
    ['hold', 'debrief', 1, false, true],
    ['hire', 'interviews', 0, false, false],
    ['no_hire', 'offer', 0, false, false],
  ] as const)('%s at %s with %i dealbreakers (acknowledged %s): %s', (decision, stage, dealbreakers, ack, ok) => {
    expect(checkDecision({ decision, stage, dealbreakers, acknowledgedDealbreakers: ack }).ok).toBe(ok);
  });

  it('explains the dealbreaker acknowledgement', () => {
    expect(
      checkDecision({ decision: 'hire', stage: 'debrief', dealbreakers: 1, acknowledgedDealbreakers: false }),
    ).toEqual({
      ok: false,
      code: 'dealbreaker_not_acknowledged',
      message: 'An interviewer flagged a dealbreaker. Acknowledge it to hire anyway.',
    });
  });
});

describe('expectationFit', () => {
  it.each([
    [
      { desiredCodingSharePct: 70, desiredCareerPath: 'technical' },
      { codingSharePct: 60, careerPath: 'technical' },
      { codingShareGap: 10, careerPathMatch: true, compensation: null },
    ],
    [
      { desiredCodingSharePct: 20, desiredCareerPath: 'management' },
      { codingSharePct: 60, careerPath: 'technical' },
      { codingShareGap: -40, careerPathMatch: false, compensation: null },
    ],
    [
      { desiredCodingSharePct: null, desiredCareerPath: 'undecided' },
      { codingSharePct: 60, careerPath: 'technical' },
      { codingShareGap: null, careerPathMatch: null, compensation: null },
    ],
    [
      { desiredCodingSharePct: 50, desiredCareerPath: 'executive' },
      { codingSharePct: null, careerPath: 'open' },
      { codingShareGap: null, careerPathMatch: null, compensation: null },
    ],
  ])('%j against %j', (candidate, opening, expected) => {
    expect(expectationFit(candidate, opening)).toEqual(expected);
  });
});

describe('compensationFit', () => {
  const band = { currency: 'USD', minMinor: 190_000_00, maxMinor: 250_000_00 };
  it.each<[string, { currency: string; amountMinor: number } | null, typeof band | null, string | null]>([
    ['under the minimum', { currency: 'USD', amountMinor: 189_999_99 }, band, 'under'],
    ['at the minimum', { currency: 'USD', amountMinor: 190_000_00 }, band, 'within'],
    ['at the maximum', { currency: 'USD', amountMinor: 250_000_00 }, band, 'within'],
    ['over the maximum', { currency: 'USD', amountMinor: 250_000_01 }, band, 'over'],
    ['another currency', { currency: 'EUR', amountMinor: 200_000_00 }, band, null],
    ['no expectation', null, band, null],
    ['no band', { currency: 'USD', amountMinor: 200_000_00 }, null, null],
  ])('%s', (_label, expectation, b, expected) => {
    expect(compensationFit(expectation, b)).toBe(expected);
  });

  it('sits beside coding share and career path in expectationFit', () => {
    expect(
      expectationFit(
        {
          desiredCodingSharePct: 40,
          desiredCareerPath: 'technical',
          compensationExpectation: { currency: 'USD', amountMinor: 300_000_00 },
        },
        { codingSharePct: 40, careerPath: 'technical', compensation: band },
      ),
    ).toEqual({ codingShareGap: 0, careerPathMatch: true, compensation: 'over' });
  });
});

describe('csv', () => {
  it.each<[string | number | null, string]>([
    ['plain', 'plain'],
    ['=SUM(A1:A9)', "'=SUM(A1:A9)"],
    ['+1 555', "'+1 555"],
    ['-2', "'-2"],
    ['@cmd', "'@cmd"],
    [-2, '-2'],
    [3.25, '3.25'],
    ['a, b', '"a, b"'],
    ['say "hi"', '"say ""hi"""'],
    ['=1,2', `"'=1,2"`],
    [null, ''],
  ])('%j -> %s', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it('joins rows with CRLF', () => {
    expect(
      toCsv([
        ['name', 'score'],
        ['Ada', 3.5],
      ]),
    ).toBe('name,score\r\nAda,3.5\r\n');
  });
});
