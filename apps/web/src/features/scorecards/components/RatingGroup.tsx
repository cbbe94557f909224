import type { KeyboardEvent } from 'react';
import { RATING_LEVEL_NAMES } from '../scorecard-copy';
import { ratingInputId, type RatingChoice } from '../scorecard-draft';

const LEVELS = [1, 2, 3, 4] as const;

type RatingGroupProps = {
  criterionKey: string;
  criterionTitle: string;
  anchors: readonly string[];
  choice: RatingChoice | null;
  /** null: read-only. */
  onChoose: ((choice: RatingChoice) => void) | null;
  errorId: string | undefined;
};

/** Number keys 1–4 pick a level and 0 or N "not assessed", while focus is on one of the group's options. */
function choiceForKey(key: string): RatingChoice | null {
  if (key === '1' || key === '2' || key === '3' || key === '4') return Number(key) as 1 | 2 | 3 | 4;
  if (key === '0' || key === 'n' || key === 'N') return 'not_assessed';
  return null;
}

/**
 * The anchored scale of one criterion as a group of radio buttons, each level with its anchor text
 * beside it, plus "not assessed". Arrow keys move between levels as in any radio group; number keys
 * jump straight to a level.
 */
export function RatingGroup({ criterionKey, criterionTitle, anchors, choice, onChoose, errorId }: RatingGroupProps) {
  const name = `rating-${criterionKey}`;
  // On each radio (the keys come from the focused one), not the fieldset, which takes no focus.
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (!onChoose || event.ctrlKey || event.metaKey || event.altKey) return;
    const next = choiceForKey(event.key);
    if (next === null) return;
    event.preventDefault();
    onChoose(next);
    document.getElementById(ratingInputId(criterionKey, next))?.focus();
  };
  const option = (value: RatingChoice) => {
    const id = ratingInputId(criterionKey, value);
    const checked = choice === value;
    return (
      <label
        key={value}
        htmlFor={id}
        className={`rating__option rating__option--${value}${checked ? ' rating__option--checked' : ''}`}
      >
        <input
          type="radio"
          className="radio"
          id={id}
          name={name}
          checked={checked}
          disabled={!onChoose}
          onChange={() => onChoose?.(value)}
          onKeyDown={onKeyDown}
          aria-labelledby={`${id}-name`}
          aria-describedby={value === 'not_assessed' ? undefined : `${id}-anchor`}
        />
        {value === 'not_assessed' ? (
          <span className="rating__text">
            <span id={`${id}-name`} className="rating__name">
              <span className="rating__key" aria-hidden="true">
                N
              </span>
              Not assessed
            </span>
            <span className="rating__anchor">The interview didn’t reach this. Not a zero.</span>
          </span>
        ) : (
          <span className="rating__text">
            <span id={`${id}-name`} className="rating__name">
              <span className="rating__key">{value}</span> {RATING_LEVEL_NAMES[value]}
            </span>
            <span id={`${id}-anchor`} className="rating__anchor">
              {anchors[value - 1]?.trim() || 'No anchor text for this level.'}
            </span>
          </span>
        )}
      </label>
    );
  };
  return (
    <fieldset className="rating" aria-describedby={errorId}>
      <legend className="visually-hidden">Rating for {criterionTitle}</legend>
      <div className="rating__options">
        {LEVELS.map((level) => option(level))}
        {option('not_assessed')}
      </div>
    </fieldset>
  );
}
