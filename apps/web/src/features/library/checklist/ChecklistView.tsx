import type { ChecklistContent } from '@scorecard/contracts';
import { SEVERITY_LABELS } from './checklist-text';

/** A checklist version, read-only; dealbreakers stand out. */
export function ChecklistView({ content }: { content: ChecklistContent }) {
  const dealbreakers = content.items.filter((item) => item.severity === 'dealbreaker').length;
  return (
    <section className="panel redflag-panel" aria-labelledby="redflag-view-title">
      <h2 id="redflag-view-title" className="redflag-panel__title">
        {content.items.length} red {content.items.length === 1 ? 'flag' : 'flags'}
        <span className="muted">
          {' '}
          · {dealbreakers} {dealbreakers === 1 ? 'dealbreaker' : 'dealbreakers'}
        </span>
      </h2>
      <ol className="redflag-list">
        {content.items.map((item) => (
          <li key={item.key} className={`redflag redflag--view redflag--${item.severity}`}>
            <span className={`severity severity--${item.severity}`}>{SEVERITY_LABELS[item.severity]}</span>
            <span className="redflag__text">{item.description || <span className="muted">Not written yet</span>}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
