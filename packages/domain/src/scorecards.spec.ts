import { describe, expect, it } from '@jest/globals';
import {
  CONTRADICTION_THRESHOLDS,
  canSeePanelFeedback,
  recommendationContradiction,
  scorecardIssues,
  unaskedRatings,
  unknownScorecardKeys,
  type ScorecardContent,
} from './scorecards.js';

const A = 'a0000000-0000-4000-8000-000000000001';
const B = 'b0000000-0000-4000-8000-000000000002';
const F = 'f0000000-0000-4000-8000-000000000003';
const criteria = [
  { key: A, title: 'Designs for change' },
  { key: B, title: 'Explains trade-offs' },
];
const flags = [{ key: F, description: 'Blames the team.' }];

const content = (over: Partial<ScorecardContent> = {}): ScorecardContent => ({
  ratings: [
    { criterionKey: A, rating: 3, evidence: '' },
    { criterionKey: B, rating: null, evidence: '' },
  ],
  redFlags: [],
  recommendation: 'yes',
  ...over,
});

describe('scorecardIssues', () => {
  it.each<[string, Partial<ScorecardContent>, string[]]>([
    ['complete: a 3 without evidence and a not assessed', {}, []],
    ['a criterion left unanswered', { ratings: [{ criterionKey: A, rating: 2, evidence: '' }] }, [`ratings.${B}`]],
    [
      'a 4 without evidence',
      {
        ratings: [
          { criterionKey: A, rating: 4, evidence: '  ' },
          { criterionKey: B, rating: 2, evidence: '' },
        ],
      },
      [`ratings.${A}.evidence`],
    ],
    [
      'a 1 without evidence',
      {
        ratings: [
          { criterionKey: A, rating: 3, evidence: '' },
          { criterionKey: B, rating: 1, evidence: '' },
        ],
      },
      [`ratings.${B}.evidence`],
    ],
    [
      'a 1 and a 4 with evidence',
      {
        ratings: [
          { criterionKey: A, rating: 1, evidence: 'Could not name a trade-off.' },
          { criterionKey: B, rating: 4, evidence: 'Walked through three options.' },
        ],
      },
      [],
    ],
    ['a red flag without evidence', { redFlags: [{ flagKey: F, evidence: '' }] }, [`redFlags.${F}.evidence`]],
    ['a red flag with evidence', { redFlags: [{ flagKey: F, evidence: 'Said the team was the problem.' }] }, []],
    ['no recommendation', { recommendation: null }, ['recommendation']],
    ['nothing at all', { ratings: [], recommendation: null }, [`ratings.${A}`, `ratings.${B}`, 'recommendation']],
  ])('%s', (_label, over, paths) => {
    expect(scorecardIssues(content(over), criteria, flags).map((i) => i.path)).toEqual(paths);
  });

  it('completeness is over the asked criteria only: an unasked one is never asked for', () => {
    const askedOnlyA = [criteria[0]!];
    expect(
      scorecardIssues(content({ ratings: [{ criterionKey: A, rating: 2, evidence: '' }] }), askedOnlyA, flags),
    ).toEqual([]);
  });

  it.each<[string, boolean | undefined, string[]]>([
    ['an assessment scorecard needs a recommendation', undefined, ['recommendation']],
    ['so does one that says so', true, ['recommendation']],
    ['the candidate’s questions scorecard needs no rating and no recommendation', false, []],
  ])('%s', (_label, needsRecommendation, paths) => {
    const asked = needsRecommendation === false ? [] : criteria;
    const c = content({ recommendation: null });
    expect(scorecardIssues(c, asked, flags, { needsRecommendation }).map((i) => i.path)).toEqual(paths);
  });

  it('says what is missing in words', () => {
    expect(
      scorecardIssues(
        content({ ratings: [{ criterionKey: A, rating: 4, evidence: '' }], redFlags: [{ flagKey: F, evidence: '' }] }),
        criteria,
        flags,
      ).map((i) => i.message),
    ).toEqual([
      'Add the evidence for rating “Designs for change” 4: ratings 1 and 4 need it.',
      'Rate “Explains trade-offs”, or mark it not assessed.',
      'Add the evidence for the red flag “Blames the team”.',
    ]);
  });
});

describe('unknownScorecardKeys', () => {
  const other = 'c0000000-0000-4000-8000-000000000009';
  it.each<[string, Pick<ScorecardContent, 'ratings' | 'redFlags'>, string[]]>([
    [
      'known keys',
      { ratings: [{ criterionKey: A, rating: 2, evidence: '' }], redFlags: [{ flagKey: F, evidence: 'x' }] },
      [],
    ],
    [
      'a criterion from elsewhere',
      { ratings: [{ criterionKey: other, rating: 2, evidence: '' }], redFlags: [] },
      ['ratings.0.criterionKey'],
    ],
    [
      'a red flag from elsewhere',
      { ratings: [], redFlags: [{ flagKey: other, evidence: 'x' }] },
      ['redFlags.0.flagKey'],
    ],
  ])('%s', (_label, c, paths) => {
    expect(unknownScorecardKeys(c, new Set([A, B]), new Set([F])).map((i) => i.path)).toEqual(paths);
  });
});

