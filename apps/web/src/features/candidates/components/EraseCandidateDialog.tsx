import type { Candidate } from '@scorecard/contracts';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Alert } from '@/components/ui/Alert';
import { Dialog } from '@/components/ui/Dialog';
import { Field } from '@/components/ui/Field';
import { errorMessage, isApiError } from '@/lib/api';
import { useEraseCandidate } from '../api/candidate-privacy';
import './privacy.css';

type EraseCandidateDialogProps = {
  candidate: Candidate;
  open: boolean;
  onClose: () => void;
  onErased: (candidate: Candidate) => void;
};

/**
 * Confirms erasing a candidate by typing their full name, and says plainly what goes and what
 * stays. The form is mounted only while the dialog is open, so it starts empty every time.
 */
export function EraseCandidateDialog({ candidate, open, onClose, onErased }: EraseCandidateDialogProps) {
  return (
    <Dialog
      open={open}
      onClose={onClose}
      role="alertdialog"
      title={`Erase ${candidate.name}?`}
      description={<p>This removes their personal data from Scorecard for good. It cannot be undone.</p>}
    >
      <EraseForm candidate={candidate} onCancel={onClose} onErased={onErased} />
    </Dialog>
  );
}

function EraseForm({
  candidate,
  onCancel,
  onErased,
}: {
  candidate: Candidate;
  onCancel: () => void;
  onErased: (candidate: Candidate) => void;
}) {
  const erase = useEraseCandidate(candidate.id);
  const input = useRef<HTMLInputElement>(null);
  const [typed, setTyped] = useState('');
  // Into the name field once the dialog has opened (opening it focuses its first button).
  useEffect(() => input.current?.focus(), []);
  const [mismatch, setMismatch] = useState(false);
  const serverFieldError = isApiError(erase.error, 'validation_failed')
    ? erase.error.fieldErrors.find((e) => e.path === 'confirm')?.message
    : undefined;
  const fieldError = mismatch
    ? 'That is not their full name. Type it exactly as shown, with the same capitals.'
    : serverFieldError;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (erase.isPending) return;
    if (typed.trim() !== candidate.name) {
      setMismatch(true);
      return;
    }
    erase.mutate(typed, { onSuccess: onErased });
  };

  return (
    <form className="erase-form" onSubmit={submit} noValidate aria-label={`Erase ${candidate.name}`}>
      <div className="erase-form__lists">
        <div>
          <h3 className="erase-form__heading">Removed</h3>
          <ul className="erase-form__list">
            <li>Name, email, phone, location, current title and company, links, compensation, notes and tags.</li>
            <li>
              Their name and email wherever they were written: stage notes, scorecard evidence, summaries and private
              notes, amendments and decision rationales (each mention becomes “[erased]”).
            </li>
            <li>CSV import rows that carried their email.</li>
          </ul>
        </div>
        <div>
          <h3 className="erase-form__heading">Kept, without their name</h3>
          <ul className="erase-form__list">
            <li>
              Applications and stages, interviews, ratings, red-flag ticks, recommendations and decisions, so debriefs,
              comparisons and analytics keep the same figures.
            </li>
            <li>Source, internal or external, desired career path and coding share.</li>
            <li>The audit log entry that you erased them.</li>
          </ul>
        </div>
      </div>
      {erase.isError && !serverFieldError ? (
        <Alert title="Nothing was erased">{errorMessage(erase.error)}</Alert>
      ) : null}
      <Field
        label="Type their full name to confirm"
        hint={
          <>
            Type <strong className="erase-form__name">{candidate.name}</strong> exactly as shown.
          </>
        }
        error={fieldError}
      >
        {(control) => (
          <input
            {...control}
            ref={input}
            className="input"
            value={typed}
            onChange={(e) => {
              setTyped(e.target.value);
              setMismatch(false);
            }}
            autoComplete="off"
            spellCheck={false}
          />
        )}
      </Field>
      <div className="form__actions">
        <button type="button" className="button button--secondary" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button button--danger" disabled={erase.isPending} aria-busy={erase.isPending}>
          {erase.isPending ? 'Erasing…' : 'Erase candidate'}
        </button>
      </div>
    </form>
  );
}
