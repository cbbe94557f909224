import type { Debrief, Scorecard } from '@scorecard/contracts';
import { scorecardCompetencyScores } from '@scorecard/domain';
import { formatDateTime, formatMean, recommendationLabel, recommendationTone } from '../debrief-copy';
import { RatingChip } from './Figures';

/** Every submitted scorecard: ratings with evidence by competency, red flags, recommendation, summary, amendments. */
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

function ScorecardCard({ scorecard: s, debrief }: { scorecard: Scorecard; debrief: Debrief }) {
  const titleId = `scorecard-${s.id}`;
  const ratings = new Map(s.ratings.map((r) => [r.criterionKey, r]));
  const scores = scorecardCompetencyScores(s);
  const flags = new Map(debrief.redFlags.map((f) => [f.flagKey, f]));
  const groups = debrief.competencies
    .map((c) => ({ competency: c, criteria: c.criteria.filter((cr) => ratings.has(cr.key)) }))
    .filter((g) => g.criteria.length > 0);
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
          {s.amendments.length > 0 ? <span className="amended-tag">Amended</span> : null}
          <span className={`badge rec-badge rec-badge--${recommendationTone(s.recommendation)}`}>
            {recommendationLabel(s.recommendation)}
          </span>
        </div>
      </header>
      {s.amendments.length > 0 ? (
        <ul className="debrief-card__amendments" aria-label={`Amendments by ${s.interviewer.name}`}>
          {s.amendments.map((a) => (
            <li key={a.at}>
              Amended by {a.by.name} on <time dateTime={a.at}>{formatDateTime(a.at)}</time>: {a.reason}
            </li>
          ))}
        </ul>
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
                return (
                  <li key={cr.key} className="debrief-card__rating">
                    <RatingChip rating={r.rating} />
                    <div>
                      <p className="debrief-card__criterion">{cr.title}</p>
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
