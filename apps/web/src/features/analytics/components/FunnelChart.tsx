import { STAGE_LABELS, type PipelineAnalytics } from '@scorecard/contracts';
import { useId } from 'react';
import { funnelSummary, percent } from '../analytics-copy';
import { ScrollRegion } from '@/components/ui/ScrollRegion';

type Funnel = PipelineAnalytics['funnel'];

const WIDTH = 520;
const LABEL_W = 100;
const NEXT_W = 130;
const VALUE_W = 40;
const BAR_W = WIDTH - LABEL_W - NEXT_W - VALUE_W;
const ROW_H = 40;
const BAR_H = 22;

/**
 * The funnel as horizontal bars, one per stage, as long as the applications that reached it; on
 * the right, the share that went on to the next stage. The caption says the same in words.
 */
export function FunnelChart({ funnel }: { funnel: Funnel }) {
  const captionId = useId();
  const max = Math.max(1, ...funnel.map((s) => s.reached));
  const height = funnel.length * ROW_H;
  return (
    <figure className="analytics-chart">
      <svg
        className="analytics-chart__svg"
        viewBox={`0 0 ${WIDTH} ${height}`}
        width={WIDTH}
        height={height}
        role="img"
        aria-labelledby={captionId}
        data-chart="funnel"
      >
        {funnel.map((s, i) => {
          const y = i * ROW_H;
          const w = s.reached === 0 ? 0 : Math.max(3, (s.reached / max) * BAR_W);
          const next = funnel[i + 1];
          return (
            <g key={s.stage} data-stage={s.stage}>
              <text className="analytics-chart__label" x={LABEL_W - 12} y={y + ROW_H / 2 + 4} textAnchor="end">
                {STAGE_LABELS[s.stage]}
              </text>
              <rect
                className="analytics-chart__track"
                x={LABEL_W}
                y={y + (ROW_H - BAR_H) / 2}
                width={BAR_W}
                height={BAR_H}
                rx={4}
              />
              {w > 0 ? (
                <rect
                  className={
                    s.stage === 'hired' ? 'analytics-chart__bar analytics-chart__bar--hired' : 'analytics-chart__bar'
                  }
                  x={LABEL_W}
                  y={y + (ROW_H - BAR_H) / 2}
                  width={w}
                  height={BAR_H}
                  rx={4}
                />
              ) : null}
              <text className="analytics-chart__value" x={LABEL_W + BAR_W + 10} y={y + ROW_H / 2 + 4}>
                {s.reached}
              </text>
              {next ? (
                <text className="analytics-chart__next" x={WIDTH} y={y + ROW_H / 2 + 4} textAnchor="end">
                  {s.conversion === null
                    ? '–'
                    : `${percent(s.conversion)} to ${STAGE_LABELS[next.stage].toLowerCase()} ↓`}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      <figcaption id={captionId} className="analytics-chart__caption">
        {funnelSummary(funnel)}
      </figcaption>
    </figure>
  );
}

/** The funnel's numbers as a table: reached, share of all applications, and conversion to the next stage. */
export function FunnelTable({ funnel }: { funnel: Funnel }) {
  const total = funnel[0]?.reached ?? 0;
  return (
    <ScrollRegion label="Funnel table">
      <table className="table analytics-table funnel-table">
        <caption className="visually-hidden">Funnel by stage</caption>
        <thead>
          <tr>
            <th scope="col">Stage</th>
            <th scope="col" className="table__num">
              Reached
            </th>
            <th scope="col" className="table__num">
              Of all
            </th>
            <th scope="col" className="table__num">
              To next stage
            </th>
          </tr>
        </thead>
        <tbody>
          {funnel.map((s, i) => {
            const next = funnel[i + 1];
            return (
              <tr key={s.stage} data-stage={s.stage}>
                <th scope="row">{STAGE_LABELS[s.stage]}</th>
                <td className="table__num" data-cell="reached">
                  {s.reached}
                </td>
                <td className="table__num">{percent(total === 0 ? null : s.reached / total)}</td>
                <td className="table__num" data-cell="conversion">
                  {next ? (
                    <>
                      {percent(s.conversion)}
                      <span className="table__meta">to {STAGE_LABELS[next.stage].toLowerCase()}</span>
                    </>
                  ) : (
                    <span className="muted">–</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
