import { describe, expect, it } from '@jest/globals';
import { evidenceGaps, MIN_INDEPENDENT_RATINGS } from './evidence.js';

const c = (key: string, count: number | null) => ({ key, stat: count === null ? null : { count } });

describe('evidenceGaps', () => {
  it('needs two independent ratings by default', () => {
    expect(MIN_INDEPENDENT_RATINGS).toBe(2);
  });

  it.each<[string, ReturnType<typeof c>[], number | undefined, { key: string; ratings: number }[]]>([
    ['nobody rated it: a gap with 0 ratings', [c('a', null)], undefined, [{ key: 'a', ratings: 0 }]],
    ['one scorecard rated it: a gap', [c('a', 1)], undefined, [{ key: 'a', ratings: 1 }]],
    ['two scorecards rated it: no gap', [c('a', 2)], undefined, []],
    ['many scorecards: no gap', [c('a', 7)], undefined, []],
    [
      'keeps the order given, only the gaps',
      [c('a', 3), c('b', 0), c('c', 2), c('d', 1)],
      undefined,
      [
        { key: 'b', ratings: 0 },
        { key: 'd', ratings: 1 },
      ],
    ],
    ['a higher minimum', [c('a', 2), c('b', 3)], 3, [{ key: 'a', ratings: 2 }]],
    ['no competencies, no gaps', [], undefined, []],
  ])('%s', (_label, competencies, min, expected) => {
    expect(evidenceGaps(competencies, min)).toEqual(expected);
  });
});
