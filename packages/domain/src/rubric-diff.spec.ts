import { describe, expect, it } from '@jest/globals';
import { type DiffCompetency, type DiffCriterion, diffRubric } from './rubric-diff.js';

const cr = (key: string, over: Partial<DiffCriterion> = {}): DiffCriterion => ({
  key,
  title: `Q ${key}`,
  prompt: 'p',
  probes: [],
  questionType: 'behavioural',
  whyLead: false,
  anchors: ['1', '2', '3', '4'],
  ...over,
});
const comp = (key: string, criteria: DiffCriterion[], over: Partial<DiffCompetency> = {}): DiffCompetency => ({
  key,
  name: `C ${key}`,
  description: '',
  category: 'technical',
  weight: 1,
  criteria,
  ...over,
});

const base = { competencies: [comp('a', [cr('a1'), cr('a2')]), comp('b', [cr('b1')])] };

describe('diffRubric', () => {
  it.each([
    ['identical versions have no changes', base, []],
    [
      'a changed weight and anchor are named with their fields',
      {
        competencies: [
          comp('a', [cr('a1', { anchors: ['1', '2', 'x', '4'] }), cr('a2')], { weight: 3 }),
          comp('b', [cr('b1')]),
        ],
      },
      [
        { kind: 'competency_changed', competency: 'C a', fields: ['weight'] },
        { kind: 'criterion_changed', competency: 'C a', criterion: 'Q a1', fields: ['anchors'] },
      ],
    ],
    [
      'added and removed criteria and competencies',
      { competencies: [comp('a', [cr('a1'), cr('a3')]), comp('c', [cr('c1')])] },
      [
        { kind: 'criterion_added', competency: 'C a', criterion: 'Q a3' },
        { kind: 'criterion_removed', competency: 'C a', criterion: 'Q a2' },
        { kind: 'competency_added', competency: 'C c' },
        { kind: 'competency_removed', competency: 'C b' },
      ],
    ],
    [
      'reordering criteria and competencies is reported once each',
      { competencies: [comp('b', [cr('b1')]), comp('a', [cr('a2'), cr('a1')])] },
      [
        { kind: 'reordered', competency: 'C a' },
        { kind: 'reordered', competency: null },
      ],
    ],
  ] as const)('%s', (_n, after, expected) => {
    expect(diffRubric(base, after as typeof base)).toEqual(expected);
  });
});
