import type { CreatedWebhook } from '@scorecard/contracts';
import { useId, useState } from 'react';
import { PageHeader } from '@/components/ui/PageHeader';
import { NoAccessState } from '@/components/ui/PageStates';
import { Pagination } from '@/components/ui/Pagination';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/States';
import { useSession } from '@/lib/session';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useWebhooks } from '../api/webhooks';
import { CreateWebhookDialog } from '../components/CreateWebhookDialog';
import { WebhooksTable } from '../components/WebhooksTable';
import '../webhooks.css';

export function WebhooksNoAccess() {
  return (
    <NoAccessState title="Webhooks">
      Only admins set up webhooks. Ask an admin of your organization to add the endpoint you need.
    </NoAccessState>
  );
}

/** Settings → Webhooks (admins): the endpoints events are sent to, and adding one. */
export default function WebhooksSettingsRoute() {
  useDocumentTitle('Webhooks');
  const { user } = useSession();
  if (user.role !== 'admin') return <WebhooksNoAccess />;
  return <Webhooks />;
}

function Webhooks() {
  const titleId = useId();
  const [page, setPage] = useState(1);
  const webhooks = useWebhooks(page);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedWebhook | null>(null);

  const addButton = (
    <button
      type="button"
      className="button button--primary"
      onClick={() => {
        setCreated(null);
        setCreating(true);
      }}
    >
      Add endpoint
    </button>
  );

  return (
    <>
      <PageHeader
        title="Webhooks"
        description="Send candidate, interview, scorecard and decision events to your own systems as they happen: an ATS, a chat tool, a data warehouse. Each request is signed so your receiver can trust it."
      />
      <section className="panel panel--padded webhooks" aria-labelledby={titleId}>
        <div className="section-header">
          <div>
            <h2 id={titleId} className="section-header__title">
              Endpoints
            </h2>
            <p className="section-header__description">
              Failed deliveries are retried with growing pauses for about three days; then the endpoint is disabled and
              admins are emailed.
            </p>
          </div>
          {webhooks.isSuccess && webhooks.data.total > 0 ? addButton : null}
        </div>
        {webhooks.isPending ? (
          <LoadingState label="Loading the webhook endpoints…" />
        ) : webhooks.isError ? (
          <ErrorState
            title="Couldn’t load the webhook endpoints"
            error={webhooks.error}
            onRetry={() => void webhooks.refetch()}
            retrying={webhooks.isFetching}
          />
        ) : webhooks.data.items.length === 0 ? (
          webhooks.data.total > 0 ? (
            <EmptyState
              title="This page is empty"
              action={
                <button type="button" className="button button--secondary" onClick={() => setPage(1)}>
                  Go to the first page
                </button>
              }
            />
          ) : (
            <EmptyState title="No webhook endpoints yet" action={addButton}>
              Add an endpoint to have Scorecard tell your systems when candidates, interviews, scorecards and decisions
              change.
            </EmptyState>
          )
        ) : (
          <>
            <WebhooksTable webhooks={webhooks.data.items} busy={webhooks.isFetching} />
            <Pagination
              label="Webhook endpoint pages"
              page={webhooks.data.page}
              pageSize={webhooks.data.pageSize}
              total={webhooks.data.total}
              onPageChange={setPage}
            />
          </>
        )}
      </section>
      <CreateWebhookDialog
        open={creating}
        created={created}
        onCreated={setCreated}
        onClose={() => {
          setCreating(false);
          setCreated(null);
        }}
      />
    </>
  );
}
