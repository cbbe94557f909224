import type { AuditEvent } from '@scorecard/contracts';
import { EmailText } from '@/components/ui/EmailText';
import { DataTable, type DataColumn } from '@/components/ui/DataTable';
import { Link } from 'react-router';
import { formatDateTimeToSecond } from '@/lib/format-time';
import { actionLabel, entityLabel, entityPath } from '../audit-copy';

type AuditTableProps = { events: AuditEvent[]; busy: boolean };

const columns: DataColumn<AuditEvent>[] = [
  {
    id: 'time',
    header: 'Time',
    meta: { rowHeader: true, className: 'table__nowrap audit-table__time' },
    cell: ({ row: { original: e } }) => (
      <time dateTime={e.occurredAt} title={e.occurredAt}>
        {formatDateTimeToSecond(e.occurredAt)}
      </time>
    ),
  },
  {
    id: 'person',
    header: 'Person',
    cell: ({ row: { original: e } }) =>
      e.actor ? (
        <span className="audit-table__actor">
          <span className="table__name">{e.actor.name}</span>
          <EmailText className="table__meta" email={e.actor.email} />
          {e.apiToken ? <span className="table__meta">via API token “{e.apiToken.name}”</span> : null}
        </span>
      ) : (
        <span className="table__meta">Nobody signed in</span>
      ),
  },
  {
    id: 'action',
    header: 'Action',
    meta: { className: 'audit-table__action' },
    cell: ({ row }) => actionLabel(row.original.action),
  },
  {
    id: 'target',
    header: 'Applies to',
    cell: ({ row: { original: e } }) => <EntityCell type={e.entityType} id={e.entityId} name={e.entityName} />,
  },
  {
    id: 'fields',
    header: 'Fields set',
    cell: ({ row: { original: e } }) =>
      e.changedFields.length > 0 ? (
        <ul className="audit-table__fields">
          {e.changedFields.map((f) => (
            <li key={f}>
              <code>{f}</code>
            </li>
          ))}
        </ul>
      ) : (
        <span className="table__meta">None</span>
      ),
  },
];

/** One row per recorded event: when, who, what they did, to what, and which fields they set. */
export function AuditTable({ events, busy }: AuditTableProps) {
  return (
    <DataTable
      scrollLabel="Audit events table"
      columns={columns}
      data={events}
      rowId={(e) => e.id}
      className="audit-table"
      caption="Audit events, newest first"
      busy={busy}
      rowProps={(e) => ({ 'data-audit-action': e.action })}
    />
  );
}

/** What the event applied to: its kind, then its name (or, without one, the start of its id). */
function EntityCell({ type, id, name }: { type: string; id: string | null; name: string | null }) {
  const label = entityLabel(type);
  if (!id) return <span>{label}</span>;
  const path = entityPath(type, id);
  if (name !== null) {
    return (
      <span className="audit-table__target">
        <span className="table__meta">{label}</span>
        {path ? (
          <Link to={path} className="audit-table__entity">
            {name}
          </Link>
        ) : (
          <span>{name}</span>
        )}
      </span>
    );
  }
  const short = id.slice(0, 8);
  return path ? (
    <Link to={path} className="audit-table__entity">
      {label} <span className="audit-table__id">{short}</span>
    </Link>
  ) : (
    <span>
      {label} <span className="audit-table__id table__meta">{short}</span>
    </span>
  );
}
