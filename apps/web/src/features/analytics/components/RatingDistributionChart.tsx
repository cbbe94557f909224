import { RATING_LABELS, RATING_LEVELS, type Calibration } from '@scorecard/contracts';
import { distributionMean, distributionSummary, formatMean, percent, plural } from '../analytics-copy';
import { BarRow, ChartFigure, truncate } from '@/components/ui/BarChart';
import { ScrollRegion } from '@/components/ui/ScrollRegion';

type Interviewers = Calibration['interviewers'];

const WIDTH = 720;
const LABEL_W = 150;
const VALUE_W = 180;
const LAYOUT = { labelWidth: LABEL_W, barWidth: WIDTH - LABEL_W - VALUE_W, rowHeight: 34, barHeight: 20 };
/** A segment narrower than this has no room for its count (the table view has every number). */
const MIN_LABELLED = 18;

/** One bar split into the share of each rating, each segment labelled with its count when it fits. */
function segments(
  distribution: number[],
  total: number,
  { x, barY, textY }: { x: number; barY: number; textY: number },
) {
  let start = x;
  return distribution.map((n, i) => {
    const w = (n / total) * LAYOUT.barWidth;
    const segment = (
      <g key={i}>
        <rect className={`rating-fill--${i + 1}`} x={start} y={barY} width={w} height={LAYOUT.barHeight} />
        {w >= MIN_LABELLED ? (
          <text
            className={`analytics-chart__segment rating-text--${i + 1}`}
            x={start + w / 2}
            y={textY}
            textAnchor="middle"
          >
            {n}
          </text>
        ) : null}
      </g>
    );
    start += w;
    return segment;
  });
}

/**
 * Each interviewer's ratings as one bar split into the share of 1s, 2s, 3s and 4s, so a panel
 * member who never gives a 1, or always a 3, stands out. The caption lists every count.
 */
export function RatingDistributionChart({ interviewers }: { interviewers: Interviewers }) {
  return (
    <ChartFigure
      width={WIDTH}
      height={interviewers.length * LAYOUT.rowHeight}
      name="ratings"
      caption={`Ratings given on the 1 to 4 scale, per interviewer. ${interviewers.map(distributionSummary).join(' ')}`}
      legend={
        <ul className="analytics-legend" aria-hidden="true">
          {RATING_LEVELS.map((level, i) => (
            <li key={level}>
              <span className={`analytics-legend__swatch rating-fill--${level}`} />
              {level} <span className="analytics-legend__text">{RATING_LABELS[i]}</span>
            </li>
          ))}
        </ul>
      }
    >
      {interviewers.map((row, r) => {
        const total = row.ratingDistribution.reduce((a, b) => a + b, 0);
        const mean = distributionMean(row.ratingDistribution);
        return (
          <BarRow
            key={row.interviewer.id}
            layout={LAYOUT}
            index={r}
            label={truncate(row.interviewer.name, 20)}
            none={total === 0 ? 'no ratings' : null}
            bar={(at) => segments(row.ratingDistribution, total, at)}
            value={
              <>
                {plural(total, 'rating')}
                {mean === null ? null : (
                  <tspan className="analytics-chart__sample" dx={6}>
                    · mean {formatMean(mean)}
                  </tspan>
                )}
              </>
            }
          />
        );
      })}
    </ChartFigure>
  );
}

export function RatingDistributionTable({ interviewers }: { interviewers: Interviewers }) {
  return (
    <ScrollRegion label="Ratings table">
      <table className="table analytics-table" data-table="ratings">
        <caption className="visually-hidden">Ratings per interviewer, 1 to 4</caption>
        <thead>
          <tr>
            <th scope="col">Interviewer</th>
            {RATING_LEVELS.map((level, i) => (
              <th key={level} scope="col" className="table__num" title={RATING_LABELS[i]}>
                Rated {level}
              </th>
            ))}
            <th scope="col" className="table__num">
              Ratings
            </th>
            <th scope="col" className="table__num">
              Mean
            </th>
          </tr>
        </thead>
        <tbody>
          {interviewers.map((row) => {
            const total = row.ratingDistribution.reduce((a, b) => a + b, 0);
            const mean = distributionMean(row.ratingDistribution);
            return (
              <tr key={row.interviewer.id}>
                <th scope="row">{row.interviewer.name}</th>
                {row.ratingDistribution.map((n, i) => (
                  <td key={i} className="table__num">
                    {n}
                    <span className="table__meta">{percent(total === 0 ? null : n / total)}</span>
                  </td>
                ))}
                <td className="table__num">{total}</td>
                <td className="table__num">{mean === null ? '–' : formatMean(mean)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
