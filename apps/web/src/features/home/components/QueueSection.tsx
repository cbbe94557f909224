import type { ReactNode } from 'react';

type QueueSectionProps = {
  id: string;
  title: string;
  /** Shown as a count beside the title when above zero. */
  total?: number;
  /** The count's tone: `danger` for what is late. */
  totalTone?: 'danger' | 'neutral';
  description: ReactNode;
  children: ReactNode;
};

/** A titled panel of one of the home's work queues. */
export function QueueSection({ id, title, total, totalTone = 'neutral', description, children }: QueueSectionProps) {
  return (
    <section className="panel home-section" aria-labelledby={id}>
      <div className="home-section__header">
        <h2 id={id} className="section-header__title">
          {title}{' '}
          {total !== undefined && total > 0 ? (
            <span className={`home-section__total${totalTone === 'neutral' ? ' home-section__total--neutral' : ''}`}>
              {total}
            </span>
          ) : null}
        </h2>
        <p className="section-header__description">{description}</p>
      </div>
      {children}
    </section>
  );
}

/** "Showing 50 of 63." under a capped list. */
export function MoreNote({ shown, total, what }: { shown: number; total: number; what: string }) {
  if (total <= shown) return null;
  return (
    <p className="home-section__more">
      Showing {shown} of {total} {what}.
    </p>
  );
}
