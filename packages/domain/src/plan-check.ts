/**
 * The interview plan check: the guide's common hiring mistakes, caught while the plan is edited.
 * Every competency must be covered by a step and seen by at least two interviewers; leadership
 * and communication must actually be asked about; the coding share must be stated; and somebody
 * must ask why the candidate wants to lead.
 */
export type CompetencyCategory = 'technical' | 'leadership' | 'mentoring' | 'communication' | 'other';

export interface PlanRubric {
  competencies: readonly {
    key: string;
    name: string;
    category: CompetencyCategory;
    criteria: readonly { key: string; whyLead: boolean }[];
  }[];
}

export interface PlanStepInput {
  name: string;
  focusCompetencyKeys: readonly string[];
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
  | 'coding_share_missing';

export interface PlanIssue {
  code: PlanIssueCode;
  message: string;
  competencyKey?: string;
}

export const MIN_INTERVIEWERS_PER_COMPETENCY = 2;

export function checkPlan(input: {
  rubric: PlanRubric | null;
  steps: readonly PlanStepInput[];
  codingSharePct: number | null;
}): { ok: boolean; issues: PlanIssue[] } {
  const issues: PlanIssue[] = [];
  const { rubric, steps } = input;
  if (input.codingSharePct === null) {
    issues.push({
      code: 'coding_share_missing',
      message:
        'State how much of the role is coding (for example 60%). Vague coding expectations are a common hiring mistake.',
    });
  }
  if (!rubric) {
    issues.push({ code: 'no_rubric', message: 'Choose a published rubric for this opening.' });
    return { ok: false, issues };
  }
  if (steps.length === 0) {
    issues.push({ code: 'no_steps', message: 'Add at least one interview step.' });
  }

  const askedCriteria = new Set(steps.flatMap((s) => s.criterionKeys));
  for (const c of rubric.competencies) {
    const covering = steps.filter((s) => s.focusCompetencyKeys.includes(c.key));
    if (steps.length > 0 && covering.length === 0) {
      issues.push({
        code: 'competency_not_covered',
        message: `No step covers ${c.name}.`,
        competencyKey: c.key,
      });
      continue;
    }
    const interviewers = new Set(covering.flatMap((s) => s.interviewerIds));
    if (covering.length > 0 && interviewers.size < MIN_INTERVIEWERS_PER_COMPETENCY) {
      issues.push({
        code: 'competency_needs_two_interviewers',
        message: `${c.name} is seen by ${interviewers.size === 0 ? 'no interviewer' : 'only one interviewer'}; plan at least ${MIN_INTERVIEWERS_PER_COMPETENCY}.`,
        competencyKey: c.key,
      });
    }
  }

  const tested = (category: CompetencyCategory) =>
    rubric.competencies.some(
      (c) =>
        c.category === category &&
        steps.some((s) => s.focusCompetencyKeys.includes(c.key)) &&
        c.criteria.some((cr) => askedCriteria.has(cr.key)),
    );
  if (!tested('leadership')) {
    issues.push({
      code: 'leadership_not_tested',
      message:
        'No step asks a leadership question. Ask how they influence decisions and grow others, not only about architecture.',
    });
  }
  if (!tested('communication')) {
    issues.push({
      code: 'communication_not_tested',
      message:
        'No step asks a communication question. Tech leads explain decisions to engineers, managers and executives.',
    });
  }
  const whyLead = rubric.competencies.flatMap((c) => c.criteria).filter((cr) => cr.whyLead);
  if (!whyLead.some((cr) => askedCriteria.has(cr.key))) {
    issues.push({
      code: 'why_lead_not_asked',
      message: 'No step asks why the candidate wants to lead rather than stay an individual contributor.',
    });
  }
  return { ok: issues.length === 0, issues };
}
