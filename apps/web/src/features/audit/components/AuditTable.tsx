import type { AuditEvent } from '@scorecard/contracts';
import { EmailText } from '@/components/ui/EmailText';
import { ScrollRegion } from '@/components/ui/ScrollRegion';
import { Link } from 'react-router';
import { formatDateTimeToSecond } from '@/lib/format-time';
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
                    <EmailText className="table__meta" email={e.actor.email} />
                  </span>
                ) : (
                  <span className="table__meta">Nobody signed in</span>
                )}
              </td>
              <td className="audit-table__action">{actionLabel(e.action)}</td>
              <td>
                <EntityCell type={e.entityType} id={e.entityId} name={e.entityName} />
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
