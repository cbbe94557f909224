import { describe, expect, it } from '@jest/globals';
import { checkPlan, type PlanRubric, type PlanStepInput } from './plan-check.js';

const rubric: PlanRubric = {
  competencies: [
    { key: 'tech', name: 'Technical depth', category: 'technical', criteria: [{ key: 'tech-1', whyLead: false }] },
    {
      key: 'lead',
      name: 'Technical leadership',
      category: 'leadership',
      criteria: [
        { key: 'lead-1', whyLead: false },
        { key: 'why', whyLead: true },
      ],
    },
    { key: 'comm', name: 'Communication', category: 'communication', criteria: [{ key: 'comm-1', whyLead: false }] },
  ],
};

const step = (focus: string[], interviewers: string[], criteria: string[]): PlanStepInput => ({
  name: `Step ${focus.join('+')}`,
  focusCompetencyKeys: focus,
  interviewerIds: interviewers,
  criterionKeys: criteria,
});

const goodPlan = [
  step(['tech'], ['ann', 'bob'], ['tech-1']),
  step(['lead'], ['cat', 'dan'], ['lead-1', 'why']),
  step(['comm'], ['ann', 'cat'], ['comm-1']),
];

const codes = (steps: PlanStepInput[], codingSharePct: number | null = 60, r: PlanRubric | null = rubric) =>
  checkPlan({ rubric: r, steps, codingSharePct }).issues.map(
    (i) => `${i.code}${i.competencyKey ? `:${i.competencyKey}` : ''}`,
  );

describe('checkPlan', () => {
  it('passes a plan that covers every competency with two interviewers and asks leadership, communication and why-lead', () => {
    expect(checkPlan({ rubric, steps: goodPlan, codingSharePct: 60 })).toEqual({ ok: true, issues: [] });
  });

  it.each([
    ['an unstated coding share', goodPlan, null, ['coding_share_missing']],
    ['a coding share of 0% is stated, so it passes', goodPlan, 0, []],
    [
      'a competency no step covers',
      [goodPlan[0]!, goodPlan[1]!],
      60,
      ['competency_not_covered:comm', 'communication_not_tested'],
    ],
    [
      'a competency seen by one interviewer only',
      [step(['tech'], ['ann'], ['tech-1']), goodPlan[1]!, goodPlan[2]!],
      60,
      ['competency_needs_two_interviewers:tech'],
    ],
    [
      'two steps with the same single interviewer still count as one',
      [step(['tech'], ['ann'], ['tech-1']), step(['tech'], ['ann'], []), goodPlan[1]!, goodPlan[2]!],
      60,
      ['competency_needs_two_interviewers:tech'],
    ],
    [
      'interviewers of two steps covering a competency add up',
      [step(['tech'], ['ann'], ['tech-1']), step(['tech'], ['bob'], []), goodPlan[1]!, goodPlan[2]!],
      60,
      [],
    ],
    [
      'leadership in focus but no leadership question chosen',
      [goodPlan[0]!, step(['lead'], ['cat', 'dan'], []), goodPlan[2]!],
      60,
      ['leadership_not_tested', 'why_lead_not_asked'],
    ],
    [
      'why-lead never asked',
      [goodPlan[0]!, step(['lead'], ['cat', 'dan'], ['lead-1']), goodPlan[2]!],
      60,
      ['why_lead_not_asked'],
    ],
    [
      'no steps at all',
      [],
      60,
      ['no_steps', 'leadership_not_tested', 'communication_not_tested', 'why_lead_not_asked'],
    ],
  ] as const)('%s', (_name, steps, share, expected) => {
    expect(codes([...steps], share)).toEqual(expected);
  });

  it('without a rubric it asks for one (and still for the coding share)', () => {
    expect(codes(goodPlan, null, null)).toEqual(['coding_share_missing', 'no_rubric']);
  });

  it('a rubric with no communication competency can never pass: communication is not tested', () => {
    const noComm: PlanRubric = { competencies: rubric.competencies.filter((c) => c.key !== 'comm') };
    expect(codes([goodPlan[0]!, goodPlan[1]!], 60, noComm)).toEqual(['communication_not_tested']);
  });

  it('names the competency in its message', () => {
    const [issue] = checkPlan({ rubric, steps: [goodPlan[0]!, goodPlan[1]!], codingSharePct: 60 }).issues;
    expect(issue?.message).toBe('No step covers Communication.');
  });
});
