import type { WebhookEndpoint } from '@scorecard/contracts';
import { Link } from 'react-router';
import { formatDateTime } from '@/lib/format-time';
import { DeliveryStatusBadge, WebhookStatusBadge } from './WebhookBadges';

/** The endpoints: address (a link to its page), events, status and last delivery. */
export function WebhooksTable({ webhooks, busy }: { webhooks: WebhookEndpoint[]; busy: boolean }) {
  return (
    <div className="table-wrap">
      <table className="table webhooks-table" aria-busy={busy || undefined}>
        <caption className="visually-hidden">Webhook endpoints</caption>
        <thead>
          <tr>
            <th scope="col">Endpoint</th>
            <th scope="col">Events</th>
            <th scope="col">Status</th>
            <th scope="col">Last delivery</th>
          </tr>
        </thead>
        <tbody>
          {webhooks.map((w) => (
            <tr key={w.id}>
              <th scope="row" className="webhooks-table__endpoint">
                <Link to={`/settings/webhooks/${w.id}`} className="webhooks-table__url">
                  {w.url}
                </Link>
                {w.description ? <span className="webhooks-table__description">{w.description}</span> : null}
              </th>
              <td>
                <EventList events={w.events} />
              </td>
              <td>
                <WebhookStatusBadge webhook={w} />
              </td>
              <td>
                {w.lastDelivery ? (
                  <span className="webhooks-table__last">
                    <DeliveryStatusBadge status={w.lastDelivery.status} />
                    <span>
                      {w.lastDelivery.responseCode !== null ? `HTTP ${w.lastDelivery.responseCode} · ` : ''}
                      <time dateTime={w.lastDelivery.attemptedAt}>{formatDateTime(w.lastDelivery.attemptedAt)}</time>
                    </span>
                  </span>
                ) : (
                  <span className="webhooks-muted">Nothing sent yet</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The events of an endpoint, in a compact list. */
export function EventList({ events }: { events: readonly string[] }) {
  return (
    <ul className="webhook-event-list" aria-label={`${events.length} event${events.length === 1 ? '' : 's'}`}>
      {events.map((e) => (
        <li key={e}>
          <code>{e}</code>
        </li>
      ))}
    </ul>
  );
}
