import { EMAIL_KIND_LABELS, type EmailSummary } from '@scorecard/contracts';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { DataTable, type DataColumn } from '@/components/ui/DataTable';
import { EmailStatusBadge } from './EmailStatusBadge';

export const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** One row per email: when, to whom, what, and where it is (with the last error under a failure). */
export function EmailsTable({ emails, caption, busy }: { emails: EmailSummary[]; caption: string; busy: boolean }) {
  const columns = useMemo<DataColumn<EmailSummary>[]>(
    () => [
      {
        id: 'subject',
        header: 'Subject',
        meta: { rowHeader: true, className: 'table__name' },
        cell: ({ row: { original: e } }) => (
          <span className="email-log__subject">
            <Link to={`/settings/email-log/${e.id}`}>{e.subject}</Link>
            <span className="table__meta">{EMAIL_KIND_LABELS[e.kind]}</span>
          </span>
        ),
      },
      {
        id: 'to',
        header: 'To',
        cell: ({ row: { original: e } }) => <span className="email-log__to">{e.recipientName ?? e.to}</span>,
      },
      {
        id: 'status',
        header: 'Status',
        cell: ({ row: { original: e } }) => (
          <span className="email-log__status">
            <EmailStatusBadge status={e.status} />
            {e.lastError && e.status !== 'held' ? <span className="email-log__error">{e.lastError}</span> : null}
          </span>
        ),
      },
      {
        id: 'created',
        header: 'Created',
        cell: ({ row: { original: e } }) => (
          <time dateTime={e.createdAt}>{dateTimeFormat.format(new Date(e.createdAt))}</time>
        ),
      },
    ],
    [],
  );
  return (
    <DataTable
      data={emails}
      columns={columns}
      caption={caption}
      busy={busy}
      rowId={(e) => e.id}
      tableName="email-log"
    />
  );
}
