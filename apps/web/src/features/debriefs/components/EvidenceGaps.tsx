import type { Debrief } from '@scorecard/contracts';
import { MIN_INDEPENDENT_RATINGS } from '@scorecard/domain';
import { Link } from 'react-router';
import { plural } from '../debrief-copy';

type EvidenceGapsProps = {
  debrief: Debrief;
  /** Whoever records the decision: "Hold" takes them to it with hold chosen. */
  onHold: (() => void) | null;
  /** Whoever schedules interviews: "Add an interview" opens scheduling for the competency. */
  canSchedule: boolean;
};

/**
 * Competencies fewer than two scorecards rated in their first submission: too little independent
 * evidence to score them, whatever the figures say. Read before the scores, with the two ways out:
 * hold the decision, or add an interview that asks the competency.
 */
export function EvidenceGaps({ debrief, onHold, canSchedule }: EvidenceGapsProps) {
  const gaps = debrief.evidenceGaps;
  const pending = debrief.pending.length;
  return (
    <section className="panel panel--padded debrief-section evidence-gaps" aria-labelledby="gaps-title">
      <h2 id="gaps-title" className="section-header__title">
        Evidence gaps
      </h2>
      <p className="section-header__description">
        Competencies fewer than {MIN_INDEPENDENT_RATINGS} interviewers rated in their first submission: one view, or
        none, is not yet evidence the panel can weigh.
      </p>
      {gaps.length === 0 ? (
        <p className="evidence-gaps__none">
          Every competency has at least {MIN_INDEPENDENT_RATINGS} independent ratings.
        </p>
      ) : (
        <>
          <ul className="evidence-gaps__list">
            {gaps.map((g) => (
              <li key={g.competencyKey} className="evidence-gap">
                <div className="evidence-gap__text">
                  <span className="evidence-gap__name">{g.name}</span>
                  <span className="evidence-gap__count">
                    {g.ratings === 0 ? 'No independent rating' : `Only ${plural(g.ratings, 'independent rating')}`}
                  </span>
                </div>
                {canSchedule ? (
                  <Link
                    to={`/applications/${debrief.application.id}?schedule=${g.competencyKey}`}
                    className="button button--secondary button--small evidence-gap__action debrief-no-print"
                    aria-label={`Add an interview for ${g.name}`}
                  >
                    Add an interview
                  </Link>
                ) : null}
              </li>
            ))}
          </ul>
          {pending > 0 ? (
            <p className="muted evidence-gaps__pending">
              {plural(pending, 'scheduled interview')} still {pending === 1 ? 'owes its' : 'owe their'} scorecard and
              may fill some of these.
            </p>
          ) : null}
          {onHold ? (
            <div className="evidence-gaps__hold debrief-no-print">
              <button type="button" className="button button--secondary" onClick={onHold}>
                Hold
              </button>
              <span className="field__hint">Goes to the decision with hold chosen, until the evidence is in.</span>
            </div>
          ) : null}
        </>
      )}
    </section>
  );
}
