import { describe, expect, it } from '@jest/globals';
import {
  canBeHeldByDifferentInterviewers,
  checkPlan,
  planStepKindIssues,
  ratersPerCandidate,
  type PlanRubric,
  type PlanStepInput,
} from './plan-check.js';

const rubric: PlanRubric = {
  competencies: [
    {
      key: 'tech',
      name: 'Technical depth',
      category: 'technical',
      weight: 40,
      criteria: [
        { key: 'tech-1', whyLead: false },
        { key: 'tech-2', whyLead: false },
      ],
    },
    {
      key: 'lead',
      name: 'Technical leadership',
      category: 'leadership',
      weight: 30,
      criteria: [
        { key: 'lead-1', whyLead: false },
        { key: 'why', whyLead: true },
      ],
    },
    {
      key: 'comm',
      name: 'Communication',
      category: 'communication',
      weight: 30,
      criteria: [
        { key: 'comm-1', whyLead: false },
        { key: 'comm-2', whyLead: false },
      ],
    },
  ],
};

const step = (
  focus: string[],
  interviewers: string[],
  criteria: string[],
  kind?: PlanStepInput['kind'],
): PlanStepInput => ({
  name: `Step ${focus.join('+') || kind}`,
  kind,
  focusCompetencyKeys: focus,
  interviewerIds: interviewers,
  criterionKeys: criteria,
});

const closing = step([], ['ann'], [], 'candidate_questions');

/** Every competency asked by two steps with different single interviewers, then the closing step. */
const goodPlan = [
  step(['tech', 'lead'], ['ann'], ['tech-1', 'lead-1']),
  step(['lead', 'comm'], ['bob'], ['why', 'comm-1']),
  step(['comm', 'tech'], ['cat'], ['comm-2', 'tech-2']),
  closing,
];

const codes = (steps: readonly PlanStepInput[], codingSharePct: number | null = 60, r: PlanRubric | null = rubric) =>
  checkPlan({ rubric: r, steps, codingSharePct }).issues.map(
    (i) => `${i.severity}:${i.code}${i.competencyKey ? `:${i.competencyKey}` : ''}`,
  );

describe('canBeHeldByDifferentInterviewers', () => {
  it.each<[string, string[], string[], boolean]>([
    ['two different single interviewers', ['ann'], ['bob'], true],
    ['the same single interviewer on both', ['ann'], ['ann'], false],
    ['the same interviewer listed twice is still one person', ['ann', 'ann'], ['ann'], false],
    ['a pool of two against one of them: the other can take the pool', ['ann', 'bob'], ['ann'], true],
    ['the same pool of two on both: one each', ['ann', 'bob'], ['ann', 'bob'], true],
    ['an empty pool (not chosen yet): anyone', [], ['ann'], true],
    ['two empty pools', [], [], true],
  ])('%s', (_name, a, b, expected) => {
    expect(canBeHeldByDifferentInterviewers(a, b)).toBe(expected);
    expect(canBeHeldByDifferentInterviewers(b, a)).toBe(expected);
  });
});

describe('ratersPerCandidate', () => {
  it.each<[string, string[][], number]>([
    ['no step asks it', [], 0],
    ['one step with a pool of three is one rater', [['ann', 'bob', 'cat']], 1],
    ['one step with nobody chosen is one rater', [[]], 1],
    ['two steps held by the same interviewer are one rater', [['ann'], ['ann']], 1],
    ['three steps held by the same interviewer are one rater', [['ann'], ['ann'], ['ann']], 1],
    ['two steps with different interviewers are two', [['ann'], ['bob']], 2],
    ['same interviewer on two steps, a third step with another', [['ann'], ['ann'], ['bob']], 2],
    [
      'two steps sharing a pool of two are two',
      [
        ['ann', 'bob'],
        ['ann', 'bob'],
      ],
      2,
    ],
  ])('%s', (_name, pools, expected) => {
    expect(ratersPerCandidate(pools)).toBe(expected);
  });
});

