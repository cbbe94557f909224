import { describe, expect, it } from '@jest/globals';
import {
  checkDecision,
  csvCell,
  expectationFit,
  toCsv,
  disagreements,
  panelScores,
  rankCandidates,
  scorecardCompetencyScores,
  stageForDecision,
  stat,
  tooCloseToSeparate,
  type PanelScorecard,
  type Recommendation,
} from './scoring.js';

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

describe('tooCloseToSeparate and rankCandidates', () => {
  it.each([
    [3.1, 0, 3.0, 0, true],
    [3.5, 0, 3.0, 0, false],
    [3.5, 1.5, 3.0, 0, true],
    [3.5, 0.5, 3.0, 0.5, false],
    [13 / 6, 0, 23 / 12, 0, false], // 0.25 apart on paper, 0.2499999… in floating point
  ])('%f (spread %f) vs %f (spread %f): too close %s', (a, sa, b, sb, close) => {
    expect(tooCloseToSeparate({ overall: a, spread: sa }, { overall: b, spread: sb })).toBe(close);
  });

  it('ranks by overall, shares a rank when too close, and puts candidates without data last', () => {
    expect(
      rankCandidates([
        { id: 'c', overall: 2.0, spread: 0 },
        { id: 'a', overall: 3.6, spread: 0 },
        { id: 'none', overall: null, spread: 0 },
        { id: 'b', overall: 3.5, spread: 0 },
      ]),
    ).toEqual([
      { id: 'a', rank: 1, tiedWithAbove: false },
      { id: 'b', rank: 1, tiedWithAbove: true },
      { id: 'c', rank: 3, tiedWithAbove: false },
      { id: 'none', rank: null, tiedWithAbove: false },
    ]);
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
      { codingShareGap: 10, careerPathMatch: true },
    ],
    [
      { desiredCodingSharePct: 20, desiredCareerPath: 'management' },
      { codingSharePct: 60, careerPath: 'technical' },
      { codingShareGap: -40, careerPathMatch: false },
    ],
    [
      { desiredCodingSharePct: null, desiredCareerPath: 'undecided' },
      { codingSharePct: 60, careerPath: 'technical' },
      { codingShareGap: null, careerPathMatch: null },
    ],
    [
      { desiredCodingSharePct: 50, desiredCareerPath: 'executive' },
      { codingSharePct: null, careerPath: 'open' },
      { codingShareGap: null, careerPathMatch: null },
    ],
  ])('%j against %j', (candidate, opening, expected) => {
    expect(expectationFit(candidate, opening)).toEqual(expected);
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
