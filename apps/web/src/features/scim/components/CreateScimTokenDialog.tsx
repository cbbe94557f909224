import { zodResolver } from '@hookform/resolvers/zod';
import { CreateScimTokenRequest, type CreatedScimToken } from '@scorecard/contracts';
import { useForm } from 'react-hook-form';
import { Alert } from '@/components/ui/Alert';
import { Dialog } from '@/components/ui/Dialog';
import { SecretShownOnce } from '@/components/ui/SecretShownOnce';
import { Field } from '@/components/ui/Field';
import { ApiError, errorMessage } from '@/lib/api';
import { applyServerFieldErrors } from '@/lib/forms';
import { useCreateScimToken } from '../api/scim-tokens';

/**
 * "Create token": a name, then the token shown this once, with a Copy button and a warning. The
 * token stays on screen until the admin closes the dialog.
 */
export function CreateScimTokenDialog({
  open,
  onClose,
  created,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  created: CreatedScimToken | null;
  onCreated: (token: CreatedScimToken) => void;
}) {
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={created ? 'Copy your SCIM token now' : 'Create a SCIM token'}
      description={
        created ? undefined : (
          <p>Give the token the name of the identity provider that will use it, so you know which one to revoke.</p>
        )
      }
    >
      {created ? <ShownOnce token={created} onDone={onClose} /> : <NameForm onCreated={onCreated} onCancel={onClose} />}
    </Dialog>
  );
}

function NameForm({ onCreated, onCancel }: { onCreated: (token: CreatedScimToken) => void; onCancel: () => void }) {
  const create = useCreateScimToken();
  const form = useForm<CreateScimTokenRequest>({
    resolver: zodResolver(CreateScimTokenRequest),
    defaultValues: { name: '' },
  });
  const { errors } = form.formState;
  const onSubmit = form.handleSubmit((body) =>
    create.mutate(body, {
      onSuccess: onCreated,
      onError: (error) => applyServerFieldErrors(error, form.setError, ['name']),
    }),
  );
  const showFormError = create.isError && !(create.error instanceof ApiError && create.error.fieldErrors.length > 0);
  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-label="New SCIM token">
      {showFormError ? <Alert title="The token wasn’t created">{errorMessage(create.error)}</Alert> : null}
      <Field label="Name" error={errors.name?.message} hint="For example “Okta” or “Microsoft Entra ID”.">
        {(control) => <input {...control} {...form.register('name')} className="input" autoComplete="off" autoFocus />}
      </Field>
      <div className="form__actions">
        <button type="button" className="button button--secondary" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button button--primary" disabled={create.isPending}>
          {create.isPending ? 'Creating…' : 'Create token'}
        </button>
      </div>
    </form>
  );
}

function ShownOnce({ token, onDone }: { token: CreatedScimToken; onDone: () => void }) {
  return (
    <SecretShownOnce
      label={`Token “${token.name}”`}
      value={token.token}
      onDone={onDone}
      warning="Scorecard keeps only a fingerprint of this token: it cannot show it again. Paste it into your identity provider now. Anyone who has it can add, change and deactivate people in your organization, so keep it secret."
    />
  );
}
