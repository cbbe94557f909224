/**
 * The interview plan check: the guide's common hiring mistakes, caught while the plan is edited.
 * Every weighted competency must be asked by at least two steps that can be held by different
 * interviewers (raters per competency per candidate); leadership and communication must actually be
 * asked about; the coding share must be stated; and somebody must ask why the candidate wants to
 * lead. Warnings (an engineering-manager-like coding share, no closing step for the candidate's
 * questions) are shown but never block opening.
 */
export type CompetencyCategory = 'technical' | 'leadership' | 'mentoring' | 'communication' | 'other';

export interface PlanRubric {
  competencies: readonly {
    key: string;
    name: string;
    category: CompetencyCategory;
    /** Only competencies with a weight above 0 need two raters. */
    weight: number;
    criteria: readonly { key: string; whyLead: boolean }[];
  }[];
}

/** An assessment step asks questions and is rated; the closing step hears the candidate's questions. */
export type PlanStepKind = 'assessment' | 'candidate_questions';

export interface PlanStepInput {
  name: string;
  /** Stored plans from before step kinds read as assessment steps. */
  kind?: PlanStepKind;
  focusCompetencyKeys: readonly string[];
  /** The default interviewers: one of them holds the step for a candidate. Empty: not chosen yet. */
  interviewerIds: readonly string[];
  criterionKeys: readonly string[];
}

export type PlanIssueCode =
  | 'no_rubric'
  | 'no_steps'
  | 'competency_not_covered'
  | 'competency_needs_two_interviewers'
  | 'leadership_not_tested'
  | 'communication_not_tested'
  | 'why_lead_not_asked'
  | 'coding_share_missing'
  | 'coding_share_em_like'
  | 'candidate_questions_missing'
  | 'candidate_questions_not_last';

export type PlanIssueSeverity = 'error' | 'warning';

export interface PlanIssue {
  code: PlanIssueCode;
  severity: PlanIssueSeverity;
  message: string;
  competencyKey?: string;
}

/** Independent raters each weighted competency needs per candidate. */
export const MIN_INTERVIEWERS_PER_COMPETENCY = 2;

/** Below this coding share the role reads like an engineering manager's (the guide: EM 0-30%). */
export const EM_LIKE_CODING_SHARE_PCT = 30;

const kindOf = (s: Pick<PlanStepInput, 'kind'>): PlanStepKind => s.kind ?? 'assessment';

/**
 * Can two steps be held by two different people for the same candidate? Each step is held by one
 * person from its pool (an empty pool: anyone, not chosen yet). Only two steps whose pools are the
 * same single person cannot.
 */
export function canBeHeldByDifferentInterviewers(a: readonly string[], b: readonly string[]): boolean {
  const pa = new Set(a);
  const pb = new Set(b);
  if (pa.size !== 1 || pb.size !== 1) return true;
  return [...pa][0] !== [...pb][0];
}

/**
 * How many different interviewers can rate a competency for one candidate, given the pools of the
 * steps that ask it, counted up to `MIN_INTERVIEWERS_PER_COMPETENCY` (a step's pool is one rater).
 */
export function ratersPerCandidate(pools: readonly (readonly string[])[]): number {
  if (pools.length === 0) return 0;
  for (let i = 0; i < pools.length; i++) {
    for (let j = i + 1; j < pools.length; j++) {
      if (canBeHeldByDifferentInterviewers(pools[i]!, pools[j]!)) return 2;
    }
  }
  return 1;
}

/** Field errors of a step's kind: the candidate's questions step asks no questions of the rubric. */
export function planStepKindIssues(steps: readonly PlanStepInput[]): { path: string; message: string }[] {
  const issues: { path: string; message: string }[] = [];
  steps.forEach((s, i) => {
    if (kindOf(s) !== 'candidate_questions') return;
    if (s.focusCompetencyKeys.length > 0) {
      issues.push({
        path: `steps.${i}.focusCompetencyKeys`,
        message: 'A candidate’s questions step has no focus competencies: the candidate asks, nobody is rated.',
      });
    }
    if (s.criterionKeys.length > 0) {
      issues.push({
        path: `steps.${i}.criterionKeys`,
        message: 'A candidate’s questions step asks no rubric questions: the candidate asks, nobody is rated.',
      });
    }
  });
  return issues;
}