describe('unaskedRatings', () => {
  it.each<[string, string[], string[], string[]]>([
    ['every rating on an asked question', [A, B], [A, B], []],
    ['a rubric criterion the interview did not ask', [A], [A, B], ['ratings.1.criterionKey']],
    ['a not-assessed mark counts as a rating too', [B], [A], ['ratings.0.criterionKey']],
    [
      'nothing asked (the candidate’s questions): every rating refused',
      [],
      [A, B],
      ['ratings.0.criterionKey', 'ratings.1.criterionKey'],
    ],
  ])('%s', (_label, asked, rated, paths) => {
    const ratings = rated.map((k, i) => ({ criterionKey: k, rating: (i === 0 ? null : 3) as 3 | null, evidence: '' }));
    expect(unaskedRatings({ ratings }, new Set(asked)).map((i) => i.path)).toEqual(paths);
  });

  it('says the question was not asked', () => {
    expect(unaskedRatings({ ratings: [{ criterionKey: B, rating: 2, evidence: '' }] }, new Set([A]))[0]?.message).toBe(
      'This question was not asked in this interview: rate only the questions it asked.',
    );
  });
});

describe('recommendationContradiction', () => {
  it.each<[string, string | null, (number | null)[], number | null]>([
    ['no recommendation', null, [1, 1], null],
    ['no ratings', 'strong_yes', [], null],
    ['only "not assessed"', 'strong_yes', [null, null], null],
    ['strong yes on a mean of 2.5 is allowed', 'strong_yes', [2, 3], null],
    ['strong yes on a mean under 2.5', 'strong_yes', [2, 2, 3], 7 / 3],
    ['strong yes on all 1s', 'strong_yes', [1, 1], 1],
    ['"not assessed" is no zero: strong yes on 3 and n/a', 'strong_yes', [3, null], null],
    ['yes on a mean of 2.0 is allowed', 'yes', [2, 2], null],
    ['yes on a mean under 2.0', 'yes', [1, 2, 2], 5 / 3],
    ['no on a mean of 3.0 is allowed', 'no', [3, 3], null],
    ['no on a mean over 3.0', 'no', [3, 4], 3.5],
    ['strong no on a mean of 3.0 is allowed', 'strong_no', [2, 4], null],
    ['strong no on a mean over 3.0', 'strong_no', [4, 4, 3], 11 / 3],
    ['strong no on low ratings agrees', 'strong_no', [1, 2], null],
    ['strong yes on high ratings agrees', 'strong_yes', [4, 3], null],
    ['no on low ratings agrees', 'no', [1, 1], null],
    ['yes on high ratings agrees', 'yes', [4, 4], null],
  ])('%s', (_label, rec, ratings, mean) => {
    const found = recommendationContradiction(rec, ratings);
    if (mean === null) expect(found).toBeNull();
    else expect(found?.mean).toBeCloseTo(mean, 12);
  });

  it('has one threshold per recommendation, yes-side below and no-side above', () => {
    expect(CONTRADICTION_THRESHOLDS).toEqual({
      strong_yes: { below: 2.5 },
      yes: { below: 2.0 },
      no: { above: 3.0 },
      strong_no: { above: 3.0 },
    });
  });

  it('names the mean, rounded half up to two decimals', () => {
    expect(recommendationContradiction('strong_yes', [2, 2, 2, 2, 2, 2, 3, 3])?.message).toBe(
      '“Strong yes” with your ratings averaging 2.25 (under 2.5): confirm that this is your recommendation, or change it or your ratings.',
    );
    expect(recommendationContradiction('no', [4, 3, 3])?.message).toContain('averaging 3.33 (over 3.0)');
  });
});

describe('canSeePanelFeedback', () => {
  it.each([
    ['interviewer', 1, 0, false],
    ['interviewer', 0, 0, false],
    ['interviewer', 0, 1, true],
    ['interviewer', 1, 1, false],
    ['hiring_manager', 0, 0, true],
    ['hiring_manager', 1, 0, false],
    ['hiring_manager', 0, 1, true],
    ['recruiter', 0, 0, true],
    ['admin', 1, 0, false],
    ['admin', 0, 0, true],
  ] as const)('%s with %i drafts and %i submitted: %s', (role, ownDrafts, ownSubmitted, ok) => {
    expect(canSeePanelFeedback({ role, ownDrafts, ownSubmitted })).toBe(ok);
  });
});
