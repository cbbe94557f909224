import type { Debrief } from '@scorecard/contracts';
import { formatDateTime } from '../debrief-copy';

/**
 * Scheduled interviews still without a submitted scorecard (overdue ones marked). Competencies with
 * too little evidence are the evidence gaps, beside it.
 */
export function MissingSection({ debrief }: { debrief: Debrief }) {
  const pending = [...debrief.pending].sort(
    (a, b) => Number(b.overdue) - Number(a.overdue) || Date.parse(a.feedbackDueAt) - Date.parse(b.feedbackDueAt),
  );
  return (
    <section className="panel panel--padded debrief-section" aria-labelledby="missing-title">
      <h2 id="missing-title" className="section-header__title">
        Missing and overdue scorecards
      </h2>
      {pending.length === 0 ? (
        <p className="section-header__description">Every scheduled interview has its scorecard in.</p>
      ) : (
        <ul className="missing-list">
          {pending.map((p) => (
            <li key={p.interviewId} className="missing-list__item">
              <span className="missing-list__who">{p.interviewer.name}</span>
              <span className="missing-list__step">{p.step}</span>
              <span className="missing-list__due">
                Due <time dateTime={p.feedbackDueAt}>{formatDateTime(p.feedbackDueAt)}</time>
              </span>
              {p.overdue ? <span className="overdue-tag">Overdue</span> : <span className="muted">Not due yet</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
