import type { InterviewKit, Scorecard } from '@scorecard/contracts';
import { Link } from 'react-router';
import { LoadingState } from '@/components/ui/States';
import { errorMessage, isApiError } from '@/lib/api';
import { usePanelScorecards } from '../api/kit-queries';
import { formatDateTime, recommendationLabel, recommendationTone } from '../scorecard-copy';
import { kitCriteria } from '../scorecard-draft';

/** Before submitting: only this note. Nothing of anyone else's feedback is requested. */
export function PanelFeedbackHidden() {
  return (
    <section className="panel panel--padded panel-feedback" aria-labelledby="panel-feedback-title">
      <h2 id="panel-feedback-title" className="section-header__title">
        Panel feedback
      </h2>
      <p className="panel-feedback__hidden">Other interviewers’ feedback stays hidden until you submit yours.</p>
    </section>
  );
}

/** After submitting: the other interviewers' submitted scorecards for this candidate, compactly. */
export function PanelFeedback({ kit }: { kit: InterviewKit }) {
  const panel = usePanelScorecards(kit.scorecard.applicationId, true);
  const others = (panel.data?.items ?? []).filter((s) => s.id !== kit.scorecard.id);
  let body;
  if (panel.isPending) body = <LoadingState label="Loading the panel’s feedback…" />;
  else if (panel.isError && isApiError(panel.error, 'forbidden')) {
    body = (
      <p className="panel-feedback__hidden">
        Other interviewers’ feedback stays hidden until you have submitted every scorecard you owe for this candidate.
      </p>
    );
  } else if (panel.isError) {
    body = (
      <p className="muted">
        Couldn’t load the panel’s feedback. {errorMessage(panel.error)}{' '}
        <button type="button" className="link-button" onClick={() => void panel.refetch()}>
          Try again
        </button>
      </p>
    );
  } else if (others.length === 0) {
    body = <p className="muted">No other interviewer has submitted feedback on this candidate yet.</p>;
  } else {
    body = (
      <ul className="panel-feedback__list">
        {others.map((s) => (
          <PanelCard key={s.id} scorecard={s} kit={kit} />
        ))}
      </ul>
    );
  }
  return (
    <section className="panel panel--padded panel-feedback" aria-labelledby="panel-feedback-title">
      <h2 id="panel-feedback-title" className="section-header__title">
        Panel feedback
      </h2>
      <p className="section-header__description">What the other interviewers submitted for this candidate.</p>
      {body}
      {panel.isSuccess ? (
        <p>
          <Link to={`/applications/${kit.scorecard.applicationId}/debrief`}>Open the debrief</Link>: the panel’s scores,
          disagreements and red flags together.
        </p>
      ) : null}
    </section>
  );
}

function PanelCard({ scorecard: s, kit }: { scorecard: Scorecard; kit: InterviewKit }) {
  const titles = new Map(kitCriteria(kit).map((c) => [c.key, c.title]));
  const flags = new Map(kit.redFlags.map((f) => [f.key, f]));
  // Only asked ratings: an old rating on an unasked question counts in no figure and is not shown here.
  const asked = s.ratings.filter((r) => r.asked);
  const known = asked.filter((r) => titles.has(r.criterionKey));
  const elsewhere = asked.length - known.length;
  return (
    <li className="panel-card">
      <div className="panel-card__head">
        <div>
          <h3 className="panel-card__name">{s.interviewer.name}</h3>
          <p className="table__meta">
            {s.step}
            {s.submittedAt ? ` · submitted ${formatDateTime(s.submittedAt)}` : ''}
            {s.amendments.length > 0 ? ` · amended ${formatDateTime(s.amendments.at(-1)!.at)}` : ''}
            {s.shadow ? ' · shadow scorecard, counted in no figure' : ''}
          </p>
        </div>
        <span className={`badge recommendation-badge recommendation-badge--${recommendationTone(s.recommendation)}`}>
          {recommendationLabel(s.recommendation)}
        </span>
      </div>
      {known.length > 0 ? (
        <ul className="panel-card__scores">
          {known.map((r) => (
            <li key={r.criterionKey}>
              <span>{titles.get(r.criterionKey)}</span>
              {r.rating === null ? (
                <span className="panel-card__score panel-card__score--none">Not assessed</span>
              ) : (
                <span className="panel-card__score">{r.rating}</span>
              )}
            </li>
          ))}
        </ul>
      ) : null}
      {elsewhere > 0 ? (
        <p className="table__meta">
          {elsewhere} {elsewhere === 1 ? 'rating' : 'ratings'} on questions this step did not ask.
        </p>
      ) : null}
      {s.redFlags.length > 0 ? (
        <p className="panel-card__flags">
          Red flags:{' '}
          {s.redFlags
            .map((f) => {
              const item = flags.get(f.flagKey);
              return item
                ? `${item.description}${item.severity === 'dealbreaker' ? ' (dealbreaker)' : ''}`
                : 'one flag';
            })
            .join('; ')}
        </p>
      ) : null}
      {s.summary.trim() ? <p className="panel-card__summary">{s.summary}</p> : null}
    </li>
  );
}
