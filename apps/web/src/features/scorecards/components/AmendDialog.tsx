import { useState, type FormEvent } from 'react';
import { Dialog } from '@/components/ui/Dialog';

type AmendDialogProps = {
  open: boolean;
  onClose: () => void;
  onStart: (reason: string) => void;
};

/** Asks why before a submitted scorecard is opened for an amendment. */
export function AmendDialog({ open, onClose, onStart }: AmendDialogProps) {
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Amend your scorecard"
      description="The original stays on record. Your reason is kept with the amendment, with your name and the time."
    >
      <AmendForm onClose={onClose} onStart={onStart} />
    </Dialog>
  );
}

function AmendForm({ onClose, onStart }: Omit<AmendDialogProps, 'open'>) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = reason.trim();
    if (!trimmed) {
      setError('Say why you are amending it.');
      return;
    }
    if (trimmed.length > 1000) {
      setError('Use at most 1000 characters.');
      return;
    }
    onStart(trimmed);
  };
  return (
    <form className="form" onSubmit={submit} aria-label="Amend your scorecard" noValidate>
      <div className={error ? 'field field--invalid' : 'field'}>
        <label className="field__label" htmlFor="amend-reason">
          Reason
        </label>
        <textarea
          id="amend-reason"
          className="input textarea"
          rows={3}
          value={reason}
          autoFocus
          onChange={(e) => {
            setReason(e.target.value);
            setError(null);
          }}
          aria-invalid={Boolean(error)}
          aria-describedby={error ? 'amend-reason-error' : 'amend-reason-hint'}
        />
        {error ? (
          <p id="amend-reason-error" className="field__error">
            {error}
          </p>
        ) : (
          <p id="amend-reason-hint" className="field__hint">
            For example: “Mixed up two criteria” or “Forgot the evidence for a red flag”.
          </p>
        )}
      </div>
      <div className="form__actions">
        <button type="button" className="button button--secondary" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="button button--primary">
          Start amending
        </button>
      </div>
    </form>
  );
}
