import { CALIBRATION_MIN_UNITS } from '@scorecard/contracts';
import { useId, useRef, useState, type FormEvent } from 'react';
import { errorMessage, isApiError } from '@/lib/api';
import { useUpdateOrganizationSettings } from '../api/organization-settings';
import { offsetRule } from '../analytics-copy';

type MinimumUnitsSettingProps = {
  /** The minimum the figures on screen were computed with. */
  minUnits: number;
  /** Admins may change it; everyone else reads the rule. */
  canChange: boolean;
};

/**
 * States the rule for calling an interviewer lenient or severe and, for an admin, changes the
 * organization's minimum of matched units in place: a button opens a small form (a number, Save,
 * Cancel); the API's message shows beside the field; a saved value is announced and every
 * calibration is read again.
 */
export function MinimumUnitsSetting({ minUnits, canChange }: MinimumUnitsSettingProps) {
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState(String(minUnits));
  const [saved, setSaved] = useState<number | null>(null);
  const update = useUpdateOrganizationSettings();
  const id = useId();
  const openButton = useRef<HTMLButtonElement>(null);

  const close = () => {
    setEditing(false);
    update.reset();
    // Back to the button that opened the form, once it is rendered again.
    requestAnimationFrame(() => openButton.current?.focus());
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const n = Number(value);
    update.mutate(
      { calibrationMinUnits: Number.isFinite(n) && value.trim() !== '' ? n : Number.NaN },
      {
        onSuccess: (settings) => {
          setSaved(settings.calibrationMinUnits);
          close();
        },
      },
    );
  };

  const fieldError = isApiError(update.error, 'validation_failed')
    ? (update.error.fieldErrors.find((e) => e.path === 'calibrationMinUnits')?.message ?? errorMessage(update.error))
    : null;
  const otherError = update.error && !fieldError ? errorMessage(update.error) : null;

  return (
    <div className="minimum-units" data-minimum-units={minUnits}>
      <p className="analytics-help">
        <strong>{offsetRule(minUnits)}</strong>
        {canChange && !editing ? (
          <>
            {' '}
            <button
              ref={openButton}
              type="button"
              className="button button--ghost button--small"
              onClick={() => {
                setValue(String(minUnits));
                setSaved(null);
                setEditing(true);
              }}
            >
              Change the minimum
            </button>
          </>
        ) : null}
      </p>
      {saved !== null ? (
        <p className="minimum-units__saved" role="status">
          Saved: offsets now need at least {saved} matched units.
        </p>
      ) : null}
      {editing ? (
        <form className="minimum-units__form" onSubmit={submit} noValidate aria-label="Minimum matched units">
          <div className={fieldError ? 'field field--invalid' : 'field'}>
            <label className="field__label" htmlFor={`${id}-units`}>
              Matched units before anyone is called lenient or severe
            </label>
            <input
              id={`${id}-units`}
              className="input minimum-units__input"
              type="number"
              inputMode="numeric"
              min={CALIBRATION_MIN_UNITS.min}
              max={CALIBRATION_MIN_UNITS.max}
              step={1}
              value={value}
              onChange={(e) => setValue(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Escape') close();
              }}
              aria-invalid={Boolean(fieldError)}
              aria-describedby={`${id}-hint${fieldError ? ` ${id}-error` : ''}`}
              autoFocus
            />
            <p id={`${id}-hint`} className="field__hint">
              A whole number from {CALIBRATION_MIN_UNITS.min} to {CALIBRATION_MIN_UNITS.max}; the default is{' '}
              {CALIBRATION_MIN_UNITS.default}. It applies to the whole organization.
            </p>
            {fieldError ? (
              <p id={`${id}-error`} className="field__error">
                {fieldError}
              </p>
            ) : null}
          </div>
          {otherError ? (
            <p className="field__error" role="alert">
              {otherError}
            </p>
          ) : null}
          <div className="minimum-units__actions">
            <button type="submit" className="button button--primary button--small" disabled={update.isPending}>
              {update.isPending ? 'Saving…' : 'Save'}
            </button>
            <button type="button" className="button button--secondary button--small" onClick={close}>
              Cancel
            </button>
          </div>
        </form>
      ) : null}
    </div>
  );
}
