import type { WebhookDelivery } from '@scorecard/contracts';
import { useId, useState } from 'react';
import { Alert } from '@/components/ui/Alert';
import { Pagination } from '@/components/ui/Pagination';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/States';
import { errorMessage } from '@/lib/api';
import { formatDateTimeToSecond } from '@/lib/format-time';
import { useRedeliverWebhook, useWebhookDeliveries } from '../api/webhooks';
import { DeliveryStatusBadge } from './WebhookBadges';

/**
 * The endpoint's delivery log, newest first: what was sent, how it went (status, response code,
 * attempts, when, the next attempt), with "Redeliver" on each row. It refreshes itself while a
 * delivery is pending.
 */
export function DeliveryLog({
  webhookId,
  onRedelivered,
}: {
  webhookId: string;
  onRedelivered: (text: string) => void;
}) {
  const titleId = useId();
  const [page, setPage] = useState(1);
  const deliveries = useWebhookDeliveries(webhookId, page);
  const redeliver = useRedeliverWebhook(webhookId);
  const [failed, setFailed] = useState<string | null>(null);

  const onRedeliver = (d: WebhookDelivery) => {
    setFailed(null);
    redeliver.mutate(d.id, {
      onSuccess: () => {
        setPage(1);
        onRedelivered(`${d.eventType} (${d.eventId}) is being delivered again.`);
      },
      onError: (error) => setFailed(`Couldn’t redeliver ${d.eventType}. ${errorMessage(error)}`),
    });
  };

  return (
    <section className="panel panel--padded" aria-labelledby={titleId}>
      <div className="section-header">
        <div>
          <h2 id={titleId} className="section-header__title">
            Delivery log
          </h2>
          <p className="section-header__description">
            Every event sent to this endpoint, newest first. A delivery that fails is retried by itself; “Redeliver”
            sends it again now with the same event id, so your receiver can tell it is a repeat.
          </p>
        </div>
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={() => void deliveries.refetch()}
          disabled={deliveries.isFetching}
        >
          {deliveries.isFetching && !deliveries.isPending ? 'Refreshing…' : 'Refresh'}
        </button>
      </div>
      <div aria-live="polite">{failed ? <Alert onDismiss={() => setFailed(null)}>{failed}</Alert> : null}</div>
      {deliveries.isPending ? (
        <LoadingState label="Loading the delivery log…" />
      ) : deliveries.isError ? (
        <ErrorState
          title="Couldn’t load the delivery log"
          error={deliveries.error}
          onRetry={() => void deliveries.refetch()}
          retrying={deliveries.isFetching}
        />
      ) : deliveries.data.items.length === 0 ? (
        deliveries.data.total > 0 ? (
          <EmptyState
            title="This page is empty"
            action={
              <button type="button" className="button button--secondary" onClick={() => setPage(1)}>
                Go to the first page
              </button>
            }
          />
        ) : (
          <EmptyState title="Nothing delivered yet">
            Events show here once one you chose happens. “Send test event” sends one now.
          </EmptyState>
        )
      ) : (
        <>
          <div className="table-wrap">
            <table className="table deliveries-table" aria-busy={deliveries.isFetching || undefined}>
              <caption className="visually-hidden">Deliveries, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">Event</th>
                  <th scope="col">Status</th>
                  <th scope="col">Response</th>
                  <th scope="col">Attempts</th>
                  <th scope="col">Last attempt</th>
                  <th scope="col">Next attempt</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {deliveries.data.items.map((d) => (
                  <tr key={d.id}>
                    <th scope="row">
                      <code className="deliveries-table__type">{d.eventType}</code>
                      <span className="deliveries-table__id">{d.eventId}</span>
                    </th>
                    <td>
                      <DeliveryStatusBadge status={d.status} />
                    </td>
                    <td>
                      {d.responseCode !== null ? `HTTP ${d.responseCode}` : '—'}
                      {d.error ? <span className="deliveries-table__error">{d.error}</span> : null}
                      {d.durationMs !== null ? (
                        <span className="webhooks-muted deliveries-table__duration">{d.durationMs} ms</span>
                      ) : null}
                    </td>
                    <td>{d.attempts}</td>
                    <td>
                      {d.attemptedAt ? (
                        <time dateTime={d.attemptedAt}>{formatDateTimeToSecond(d.attemptedAt)}</time>
                      ) : (
                        <span className="webhooks-muted">Not yet</span>
                      )}
                    </td>
                    <td>
                      {d.nextAttemptAt ? (
                        <time dateTime={d.nextAttemptAt}>{formatDateTimeToSecond(d.nextAttemptAt)}</time>
                      ) : (
                        <span className="webhooks-muted">—</span>
                      )}
                    </td>
                    <td className="deliveries-table__actions">
                      <button
                        type="button"
                        className="button button--ghost button--small"
                        disabled={redeliver.isPending && redeliver.variables === d.id}
                        onClick={() => onRedeliver(d)}
                      >
                        {redeliver.isPending && redeliver.variables === d.id ? 'Redelivering…' : 'Redeliver'}
                        <span className="visually-hidden">
                          {' '}
                          {d.eventType} {d.eventId}
                        </span>
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination
            label="Delivery log pages"
            page={deliveries.data.page}
            pageSize={deliveries.data.pageSize}
            total={deliveries.data.total}
            onPageChange={setPage}
          />
        </>
      )}
    </section>
  );
}
