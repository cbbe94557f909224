import { zodResolver } from '@hookform/resolvers/zod';
import type { CreatedWebhook } from '@scorecard/contracts';
import { useForm } from 'react-hook-form';
import { Link } from 'react-router';
import { Alert } from '@/components/ui/Alert';
import { Dialog } from '@/components/ui/Dialog';
import { SecretShownOnce } from '@/components/ui/SecretShownOnce';
import { ApiError, errorMessage } from '@/lib/api';
import { applyServerFieldErrors } from '@/lib/forms';
import { useCreateWebhook } from '../api/webhooks';
import { WEBHOOK_FORM_FIELDS, WebhookFields, WebhookForm, type WebhookFormValues, formValuesOf } from './WebhookFields';

/**
 * "Add endpoint": the address, events and description; then the signing secret shown this once,
 * with a Copy button and a warning. The secret stays on screen until the admin closes the dialog.
 */
export function CreateWebhookDialog({
  open,
  onClose,
  created,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  created: CreatedWebhook | null;
  onCreated: (webhook: CreatedWebhook) => void;
}) {
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={created ? 'Copy the signing secret now' : 'Add a webhook endpoint'}
      description={
        created ? undefined : (
          <p>
            Scorecard sends each event you choose to this address as it happens, signed with a secret only you and
            Scorecard know (Standard Webhooks).
          </p>
        )
      }
    >
      {created ? (
        <ShownOnce webhook={created} onDone={onClose} />
      ) : (
        <CreateForm onCreated={onCreated} onCancel={onClose} />
      )}
    </Dialog>
  );
}

function CreateForm({ onCreated, onCancel }: { onCreated: (webhook: CreatedWebhook) => void; onCancel: () => void }) {
  const create = useCreateWebhook();
  const form = useForm<WebhookFormValues>({ resolver: zodResolver(WebhookForm), defaultValues: formValuesOf() });
  const onSubmit = form.handleSubmit((body) =>
    create.mutate(body, {
      onSuccess: onCreated,
      onError: (error) => applyServerFieldErrors(error, form.setError, WEBHOOK_FORM_FIELDS),
    }),
  );
  const showFormError = create.isError && !(create.error instanceof ApiError && create.error.fieldErrors.length > 0);
  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-label="New webhook endpoint">
      {showFormError ? <Alert title="The endpoint wasn’t added">{errorMessage(create.error)}</Alert> : null}
      <WebhookFields form={form} />
      <div className="form__actions">
        <button type="button" className="button button--secondary" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button button--primary" disabled={create.isPending}>
          {create.isPending ? 'Adding…' : 'Add endpoint'}
        </button>
      </div>
    </form>
  );
}

function ShownOnce({ webhook, onDone }: { webhook: CreatedWebhook; onDone: () => void }) {
  return (
    <SecretShownOnce
      label={`Signing secret for ${webhook.url}`}
      value={webhook.secret}
      onDone={onDone}
      warning={
        <>
          Your receiver needs this secret to check that each request really comes from Scorecard (the{' '}
          <code>webhook-signature</code> header). Scorecard cannot show it again: store it in your receiver’s
          configuration now, and keep it secret. Anyone who has it can forge events.
        </>
      }
      actions={
        <Link className="button button--secondary" to={`/settings/webhooks/${webhook.id}`}>
          Open the endpoint
        </Link>
      }
    />
  );
}
