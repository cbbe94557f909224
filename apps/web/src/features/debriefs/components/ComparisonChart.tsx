import type { Comparison, ComparisonRow } from '@scorecard/contracts';
import { truncate } from '@/components/ui/BarChart';
import { ScrollRegion } from '@/components/ui/ScrollRegion';
import { useId, useState } from 'react';
import { formatMean, formatStandardError, statDetail } from '../debrief-copy';
import { placeLabel, standardErrorText } from '../comparison';

/** One colour per candidate (AA against white for graphics); every bar is also labelled with the name. */
const COLORS = ['#4338ca', '#0f766e', '#c2410c', '#be185d', '#0369a1', '#4d7c0f', '#7e22ce', '#a16207'];

const WIDTH = 760;
const LABEL_W = 190;
const VALUE_W = 140;
const BAR_W = WIDTH - LABEL_W - VALUE_W;
const AXIS_H = 26;
const GROUP_TITLE_H = 26;
const ROW_H = 24;
const GROUP_GAP = 12;
const SCALE_MAX = 4;

const x = (v: number) => LABEL_W + (Math.max(0, Math.min(SCALE_MAX, v)) / SCALE_MAX) * BAR_W;

/** "3.3 ± 0.2 · tier 1", "2.6 ± 0.5 · apart": the overall's label in the chart (short, to fit beside the bar). */
function chartLabel(r: ComparisonRow): string {
  const se = r.standardError.value;
  const place = r.apart ? 'apart' : r.tier === null ? '' : `tier ${r.tier}`;
  return `${formatMean(r.overall.score ?? 0)}${se === null ? ' ± ?' : ` ± ${formatStandardError(se)}`}${place ? ` · ${place}` : ''}`;
}

/**
 * Competency means per candidate as grouped horizontal bars on the 0–4 scale, each with its range
 * (lowest to highest scorecard) as a line under it. A text summary describes it, and "Show as
 * table" gives the same figures as a table.
 */
