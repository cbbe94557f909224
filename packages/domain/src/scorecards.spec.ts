import { describe, expect, it } from '@jest/globals';
import { canSeePanelFeedback, scorecardIssues, unknownScorecardKeys, type ScorecardContent } from './scorecards.js';

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
