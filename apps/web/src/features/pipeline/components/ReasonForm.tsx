import { REASON_LABELS, RejectionReason, WithdrawalReason, type StageReason } from '@scorecard/contracts';
import { useId, useState } from 'react';
import { OptionList } from '@/components/ui/Field';

type ReasonFormProps = {
  to: 'rejected' | 'withdrawn';
  name: string;
  pending: boolean;
  onSubmit: (reason: StageReason, note: string) => void;
  onCancel: () => void;
};

const NOTE_MAX = 2000;

/** Rejecting or withdrawing needs a reason from the right list, plus an optional note. */
export function ReasonForm({ to, name, pending, onSubmit, onCancel }: ReasonFormProps) {
  const id = useId();
  const options: readonly StageReason[] = to === 'rejected' ? RejectionReason.options : WithdrawalReason.options;
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<{ reason?: string; note?: string }>({});

  const submit = () => {
    const next: typeof errors = {};
    if (!options.includes(reason as StageReason)) {
      next.reason = to === 'rejected' ? 'Choose why the candidate is rejected.' : 'Choose why the candidate withdrew.';
    }
    if (note.trim().length > NOTE_MAX) next.note = `Use at most ${NOTE_MAX} characters.`;
    setErrors(next);
    if (next.reason || next.note) {
      document.getElementById(next.reason ? `${id}-reason` : `${id}-note`)?.focus();
      return;
    }
    onSubmit(reason as StageReason, note.trim());
  };

  return (
    <form
      className="form"
      noValidate
      aria-label={to === 'rejected' ? 'Rejection reason' : 'Withdrawal reason'}
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <div className={errors.reason ? 'field field--invalid' : 'field'}>
        <label className="field__label" htmlFor={`${id}-reason`}>
          Reason
        </label>
        <select
          id={`${id}-reason`}
          className="select"
          value={reason}
          autoFocus
          aria-invalid={Boolean(errors.reason)}
          aria-describedby={errors.reason ? `${id}-reason-error` : undefined}
          onChange={(e) => setReason(e.target.value)}
        >
          <OptionList values={options} labels={REASON_LABELS} empty="Choose a reason" />
        </select>
        {errors.reason ? (
          <p id={`${id}-reason-error`} className="field__error">
            {errors.reason}
          </p>
        ) : null}
      </div>
      <div className={errors.note ? 'field field--invalid' : 'field'}>
        <label className="field__label" htmlFor={`${id}-note`}>
          Note
        </label>
        <textarea
          id={`${id}-note`}
          className="textarea"
          rows={4}
          value={note}
          aria-invalid={Boolean(errors.note)}
          aria-describedby={errors.note ? `${id}-note-error` : `${id}-note-hint`}
          onChange={(e) => setNote(e.target.value)}
        />
        {errors.note ? (
          <p id={`${id}-note-error`} className="field__error">
            {errors.note}
          </p>
        ) : (
          <p id={`${id}-note-hint`} className="field__hint">
            Optional. Kept in the timeline for the hiring team.
          </p>
        )}
      </div>
      <div className="form__actions">
        <button type="button" className="button button--secondary" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button button--danger" disabled={pending}>
          {pending ? 'Saving…' : to === 'rejected' ? `Reject ${name}` : `Withdraw ${name}`}
        </button>
      </div>
    </form>
  );
}
