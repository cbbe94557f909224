import { RECOMMENDATION_LABELS, type Scorecard } from '@scorecard/contracts';
import { formatDateTime } from '../scorecard-copy';

/**
 * Every amendment of a submitted scorecard: who, when and why, what it replaced, and whether it
 * was made after the author read the panel's feedback. The first submission is what every figure
 * counts; the amendments are kept beside it.
 */
export function AmendmentHistory({ amendments }: { amendments: Scorecard['amendments'] }) {
  if (amendments.length === 0) return null;
  return (
    <div className="amendments">
      <h3 className="amendments__title">Amendments</h3>
      <p className="amendments__note">
        The debrief’s figures count this scorecard as first submitted; the amendments are shown beside it.
      </p>
      <ol className="amendments__list">
        {amendments.map((a, i) => (
          <li key={`${a.at}-${i}`}>
            <span className="amendments__meta">
              {a.by.name}, <time dateTime={a.at}>{formatDateTime(a.at)}</time>:
            </span>{' '}
            <span className="amendments__reason">{a.reason}</span>
            {a.afterFeedback ? (
              <span className="amendments__after-feedback"> Amended after reading the panel’s feedback.</span>
            ) : null}
            <span className="amendments__original">
              {' '}
              {i === 0 ? 'Replaced the first submission' : 'Replaced the previous amendment'} (recommendation:{' '}
              {a.original.recommendation ? RECOMMENDATION_LABELS[a.original.recommendation] : 'none'}).
            </span>
          </li>
        ))}
      </ol>
    </div>
  );
}
