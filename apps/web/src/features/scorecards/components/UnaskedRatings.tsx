import type { InterviewKit } from '@scorecard/contracts';
import { ratingLabel } from '../scorecard-copy';

/**
 * Old ratings on questions this interview did not ask (made before scorecards rated only the asked
 * questions): kept on the card for the record, read-only, and counted in no figure.
 */
export function UnaskedRatings({ kit }: { kit: Pick<InterviewKit, 'scorecard' | 'unaskedCriteria'> }) {
  const unasked = kit.scorecard.ratings.filter((r) => !r.asked);
  if (unasked.length === 0) return null;
  const names = new Map(kit.unaskedCriteria.map((c) => [c.key, c]));
  return (
    <section
      className="panel panel--padded scorecard-section unasked-ratings"
      aria-labelledby="unasked-ratings-title"
      data-testid="unasked-ratings"
    >
      <h2 id="unasked-ratings-title" className="section-header__title">
        Not asked in this interview
      </h2>
      <p className="section-header__description">
        Kept for the record, counts in no figure. These ratings were given before a scorecard rated only the questions
        its interview asked; they cannot be changed.
      </p>
      <ul className="unasked-ratings__list">
        {unasked.map((r) => {
          const c = names.get(r.criterionKey);
          return (
            <li key={r.criterionKey} className="unasked-ratings__item">
              <p className="unasked-ratings__title">
                {c?.title.trim() || 'A criterion of this rubric'}
                {c ? <span className="muted"> · {c.competency}</span> : null}
              </p>
              <p>
                <span className="badge">Not asked</span>{' '}
                {ratingLabel(r.rating === null ? 'not_assessed' : (r.rating as 1 | 2 | 3 | 4))}
              </p>
              {r.evidence.trim() ? <p className="unasked-ratings__evidence">{r.evidence}</p> : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
