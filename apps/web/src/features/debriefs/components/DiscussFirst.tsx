import type { Debrief, Scorecard } from '@scorecard/contracts';
import { scorecardCompetencyScores } from '@scorecard/domain';
import { NO_SIDE, YES_SIDE, formatMean, recommendationLabel, statText } from '../debrief-copy';
import { RatingChip, rangeText } from './Figures';

/**
 * What the panel must talk through before deciding: criteria and competencies whose ratings span
 * two levels or more (with each interviewer's rating and evidence), and a yes/no split.
 */
export function DiscussFirst({ debrief }: { debrief: Debrief }) {
  const { disagreements, scorecards } = debrief;
  const criteria = new Set(disagreements.criteria);
  const competencies = new Set(disagreements.competencies);
  const topics = debrief.competencies
    .map((c) => ({ competency: c, criteria: c.criteria.filter((cr) => criteria.has(cr.key)) }))
    .filter((t) => competencies.has(t.competency.key) || t.criteria.length > 0);
  const nothing = topics.length === 0 && !disagreements.recommendationSplit;

  return (
    <section className="panel panel--padded debrief-section" aria-labelledby="discuss-title">
      <div className="section-header">
        <div>
          <h2 id="discuss-title" className="section-header__title">
            Discuss first
          </h2>
          <p className="section-header__description">
            Where ratings span two levels or more, and whether recommendations split between yes and no.
          </p>
        </div>
      </div>
      {scorecards.length === 0 ? (
        <p className="muted">No scorecards are in yet, so there is nothing to compare.</p>
      ) : nothing ? (
        <p className="discuss-none">
          No disagreements: every criterion and competency is within one level across the panel, and the recommendations
          are all on one side.
        </p>
      ) : (
        <ul className="discuss-list">
          {disagreements.recommendationSplit ? (
            <li className="discuss-item">
              <h3 className="discuss-item__title">
                <span className="disagree-tag">Split</span> Recommendations
              </h3>
              <RecommendationSplit scorecards={scorecards} />
            </li>
          ) : null}
          {topics.map(({ competency, criteria: list }) => (
            <li key={competency.key} className="discuss-item">
              <h3 className="discuss-item__title">
                {competencies.has(competency.key) ? <span className="disagree-tag">Disagreement</span> : null}{' '}
                {competency.name}
              </h3>
              {competency.stat && competencies.has(competency.key) ? (
                <CompetencySpread competencyKey={competency.key} scorecards={scorecards} />
              ) : null}
              {list.map((criterion) => (
                <div key={criterion.key} className="discuss-criterion">
                  <h4 className="discuss-criterion__title">{criterion.title}</h4>
                  {criterion.stat ? (
                    <p className="discuss-criterion__stat">
                      Mean {statText(criterion.stat)}, ratings {rangeText(criterion.stat)}.
                    </p>
                  ) : null}
                  <ul className="discuss-ratings">
                    {scorecards.flatMap((s) => {
                      const r = s.ratings.find((x) => x.criterionKey === criterion.key);
                      // Only asked ratings count, so only they are part of the disagreement.
                      if (!r || !r.asked) return [];
                      return [
                        <li key={s.id} className="discuss-rating">
                          <RatingChip rating={r.rating} />
                          <span className="discuss-rating__who">{s.interviewer.name}</span>
                          <span className="discuss-rating__evidence">
                            {r.evidence.trim() ? `“${r.evidence.trim()}”` : 'No evidence written.'}
                          </span>
                        </li>,
                      ];
                    })}
                  </ul>
                </div>
              ))}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function CompetencySpread({ competencyKey, scorecards }: { competencyKey: string; scorecards: Scorecard[] }) {
  const scores = scorecards.flatMap((s) => {
    const score = scorecardCompetencyScores({ ...s, ratings: s.ratings.filter((r) => r.asked) }).get(competencyKey);
    return score === undefined ? [] : [{ who: s.interviewer.name, id: s.id, score }];
  });
  return (
    <p className="discuss-item__scores">
      Competency scores by interviewer:{' '}
      {scores.map((s, i) => (
        <span key={s.id}>
          {i > 0 ? ' · ' : null}
          {s.who} <strong>{formatMean(s.score)}</strong>
        </span>
      ))}
    </p>
  );
}

function RecommendationSplit({ scorecards }: { scorecards: Scorecard[] }) {
  const side = (values: readonly string[]) =>
    scorecards
      .filter((s) => s.recommendation !== null && values.includes(s.recommendation))
      .map((s) => `${s.interviewer.name} (${recommendationLabel(s.recommendation)})`);
  const yes = side(YES_SIDE);
  const no = side(NO_SIDE);
  return (
    <dl className="discuss-split">
      <div>
        <dt>For hiring</dt>
        <dd>{yes.join(', ')}</dd>
      </div>
      <div>
        <dt>Against</dt>
        <dd>{no.join(', ')}</dd>
      </div>
    </dl>
  );
}
