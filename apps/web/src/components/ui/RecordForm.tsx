import { useState, type ReactNode } from 'react';
import type { FieldValues, UseFormReturn } from 'react-hook-form';
import { Alert } from './Alert';

type RecordFormProps<I extends FieldValues, O> = {
  form: UseFormReturn<I, unknown, O>;
  /** The form's own class ("candidate-form"); its actions get `<class>__actions`. */
  className: string;
  label: string;
  submitLabel: string;
  pendingLabel: string;
  onSubmit: (values: O) => Promise<unknown>;
  onCancel: () => void;
  /** Puts the API's field errors next to their fields; true when one was placed (no alert then). */
  placeErrors: (error: unknown) => boolean;
  /** The alert's sentence for a failed save, and whether it failed because someone else saved first. */
  describe: (failure: unknown) => { message: string; stale: boolean };
  /** Offered when someone else saved first: "Reload the candidate (discards these edits)". */
  reload: { label: string; onReload: (() => void) | undefined };
  children: ReactNode;
};

/**
 * The frame of a form that creates or edits one record: the failure of the last save above the
 * fields (with a reload when someone else saved first), then Cancel and the submit button.
 */
export function RecordForm<I extends FieldValues, O>(props: RecordFormProps<I, O>) {
  const { form, className, reload } = props;
  const [failure, setFailure] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    setPending(true);
    try {
      await props.onSubmit(values);
    } catch (error) {
      if (!props.placeErrors(error)) setFailure(error);
    } finally {
      setPending(false);
    }
  });
  const failed = failure ? props.describe(failure) : null;
  return (
    <form className={`form ${className}`} onSubmit={(e) => void submit(e)} noValidate aria-label={props.label}>
      {failed ? (
        <Alert title="Not saved" onDismiss={() => setFailure(null)}>
          <p>{failed.message}</p>
          {failed.stale && reload.onReload ? (
            <button
              type="button"
              className="button button--secondary button--small alert__action"
              onClick={reload.onReload}
            >
              {reload.label}
            </button>
          ) : null}
        </Alert>
      ) : null}
      {props.children}
      <div className={`form__actions ${className}__actions`}>
        <button type="button" className="button button--secondary" onClick={props.onCancel}>
          Cancel
        </button>
        <button type="submit" className="button button--primary" disabled={pending}>
          {pending ? props.pendingLabel : props.submitLabel}
        </button>
      </div>
    </form>
  );
}
