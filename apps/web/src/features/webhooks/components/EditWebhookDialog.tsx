import { zodResolver } from '@hookform/resolvers/zod';
import type { WebhookEndpoint } from '@scorecard/contracts';
import { useForm } from 'react-hook-form';
import { Alert } from '@/components/ui/Alert';
import { Dialog } from '@/components/ui/Dialog';
import { ApiError, errorMessage } from '@/lib/api';
import { applyServerFieldErrors } from '@/lib/forms';
import { useUpdateWebhook } from '../api/webhooks';
import { WEBHOOK_FORM_FIELDS, WebhookFields, WebhookForm, type WebhookFormValues, formValuesOf } from './WebhookFields';

/** Changes an endpoint's address, events and description (its secret stays). */
export function EditWebhookDialog({
  webhook,
  open,
  onClose,
  onSaved,
}: {
  webhook: WebhookEndpoint;
  open: boolean;
  onClose: () => void;
  onSaved: () => void;
}) {
  return (
    <Dialog open={open} onClose={onClose} title="Edit the endpoint">
      <EditForm webhook={webhook} onSaved={onSaved} onCancel={onClose} />
    </Dialog>
  );
}

function EditForm({
  webhook,
  onSaved,
  onCancel,
}: {
  webhook: WebhookEndpoint;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const update = useUpdateWebhook(webhook.id);
  const form = useForm<WebhookFormValues>({ resolver: zodResolver(WebhookForm), defaultValues: formValuesOf(webhook) });
  const onSubmit = form.handleSubmit((body) =>
    update.mutate(body, {
      onSuccess: onSaved,
      onError: (error) => applyServerFieldErrors(error, form.setError, WEBHOOK_FORM_FIELDS),
    }),
  );
  const showFormError = update.isError && !(update.error instanceof ApiError && update.error.fieldErrors.length > 0);
  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-label="Edit webhook endpoint">
      {showFormError ? <Alert title="The changes weren’t saved">{errorMessage(update.error)}</Alert> : null}
      <WebhookFields form={form} />
      <div className="form__actions">
        <button type="button" className="button button--secondary" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button button--primary" disabled={update.isPending}>
          {update.isPending ? 'Saving…' : 'Save changes'}
        </button>
      </div>
    </form>
  );
}
