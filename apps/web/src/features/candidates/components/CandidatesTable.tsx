import { SOURCE_LABELS, type CandidateSummary } from '@scorecard/contracts';
import { Link } from 'react-router';
import { Badge } from '@/components/ui/Badge';
import { DataTable, type DataColumn } from '@/components/ui/DataTable';
import { titleAtCompany } from '../candidate-text';
import { StageBadge } from './StageBadge';

const columns: DataColumn<CandidateSummary>[] = [
  {
    id: 'name',
    header: 'Name',
    meta: { rowHeader: true, className: 'table__name' },
    cell: ({ row: { original: c } }) => (
      <>
        <Link to={`/candidates/${c.id}`}>{c.name}</Link>
        <div className="table__meta">{c.email}</div>
      </>
    ),
  },
  {
    id: 'role',
    header: 'Current role',
    cell: ({ row }) => titleAtCompany(row.original) || <span className="table__meta">Not given</span>,
  },
  {
    id: 'source',
    header: 'Source',
    meta: { className: 'table__nowrap' },
    cell: ({ row: { original: c } }) => (
      <>
        {SOURCE_LABELS[c.source]}
        {c.internal ? <div className="table__meta">Internal</div> : null}
      </>
    ),
  },
  {
    id: 'tags',
    header: 'Tags',
    cell: ({ row: { original: c } }) =>
      c.tags.length > 0 ? (
        <ul className="tag-list" aria-label="Tags">
          {c.tags.map((tag) => (
            <li key={tag}>
              <Badge tone="neutral">{tag}</Badge>
            </li>
          ))}
        </ul>
      ) : (
        <span className="table__meta">None</span>
      ),
  },
  {
    id: 'applications',
    header: 'Applications',
    cell: ({ row: { original: c } }) =>
      c.applications.length > 0 ? (
        <ul className="application-list">
          {c.applications.map((a) => (
            <li key={a.id}>
              <Link to={`/applications/${a.id}`}>{a.opening.title}</Link> <StageBadge stage={a.stage} />
            </li>
          ))}
        </ul>
      ) : (
        <span className="table__meta">None yet</span>
      ),
  },
];

export function CandidatesTable({ candidates, busy }: { candidates: CandidateSummary[]; busy: boolean }) {
  return (
    <DataTable
      columns={columns}
      data={candidates}
      rowId={(c) => c.id}
      caption="Candidates"
      busy={busy}
      rowProps={(c) => ({ 'data-candidate-id': c.id })}
    />
  );
}
