import type { WebhookEndpoint } from '@scorecard/contracts';
import { useState, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import { Alert, type Notice, NoticeSlot } from '@/components/ui/Alert';
import { ConfirmDialog } from '@/components/ui/Dialog';
import { PageHeader } from '@/components/ui/PageHeader';
import { NotFoundState, QueryPage, useIdParam } from '@/components/ui/PageStates';
import { errorMessage } from '@/lib/api';
import { formatDateTime } from '@/lib/format-time';
import { useSession } from '@/lib/session';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useDeleteWebhook, useSendTestWebhook, useUpdateWebhook, useWebhook } from '../api/webhooks';
import { DeliveryLog } from '../components/DeliveryLog';
import { EditWebhookDialog } from '../components/EditWebhookDialog';
import { WebhookStatusBadge } from '../components/WebhookBadges';
import { EventList } from '../components/WebhooksTable';
import { WebhooksNoAccess } from './WebhooksSettingsRoute';
import '../webhooks.css';

const BACK = { to: '/settings/webhooks', label: 'Back to Webhooks' };

/** One webhook endpoint: its settings (edit, enable or disable, delete), a test event, and its delivery log. */
export default function WebhookRoute() {
  useDocumentTitle('Webhook endpoint');
  const { user } = useSession();
  const id = useIdParam();
  const webhook = useWebhook(user.role === 'admin' ? id : null);
  return (
    <QueryPage
      query={webhook}
      copy={{
        title: 'Webhook endpoint',
        loading: 'Loading the endpoint…',
        failed: 'Couldn’t load this endpoint',
      }}
      noAccess={{ allowed: user.role === 'admin', page: <WebhooksNoAccess /> }}
      notFound={{
        found: id !== null,
        page: <NotFoundState title="Webhook endpoint" heading="Webhook endpoint not found" back={BACK} />,
      }}
      before={<BackLink />}
    >
      {(w) => <WebhookView webhook={w} />}
    </QueryPage>
  );
}

function BackLink() {
  return (
    <p className="webhooks__back">
      <Link to={BACK.to}>← {BACK.label}</Link>
    </p>
  );
}

function WebhookView({ webhook: w }: { webhook: WebhookEndpoint }) {
  const navigate = useNavigate();
  const update = useUpdateWebhook(w.id);
  const remove = useDeleteWebhook();
  const sendTest = useSendTestWebhook(w.id);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [toggling, setToggling] = useState(false);

  const toggle = () => {
    const enabled = !w.enabled;
    update.mutate(
      { enabled },
      {
        onSuccess: () => {
          setToggling(false);
          setNotice(
            enabled
              ? 'The endpoint is enabled: new events are sent to it again.'
              : 'The endpoint is disabled: no events are sent to it until you enable it.',
          );
        },
      },
    );
  };

  return (
    <div className="webhook-page">
      <BackLink />
      <PageHeader
        title={w.url}
        description={w.description || 'Webhook endpoint'}
        actions={
          <>
            <button
              type="button"
              className="button button--primary"
              disabled={sendTest.isPending || !w.enabled}
              title={w.enabled ? undefined : 'Enable the endpoint to send a test event'}
              onClick={() => {
                setNotice(null);
                sendTest.mutate(undefined, {
                  onSuccess: () => setNotice('A test event (webhook.test) is on its way. It shows in the log below.'),
                  onError: (error) =>
                    setNotice({ tone: 'error', text: `Couldn’t send a test event. ${errorMessage(error)}` }),
                });
              }}
            >
              {sendTest.isPending ? 'Sending…' : 'Send test event'}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setEditing(true)}>
              Edit
            </button>
          </>
        }
      />
      <NoticeSlot notice={notice} onDismiss={() => setNotice(null)} />
      {!w.enabled && w.disabledReason === 'failing' ? (
        <Alert title="Disabled after failing deliveries">
          Deliveries to this address kept failing for about three days
          {w.disabledAt ? ` (disabled ${formatDateTime(w.disabledAt)})` : ''}. Fix the receiver, then enable the
          endpoint: new events are sent again, and you can redeliver missed ones from the log.
        </Alert>
      ) : null}
      <section className="panel panel--padded webhook-facts" aria-label="Endpoint settings">
        <dl className="webhook-facts__list">
          <Fact label="Status">
            <WebhookStatusBadge webhook={w} />
          </Fact>
          <Fact label="Events">
            <EventList events={w.events} />
          </Fact>
          <Fact label="Created">
            <time dateTime={w.createdAt}>{formatDateTime(w.createdAt)}</time>
          </Fact>
          <Fact label="Signing secret">
            <span className="webhooks-muted">
              Shown once when the endpoint was added. Add a new endpoint to get a new one.
            </span>
          </Fact>
        </dl>
        <div className="webhook-facts__actions">
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              update.reset();
              setToggling(true);
            }}
          >
            {w.enabled ? 'Disable endpoint' : 'Enable endpoint'}
          </button>
          <button
            type="button"
            className="button button--ghost button--danger-text"
            onClick={() => {
              remove.reset();
              setDeleting(true);
            }}
          >
            Delete endpoint
          </button>
        </div>
      </section>
      <DeliveryLog webhookId={w.id} onRedelivered={(text) => setNotice(text)} />

      <EditWebhookDialog
        webhook={w}
        open={editing}
        onClose={() => setEditing(false)}
        onSaved={() => {
          setEditing(false);
          setNotice('The endpoint is saved.');
        }}
      />
      <ConfirmDialog
        open={toggling}
        onClose={() => setToggling(false)}
        title={w.enabled ? 'Disable this endpoint?' : 'Enable this endpoint?'}
        description={
          <p>
            {w.enabled
              ? 'No events are sent to it while it is disabled; events that happen meanwhile are not sent later.'
              : 'Events you chose are sent to it again from now on.'}
          </p>
        }
        failure={update.isError ? <Alert>Couldn’t change the endpoint. {errorMessage(update.error)}</Alert> : null}
        danger={w.enabled}
        confirmLabel={w.enabled ? 'Disable endpoint' : 'Enable endpoint'}
        pendingLabel={w.enabled ? 'Disabling…' : 'Enabling…'}
        pending={update.isPending}
        onConfirm={toggle}
      />
      <ConfirmDialog
        open={deleting}
        onClose={() => setDeleting(false)}
        title="Delete this endpoint?"
        description={
          <p>
            Nothing more is sent to <strong>{w.url}</strong>, and its delivery log is deleted with it. This cannot be
            undone.
          </p>
        }
        failure={remove.isError ? <Alert>Couldn’t delete the endpoint. {errorMessage(remove.error)}</Alert> : null}
        danger
        confirmLabel="Delete endpoint"
        pendingLabel="Deleting…"
        pending={remove.isPending}
        onConfirm={() =>
          remove.mutate(w.id, {
            onSuccess: () => void navigate(BACK.to, { replace: true }),
          })
        }
      />
    </div>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="webhook-facts__item">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
