import type { Candidate } from '@scorecard/contracts';
import { useId, useState } from 'react';
import { Link } from 'react-router';
import { Alert } from '@/components/ui/Alert';
import { ApiError, errorMessage } from '@/lib/api';
import { useApplyCandidate } from '../api/candidate-mutations';
import { useOpeningChoices } from '../api/candidate-queries';
import { OpeningChoiceField } from './OpeningChoiceField';

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
      <OpeningChoiceField
        id={id}
        openings={openings}
        value={openingId}
        error={choiceError}
        disabled={openings.isPending}
        onChange={(value) => {
          setOpeningId(value);
          setChoiceError(null);
          apply.reset();
        }}
        optionSuffix={(openingId) => (applied.has(openingId) ? ' (already applied)' : '')}
        submitting={apply.isPending}
        submitLabel={apply.isPending ? 'Applying…' : 'Apply'}
        hint="Only open openings take applications. The candidate starts in Applied."
      />
    </form>
  );
}

function isAlreadyApplied(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'already_applied';
}
