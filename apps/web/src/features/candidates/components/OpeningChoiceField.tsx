import type { ReactNode } from 'react';
import { errorMessage } from '@/lib/api';
import type { useOpeningChoices } from '../api/candidate-queries';

/**
 * The "Opening" field of the apply forms (one candidate, or everyone an import added): a select of
 * the open openings with its submit button beside it, then the error or the hint under both.
 */
export function OpeningChoiceField({
  id,
  openings,
  value,
  error,
  disabled,
  onChange,
  optionSuffix,
  submitting,
  submitLabel,
  hint,
}: {
  id: string;
  openings: ReturnType<typeof useOpeningChoices>;
  value: string;
  error: string | null;
  disabled: boolean;
  onChange: (openingId: string) => void;
  optionSuffix?: (openingId: string) => string;
  submitting: boolean;
  submitLabel: ReactNode;
  hint: string;
}) {
  return (
    <div className={error ? 'field field--invalid' : 'field'}>
      <label className="field__label" htmlFor={`${id}-opening`}>
        Opening
      </label>
      <div className="apply-form__row">
        <select
          id={`${id}-opening`}
          className="select"
          value={value}
          disabled={disabled}
          aria-invalid={Boolean(error)}
          aria-describedby={error ? `${id}-error` : `${id}-hint`}
          onChange={(e) => onChange(e.target.value)}
        >
          <option value="">{openings.isPending ? 'Loading openings…' : 'Choose an open opening'}</option>
          {openings.data?.map((o) => (
            <option key={o.id} value={o.id}>
              {o.title}
              {optionSuffix?.(o.id) ?? ''}
            </option>
          ))}
        </select>
        <button type="submit" className="button button--primary" disabled={submitting}>
          {submitLabel}
        </button>
      </div>
      {error ? (
        <p id={`${id}-error`} className="field__error">
          {error}
        </p>
      ) : (
        <p id={`${id}-hint`} className="field__hint">
          {openings.isError
            ? `Couldn’t load openings. ${errorMessage(openings.error)}`
            : openings.data?.length === 0
              ? 'No opening is open right now.'
              : hint}
        </p>
      )}
    </div>
  );
}
