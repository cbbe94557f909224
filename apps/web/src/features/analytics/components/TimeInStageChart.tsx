import { STAGE_LABELS, type PipelineAnalytics } from '@scorecard/contracts';
import { useId } from 'react';
import { formatDays, plural, timeInStageSummary } from '../analytics-copy';
import { ScrollRegion } from '@/components/ui/ScrollRegion';

type Rows = PipelineAnalytics['timeInStage'];

const WIDTH = 520;
const LABEL_W = 100;
const VALUE_W = 170;
const BAR_W = WIDTH - LABEL_W - VALUE_W;
const ROW_H = 36;
const BAR_H = 18;

/** Median days in each active stage as horizontal bars, labelled with the days and how many stays they rest on. */
export function TimeInStageChart({ rows }: { rows: Rows }) {
  const captionId = useId();
  const max = Math.max(1, ...rows.map((r) => r.medianDays ?? 0));
  const height = rows.length * ROW_H;
  return (
    <figure className="analytics-chart">
      <svg
        className="analytics-chart__svg"
        viewBox={`0 0 ${WIDTH} ${height}`}
        width={WIDTH}
        height={height}
        role="img"
        aria-labelledby={captionId}
        data-chart="time-in-stage"
      >
        {rows.map((r, i) => {
          const y = i * ROW_H;
          const barY = y + (ROW_H - BAR_H) / 2;
          const textY = y + ROW_H / 2 + 4;
          const none = r.medianDays === null || r.sample === 0;
          const w = none ? 0 : Math.max(3, ((r.medianDays ?? 0) / max) * BAR_W);
          return (
            <g key={r.stage} data-stage={r.stage}>
              <text className="analytics-chart__label" x={LABEL_W - 12} y={textY} textAnchor="end">
                {STAGE_LABELS[r.stage]}
              </text>
              <rect className="analytics-chart__track" x={LABEL_W} y={barY} width={BAR_W} height={BAR_H} rx={4} />
              {none ? (
                <text className="analytics-chart__none" x={LABEL_W + 10} y={textY}>
                  no data
                </text>
              ) : (
                <rect
                  className="analytics-chart__bar analytics-chart__bar--time"
                  x={LABEL_W}
                  y={barY}
                  width={w}
                  height={BAR_H}
                  rx={4}
                />
              )}
              {none ? null : (
                <text className="analytics-chart__value" x={LABEL_W + BAR_W + 10} y={textY}>
                  {formatDays(r.medianDays ?? 0)}
                  <tspan className="analytics-chart__sample" dx={6}>
                    · {plural(r.sample, 'application')}
                  </tspan>
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <figcaption id={captionId} className="analytics-chart__caption">
        {timeInStageSummary(rows)}
      </figcaption>
    </figure>
  );
}

export function TimeInStageTable({ rows }: { rows: Rows }) {
  return (
    <ScrollRegion label="Time in stage table">
      <table className="table analytics-table">
        <caption className="visually-hidden">Median time in stage</caption>
        <thead>
          <tr>
            <th scope="col">Stage</th>
            <th scope="col" className="table__num">
              Median time in stage
            </th>
            <th scope="col" className="table__num">
              Applications that left it
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.stage} data-stage={r.stage}>
              <th scope="row">{STAGE_LABELS[r.stage]}</th>
              <td className="table__num">
                {r.medianDays === null || r.sample === 0 ? (
                  <span className="muted">No data</span>
                ) : (
                  formatDays(r.medianDays)
                )}
              </td>
              <td className="table__num">
                {r.sample === 0 ? <span className="muted">0</span> : plural(r.sample, 'application')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
