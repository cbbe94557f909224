import type { RubricContent } from '@scorecard/contracts';
import { MIN_INTERVIEWERS_PER_COMPETENCY, ratersPerCandidate, type PlanIssue } from '@scorecard/domain';
import type { PlanStepValues } from '../plan-form';

type PlanCheckPanelProps = {
  check: { ok: boolean; issues: PlanIssue[] };
  rubric: RubricContent;
  steps: readonly PlanStepValues[];
  /** Offered next to "state the coding share", which is fixed in the profile. */
  onEditProfile?: (() => void) | undefined;
};

/**
 * The plan check, live: what the current (unsaved) plan still misses, in plain words. Errors fail
 * the check (opening then needs a reason); warnings are shown apart and never block.
 */
export function PlanCheckPanel({ check, rubric, steps, onEditProfile }: PlanCheckPanelProps) {
  const errors = check.issues.filter((i) => i.severity === 'error');
  const warnings = check.issues.filter((i) => i.severity === 'warning');
  const assessments = steps.filter((s) => (s.kind ?? 'assessment') === 'assessment');
  const issueItem = (issue: PlanIssue) => (
    <li
      key={`${issue.code}-${issue.competencyKey ?? ''}`}
      className={issue.severity === 'warning' ? 'check-panel__issue check-panel__issue--warning' : 'check-panel__issue'}
      data-severity={issue.severity}
    >
      <span>{issue.message}</span>
      {(issue.code === 'coding_share_missing' || issue.code === 'coding_share_em_like') && onEditProfile ? (
        <button type="button" className="link-button" onClick={onEditProfile}>
          Edit the profile
        </button>
      ) : null}
    </li>
  );
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
            {warnings.length > 0 ? `, with ${warnings.length === 1 ? '1 warning' : `${warnings.length} warnings`}` : ''}
          </p>
        ) : (
          <p className="check-panel__verdict">
            {errors.length === 1 ? '1 issue to fix' : `${errors.length} issues to fix`}
            {warnings.length > 0 ? ` · ${warnings.length === 1 ? '1 warning' : `${warnings.length} warnings`}` : ''}
          </p>
        )}
      </div>
      {errors.length > 0 ? (
        <ul className="check-panel__issues" aria-label="Plan check issues">
          {errors.map(issueItem)}
        </ul>
      ) : null}
      {warnings.length > 0 ? (
        <>
          <h4 className="check-panel__subtitle">Warnings (they never block opening)</h4>
          <ul className="check-panel__issues" aria-label="Plan check warnings">
            {warnings.map(issueItem)}
          </ul>
        </>
      ) : null}
      <h4 className="check-panel__subtitle">Coverage</h4>
      <ul className="coverage" aria-label="Coverage by competency">
        {rubric.competencies.map((c) => {
          const criterionKeys = new Set(c.criteria.map((cr) => cr.key));
          const asking = assessments.filter((s) => s.criterionKeys.some((k) => criterionKeys.has(k)));
          const raters = ratersPerCandidate(asking.map((s) => s.interviewerIds));
          const questions = new Set(asking.flatMap((s) => s.criterionKeys).filter((k) => criterionKeys.has(k))).size;
          const good = !(c.weight > 0) || raters >= MIN_INTERVIEWERS_PER_COMPETENCY;
          return (
            <li key={c.key} className={good ? 'coverage__item coverage__item--ok' : 'coverage__item'}>
              <span className="coverage__name">{c.name}</span>
              <span className="coverage__meta">
                asked by {asking.length} {asking.length === 1 ? 'step' : 'steps'} ·{' '}
                {raters >= MIN_INTERVIEWERS_PER_COMPETENCY
                  ? '2 or more raters'
                  : `${raters} ${raters === 1 ? 'rater' : 'raters'}`}{' '}
                per candidate · {questions} {questions === 1 ? 'question' : 'questions'}
              </span>
            </li>
          );
        })}
      </ul>
      <p className="check-panel__about">
        The check asks for: every weighted competency asked (through its questions) by at least two steps that different
        interviewers can hold (a step’s pool of interviewers is one rater per candidate), a leadership and a
        communication question, someone asking why the candidate wants to lead, and a stated coding share. It warns when
        the coding share is an engineering manager’s or the plan does not close with the candidate’s questions.
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
