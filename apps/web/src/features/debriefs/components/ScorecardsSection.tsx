import type { Debrief, Scorecard } from '@scorecard/contracts';
import { scorecardCompetencyScores } from '@scorecard/domain';
import { formatDateTime, formatMean, recommendationLabel, recommendationTone } from '../debrief-copy';
import {
  AFTER_FEEDBACK_LABEL,
  amendedAfterFeedback,
  amendmentChanges,
  asViewed,
  firstSubmission,
} from '../ratings-view';
import { RatingChip } from './Figures';

/**
 * Every submitted scorecard: ratings with evidence by competency, red flags, recommendation,
 * summary, as the debrief's view reads them; amendments beside the originals, with their reason,
 * what they changed, and a label when made after the author read the panel's feedback.
 */
export function ScorecardsSection({ debrief }: { debrief: Debrief }) {
  return (
    <section className="debrief-section scorecards-section" aria-labelledby="scorecards-title">
      <h2 id="scorecards-title" className="section-header__title scorecards-section__title">
        Scorecards ({debrief.scorecards.length})
      </h2>
      {debrief.scorecards.length === 0 ? (
        <p className="panel panel--padded muted">No scorecard has been submitted yet.</p>
      ) : (
        <ul className="debrief-cards">
          {debrief.scorecards.map((s) => (
            <li key={s.id}>
              <ScorecardCard scorecard={s} debrief={debrief} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function ScorecardCard({ scorecard: raw, debrief }: { scorecard: Scorecard; debrief: Debrief }) {
  const titleId = `scorecard-${raw.id}`;
  const independent = debrief.ratingsView === 'independent';
  const s = asViewed(raw, debrief.ratingsView);
  // The other version of each rating, shown beside the one the view reads when they differ.
  const other = independent
    ? { ratings: raw.ratings, recommendation: raw.recommendation, label: 'Amended to' }
    : { ...firstSubmission(raw), label: 'First submitted' };
  const otherRatings = new Map(other.ratings.map((r) => [r.criterionKey, r.rating]));
  const ratings = new Map(s.ratings.map((r) => [r.criterionKey, r]));
  // A rating on a question the step did not ask stays on the card, marked, and counts in no score.
  const scores = scorecardCompetencyScores({ ...s, ratings: s.ratings.filter((r) => r.asked) });
  const flags = new Map(debrief.redFlags.map((f) => [f.flagKey, f]));
  const titles = new Map(debrief.competencies.flatMap((c) => c.criteria.map((cr) => [cr.key, cr.title] as const)));
  const groups = debrief.competencies
    .map((c) => ({ competency: c, criteria: c.criteria.filter((cr) => ratings.has(cr.key)) }))
    .filter((g) => g.criteria.length > 0);
  const amended = raw.amendments.length > 0;
  const afterFeedback = raw.amendments.some(amendedAfterFeedback);
  return (
    <article className="panel debrief-card" aria-labelledby={titleId}>
      <header className="debrief-card__head">
        <div>
          <h3 id={titleId} className="debrief-card__name">
            {s.interviewer.name}
          </h3>
          <p className="table__meta">
            {s.step}
            {s.submittedAt ? (
              <>
                {' '}
                · submitted <time dateTime={s.submittedAt}>{formatDateTime(s.submittedAt)}</time>
              </>
            ) : null}
          </p>
        </div>
        <div className="debrief-card__badges">
          {raw.imported ? (
            <span className="amended-tag" title="Imported from another system; calibration leaves it out">
              Imported
            </span>
          ) : null}
          {raw.shadow ? (
            <span
              className="amended-tag amended-tag--shadow"
              title="A trainee’s scorecard: kept and shown, counted in no figure"
            >
              Shadow<span className="visually-hidden">: a trainee’s scorecard, counted in no figure</span>
            </span>
          ) : null}
          {amended ? (
            <span className="amended-tag">{independent ? 'Amended later: shown as first submitted' : 'Amended'}</span>
          ) : null}
          {afterFeedback ? <span className="amended-tag amended-tag--feedback">{AFTER_FEEDBACK_LABEL}</span> : null}
          <span className={`badge rec-badge rec-badge--${recommendationTone(s.recommendation)}`}>
            {recommendationLabel(s.recommendation)}
          </span>
          {amended && other.recommendation !== s.recommendation ? (
            <span className="debrief-card__other">
              {other.label}: {recommendationLabel(other.recommendation)}
            </span>
          ) : null}
        </div>
      </header>
      {raw.contradictionConfirmedAt ? (
        <p className="contradiction-note" data-testid="debrief-contradiction">
          {s.interviewer.name} confirmed this recommendation against their own ratings on{' '}
          <time dateTime={raw.contradictionConfirmedAt}>{formatDateTime(raw.contradictionConfirmedAt)}</time>: it
          contradicts the mean of the ratings below, so read the summary for why.
        </p>
      ) : null}
      {amended ? (
        <ol className="debrief-card__amendments" aria-label={`Amendments by ${s.interviewer.name}`}>
          {raw.amendments.map((a, i) => {
            const changes = amendmentChanges(raw, i);
            return (
              <li key={`${a.at}-${i}`} className="debrief-card__amendment">
                <p>
                  Amended by {a.by.name} on <time dateTime={a.at}>{formatDateTime(a.at)}</time>: {a.reason}
                  {amendedAfterFeedback(a) ? (
                    <>
                      {' '}
                      <strong className="debrief-card__after-feedback">({AFTER_FEEDBACK_LABEL}.)</strong>
                    </>
                  ) : null}
                </p>
                {changes.length > 0 ? (
                  <ul className="debrief-card__changes" aria-label="What it changed">
                    {changes.map((c) =>
                      c.kind === 'rating' ? (
                        <li key={c.criterionKey}>
                          {titles.get(c.criterionKey) ?? 'A criterion'}: {ratingText(c.from)} → {ratingText(c.to)}
                        </li>
                      ) : c.kind === 'recommendation' ? (
                        <li key="recommendation">
                          Recommendation: {recommendationLabel(c.from)} → {recommendationLabel(c.to)}
                        </li>
                      ) : (
                        <li key="summary">Summary rewritten</li>
                      ),
                    )}
                  </ul>
                ) : (
                  <p className="debrief-card__changes">No rating or recommendation changed.</p>
                )}
              </li>
            );
          })}
        </ol>
      ) : null}
      {groups.map(({ competency, criteria }) => {
        const score = scores.get(competency.key);
        return (
          <div key={competency.key} className="debrief-card__group">
            <h4 className="debrief-card__competency">
              <span>{competency.name}</span>
              <span className="debrief-card__score">{score === undefined ? 'Not assessed' : formatMean(score)}</span>
            </h4>
            <ul className="debrief-card__ratings">
              {criteria.map((cr) => {
                const r = ratings.get(cr.key)!;
                const changed = amended && otherRatings.get(cr.key) !== r.rating;
                return (
                  <li key={cr.key} className="debrief-card__rating">
                    <RatingChip rating={r.rating} />
                    <div>
                      <p className="debrief-card__criterion">
                        {cr.title}
                        {!r.asked ? (
                          <span className="debrief-card__unasked"> Not asked at this step: counts in no figure</span>
                        ) : null}
                        {changed ? (
                          <span className="debrief-card__other">
                            {' '}
                            {other.label}: {ratingText(otherRatings.get(cr.key))}
                          </span>
                        ) : null}
                      </p>
                      {r.evidence.trim() ? <p className="debrief-card__evidence">{r.evidence}</p> : null}
                    </div>
                  </li>
                );
              })}
            </ul>
          </div>
        );
      })}
      {s.redFlags.length > 0 ? (
        <div className="debrief-card__group">
          <h4 className="debrief-card__competency">Red flags</h4>
          <ul className="debrief-card__ratings">
            {s.redFlags.map((f) => {
              const item = flags.get(f.flagKey);
              const dealbreaker = item?.severity === 'dealbreaker';
              return (
                <li key={f.flagKey} className="debrief-card__rating">
                  <span className={`severity severity--${dealbreaker ? 'dealbreaker' : 'concern'}`}>
                    {dealbreaker ? 'Dealbreaker' : 'Concern'}
                  </span>
                  <div>
                    <p className="debrief-card__criterion">{item?.description ?? 'A red flag'}</p>
                    {f.evidence.trim() ? <p className="debrief-card__evidence">{f.evidence}</p> : null}
                  </div>
                </li>
              );
            })}
          </ul>
        </div>
      ) : null}
      {s.summary.trim() ? (
        <div className="debrief-card__group">
          <h4 className="debrief-card__competency">Summary</h4>
          <p className="debrief-card__summary">{s.summary}</p>
        </div>
      ) : null}
    </article>
  );
}

/** A rating as words in a change: "3", "not assessed", "not rated". */
function ratingText(rating: number | null | undefined): string {
  if (rating === undefined) return 'not rated';
  return rating === null ? 'not assessed' : String(rating);
}
