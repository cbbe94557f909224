import { zodResolver } from '@hookform/resolvers/zod';
import {
  CreateUserRequest,
  INVITATION_TTL_DAYS,
  PASSWORD_MIN_LENGTH,
  ROLE_LABELS,
  ROLES,
  type User,
} from '@scorecard/contracts';
import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { Alert } from '@/components/ui/Alert';
import { Dialog } from '@/components/ui/Dialog';
import { Field, OptionList } from '@/components/ui/Field';
import { PasswordInput } from '@/components/ui/PasswordInput';
import { ApiError, errorMessage } from '@/lib/api';
import { applyServerFieldErrors } from '@/lib/forms';
import { useCreateUser } from '../api/user-mutations';

type CreateUserInput = z.input<typeof CreateUserRequest>;
const FIELDS = ['name', 'email', 'role', 'password'] as const;

type AddUserDialogProps = {
  open: boolean;
  organizationName: string;
  onClose: () => void;
  onCreated: (user: User) => void;
};

export function AddUserDialog({ open, organizationName, onClose, onCreated }: AddUserDialogProps) {
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Add user"
      description={`We’ll email them an invitation to join ${organizationName} and choose their own password.`}
    >
      <AddUserForm onCancel={onClose} onCreated={onCreated} />
    </Dialog>
  );
}

function AddUserForm({ onCancel, onCreated }: { onCancel: () => void; onCreated: (user: User) => void }) {
  const create = useCreateUser();
  const form = useForm<CreateUserInput, unknown, CreateUserRequest>({
    resolver: zodResolver(CreateUserRequest),
    defaultValues: { name: '', email: '', role: 'interviewer' },
    // The password field is there only when the admin sets one; unmounted, it is not sent (an invitation).
    shouldUnregister: true,
  });
  const [withPassword, setWithPassword] = useState(false);
  const toggleId = useId();
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit((values) => {
    create.mutate(values, {
      onSuccess: onCreated,
      onError: (error) => {
        if (error instanceof ApiError && error.code === 'email_taken') {
          form.setError(
            'email',
            { type: 'server', message: 'Someone in your organization already uses this email.' },
            { shouldFocus: true },
          );
          return;
        }
        applyServerFieldErrors(error, form.setError, FIELDS);
      },
    });
  });

  const error = create.error;
  const showFormError =
    create.isError && !(error instanceof ApiError && (error.code === 'email_taken' || error.fieldErrors.length > 0));

  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-label="Add user">
      {showFormError ? <Alert title="The user wasn’t added">{errorMessage(error)}</Alert> : null}
      <Field label="Full name" error={errors.name?.message}>
        {(control) => <input {...control} {...form.register('name')} className="input" autoComplete="off" autoFocus />}
      </Field>
      <Field label="Email" error={errors.email?.message}>
        {(control) => (
          <input {...control} {...form.register('email')} className="input" type="email" autoComplete="off" />
        )}
      </Field>
      <Field label="Role" error={errors.role?.message}>
        {(control) => (
          <select {...control} {...form.register('role')} className="select">
            <OptionList values={ROLES} labels={ROLE_LABELS} />
          </select>
        )}
      </Field>
      <div className="check-field">
        <input
          id={toggleId}
          type="checkbox"
          className="checkbox"
          aria-describedby={`${toggleId}-hint`}
          checked={withPassword}
          onChange={(e) => setWithPassword(e.target.checked)}
        />
        <div>
          <label htmlFor={toggleId}>Set a password instead</label>
          <p id={`${toggleId}-hint`} className="field__hint">
            {withPassword
              ? 'No email is sent: you pass the password on to them yourself.'
              : `Otherwise they get an email with a link to choose their own password, valid for ${INVITATION_TTL_DAYS} days.`}
          </p>
        </div>
      </div>
      {withPassword ? (
        <Field
          label="Initial password"
          error={errors.password?.message}
          hint={`At least ${PASSWORD_MIN_LENGTH} characters. Share it with them privately.`}
        >
          {(control) => <PasswordInput {...control} {...form.register('password')} autoComplete="new-password" />}
        </Field>
      ) : null}
      <div className="form__actions">
        <button type="button" className="button button--secondary" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button button--primary" disabled={create.isPending}>
          {create.isPending ? (withPassword ? 'Adding…' : 'Inviting…') : withPassword ? 'Add user' : 'Send invitation'}
        </button>
      </div>
    </form>
  );
}
