import { ARCHETYPE_LABELS, LEVEL_LABELS, type OpeningSummary } from '@scorecard/contracts';
import { Link } from 'react-router';
import { OpeningStatusBadge } from './OpeningStatusBadge';

const dateFormat = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric' });

export function OpeningsTable({ openings, busy }: { openings: OpeningSummary[]; busy: boolean }) {
  return (
    <div className="table-wrap">
      <table className="table" aria-busy={busy}>
        <caption className="visually-hidden">Openings</caption>
        <thead>
          <tr>
            <th scope="col">Title</th>
            <th scope="col">Team</th>
            <th scope="col">Level</th>
            <th scope="col">Archetype</th>
            <th scope="col">Status</th>
            <th scope="col">Hiring manager</th>
            <th scope="col">Recruiter</th>
            <th scope="col">Updated</th>
          </tr>
        </thead>
        <tbody>
          {openings.map((opening) => (
            <tr key={opening.id} data-opening-id={opening.id}>
              <th scope="row" className="table__name">
                <Link to={`/openings/${opening.id}`}>{opening.title}</Link>
              </th>
              <td>{opening.team || <span className="table__meta">None</span>}</td>
              <td>{LEVEL_LABELS[opening.level]}</td>
              <td>{ARCHETYPE_LABELS[opening.archetype]}</td>
              <td>
                <OpeningStatusBadge status={opening.status} />
              </td>
              <td>{opening.hiringManager?.name ?? <span className="table__meta">Not chosen</span>}</td>
              <td>{opening.recruiter?.name ?? <span className="table__meta">None</span>}</td>
              <td className="table__nowrap">
                <time dateTime={opening.updatedAt}>{dateFormat.format(new Date(opening.updatedAt))}</time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