export function ComparisonChart({ comparison, rows }: { comparison: Comparison; rows: ComparisonRow[] }) {
  const [asTable, setAsTable] = useState(false);
  const titleId = useId();
  const descId = useId();
  const color = new Map(rows.map((r, i) => [r.applicationId, COLORS[i % COLORS.length]!]));
  const groupH = GROUP_TITLE_H + rows.length * ROW_H + GROUP_GAP;
  // The overall comes first, with its standard error; then each competency with its range.
  const height = AXIS_H + (comparison.competencies.length + 1) * groupH;
  const description = `Grouped bar chart: first each candidate's overall score with a line of one standard error either side, then for each of ${comparison.competencies.length} competencies the mean score of ${rows.length} candidates on the 1 to 4 scale, with the range of their scorecards. The same figures are in the comparison table, or choose Show as table.`;

  return (
    <section className="panel panel--padded compare-chart" aria-labelledby={`${titleId}-heading`}>
      <div className="section-header">
        <div>
          <h2 id={`${titleId}-heading`} className="section-header__title">
            Competencies
          </h2>
          <p className="section-header__description">
            The overall first: the thin line under it spans one standard error either side. Then the mean per
            competency: the thin line under each bar runs from the lowest to the highest scorecard.
          </p>
        </div>
        <button
          type="button"
          className="button button--secondary button--small"
          aria-pressed={asTable}
          onClick={() => setAsTable((v) => !v)}
        >
          {asTable ? 'Show as chart' : 'Show as table'}
        </button>
      </div>
      {asTable ? (
        <ScrollRegion label="Competency means table">
          <table className="table compare-chart__table">
            <caption className="visually-hidden">Competency means by candidate</caption>
            <thead>
              <tr>
                <th scope="col">Competency</th>
                {rows.map((r) => (
                  <th key={r.applicationId} scope="col">
                    {r.candidate.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">Overall (± standard error)</th>
                {rows.map((r) => (
                  <td key={r.applicationId}>
                    {r.overall.score === null ? (
                      <span className="muted">No scores</span>
                    ) : (
                      `${formatMean(r.overall.score)} ${standardErrorText(r)} · ${placeLabel(r)}`
                    )}
                  </td>
                ))}
              </tr>
              {comparison.competencies.map((c) => (
                <tr key={c.key}>
                  <th scope="row">{c.name}</th>
                  {rows.map((r) => {
                    const s = r.competencies[c.key];
                    return (
                      <td key={r.applicationId}>
                        {s ? `${formatMean(s.mean)} (${statDetail(s)})` : <span className="muted">Not assessed</span>}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      ) : (
        <figure className="compare-chart__figure">
          <ul className="compare-chart__legend" aria-label="Candidates">
            {rows.map((r) => (
              <li key={r.applicationId}>
                <svg width="12" height="12" aria-hidden="true" focusable="false">
                  <rect width="12" height="12" rx="2" fill={color.get(r.applicationId)} />
                </svg>
                {r.candidate.name}
              </li>
            ))}
          </ul>
          <svg
            className="compare-chart__svg"
            viewBox={`0 0 ${WIDTH} ${height}`}
            width={WIDTH}
            height={height}
            role="img"
            aria-labelledby={`${titleId} ${descId}`}
          >
            <title id={titleId}>Competency means by candidate</title>
            <desc id={descId}>{description}</desc>
            {[0, 1, 2, 3, 4].map((v) => (
              <g key={v}>
                <line className="compare-chart__grid" x1={x(v)} x2={x(v)} y1={AXIS_H - 6} y2={height - GROUP_GAP} />
                <text className="compare-chart__axis" x={x(v)} y={AXIS_H - 10} textAnchor="middle">
                  {v}
                </text>
              </g>
            ))}
            <g>
              <text className="compare-chart__group" x={0} y={AXIS_H + GROUP_TITLE_H - 8}>
                Overall (± 1 standard error)
              </text>
              {rows.map((r, ri) => {
                const y = AXIS_H + GROUP_TITLE_H + ri * ROW_H;
                const score = r.overall.score;
                const se = r.standardError.value;
                return (
                  <g key={r.applicationId}>
                    <text className="compare-chart__name" x={LABEL_W - 10} y={y + 11} textAnchor="end">
                      {truncate(r.candidate.name, 26)}
                    </text>
                    {score === null ? (
                      <text className="compare-chart__none" x={LABEL_W + 6} y={y + 12}>
                        no scores
                      </text>
                    ) : (
                      <>
                        <rect
                          x={LABEL_W}
                          y={y + 2}
                          width={Math.max(2, x(score) - LABEL_W)}
                          height={12}
                          rx={2}
                          fill={color.get(r.applicationId)}
                        />
                        {se !== null && se > 0 ? (
                          <path
                            className="compare-chart__range"
                            d={`M${x(score - se)} ${y + 16}v4M${x(score - se)} ${y + 18}H${x(score + se)}M${x(score + se)} ${y + 16}v4`}
                          />
                        ) : null}
                        <text
                          className="compare-chart__value"
                          x={Math.max(x(score), se === null ? 0 : x(score + se)) + 6}
                          y={y + 12}
                        >
                          {chartLabel(r)}
                        </text>
                      </>
                    )}
                  </g>
                );
              })}
            </g>
            {comparison.competencies.map((c, gi) => {
              const top = AXIS_H + (gi + 1) * groupH;
              return (
                <g key={c.key}>
                  <text className="compare-chart__group" x={0} y={top + GROUP_TITLE_H - 8}>
                    {c.name}
                  </text>
                  {rows.map((r, ri) => {
                    const y = top + GROUP_TITLE_H + ri * ROW_H;
                    const s = r.competencies[c.key];
                    return (
                      <g key={r.applicationId}>
                        <text className="compare-chart__name" x={LABEL_W - 10} y={y + 11} textAnchor="end">
                          {truncate(r.candidate.name, 26)}
                        </text>
                        {s ? (
                          <>
                            <rect
                              x={LABEL_W}
                              y={y + 2}
                              width={Math.max(2, x(s.mean) - LABEL_W)}
                              height={12}
                              rx={2}
                              fill={color.get(r.applicationId)}
                            />
                            {s.spread > 0 ? (
                              <path
                                className="compare-chart__range"
                                d={`M${x(s.min)} ${y + 16}v4M${x(s.min)} ${y + 18}H${x(s.max)}M${x(s.max)} ${y + 16}v4`}
                              />
                            ) : null}
                            <text className="compare-chart__value" x={x(s.mean) + 6} y={y + 12}>
                              {formatMean(s.mean)} (n={s.count})
                            </text>
                          </>
                        ) : (
                          <text className="compare-chart__none" x={LABEL_W + 6} y={y + 12}>
                            not assessed
                          </text>
                        )}
                      </g>
                    );
                  })}
                </g>
              );
            })}
          </svg>
        </figure>
      )}
    </section>
  );
}
