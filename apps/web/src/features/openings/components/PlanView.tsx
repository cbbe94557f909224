import { PLAN_STEP_KIND_LABELS, type Person, type PlanStep, type RubricContent } from '@scorecard/contracts';

type PlanViewProps = { steps: readonly PlanStep[]; rubric: RubricContent | null; people: readonly Person[] };

/** The saved interview plan, read-only (recruiters, closed openings). */
export function PlanView({ steps, rubric, people }: PlanViewProps) {
  if (steps.length === 0) {
    return (
      <div className="plan__empty">
        <p className="state__title">No interview steps yet</p>
        <p>The hiring manager hasn’t planned the interviews for this opening.</p>
      </div>
    );
  }
  const competencies = rubric?.competencies ?? [];
  const criteria = competencies.flatMap((c) => c.criteria);
  const personName = (id: string) => people.find((p) => p.id === id)?.name ?? 'Former member';

  return (
    <ol className="plan-view">
      {steps.map((step, index) => (
        <li key={step.key} className="plan-view__step">
          <h3 className="step__title">
            Step {index + 1}: {step.name} <span className="plan-view__duration">{step.durationMinutes} min</span>
            {step.kind === 'candidate_questions' ? (
              <span className="plan-view__kind">{PLAN_STEP_KIND_LABELS.candidate_questions}</span>
            ) : null}
          </h3>
          {step.kind === 'candidate_questions' ? (
            <p className="muted">The candidate asks their questions: no competencies, no ratings, notes only.</p>
          ) : null}
          <dl className="plan-view__details">
            {step.kind === 'candidate_questions' ? null : (
              <div>
                <dt>Focus</dt>
                <dd>
                  {step.focusCompetencyKeys.length === 0
                    ? 'None'
                    : step.focusCompetencyKeys
                        .map((k) => competencies.find((c) => c.key === k)?.name ?? 'Unknown competency')
                        .join(', ')}
                </dd>
              </div>
            )}
            <div>
              <dt>Interviewers</dt>
              <dd>{step.interviewerIds.length === 0 ? 'None yet' : step.interviewerIds.map(personName).join(', ')}</dd>
            </div>
            {step.kind === 'candidate_questions' ? null : (
              <div>
                <dt>Questions</dt>
                <dd>
                  {step.criterionKeys.length === 0 ? (
                    'None chosen'
                  ) : (
                    <ul className="plain-list">
                      {step.criterionKeys.map((k) => {
                        const cr = criteria.find((c) => c.key === k);
                        return (
                          <li key={k}>
                            {cr?.title ?? 'Unknown question'}
                            {cr?.whyLead ? <span className="why-lead">Why-lead question</span> : null}
                          </li>
                        );
                      })}
                    </ul>
                  )}
                </dd>
              </div>
            )}
          </dl>
        </li>
      ))}
    </ol>
  );
}
