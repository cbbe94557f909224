import type { RubricContent } from '@scorecard/contracts';
import type { PlanIssue } from '@scorecard/domain';
import type { PlanStepValues } from '../plan-form';

type PlanCheckPanelProps = {
  check: { ok: boolean; issues: PlanIssue[] };
  rubric: RubricContent;
  steps: readonly PlanStepValues[];
  /** Offered next to "state the coding share", which is fixed in the profile. */
  onEditProfile?: (() => void) | undefined;
};

/** The plan check, live: what the current (unsaved) plan still misses, in plain words. */
export function PlanCheckPanel({ check, rubric, steps, onEditProfile }: PlanCheckPanelProps) {
  return (
    <section
      className={check.ok ? 'check-panel check-panel--ok' : 'check-panel'}
      aria-labelledby="plan-check-title"
      data-testid="plan-check"
    >
      <h3 id="plan-check-title" className="check-panel__title">
        Plan check
      </h3>
      <div role="status" aria-live="polite" className="check-panel__status">
        {check.ok ? (
          <p className="check-panel__verdict check-panel__verdict--ok">
            <CheckIcon /> Plan check passes
          </p>
        ) : (
          <p className="check-panel__verdict">
            {check.issues.length === 1 ? '1 issue to fix' : `${check.issues.length} issues to fix`}
          </p>
        )}
      </div>
      {check.ok ? null : (
        <ul className="check-panel__issues" aria-label="Plan check issues">
          {check.issues.map((issue) => (
            <li key={`${issue.code}-${issue.competencyKey ?? ''}`} className="check-panel__issue">
              <span>{issue.message}</span>
              {issue.code === 'coding_share_missing' && onEditProfile ? (
                <button type="button" className="link-button" onClick={onEditProfile}>
                  Edit the profile
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <h4 className="check-panel__subtitle">Coverage</h4>
      <ul className="coverage" aria-label="Coverage by competency">
        {rubric.competencies.map((c) => {
          const covering = steps.filter((s) => s.focusCompetencyKeys.includes(c.key));
          const interviewers = new Set(covering.flatMap((s) => s.interviewerIds)).size;
          const criterionKeys = new Set(c.criteria.map((cr) => cr.key));
          const questions = new Set(covering.flatMap((s) => s.criterionKeys).filter((k) => criterionKeys.has(k))).size;
          const good = covering.length > 0 && interviewers >= 2;
          return (
            <li key={c.key} className={good ? 'coverage__item coverage__item--ok' : 'coverage__item'}>
              <span className="coverage__name">{c.name}</span>
              <span className="coverage__meta">
                {covering.length} {covering.length === 1 ? 'step' : 'steps'} · {interviewers}{' '}
                {interviewers === 1 ? 'interviewer' : 'interviewers'} · {questions}{' '}
                {questions === 1 ? 'question' : 'questions'}
              </span>
            </li>
          );
        })}
      </ul>
      <p className="check-panel__about">
        The check asks for: every competency in a step and seen by at least two interviewers, a leadership and a
        communication question, someone asking why the candidate wants to lead, and a stated coding share.
      </p>
    </section>
  );
}

function CheckIcon() {
  return (
    <svg viewBox="0 0 20 20" width="16" height="16" aria-hidden="true" focusable="false">
      <path
        d="M4 10.5l4 4 8-9"
        fill="none"
        stroke="currentColor"
        strokeWidth="2.2"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
