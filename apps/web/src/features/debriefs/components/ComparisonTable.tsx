import { STAGE_LABELS, type Comparison, type ComparisonRow } from '@scorecard/contracts';
import { Link } from 'react-router';
import { ScrollRegion } from '../../../components/ui/ScrollRegion';
import { CAREER_LABELS, codingGapText, plural } from '../debrief-copy';
import { tallySides, tallyText, type Sort, type SortKey } from '../comparison';
import { StatFigure } from './Figures';

type ComparisonTableProps = {
  comparison: Comparison;
  rows: ComparisonRow[];
  sort: Sort;
  onSort: (key: SortKey) => void;
  busy: boolean;
};

/** The candidates side by side; every column header sorts (aria-sort says how). */
export function ComparisonTable({ comparison, rows, sort, onSort, busy }: ComparisonTableProps) {
  const { opening } = comparison;
  const byRank = [...comparison.rows];
  const above = new Map(byRank.map((r, i) => [r.applicationId, byRank[i - 1]]));
  const header = (key: SortKey, label: string, extra?: string) => {
    const active = sort.key === key;
    return (
      <th
        key={key}
        scope="col"
        aria-sort={active ? sort.direction : undefined}
        className={key.startsWith('competency:') ? 'compare-table__competency-col' : undefined}
      >
        <button type="button" className="sort-button" onClick={() => onSort(key)}>
          <span>
            {label}
            {extra ? <span className="sort-button__extra">{extra}</span> : null}
          </span>
          <span
            className={active ? 'sort-button__arrow sort-button__arrow--active' : 'sort-button__arrow'}
            aria-hidden="true"
          >
            {active ? (sort.direction === 'ascending' ? '▲' : '▼') : '↕'}
          </span>
        </button>
      </th>
    );
  };
  return (
    <ScrollRegion label="Comparison table" className="compare-table-wrap">
      <table className="table compare-table" aria-busy={busy}>
        <caption className="visually-hidden">
          Candidates compared on {opening.title}. Column headers are buttons that sort the table.
        </caption>
        <thead>
          <tr>
            {header('rank', 'Rank')}
            {header('candidate', 'Candidate')}
            {header('overall', 'Overall')}
            {comparison.competencies.map((c) => header(`competency:${c.key}`, c.name))}
            {header('tally', 'Recommendations')}
            {header('flags', 'Red flags')}
            {header(
              'fit',
              'Fit with the role',
              `role: ${opening.codingSharePct === null ? 'coding not set' : `${opening.codingSharePct}% coding`}, ${CAREER_LABELS[opening.careerPath].toLowerCase()}`,
            )}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const prev = above.get(r.applicationId);
            return (
              <tr key={r.applicationId}>
                <td className="compare-table__rank">
                  {r.rank === null ? (
                    <span className="muted">–</span>
                  ) : (
                    <span className="compare-table__rank-number">
                      {r.rank}
                      {r.tiedWithAbove ? <span aria-hidden="true">=</span> : null}
                    </span>
                  )}
                </td>
                <th scope="row" className="compare-table__name">
                  <Link to={`/applications/${r.applicationId}/debrief`}>{r.candidate.name}</Link>
                  <span className="table__meta">
                    {STAGE_LABELS[r.stage]} · {plural(r.scorecards, 'scorecard')}
                  </span>
                  {r.tiedWithAbove && prev ? (
                    <span className="tie-tag">Too close to call with {prev.candidate.name}</span>
                  ) : null}
                </th>
                <td className="compare-table__overall">
                  {r.overall.score === null ? (
                    <StatFigure stat={null} empty="No scores" compact />
                  ) : (
                    <StatFigure
                      compact
                      stat={{
                        mean: r.overall.score,
                        count: r.overall.stat?.count ?? 0,
                        min: r.overall.stat?.min ?? r.overall.score,
                        max: r.overall.stat?.max ?? r.overall.score,
                        spread: r.overall.stat?.spread ?? 0,
                      }}
                    />
                  )}
                </td>
                {comparison.competencies.map((c) => (
                  <td key={c.key}>
                    <StatFigure stat={r.competencies[c.key] ?? null} compact />
                  </td>
                ))}
                <td className="compare-table__tally">
                  {tallySides(r)}
                  {tallyText(r) ? <span className="table__meta">{tallyText(r)}</span> : null}
                </td>
                <td>
                  {r.redFlags.dealbreakers > 0 ? (
                    <span className="severity severity--dealbreaker">
                      {plural(r.redFlags.dealbreakers, 'dealbreaker')}
                    </span>
                  ) : null}
                  {r.redFlags.concerns > 0 ? (
                    <span className="compare-table__concerns">{plural(r.redFlags.concerns, 'concern')}</span>
                  ) : null}
                  {r.redFlags.dealbreakers + r.redFlags.concerns === 0 ? <span className="muted">None</span> : null}
                </td>
                <td className="compare-table__fit">
                  <span className="compare-table__fit-line">
                    {r.candidate.desiredCodingSharePct === null ? (
                      <span className="muted">Coding: not given</span>
                    ) : (
                      <>
                        Coding: {r.candidate.desiredCodingSharePct}%
                        <span className="table__meta">{codingGapText(r.fit.codingShareGap)}</span>
                      </>
                    )}
                  </span>
                  <span className="compare-table__fit-line">
                    {CAREER_LABELS[r.candidate.desiredCareerPath]}
                    <span
                      className={r.fit.careerPathMatch === false ? 'table__meta compare-table__differs' : 'table__meta'}
                    >
                      {r.fit.careerPathMatch === null
                        ? 'No conflict'
                        : r.fit.careerPathMatch
                          ? 'Path matches'
                          : 'Path differs'}
                    </span>
                  </span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
