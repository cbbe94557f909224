import { useId, useState, type ReactNode } from 'react';

type AnalyticsSectionProps = {
  title: string;
  description?: ReactNode;
  /** Anything that reads better above the content (a note, a help line). */
  note?: ReactNode;
  children: ReactNode;
  /** A figure with a table behind it: a "Show as table" button swaps `table` in for `children`. */
  table?: ReactNode;
  busy?: boolean;
  className?: string;
};

/** A panel of the analytics page with its heading; charts get a button that swaps in the same numbers as a table. */
export function AnalyticsSection({
  title,
  description,
  note,
  children,
  table,
  busy = false,
  className,
}: AnalyticsSectionProps) {
  const headingId = useId();
  const [asTable, setAsTable] = useState(false);
  return (
    <section
      className={className ? `panel analytics-section ${className}` : 'panel analytics-section'}
      aria-labelledby={headingId}
      aria-busy={busy}
    >
      <div className="analytics-section__header">
        <div>
          <h2 id={headingId} className="section-header__title">
            {title}
          </h2>
          {description ? <p className="section-header__description">{description}</p> : null}
        </div>
        {table ? (
          <button
            type="button"
            className="button button--secondary button--small analytics-section__toggle"
            onClick={() => setAsTable((v) => !v)}
          >
            {asTable ? 'Show as chart' : 'Show as table'}
            <span className="visually-hidden"> ({title})</span>
          </button>
        ) : null}
      </div>
      {note ? <div className="analytics-section__note">{note}</div> : null}
      <div className="analytics-section__body">{table && asTable ? table : children}</div>
    </section>
  );
}
