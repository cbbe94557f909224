import type { ReactNode } from 'react';

export const IMPORT_STEPS = ['Choose a file', 'Match columns', 'Check rows', 'Import'] as const;

/** Where the person is in the import, as an ordered list with the current step marked. */
export function ImportSteps({ current }: { current: number }) {
  return (
    <ol className="import-steps" aria-label="Import steps">
      {IMPORT_STEPS.map((label, i) => (
        <li
          key={label}
          className={`import-steps__step${i === current ? ' import-steps__step--current' : ''}${i < current ? ' import-steps__step--done' : ''}`}
          aria-current={i === current ? 'step' : undefined}
        >
          <span className="import-steps__number" aria-hidden="true">
            {i < current ? '✓' : i + 1}
          </span>
          {label}
          {i < current ? <span className="visually-hidden"> (done)</span> : null}
        </li>
      ))}
    </ol>
  );
}

/** A step's heading (focused when the step appears) and its lead. */
export function StepHeading({ id, title, children }: { id: string; title: string; children?: ReactNode }) {
  return (
    <div className="section-header">
      <div>
        <h2 id={id} className="section-header__title" tabIndex={-1} data-step-heading="">
          {title}
        </h2>
        {children ? <p className="section-header__description">{children}</p> : null}
      </div>
    </div>
  );
}
