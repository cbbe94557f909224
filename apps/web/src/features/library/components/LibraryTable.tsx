import { useMemo } from 'react';
import { Link } from 'react-router';
import { DataTable, type DataColumn } from '@/components/ui/DataTable';
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
  const columns = useMemo(() => {
    const list: DataColumn<DocSummary>[] = [
      {
        id: 'name',
        header: 'Name',
        meta: { rowHeader: true, className: 'table__name library-table__name' },
        cell: ({ row: { original: doc } }) => (
          <>
            <Link to={`${basePath}/${doc.id}`} className="library-table__link">
              {doc.name}
            </Link>
            {doc.description ? <p className="library-table__description">{doc.description}</p> : null}
          </>
        ),
      },
      { id: 'status', header: 'Status', cell: ({ row }) => <StatusBadges doc={row.original} /> },
      {
        id: 'updated',
        header: 'Updated',
        meta: { className: 'table__meta library-table__date' },
        cell: ({ row }) => dateFormat.format(new Date(row.original.updatedAt)),
      },
    ];
    if (actions) {
      list.push({
        id: 'actions',
        header: () => <span className="visually-hidden">Actions</span>,
        meta: { className: 'table__actions', headerClassName: 'table__actions-col' },
        cell: ({ row }) => actions(row.original),
      });
    }
    return list;
  }, [basePath, actions]);
  return (
    <DataTable
      columns={columns}
      data={docs}
      rowId={(doc) => doc.id}
      caption={caption}
      busy={busy}
      rowProps={(doc) => ({
        className: doc.archivedAt ? 'table__row--inactive' : undefined,
        'data-doc-name': doc.name,
      })}
    />
  );
}
