import { EMAIL_STATUS_LABELS, type EmailStatus } from '@scorecard/contracts';
import { Badge } from '@/components/ui/Badge';

const TONES: Record<EmailStatus, 'neutral' | 'success' | 'muted' | 'accent'> = {
  queued: 'accent',
  sent: 'success',
  held: 'muted',
  failed: 'neutral',
};

export function EmailStatusBadge({ status }: { status: EmailStatus }) {
  return status === 'failed' ? (
    <span className="badge badge--danger">{EMAIL_STATUS_LABELS[status]}</span>
  ) : (
    <Badge tone={TONES[status]}>{EMAIL_STATUS_LABELS[status]}</Badge>
  );
}