describe('checkPlan', () => {
  it('passes a plan that asks every weighted competency in two steps held by different interviewers and closes with the candidate’s questions', () => {
    expect(checkPlan({ rubric, steps: goodPlan, codingSharePct: 60 })).toEqual({ ok: true, issues: [] });
  });

  it.each<[string, readonly PlanStepInput[], number | null, string[]]>([
    ['an unstated coding share', goodPlan, null, ['error:coding_share_missing']],
    ['a 30% coding share is not EM-like', goodPlan, 30, []],
    ['a 29% coding share warns: it is an engineering manager’s', goodPlan, 29, ['warning:coding_share_em_like']],
    ['a 0% coding share warns too', goodPlan, 0, ['warning:coding_share_em_like']],
    [
      'a weighted competency no step asks',
      [goodPlan[0]!, step(['lead'], ['bob'], ['why']), step(['tech'], ['cat'], ['tech-2']), closing],
      60,
      ['error:competency_not_covered:comm', 'error:communication_not_tested'],
    ],
    [
      'a competency in focus but none of its questions chosen is not asked',
      [goodPlan[0]!, step(['lead', 'comm'], ['bob'], ['why']), step(['comm', 'tech'], ['cat'], ['tech-2']), closing],
      60,
      ['error:competency_not_covered:comm', 'error:communication_not_tested'],
    ],
    [
      'a competency asked by one step only, however many interviewers its pool has',
      [
        goodPlan[0]!,
        step(['lead', 'comm'], ['bob', 'cat', 'dan'], ['why', 'comm-1', 'comm-2']),
        step(['tech'], ['cat'], ['tech-2']),
        closing,
      ],
      60,
      ['error:competency_needs_two_interviewers:comm'],
    ],
    [
      'a competency asked by two steps held by the same interviewer',
      [
        step(['tech', 'lead'], ['ann'], ['tech-1', 'lead-1']),
        step(['lead', 'comm'], ['bob'], ['why', 'comm-1']),
        step(['comm', 'tech'], ['ann'], ['comm-2', 'tech-2']),
        closing,
      ],
      60,
      ['error:competency_needs_two_interviewers:tech'],
    ],
    [
      'the same two steps with interviewers not chosen yet can be held by different people',
      [
        step(['tech', 'lead'], [], ['tech-1', 'lead-1']),
        step(['lead', 'comm'], ['bob'], ['why', 'comm-1']),
        step(['comm', 'tech'], [], ['comm-2', 'tech-2']),
        closing,
      ],
      60,
      [],
    ],
    [
      'a weighted competency asked by one step fails (the same plan passes when it weighs 0, below)',
      [
        step(['tech', 'lead'], ['ann'], ['tech-1', 'lead-1']),
        step(['lead', 'comm'], ['bob'], ['why', 'comm-1']),
        step(['comm'], ['cat'], ['comm-2']),
        closing,
      ],
      60,
      ['error:competency_needs_two_interviewers:tech'],
    ],
    [
      'leadership in focus but no leadership question chosen',
      [
        step(['tech', 'lead'], ['ann'], ['tech-1']),
        step(['lead', 'comm'], ['bob'], ['comm-1']),
        step(['comm', 'tech'], ['cat'], ['comm-2', 'tech-2']),
        closing,
      ],
      60,
      ['error:competency_not_covered:lead', 'error:leadership_not_tested', 'error:why_lead_not_asked'],
    ],
    [
      'why-lead never asked',
      [goodPlan[0]!, step(['lead', 'comm'], ['bob'], ['lead-1', 'comm-1']), goodPlan[2]!, closing],
      60,
      ['error:why_lead_not_asked'],
    ],
    [
      'no closing step for the candidate’s questions: a warning only',
      goodPlan.slice(0, 3),
      60,
      ['warning:candidate_questions_missing'],
    ],
    [
      'the candidate’s questions before an assessment step: a warning only',
      [goodPlan[0]!, closing, goodPlan[1]!, goodPlan[2]!],
      60,
      ['warning:candidate_questions_not_last'],
    ],
    [
      'a candidate’s questions step rates nothing, so it counts as no rater',
      [
        goodPlan[0]!,
        goodPlan[1]!,
        step(['comm', 'tech'], ['cat'], ['comm-2']),
        step(['tech'], ['dan'], ['tech-2'], 'candidate_questions'),
      ],
      60,
      ['error:competency_needs_two_interviewers:tech'],
    ],
    [
      'no steps at all',
      [],
      60,
      ['error:no_steps', 'error:leadership_not_tested', 'error:communication_not_tested', 'error:why_lead_not_asked'],
    ],
  ])('%s', (_name, steps, share, expected) => {
    expect(codes(steps, share)).toEqual(expected);
  });

  it('a competency of weight 0 needs no raters', () => {
    const unweightedTech: PlanRubric = {
      competencies: rubric.competencies.map((c) => (c.key === 'tech' ? { ...c, weight: 0 } : c)),
    };
    const steps = [
      step(['tech', 'lead'], ['ann'], ['tech-1', 'lead-1']),
      step(['lead', 'comm'], ['bob'], ['why', 'comm-1']),
      step(['comm'], ['cat'], ['comm-2']),
      closing,
    ];
    expect(codes(steps, 60, unweightedTech)).toEqual([]);
  });

  it('warnings never fail the check; errors do', () => {
    const warned = checkPlan({ rubric, steps: goodPlan.slice(0, 3), codingSharePct: 10 });
    expect(warned.issues.map((i) => i.severity)).toEqual(['warning', 'warning']);
    expect(warned.ok).toBe(true);
    expect(checkPlan({ rubric, steps: goodPlan, codingSharePct: null }).ok).toBe(false);
  });

  it('without a rubric it asks for one (and still for the coding share)', () => {
    expect(codes(goodPlan, null, null)).toEqual(['error:coding_share_missing', 'error:no_rubric']);
  });

  it('a rubric with no communication competency can never pass: communication is not tested', () => {
    const noComm: PlanRubric = { competencies: rubric.competencies.filter((c) => c.key !== 'comm') };
    expect(codes(goodPlan, 60, noComm)).toEqual(['error:communication_not_tested']);
  });

  it.each<[string, PlanStepInput[], string]>([
    [
      'not asked at all',
      [goodPlan[0]!, step(['lead'], ['bob'], ['why']), step(['tech'], ['cat'], ['tech-2']), closing],
      'No step asks a question of Communication; ask it in at least 2 steps held by different interviewers.',
    ],
    [
      'asked by one step',
      [goodPlan[0]!, step(['lead', 'comm'], ['bob'], ['why', 'comm-1']), step(['tech'], ['cat'], ['tech-2']), closing],
      'Communication is asked by only one step (“Step lead+comm”), so each candidate gets one rating of it. Ask one of its questions in a second step held by a different interviewer.',
    ],
    [
      'both steps held by the same interviewer',
      [goodPlan[0]!, step(['lead', 'comm'], ['cat'], ['why', 'comm-1']), goodPlan[2]!, closing],
      'Communication is asked by 2 steps, but both steps are held by the same interviewer, so each candidate gets one rater of it. Give one of them a different interviewer.',
    ],
  ])('names the competency and says why in its message: %s', (_name, steps, message) => {
    const [issue] = checkPlan({ rubric, steps, codingSharePct: 60 }).issues;
    expect(issue?.message).toBe(message);
  });

  it('quotes the guide’s tech lead vs engineering manager contrast for an EM-like coding share', () => {
    const [issue] = checkPlan({ rubric, steps: goodPlan, codingSharePct: 20 }).issues;
    expect(issue?.message).toMatch(/^A 20% coding share is an engineering manager’s/);
    expect(issue?.message).toContain('0-30%');
    expect(issue?.message).toContain('50-80%');
  });

  it('stored steps without a kind read as assessment steps', () => {
    const legacy = goodPlan.slice(0, 3).map(({ kind: _kind, ...s }) => s);
    expect(codes(legacy)).toEqual(['warning:candidate_questions_missing']);
  });
});

describe('planStepKindIssues', () => {
  it.each<[string, PlanStepInput[], string[]]>([
    ['assessment steps with questions are fine', [goodPlan[0]!], []],
    ['an assessment step without a kind is fine', [{ ...goodPlan[0]!, kind: undefined }], []],
    ['an empty candidate’s questions step is fine', [closing], []],
    [
      'a candidate’s questions step with focus competencies and questions',
      [goodPlan[0]!, step(['tech'], [], ['tech-1'], 'candidate_questions')],
      ['steps.1.focusCompetencyKeys', 'steps.1.criterionKeys'],
    ],
    [
      'a candidate’s questions step with questions only',
      [step([], [], ['tech-1'], 'candidate_questions')],
      ['steps.0.criterionKeys'],
    ],
  ])('%s', (_name, steps, paths) => {
    expect(planStepKindIssues(steps).map((i) => i.path)).toEqual(paths);
  });
});
