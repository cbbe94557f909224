import { useId } from 'react';
import { formatCount } from '../candidate-import';
import { StepHeading } from './ImportSteps';

/** Step 3: the rows going to the API batch after batch, with a real progress bar and a way out. */
export function ImportCheckStep({
  checked,
  total,
  onCancel,
}: {
  checked: number;
  total: number;
  onCancel: () => void;
}) {
  const id = useId();
  return (
    <section className="panel panel--padded import-step" aria-labelledby={`${id}-title`}>
      <StepHeading id={`${id}-title`} title="Checking rows">
        Each row is checked against the candidate rules and the candidates you already have. Nothing is written yet.
      </StepHeading>
      <div className="import-progress">
        <label className="import-progress__label" htmlFor={`${id}-bar`}>
          Checked {formatCount(checked)} of {formatCount(total)} rows
        </label>
        <progress id={`${id}-bar`} className="import-progress__bar" value={checked} max={total} />
      </div>
      <div className="form__actions">
        <button type="button" className="button button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </section>
  );
}