export function checkPlan(input: {
  rubric: PlanRubric | null;
  steps: readonly PlanStepInput[];
  codingSharePct: number | null;
}): { ok: boolean; issues: PlanIssue[] } {
  const issues: PlanIssue[] = [];
  const error = (i: Omit<PlanIssue, 'severity'>) => issues.push({ ...i, severity: 'error' });
  const warning = (i: Omit<PlanIssue, 'severity'>) => issues.push({ ...i, severity: 'warning' });
  const done = () => ({ ok: !issues.some((i) => i.severity === 'error'), issues });
  const { rubric, steps } = input;
  const share = input.codingSharePct;
  if (share === null) {
    error({
      code: 'coding_share_missing',
      message:
        'State how much of the role is coding (for example 60%). Vague coding expectations are a common hiring mistake.',
    });
  } else if (share < EM_LIKE_CODING_SHARE_PCT) {
    warning({
      code: 'coding_share_em_like',
      message: `A ${share}% coding share is an engineering manager’s, not a tech lead’s: the guide has an engineering manager coding 0-30% of the time and owning people management, while a tech lead writes production code 50-80% of the time and leaves people management to the engineering manager. Make sure this is the role you are hiring for, and say so to candidates.`,
    });
  }
  if (!rubric) {
    error({ code: 'no_rubric', message: 'Choose a published rubric for this opening.' });
    return done();
  }
  if (steps.length === 0) {
    error({ code: 'no_steps', message: 'Add at least one interview step.' });
  }

  const assessments = steps.filter((s) => kindOf(s) === 'assessment');
  const askedCriteria = new Set(assessments.flatMap((s) => s.criterionKeys));
  for (const c of rubric.competencies) {
    if (!(c.weight > 0)) continue;
    const criteria = new Set(c.criteria.map((cr) => cr.key));
    const asking = assessments.filter((s) => s.criterionKeys.some((k) => criteria.has(k)));
    if (asking.length === 0) {
      if (steps.length > 0) {
        error({
          code: 'competency_not_covered',
          message: `No step asks a question of ${c.name}; ask it in at least ${MIN_INTERVIEWERS_PER_COMPETENCY} steps held by different interviewers.`,
          competencyKey: c.key,
        });
      }
      continue;
    }
    if (ratersPerCandidate(asking.map((s) => s.interviewerIds)) >= MIN_INTERVIEWERS_PER_COMPETENCY) continue;
    error({
      code: 'competency_needs_two_interviewers',
      message:
        asking.length === 1
          ? `${c.name} is asked by only one step (“${asking[0]!.name.trim() || 'unnamed'}”), so each candidate gets one rating of it. Ask one of its questions in a second step held by a different interviewer.`
          : `${c.name} is asked by ${asking.length} steps, but ${asking.length === 2 ? 'both' : 'all'} steps are held by the same interviewer, so each candidate gets one rater of it. Give one of them a different interviewer.`,
      competencyKey: c.key,
    });
  }

  const tested = (category: CompetencyCategory) =>
    rubric.competencies.some((c) => c.category === category && c.criteria.some((cr) => askedCriteria.has(cr.key)));
  if (!tested('leadership')) {
    error({
      code: 'leadership_not_tested',
      message:
        'No step asks a leadership question. Ask how they influence decisions and grow others, not only about architecture.',
    });
  }
  if (!tested('communication')) {
    error({
      code: 'communication_not_tested',
      message:
        'No step asks a communication question. Tech leads explain decisions to engineers, managers and executives.',
    });
  }
  const whyLead = rubric.competencies.flatMap((c) => c.criteria).filter((cr) => cr.whyLead);
  if (!whyLead.some((cr) => askedCriteria.has(cr.key))) {
    error({
      code: 'why_lead_not_asked',
      message: 'No step asks why the candidate wants to lead rather than stay an individual contributor.',
    });
  }

  if (steps.length > 0) {
    const closing = steps.map((s, i) => [s, i] as const).filter(([s]) => kindOf(s) === 'candidate_questions');
    if (closing.length === 0) {
      warning({
        code: 'candidate_questions_missing',
        message:
          'No closing step for the candidate’s questions. Leave time at the end for them to ask about authority, coding time, the team, the engineering manager and their growth path.',
      });
    } else {
      const lastAssessment = steps.findLastIndex((s) => kindOf(s) === 'assessment');
      for (const [s, i] of closing) {
        if (i < lastAssessment) {
          warning({
            code: 'candidate_questions_not_last',
            message: `“${s.name.trim() || 'The candidate’s questions'}” comes before an assessment step; the candidate’s questions close the plan.`,
          });
        }
      }
    }
  }
  return done();
}
