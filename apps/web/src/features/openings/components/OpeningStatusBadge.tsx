import type { OpeningStatus } from '@scorecard/contracts';
import { STATUS_LABELS } from '../opening-copy';

export function OpeningStatusBadge({ status }: { status: OpeningStatus }) {
  return <span className={`badge opening-status opening-status--${status}`}>{STATUS_LABELS[status]}</span>;
}
