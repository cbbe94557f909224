import type { WebhookDeliveryStatus, WebhookEndpoint } from '@scorecard/contracts';
import { Badge } from '@/components/ui/Badge';

const DISABLED_REASONS = {
  manual: 'by an admin',
  failing: 'after deliveries kept failing',
} as const;

/** Enabled, or disabled with why. */
export function WebhookStatusBadge({ webhook }: { webhook: Pick<WebhookEndpoint, 'enabled' | 'disabledReason'> }) {
  if (webhook.enabled) return <Badge tone="success">Enabled</Badge>;
  return (
    <span className="webhook-status">
      <span className="badge webhook-badge--off">Disabled</span>
      {webhook.disabledReason ? (
        <span className="webhook-status__reason">{DISABLED_REASONS[webhook.disabledReason]}</span>
      ) : null}
    </span>
  );
}

const DELIVERY_LABELS: Record<WebhookDeliveryStatus, string> = {
  succeeded: 'Delivered',
  pending: 'Pending',
  failed: 'Failed',
};

export function DeliveryStatusBadge({ status }: { status: WebhookDeliveryStatus }) {
  if (status === 'succeeded') return <Badge tone="success">{DELIVERY_LABELS[status]}</Badge>;
  if (status === 'pending') return <Badge tone="accent">{DELIVERY_LABELS[status]}</Badge>;
  return <span className="badge webhook-badge--failed">{DELIVERY_LABELS[status]}</span>;
}
