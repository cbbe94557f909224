import type { Criterion } from '@scorecard/contracts';
import { RATINGS_NEEDING_EVIDENCE } from '@scorecard/domain';
import { evidenceId, type DraftContent, type RatingChoice } from '../scorecard-draft';
import { RatingGroup } from './RatingGroup';
import type { Updater } from './ScorecardForm';

type CriterionBlockProps = {
  criterion: Criterion;
  asked: boolean;
  entry: DraftContent['ratings'][string] | undefined;
  update: Updater | null;
  /** The messages of what is missing here, once the person has tried to submit. */
  ratingError: string | undefined;
  evidenceError: string | undefined;
};

/** One criterion: the question and its probes (the kit), then its rating and evidence (the scorecard). */
export function CriterionBlock({
  criterion: c,
  asked,
  entry,
  update,
  ratingError,
  evidenceError,
}: CriterionBlockProps) {
  const choice = entry?.choice ?? null;
  const evidence = entry?.evidence ?? '';
  const needsEvidence = choice !== null && choice !== 'not_assessed' && RATINGS_NEEDING_EVIDENCE.includes(choice);
  const titleId = `criterion-${c.key}-title`;
  const ratingErrorId = ratingError ? `rating-${c.key}-error` : undefined;
  const evidenceErrorId = `${evidenceId(c.key)}-error`;
  const evidenceHintId = `${evidenceId(c.key)}-hint`;
  const title = c.title.trim() || 'Untitled criterion';

  const setEntry = (patch: Partial<{ choice: RatingChoice | null; evidence: string }>) =>
    update?.((d) => ({
      ...d,
      ratings: { ...d.ratings, [c.key]: { choice, evidence, ...d.ratings[c.key], ...patch } },
    }));

  return (
    <section className="criterion-block" aria-labelledby={titleId} data-criterion={c.key}>
      <div className="criterion-block__kit">
        <div className="criterion-block__head">
          <h3 id={titleId} className="criterion-block__title">
            {title}
          </h3>
          {asked ? <span className="badge badge--accent">Ask this</span> : null}
        </div>
        {c.prompt.trim() ? <p className="criterion-block__prompt">{c.prompt}</p> : null}
        {c.probes.filter((p) => p.trim()).length > 0 ? (
          <div className="criterion-block__probes">
            <p className="criterion-block__label">Probes</p>
            <ul>
              {c.probes
                .filter((p) => p.trim())
                .map((probe, i) => (
                  <li key={i}>{probe}</li>
                ))}
            </ul>
          </div>
        ) : null}
      </div>
      <div
        className={
          ratingError || evidenceError
            ? 'criterion-block__score criterion-block__score--invalid'
            : 'criterion-block__score'
        }
      >
        <RatingGroup
          criterionKey={c.key}
          criterionTitle={title}
          anchors={c.anchors}
          choice={choice}
          onChoose={update ? (next) => setEntry({ choice: next }) : null}
          errorId={ratingErrorId}
        />
        {ratingError ? (
          <p id={ratingErrorId} className="field__error">
            {ratingError}
          </p>
        ) : null}
        {update ? (
          <div className={evidenceError ? 'field field--invalid' : 'field'}>
            <label className="field__label" htmlFor={evidenceId(c.key)}>
              Evidence<span className="visually-hidden"> for {title}</span>
              {needsEvidence ? <span className="required-tag">Required for a {String(choice)}</span> : null}
            </label>
            <textarea
              id={evidenceId(c.key)}
              className="input textarea"
              rows={3}
              value={evidence}
              onChange={(e) => setEntry({ evidence: e.target.value })}
              aria-required={needsEvidence}
              aria-invalid={Boolean(evidenceError)}
              aria-describedby={[evidenceHintId, evidenceError ? evidenceErrorId : null].filter(Boolean).join(' ')}
            />
            <p id={evidenceHintId} className="field__hint">
              {choice === null && evidence.trim()
                ? 'Kept on this device until you choose a rating, then saved with it.'
                : 'What the candidate said or did. Ratings 1 and 4 need it.'}
            </p>
            {evidenceError ? (
              <p id={evidenceErrorId} className="field__error">
                {evidenceError}
              </p>
            ) : null}
          </div>
        ) : (
          <div className="criterion-block__evidence">
            <p className="criterion-block__label">Evidence</p>
            {evidence.trim() ? (
              <p className="criterion-block__evidence-text">{evidence}</p>
            ) : (
              <p className="muted">No evidence written.</p>
            )}
          </div>
        )}
      </div>
    </section>
  );
}
