import type { AuditEvent } from '@scorecard/contracts';
import { ScrollRegion } from '../../../components/ui/ScrollRegion';
import { Link } from 'react-router';
import { formatDateTimeToSecond } from '../../../lib/format-time';
import { actionLabel, entityLabel, entityPath } from '../audit-copy';

type AuditTableProps = { events: AuditEvent[]; busy: boolean };

/** One row per recorded event: when, who, what they did, to what, and which fields they set. */
export function AuditTable({ events, busy }: AuditTableProps) {
  return (
    <ScrollRegion label="Audit events table">
      <table className="table audit-table" aria-busy={busy}>
        <caption className="visually-hidden">Audit events, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Time</th>
            <th scope="col">Person</th>
            <th scope="col">Action</th>
            <th scope="col">Applies to</th>
            <th scope="col">Fields set</th>
          </tr>
        </thead>
        <tbody>
          {events.map((e) => (
            <tr key={e.id} data-audit-action={e.action}>
              <th scope="row" className="table__nowrap audit-table__time">
                <time dateTime={e.occurredAt} title={e.occurredAt}>
                  {formatDateTimeToSecond(e.occurredAt)}
                </time>
              </th>
              <td>
                {e.actor ? (
                  <span className="audit-table__actor">
                    <span className="table__name">{e.actor.name}</span>
                    <span className="table__meta">{e.actor.email}</span>
                  </span>
                ) : (
                  <span className="table__meta">Nobody signed in</span>
                )}
              </td>
              <td className="audit-table__action">{actionLabel(e.action)}</td>
              <td>
                <EntityCell type={e.entityType} id={e.entityId} />
              </td>
              <td>
                {e.changedFields.length > 0 ? (
                  <ul className="audit-table__fields">
                    {e.changedFields.map((f) => (
                      <li key={f}>
                        <code>{f}</code>
                      </li>
                    ))}
                  </ul>
                ) : (
                  <span className="table__meta">None</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

function EntityCell({ type, id }: { type: string; id: string | null }) {
  const label = entityLabel(type);
  if (!id) return <span>{label}</span>;
  const path = entityPath(type, id);
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
