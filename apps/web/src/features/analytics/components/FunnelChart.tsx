import { STAGE_LABELS, type PipelineAnalytics } from '@scorecard/contracts';
import { funnelSummary, percent } from '../analytics-copy';
import { BarRow, ChartFigure, barLength } from '@/components/ui/BarChart';
import { ScrollRegion } from '@/components/ui/ScrollRegion';

type Funnel = PipelineAnalytics['funnel'];

const WIDTH = 520;
const NEXT_W = 130;
const VALUE_W = 40;
const LABEL_W = 100;
const LAYOUT = { labelWidth: LABEL_W, barWidth: WIDTH - LABEL_W - NEXT_W - VALUE_W, rowHeight: 40, barHeight: 22 };

/**
 * The funnel as horizontal bars, one per stage, as long as the applications that reached it; on
 * the right, the share that went on to the next stage. The caption says the same in words.
 */
export function FunnelChart({ funnel }: { funnel: Funnel }) {
  const max = Math.max(1, ...funnel.map((s) => s.reached));
  return (
    <ChartFigure width={WIDTH} height={funnel.length * LAYOUT.rowHeight} name="funnel" caption={funnelSummary(funnel)}>
      {funnel.map((s, i) => {
        const next = funnel[i + 1];
        return (
          <BarRow
            key={s.stage}
            layout={LAYOUT}
            index={i}
            data={{ 'data-stage': s.stage }}
            label={STAGE_LABELS[s.stage]}
            bar={{
              length: s.reached === 0 ? 0 : barLength(s.reached, max, LAYOUT.barWidth),
              className:
                s.stage === 'hired' ? 'analytics-chart__bar analytics-chart__bar--hired' : 'analytics-chart__bar',
            }}
            value={s.reached}
            extra={(textY) =>
              next ? (
                <text className="analytics-chart__next" x={WIDTH} y={textY} textAnchor="end">
                  {s.conversion === null
                    ? '–'
                    : `${percent(s.conversion)} to ${STAGE_LABELS[next.stage].toLowerCase()} ↓`}
                </text>
              ) : null
            }
          />
        );
      })}
    </ChartFigure>
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
