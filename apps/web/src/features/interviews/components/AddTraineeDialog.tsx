import {
  TRAINING_MODE_LABELS,
  TrainingMode,
  type Application,
  type Interview,
  type Person,
} from '@scorecard/contracts';
import { useId, useRef, useState } from 'react';
import { Alert } from '@/components/ui/Alert';
import { Dialog } from '@/components/ui/Dialog';
import { Field } from '@/components/ui/Field';
import { ErrorState, LoadingState } from '@/components/ui/States';
import { ApiError, errorMessage } from '@/lib/api';
import { useAddTrainingSeat } from '../api/interview-mutations';
import { usePeople } from '../api/interview-queries';

type AddTraineeDialogProps = {
  application: Application;
  /** The interview to pair; null while the dialog is closed. */
  interview: Interview | null;
  onClose: () => void;
  onAdded: (seat: Interview) => void;
};

/** What each kind of pairing means, for the choice. */
const MODE_HINTS: Record<TrainingMode, (lead: string) => string> = {
  shadow: (lead) =>
    `${lead} leads, as a qualified interviewer. The person you choose sits in as their shadow, writes a scorecard of their own for training, and it counts in no figure.`,
  reverse_shadow: (lead) =>
    `${lead} is the trainee and leads the interview (their scorecard counts in no figure). The person you choose observes: they must be qualified, and their scorecard counts.`,
};

/**
 * Adds the second seat of a training pairing to a scheduled interview: a shadow beside a qualified
 * lead, or a qualified observer beside a trainee who leads (reverse shadow). The API checks each
 * side's level in the step's competencies and explains a refusal.
 */
export function AddTraineeDialog(props: AddTraineeDialogProps) {
  const { interview } = props;
  return (
    <Dialog
      open={interview !== null}
      onClose={props.onClose}
      title={interview ? `Add a trainee to ${interview.step.name}` : 'Add a trainee'}
      description={
        interview ? (
          <p>
            The interview with {interview.interviewer.name} gets a second seat at the same time, with its own scorecard
            and calendar invitation.
          </p>
        ) : undefined
      }
    >
      {interview ? <AddTraineeBody {...props} interview={interview} /> : null}
    </Dialog>
  );
}

function AddTraineeBody(props: AddTraineeDialogProps & { interview: Interview }) {
  const people = usePeople();
  if (people.isPending) return <LoadingState label="Loading people…" />;
  if (people.isError) {
    return (
      <ErrorState
        title="Couldn’t load the people"
        error={people.error}
        onRetry={() => void people.refetch()}
        retrying={people.isFetching}
      />
    );
  }
  return <AddTraineeForm {...props} people={people.data.filter((p) => p.id !== props.interview.interviewer.id)} />;
}

function AddTraineeForm({
  application,
  interview,
  people,
  onClose,
  onAdded,
}: AddTraineeDialogProps & { interview: Interview; people: readonly Person[] }) {
  const add = useAddTrainingSeat({ applicationId: application.id, openingId: application.opening.id });
  const [mode, setMode] = useState<TrainingMode>('shadow');
  const [personId, setPersonId] = useState('');
  const [missing, setMissing] = useState(false);
  const modeName = useId();
  const personRef = useRef<HTMLSelectElement>(null);
  const fieldError =
    add.error instanceof ApiError ? add.error.fieldErrors.find((e) => e.path === 'interviewerId')?.message : undefined;
  const personError = missing ? 'Choose who joins the interview.' : fieldError;
  const lead = interview.interviewer.name;

  return (
    <form
      className="form interview-form"
      noValidate
      aria-label="Add a trainee"
      onSubmit={(e) => {
        e.preventDefault();
        if (!personId) {
          setMissing(true);
          personRef.current?.focus();
          return;
        }
        add.mutate({ id: interview.id, body: { mode, interviewerId: personId } }, { onSuccess: onAdded });
      }}
    >
      {add.isError && !fieldError ? (
        <Alert title="The trainee wasn’t added" onDismiss={() => add.reset()}>
          {errorMessage(add.error)}
        </Alert>
      ) : null}
      <fieldset className="field">
        <legend className="field__label">Kind of pairing</legend>
        {TrainingMode.options.map((m) => (
          <div key={m} className="check-field">
            <input
              type="radio"
              id={`${modeName}-${m}`}
              name={modeName}
              value={m}
              checked={mode === m}
              onChange={() => setMode(m)}
              aria-describedby={`${modeName}-${m}-hint`}
            />
            <div>
              <label htmlFor={`${modeName}-${m}`}>
                {m === 'shadow'
                  ? `${TRAINING_MODE_LABELS[m]}: add a trainee beside ${lead}`
                  : `${TRAINING_MODE_LABELS[m]}: add a qualified observer`}
              </label>
              <p id={`${modeName}-${m}-hint`} className="field__hint">
                {MODE_HINTS[m](lead)}
              </p>
            </div>
          </div>
        ))}
      </fieldset>
      <Field label={mode === 'shadow' ? 'Shadow' : 'Observer'} error={personError}>
        {(control) => (
          <select
            {...control}
            ref={personRef}
            className="input"
            value={personId}
            onChange={(e) => {
              setPersonId(e.target.value);
              setMissing(false);
            }}
          >
            <option value="">Choose a person…</option>
            {people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="form__actions">
        <button type="button" className="button button--secondary" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="button button--primary" disabled={add.isPending}>
          {add.isPending ? 'Adding…' : mode === 'shadow' ? 'Add shadow' : 'Add observer'}
        </button>
      </div>
    </form>
  );
}
