import { STAGE_LABELS, type BoardCard, type PipelineBoard, type Stage } from '@scorecard/contracts';
import { useId } from 'react';
import { MAX_COMPARED } from '../api/debrief-queries';

/** Later stages first: the finalists are what people compare. */
const STAGE_ORDER: Stage[] = ['offer', 'debrief', 'interviews', 'screen', 'applied', 'hired', 'rejected', 'withdrawn'];

type ApplicationPickerProps = {
  board: PipelineBoard;
  selected: readonly string[];
  onChange: (ids: string[]) => void;
};

/** Checkboxes for the opening's applications, 2 to 8 of them; the choice lives in the URL. */
export function ApplicationPicker({ board, selected, onChange }: ApplicationPickerProps) {
  const hintId = useId();
  const cards: BoardCard[] = STAGE_ORDER.flatMap((stage) => board.columns.find((c) => c.stage === stage)?.cards ?? []);
  const chosen = new Set(selected);
  const full = selected.length >= MAX_COMPARED;
  const toggle = (id: string, on: boolean) =>
    onChange(on ? [...selected.filter((s) => s !== id), id] : selected.filter((s) => s !== id));

  return (
    <fieldset className="panel panel--padded compare-picker" aria-describedby={hintId}>
      <legend className="compare-picker__legend">Candidates to compare</legend>
      <p id={hintId} className="compare-picker__hint">
        Pick 2 to {MAX_COMPARED}. {selected.length} selected
        {full ? ': that’s the most one comparison shows; untick one to pick another.' : '.'}
      </p>
      {cards.length === 0 ? (
        <p className="muted">This opening has no applications yet.</p>
      ) : (
        <ul className="compare-picker__list">
          {cards.map((card) => {
            const checked = chosen.has(card.applicationId);
            const inputId = `pick-${card.applicationId}`;
            return (
              <li key={card.applicationId} className={checked ? 'compare-pick compare-pick--checked' : 'compare-pick'}>
                <input
                  id={inputId}
                  type="checkbox"
                  className="checkbox"
                  checked={checked}
                  disabled={!checked && full}
                  onChange={(e) => toggle(card.applicationId, e.target.checked)}
                />
                <label htmlFor={inputId} className="compare-pick__label">
                  <span className="compare-pick__name">{card.candidate.name}</span>
                  <span className="compare-pick__meta">
                    {STAGE_LABELS[card.stage]} · {card.scorecardsIn} of {card.interviews} scorecards
                    {card.dealbreaker ? <span className="compare-pick__flag"> · Dealbreaker</span> : null}
                  </span>
                </label>
              </li>
            );
          })}
        </ul>
      )}
    </fieldset>
  );
}
