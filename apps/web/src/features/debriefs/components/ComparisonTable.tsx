import { STAGE_LABELS, type Comparison, type ComparisonRow } from '@scorecard/contracts';
import { Link } from 'react-router';
import { useMemo } from 'react';
import { DataTable, type DataColumn } from '@/components/ui/DataTable';
import { CAREER_LABELS, codingGapText, formatMean, formatPercent, plural, statDetail } from '../debrief-copy';
import {
  bandText,
  groupRows,
  payFitText,
  placeLabel,
  standardErrorText,
  tallySides,
  tallyText,
  type Sort,
  type SortKey,
} from '../comparison';
import { StatFigure } from './Figures';

type ComparisonTableProps = {
  comparison: Comparison;
  rows: ComparisonRow[];
  sort: Sort;
  onSort: (key: SortKey) => void;
  busy: boolean;
};

/**
 * The candidates side by side; every column header sorts (aria-sort says how). In the comparison's
 * own order (the Tier column) the rows are grouped under a heading row per tier, then those listed
 * apart, then those without scores; sorted by any other column, each row names its place instead.
 */
export function ComparisonTable({ comparison, rows, sort, onSort, busy }: ComparisonTableProps) {
  const { opening } = comparison;
  const grouped = sort.key === 'tier';
  const columns = useMemo(() => comparisonColumns(comparison), [comparison]);
  return (
    <DataTable
      scrollLabel="Comparison table"
      wrapClassName="compare-table-wrap"
      columns={columns}
      data={rows}
      rowId={(r) => r.applicationId}
      className="compare-table"
      busy={busy}
      caption={
        <>
          Candidates compared on {opening.title}
          {grouped ? ', grouped by tier' : ''}. Column headers are buttons that sort the table.
        </>
      }
      rowProps={(r) => ({ className: r.apart ? 'compare-table__row--apart' : undefined })}
      sort={sort}
      onSort={(key) => onSort(key as SortKey)}
      body={
        grouped
          ? (renderRow, columnCount) =>
              groupRows(rows).map((g) => (
                <tbody
                  key={g.key}
                  className={`compare-table__group compare-table__group--${g.key.replace(/-\d+$/, '')}`}
                >
                  <tr className="compare-table__group-row">
                    <th scope="rowgroup" colSpan={columnCount}>
                      <span className="compare-table__group-title">{g.title}</span>
                      <span className="compare-table__group-text">{g.description}</span>
                    </th>
                  </tr>
                  {g.rows.map(renderRow)}
                </tbody>
              ))
          : undefined
      }
    />
  );
}

/** The columns: tier, candidate, overall, one per competency, recommendations, red flags, fit with the role. */
function comparisonColumns(comparison: Comparison): DataColumn<ComparisonRow>[] {
  const { opening } = comparison;
  return [
    {
      id: 'tier',
      header: 'Tier',
      meta: { className: 'compare-table__tier' },
      cell: ({ row: { original: r } }) => (
        <span className={r.tier === null ? 'compare-table__place muted' : 'compare-table__place'}>{placeLabel(r)}</span>
      ),
    },
    {
      id: 'candidate',
      header: 'Candidate',
      meta: { rowHeader: true, className: 'compare-table__name' },
      cell: ({ row: { original: r } }) => (
        <>
          <Link to={`/applications/${r.applicationId}/debrief`}>{r.candidate.name}</Link>
          <span className="table__meta">
            {STAGE_LABELS[r.stage]} · {plural(r.scorecards, 'scorecard')}
          </span>
          {r.apart ? <span className="apart-tag">{r.apart.message}</span> : null}
        </>
      ),
    },
    {
      id: 'overall',
      header: 'Overall',
      meta: { className: 'compare-table__overall', sortExtra: '± standard error' },
      cell: ({ row: { original: r } }) => <OverallCell row={r} />,
    },
    ...comparison.competencies.map((c): DataColumn<ComparisonRow> => ({
      id: `competency:${c.key}`,
      header: c.name,
      meta: { headerClassName: 'compare-table__competency-col' },
      cell: ({ row }) => <StatFigure stat={row.original.competencies[c.key] ?? null} compact />,
    })),
    {
      id: 'tally',
      header: 'Recommendations',
      meta: { className: 'compare-table__tally' },
      cell: ({ row: { original: r } }) => (
        <>
          {tallySides(r)}
          {tallyText(r) ? <span className="table__meta">{tallyText(r)}</span> : null}
        </>
      ),
    },
    {
      id: 'flags',
      header: 'Red flags',
      cell: ({ row: { original: r } }) => (
        <>
          {r.redFlags.dealbreakers > 0 ? (
            <span className="severity severity--dealbreaker">{plural(r.redFlags.dealbreakers, 'dealbreaker')}</span>
          ) : null}
          {r.redFlags.concerns > 0 ? (
            <span className="compare-table__concerns">{plural(r.redFlags.concerns, 'concern')}</span>
          ) : null}
          {r.redFlags.dealbreakers + r.redFlags.concerns === 0 ? <span className="muted">None</span> : null}
        </>
      ),
    },
    {
      id: 'fit',
      header: 'Fit with the role',
      meta: {
        className: 'compare-table__fit',
        sortExtra: `role: ${opening.codingSharePct === null ? 'coding not set' : `${opening.codingSharePct}% coding`}, ${CAREER_LABELS[opening.careerPath].toLowerCase()}, ${bandText(opening.compensation)}`,
      },
      cell: ({ row: { original: r } }) => <FitCell row={r} />,
    },
  ];
}

function OverallCell({ row: r }: { row: ComparisonRow }) {
  if (r.overall.score === null) return <StatFigure stat={null} empty="No scores" compact />;
  return (
    <span className="stat-figure stat-figure--compact">
      <span className="stat-figure__mean">
        {formatMean(r.overall.score)} <span className="compare-table__se">{standardErrorText(r)}</span>
      </span>
      {r.overall.stat ? <span className="stat-figure__detail">{statDetail(r.overall.stat)}</span> : null}
      {r.coverage.partial ? (
        <span className="partial-tag">Partial: {formatPercent(r.coverage.share)} of the rubric</span>
      ) : null}
    </span>
  );
}

function FitCell({ row: r }: { row: ComparisonRow }) {
  return (
    <>
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
        <span className={r.fit.careerPathMatch === false ? 'table__meta compare-table__differs' : 'table__meta'}>
          {r.fit.careerPathMatch === null ? 'No conflict' : r.fit.careerPathMatch ? 'Path matches' : 'Path differs'}
        </span>
      </span>
      <span className="compare-table__fit-line">
        Pay
        <span className={r.fit.compensation === 'over' ? 'table__meta compare-table__differs' : 'table__meta'}>
          {payFitText(r)}
        </span>
      </span>
    </>
  );
}
