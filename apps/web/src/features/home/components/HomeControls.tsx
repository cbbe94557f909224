import type { RecruiterHomeQuery } from '@scorecard/contracts';
import { useId } from 'react';

type Scope = RecruiterHomeQuery['scope'];

type HomeControlsProps = {
  scope: Scope;
  onScopeChange: (scope: Scope) => void;
  stuckDays: string;
  stuckDaysError: string | null;
  onStuckDaysChange: (value: string) => void;
};

/** Which openings the home covers, and after how many days in one stage an application counts as stuck. */
export function HomeControls(props: HomeControlsProps) {
  const id = useId();
  const errorId = `${id}-days-error`;
  return (
    <div className="toolbar home-controls" role="group" aria-label="What the home shows">
      <fieldset className="segmented">
        <legend className="field__label">Openings</legend>
        <div className="segmented__options">
          {(
            [
              ['mine', 'Mine'],
              ['all', 'All open openings'],
            ] as const
          ).map(([value, label]) => (
            <label key={value} className="segmented__option">
              <input
                type="radio"
                name={`${id}-scope`}
                value={value}
                checked={props.scope === value}
                onChange={() => props.onScopeChange(value)}
              />
              <span>{label}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <div className={props.stuckDaysError ? 'toolbar__field field--invalid' : 'toolbar__field'}>
        <label htmlFor={`${id}-days`} className="field__label">
          Stuck after (days)
        </label>
        <input
          id={`${id}-days`}
          className="input input--number"
          type="number"
          inputMode="numeric"
          min={1}
          max={365}
          step={1}
          value={props.stuckDays}
          onChange={(e) => props.onStuckDaysChange(e.target.value)}
          aria-invalid={Boolean(props.stuckDaysError)}
          aria-describedby={props.stuckDaysError ? errorId : undefined}
        />
        {props.stuckDaysError ? (
          <p id={errorId} className="field__error">
            {props.stuckDaysError}
          </p>
        ) : null}
      </div>
    </div>
  );
}
