import { ARCHETYPE_LABELS, LEVEL_LABELS, type OpeningSummary } from '@scorecard/contracts';
import { Link } from 'react-router';
import { DataTable, type DataColumn } from '@/components/ui/DataTable';
import { OpeningStatusBadge } from './OpeningStatusBadge';

const dateFormat = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric' });

const columns: DataColumn<OpeningSummary>[] = [
  {
    id: 'title',
    header: 'Title',
    meta: { rowHeader: true, className: 'table__name' },
    cell: ({ row: { original: o } }) => <Link to={`/openings/${o.id}`}>{o.title}</Link>,
  },
  { id: 'team', header: 'Team', cell: ({ row }) => row.original.team || <span className="table__meta">None</span> },
  { id: 'level', header: 'Level', cell: ({ row }) => LEVEL_LABELS[row.original.level] },
  { id: 'archetype', header: 'Archetype', cell: ({ row }) => ARCHETYPE_LABELS[row.original.archetype] },
  { id: 'status', header: 'Status', cell: ({ row }) => <OpeningStatusBadge status={row.original.status} /> },
  {
    id: 'hiringManager',
    header: 'Hiring manager',
    cell: ({ row }) => row.original.hiringManager?.name ?? <span className="table__meta">Not chosen</span>,
  },
  {
    id: 'recruiter',
    header: 'Recruiter',
    cell: ({ row }) => row.original.recruiter?.name ?? <span className="table__meta">None</span>,
  },
  {
    id: 'updated',
    header: 'Updated',
    meta: { className: 'table__nowrap' },
    cell: ({ row: { original: o } }) => <time dateTime={o.updatedAt}>{dateFormat.format(new Date(o.updatedAt))}</time>,
  },
];

export function OpeningsTable({ openings, busy }: { openings: OpeningSummary[]; busy: boolean }) {
  return (
    <DataTable
      columns={columns}
      data={openings}
      rowId={(o) => o.id}
      caption="Openings"
      busy={busy}
      rowProps={(o) => ({ 'data-opening-id': o.id })}
    />
  );
}
