import { Link } from 'react-router';
import type { DocSummary } from '../api/library-api';
import { StatusBadges } from './StatusBadges';

type LibraryTableProps = {
  docs: DocSummary[];
  caption: string;
  basePath: string;
  busy: boolean;
  /** Row actions, for those who may change documents. */
  actions?: ((doc: DocSummary) => React.ReactNode) | undefined;
};

const dateFormat = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric' });

export function LibraryTable({ docs, caption, basePath, busy, actions }: LibraryTableProps) {
  return (
    <div className="table-wrap">
      <table className="table" aria-busy={busy}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Status</th>
            <th scope="col">Updated</th>
            {actions ? (
              <th scope="col" className="table__actions-col">
                <span className="visually-hidden">Actions</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {docs.map((doc) => (
            <tr key={doc.id} className={doc.archivedAt ? 'table__row--inactive' : undefined} data-doc-name={doc.name}>
              <th scope="row" className="table__name library-table__name">
                <Link to={`${basePath}/${doc.id}`} className="library-table__link">
                  {doc.name}
                </Link>
                {doc.description ? <p className="library-table__description">{doc.description}</p> : null}
              </th>
              <td>
                <StatusBadges doc={doc} />
              </td>
              <td className="table__meta library-table__date">{dateFormat.format(new Date(doc.updatedAt))}</td>
              {actions ? <td className="table__actions">{actions(doc)}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
