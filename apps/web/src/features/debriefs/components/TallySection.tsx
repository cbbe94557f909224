import { RECOMMENDATION_LABELS, type Debrief } from '@scorecard/contracts';
import { RECOMMENDATION_ORDER, YES_SIDE, plural, recommendationTone } from '../debrief-copy';

/** How many interviewers recommend each of strong no, no, yes and strong yes, and who. */
export function TallySection({ debrief }: { debrief: Debrief }) {
  const { tally, scorecards } = debrief;
  const total = RECOMMENDATION_ORDER.reduce((sum, r) => sum + tally[r], 0);
  const yes = YES_SIDE.reduce((sum, r) => sum + tally[r], 0);
  return (
    <section className="panel panel--padded debrief-section" aria-labelledby="tally-title">
      <h2 id="tally-title" className="section-header__title">
        Recommendations
      </h2>
      <p className="section-header__description tally-summary">
        {total === 0
          ? 'No recommendations yet.'
          : `${yes} of ${plural(total, 'interviewer')} recommend hiring (yes or strong yes).`}
      </p>
      <ul className="tally" aria-label="Recommendation tally">
        {RECOMMENDATION_ORDER.map((r) => {
          const who = scorecards.filter((s) => s.recommendation === r).map((s) => s.interviewer.name);
          return (
            <li
              key={r}
              className={`tally__item tally__item--${recommendationTone(r)}${tally[r] === 0 ? ' tally__item--zero' : ''}`}
            >
              <span className="tally__count">{tally[r]}</span>
              <span className="tally__label">{RECOMMENDATION_LABELS[r]}</span>
              {who.length > 0 ? <span className="tally__who">{who.join(', ')}</span> : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
