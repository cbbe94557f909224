import { SOURCE_LABELS, type CandidateSummary } from '@scorecard/contracts';
import { Link } from 'react-router';
import { Badge } from '@/components/ui/Badge';
import { StageBadge } from './StageBadge';

export function titleAtCompany(c: { currentTitle: string; currentCompany: string }): string {
  if (c.currentTitle && c.currentCompany) return `${c.currentTitle} at ${c.currentCompany}`;
  return c.currentTitle || c.currentCompany;
}

export function CandidatesTable({ candidates, busy }: { candidates: CandidateSummary[]; busy: boolean }) {
  return (
    <div className="table-wrap">
      <table className="table" aria-busy={busy}>
        <caption className="visually-hidden">Candidates</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Current role</th>
            <th scope="col">Source</th>
            <th scope="col">Tags</th>
            <th scope="col">Applications</th>
          </tr>
        </thead>
        <tbody>
          {candidates.map((c) => (
            <tr key={c.id} data-candidate-id={c.id}>
              <th scope="row" className="table__name">
                <Link to={`/candidates/${c.id}`}>{c.name}</Link>
                <div className="table__meta">{c.email}</div>
              </th>
              <td>{titleAtCompany(c) || <span className="table__meta">Not given</span>}</td>
              <td className="table__nowrap">
                {SOURCE_LABELS[c.source]}
                {c.internal ? <div className="table__meta">Internal</div> : null}
              </td>
              <td>
                {c.tags.length > 0 ? (
                  <ul className="tag-list" aria-label="Tags">
                    {c.tags.map((tag) => (
                      <li key={tag}>
                        <Badge tone="neutral">{tag}</Badge>
                      </li>
                    ))}
                  </ul>
                ) : (
                  <span className="table__meta">None</span>
                )}
              </td>
              <td>
                {c.applications.length > 0 ? (
                  <ul className="application-list">
                    {c.applications.map((a) => (
                      <li key={a.id}>
                        <Link to={`/applications/${a.id}`}>{a.opening.title}</Link> <StageBadge stage={a.stage} />
                      </li>
                    ))}
                  </ul>
                ) : (
                  <span className="table__meta">None yet</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
