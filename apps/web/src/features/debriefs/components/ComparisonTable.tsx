import { STAGE_LABELS, type Comparison, type ComparisonRow } from '@scorecard/contracts';
import { Link } from 'react-router';
import { ScrollRegion } from '@/components/ui/ScrollRegion';
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
  const columns = 6 + comparison.competencies.length;
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
  const row = (r: ComparisonRow) => (
    <tr key={r.applicationId} className={r.apart ? 'compare-table__row--apart' : undefined}>
      <td className="compare-table__tier">
        <span className={r.tier === null ? 'compare-table__place muted' : 'compare-table__place'}>{placeLabel(r)}</span>
      </td>
      <th scope="row" className="compare-table__name">
        <Link to={`/applications/${r.applicationId}/debrief`}>{r.candidate.name}</Link>
        <span className="table__meta">
          {STAGE_LABELS[r.stage]} · {plural(r.scorecards, 'scorecard')}
        </span>
        {r.apart ? <span className="apart-tag">{r.apart.message}</span> : null}
      </th>
      <td className="compare-table__overall">
        {r.overall.score === null ? (
          <StatFigure stat={null} empty="No scores" compact />
        ) : (
          <span className="stat-figure stat-figure--compact">
            <span className="stat-figure__mean">
              {formatMean(r.overall.score)} <span className="compare-table__se">{standardErrorText(r)}</span>
            </span>
            {r.overall.stat ? <span className="stat-figure__detail">{statDetail(r.overall.stat)}</span> : null}
            {r.coverage.partial ? (
              <span className="partial-tag">Partial: {formatPercent(r.coverage.share)} of the rubric</span>
            ) : null}
          </span>
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
          <span className="severity severity--dealbreaker">{plural(r.redFlags.dealbreakers, 'dealbreaker')}</span>
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
      </td>
    </tr>
  );
  return (
    <ScrollRegion label="Comparison table" className="compare-table-wrap">
      <table className="table compare-table" aria-busy={busy}>
        <caption className="visually-hidden">
          Candidates compared on {opening.title}
          {grouped ? ', grouped by tier' : ''}. Column headers are buttons that sort the table.
        </caption>
        <thead>
          <tr>
            {header('tier', 'Tier')}
            {header('candidate', 'Candidate')}
            {header('overall', 'Overall', '± standard error')}
            {comparison.competencies.map((c) => header(`competency:${c.key}`, c.name))}
            {header('tally', 'Recommendations')}
            {header('flags', 'Red flags')}
            {header(
              'fit',
              'Fit with the role',
              `role: ${opening.codingSharePct === null ? 'coding not set' : `${opening.codingSharePct}% coding`}, ${CAREER_LABELS[opening.careerPath].toLowerCase()}, ${bandText(opening.compensation)}`,
            )}
          </tr>
        </thead>
        {grouped ? (
          groupRows(rows).map((g) => (
            <tbody key={g.key} className={`compare-table__group compare-table__group--${g.key.replace(/-\d+$/, '')}`}>
              <tr className="compare-table__group-row">
                <th scope="rowgroup" colSpan={columns}>
                  <span className="compare-table__group-title">{g.title}</span>
                  <span className="compare-table__group-text">{g.description}</span>
                </th>
              </tr>
              {g.rows.map(row)}
            </tbody>
          ))
        ) : (
          <tbody>{rows.map(row)}</tbody>
        )}
      </table>
    </ScrollRegion>
  );
}
