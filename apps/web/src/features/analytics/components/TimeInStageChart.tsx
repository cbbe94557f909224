import { STAGE_LABELS, type PipelineAnalytics } from '@scorecard/contracts';
import { formatDays, plural, timeInStageSummary } from '../analytics-copy';
import { BarRow, ChartFigure, barLength } from '@/components/ui/BarChart';
import { ScrollRegion } from '@/components/ui/ScrollRegion';

type Rows = PipelineAnalytics['timeInStage'];

const WIDTH = 520;
const LABEL_W = 100;
const VALUE_W = 170;
const LAYOUT = { labelWidth: LABEL_W, barWidth: WIDTH - LABEL_W - VALUE_W, rowHeight: 36, barHeight: 18 };

/** Median days in each active stage as horizontal bars, labelled with the days and how many stays they rest on. */
export function TimeInStageChart({ rows }: { rows: Rows }) {
  const max = Math.max(1, ...rows.map((r) => r.medianDays ?? 0));
  return (
    <ChartFigure
      width={WIDTH}
      height={rows.length * LAYOUT.rowHeight}
      name="time-in-stage"
      caption={timeInStageSummary(rows)}
    >
      {rows.map((r, i) => {
        const none = r.medianDays === null || r.sample === 0;
        return (
          <BarRow
            key={r.stage}
            layout={LAYOUT}
            index={i}
            data={{ 'data-stage': r.stage }}
            label={STAGE_LABELS[r.stage]}
            none={none ? 'no data' : null}
            bar={{
              length: barLength(r.medianDays ?? 0, max, LAYOUT.barWidth),
              className: 'analytics-chart__bar analytics-chart__bar--time',
            }}
            value={
              none ? null : (
                <>
                  {formatDays(r.medianDays ?? 0)}
                  <tspan className="analytics-chart__sample" dx={6}>
                    · {plural(r.sample, 'application')}
                  </tspan>
                </>
              )
            }
          />
        );
      })}
    </ChartFigure>
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
