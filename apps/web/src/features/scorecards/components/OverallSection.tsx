import type { Recommendation } from '@scorecard/contracts';
import { RECOMMENDATIONS, formatDateTime, recommendationLabel } from '../scorecard-copy';
import { recommendationId, type DraftContent } from '../scorecard-draft';
import type { Updater } from './ScorecardForm';

type OverallProps = {
  recommendation: Recommendation | null;
  summary: string;
  update: Updater | null;
  error: string | undefined;
  /** False for the candidate's questions step: a summary only. */
  withRecommendation?: boolean;
  /** When the author confirmed a recommendation that contradicts their own ratings. */
  contradictionConfirmedAt?: string | null;
  now?: number;
};

/** The overall recommendation (no neutral option) and a short summary for the debrief. */
export function OverallSection({
  recommendation,
  summary,
  update,
  error,
  withRecommendation = true,
  contradictionConfirmedAt = null,
  now = Date.now(),
}: OverallProps) {
  const set = (patch: Partial<Pick<DraftContent, 'recommendation' | 'summary'>>) =>
    update?.((d) => ({ ...d, ...patch }));
  const errorId = 'recommendation-error';
  return (
    <section className="panel panel--padded scorecard-section" aria-labelledby="overall-title">
      <h2 id="overall-title" className="section-header__title">
        Overall
      </h2>
      {withRecommendation ? (
        <fieldset className="recommendation" aria-describedby={error ? errorId : undefined}>
          <legend className="field__label">
            Recommendation{update ? <span className="required-tag">Required to submit</span> : null}
          </legend>
          <div className="recommendation__options">
            {RECOMMENDATIONS.map((value) => (
              <label
                key={value}
                htmlFor={recommendationId(value)}
                className={`recommendation__option recommendation__option--${value}`}
              >
                <input
                  type="radio"
                  className="radio"
                  id={recommendationId(value)}
                  name="recommendation"
                  checked={recommendation === value}
                  disabled={!update}
                  onChange={() => set({ recommendation: value })}
                />
                {recommendationLabel(value)}
              </label>
            ))}
          </div>
          {error ? (
            <p id={errorId} className="field__error">
              {error}
            </p>
          ) : null}
          {contradictionConfirmedAt ? (
            <p className="contradiction-note" data-testid="contradiction-confirmed">
              Confirmed against the ratings on{' '}
              <time dateTime={contradictionConfirmedAt}>{formatDateTime(contradictionConfirmedAt, new Date(now))}</time>
              : this recommendation contradicts the mean of the ratings above, and the interviewer confirmed it.
            </p>
          ) : null}
        </fieldset>
      ) : (
        <p className="field__hint">The candidate’s questions step takes no recommendation: write what they asked.</p>
      )}
      {update ? (
        <div className="field">
          <label className="field__label" htmlFor="scorecard-summary">
            Summary
          </label>
          <textarea
            id="scorecard-summary"
            className="input textarea"
            rows={4}
            value={summary}
            onChange={(e) => set({ summary: e.target.value })}
            aria-describedby="scorecard-summary-hint"
          />
          <p id="scorecard-summary-hint" className="field__hint">
            A few sentences the debrief can read first: the strongest evidence either way.
          </p>
        </div>
      ) : (
        <div className="summary__item">
          <p className="criterion-block__label">Summary</p>
          {summary.trim() ? <p className="summary__text">{summary}</p> : <p className="muted">No summary.</p>}
        </div>
      )}
    </section>
  );
}
