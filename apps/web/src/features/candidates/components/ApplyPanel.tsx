import type { Candidate } from '@scorecard/contracts';
import { useId, useState } from 'react';
import { Link } from 'react-router';
import { Alert } from '../../../components/ui/Alert';
import { ApiError, errorMessage } from '../../../lib/api';
import { useApplyCandidate } from '../api/candidate-mutations';
import { useOpeningChoices } from '../api/candidate-queries';

function applyErrorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.code === 'already_applied') return 'This candidate has already applied to that opening.';
    if (error.code === 'stage_move_refused') return error.detail ?? 'That opening isn’t open for applications.';
  }
  return `Couldn’t apply. ${errorMessage(error)}`;
}

/** Applies the candidate to one of the open openings they haven't applied to yet. */
type ApplyPanelProps = {
  candidate: Candidate;
  onApplied: (message: string) => void;
  /** Each attempt starts afresh: an earlier success message no longer applies. */
  onAttempt: () => void;
};

export function ApplyPanel({ candidate, onApplied, onAttempt }: ApplyPanelProps) {
  const id = useId();
  const openings = useOpeningChoices('open');
  const apply = useApplyCandidate(candidate.id);
  const [openingId, setOpeningId] = useState('');
  const [choiceError, setChoiceError] = useState<string | null>(null);
  const applied = new Set(candidate.applications.map((a) => a.opening.id));
  const existing = candidate.applications.find((a) => a.opening.id === openingId);

  const submit = () => {
    if (!openingId) {
      setChoiceError('Choose an opening.');
      document.getElementById(`${id}-opening`)?.focus();
      return;
    }
    setChoiceError(null);
    onAttempt();
    const title = openings.data?.find((o) => o.id === openingId)?.title ?? 'the opening';
    apply.mutate(openingId, {
      onSuccess: () => {
        setOpeningId('');
        onApplied(`${candidate.name} applied to ${title}.`);
      },
    });
  };

  return (
    <form
      className="apply-form"
      noValidate
      aria-label="Apply to an opening"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      {apply.isError ? (
        <Alert onDismiss={() => apply.reset()}>
          {applyErrorMessage(apply.error)}
          {existing && isAlreadyApplied(apply.error) ? (
            <>
              {' '}
              <Link to={`/applications/${existing.id}`}>Open that application</Link>
            </>
          ) : null}
        </Alert>
      ) : null}
      <div className={choiceError ? 'field field--invalid' : 'field'}>
        <label className="field__label" htmlFor={`${id}-opening`}>
          Opening
        </label>
        <div className="apply-form__row">
          <select
            id={`${id}-opening`}
            className="select"
            value={openingId}
            disabled={openings.isPending}
            aria-invalid={Boolean(choiceError)}
            aria-describedby={choiceError ? `${id}-error` : `${id}-hint`}
            onChange={(e) => {
              setOpeningId(e.target.value);
              setChoiceError(null);
              apply.reset();
            }}
          >
            <option value="">{openings.isPending ? 'Loading openings…' : 'Choose an open opening'}</option>
            {openings.data?.map((o) => (
              <option key={o.id} value={o.id}>
                {o.title}
                {applied.has(o.id) ? ' (already applied)' : ''}
              </option>
            ))}
          </select>
          <button type="submit" className="button button--primary" disabled={apply.isPending}>
            {apply.isPending ? 'Applying…' : 'Apply'}
          </button>
        </div>
        {choiceError ? (
          <p id={`${id}-error`} className="field__error">
            {choiceError}
          </p>
        ) : (
          <p id={`${id}-hint`} className="field__hint">
            {openings.isError
              ? `Couldn’t load openings. ${errorMessage(openings.error)}`
              : openings.data?.length === 0
                ? 'No opening is open right now.'
                : 'Only open openings take applications. The candidate starts in Applied.'}
          </p>
        )}
      </div>
    </form>
  );
}

function isAlreadyApplied(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'already_applied';
}
