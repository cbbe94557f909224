import { fieldId, focusField } from './field-paths';
import { usePublishIssues } from './EditorContext';

type ReadinessPanelProps = {
  /** Where a problem is, in the user's words ("Technical depth › Criterion 2 › Level 3"). */
  describe: (path: string) => string;
};

/** The live completeness check: what still stops publishing, each a link to the field. */
export function ReadinessPanel({ describe }: ReadinessPanelProps) {
  const { issues } = usePublishIssues();
  const shown = issues.slice(0, 12);
  return (
    <section className="side-panel readiness" aria-labelledby="readiness-title">
      <h2 id="readiness-title" className="side-panel__title">
        Ready to publish?
      </h2>
      <div aria-live="polite" aria-atomic="true" className="readiness__summary">
        {issues.length === 0 ? (
          <p className="readiness__ok">Yes. Everything a published version needs is filled in.</p>
        ) : (
          <p>
            Not yet: {issues.length} {issues.length === 1 ? 'thing' : 'things'} to finish.
          </p>
        )}
      </div>
      {shown.length > 0 ? (
        <ul className="readiness__list">
          {shown.map((issue) => (
            <li key={issue.path}>
              <a
                href={`#${fieldId(issue.path)}`}
                onClick={(event) => {
                  event.preventDefault();
                  focusField(issue.path);
                }}
              >
                <span className="readiness__where">{describe(issue.path)}</span>
                <span className="readiness__what">{issue.message}</span>
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      {issues.length > shown.length ? <p className="field__hint">and {issues.length - shown.length} more.</p> : null}
    </section>
  );
}
