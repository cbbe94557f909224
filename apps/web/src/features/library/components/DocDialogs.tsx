import { zodResolver } from '@hookform/resolvers/zod';
import { CreateRubricRequest, DuplicateRequest } from '@scorecard/contracts';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { Alert } from '@/components/ui/Alert';
import { Dialog } from '@/components/ui/Dialog';
import { Field } from '@/components/ui/Field';
import { errorMessage } from '@/lib/api';
import { applyServerFieldErrors } from '@/lib/forms';

/** Name and description, as creating and renaming a rubric or checklist ask for them. */
const NameAndDescription = CreateRubricRequest.pick({ name: true, description: true });
export type NameAndDescription = z.output<typeof NameAndDescription>;

type NameDialogProps = {
  open: boolean;
  title: string;
  description?: string;
  submitLabel: string;
  pendingLabel: string;
  failureTitle: string;
  initial: { name: string; description: string };
  onClose: () => void;
  /** Rejects with the API's error, which the form shows next to its fields or above them. */
  onSubmit: (values: NameAndDescription) => Promise<unknown>;
};

/** Asks for a name and a description (creating or renaming a document). */
export function NameDialog(props: NameDialogProps) {
  return (
    <Dialog open={props.open} onClose={props.onClose} title={props.title} description={props.description}>
      <NameForm {...props} />
    </Dialog>
  );
}

function NameForm({ title, submitLabel, pendingLabel, failureTitle, initial, onClose, onSubmit }: NameDialogProps) {
  const [formError, setFormError] = useState<unknown>(null);
  const form = useForm<z.input<typeof NameAndDescription>, unknown, NameAndDescription>({
    resolver: zodResolver(NameAndDescription),
    defaultValues: initial,
  });
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      await onSubmit(values);
    } catch (error) {
      if (!applyServerFieldErrors(error, form.setError, ['name', 'description'])) setFormError(error);
    }
  });

  return (
    <form className="form" onSubmit={submit} noValidate aria-label={title}>
      {formError ? <Alert title={failureTitle}>{errorMessage(formError)}</Alert> : null}
      <Field label="Name" error={errors.name?.message}>
        {(control) => <input {...control} {...form.register('name')} className="input" autoComplete="off" autoFocus />}
      </Field>
      <Field label="Description" error={errors.description?.message} hint="Optional. Who it is for and when to use it.">
        {(control) => <textarea {...control} {...form.register('description')} className="input textarea" rows={3} />}
      </Field>
      <div className="form__actions">
        <button type="button" className="button button--secondary" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="button button--primary" disabled={isSubmitting}>
          {isSubmitting ? pendingLabel : submitLabel}
        </button>
      </div>
    </form>
  );
}

type DuplicateDialogProps = {
  open: boolean;
  noun: string;
  sourceName: string;
  onClose: () => void;
  onSubmit: (name: string) => Promise<unknown>;
};

/** Asks the name of the copy. */
export function DuplicateDialog(props: DuplicateDialogProps) {
  return (
    <Dialog
      open={props.open}
      onClose={props.onClose}
      title={`Duplicate ${props.noun}`}
      description={`The copy starts with the content of “${props.sourceName}” and has its own versions.`}
    >
      <DuplicateForm {...props} />
    </Dialog>
  );
}

function DuplicateForm({ noun, sourceName, onClose, onSubmit }: DuplicateDialogProps) {
  const [formError, setFormError] = useState<unknown>(null);
  const form = useForm<z.input<typeof DuplicateRequest>, unknown, DuplicateRequest>({
    resolver: zodResolver(DuplicateRequest),
    defaultValues: { name: `${sourceName} (copy)` },
  });
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      await onSubmit(values.name);
    } catch (error) {
      if (!applyServerFieldErrors(error, form.setError, ['name'])) setFormError(error);
    }
  });
  return (
    <form className="form" onSubmit={submit} noValidate aria-label={`Duplicate ${noun}`}>
      {formError ? <Alert title="The copy wasn’t made">{errorMessage(formError)}</Alert> : null}
      <Field label="Name of the copy" error={errors.name?.message}>
        {(control) => <input {...control} {...form.register('name')} className="input" autoComplete="off" autoFocus />}
      </Field>
      <div className="form__actions">
        <button type="button" className="button button--secondary" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="button button--primary" disabled={isSubmitting}>
          {isSubmitting ? 'Duplicating…' : 'Duplicate'}
        </button>
      </div>
    </form>
  );
}
