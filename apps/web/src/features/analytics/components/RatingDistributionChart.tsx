import { RATING_LABELS, RATING_LEVELS, type Calibration } from '@scorecard/contracts';
import { useId } from 'react';
import { distributionMean, distributionSummary, formatMean, percent, plural } from '../analytics-copy';
import { ScrollRegion } from '@/components/ui/ScrollRegion';

type Interviewers = Calibration['interviewers'];

const WIDTH = 720;
const LABEL_W = 150;
const VALUE_W = 180;
const BAR_W = WIDTH - LABEL_W - VALUE_W;
const ROW_H = 34;
const BAR_H = 20;
/** A segment narrower than this has no room for its count (the table view has every number). */
const MIN_LABELLED = 18;

function truncate(name: string, max = 20): string {
  return name.length > max ? `${name.slice(0, max - 1)}…` : name;
}

/**
 * Each interviewer's ratings as one bar split into the share of 1s, 2s, 3s and 4s, so a panel
 * member who never gives a 1, or always a 3, stands out. The caption lists every count.
 */
export function RatingDistributionChart({ interviewers }: { interviewers: Interviewers }) {
  const captionId = useId();
  const height = interviewers.length * ROW_H;
  return (
    <figure className="analytics-chart">
      <ul className="analytics-legend" aria-hidden="true">
        {RATING_LEVELS.map((level, i) => (
          <li key={level}>
            <span className={`analytics-legend__swatch rating-fill--${level}`} />
            {level} <span className="analytics-legend__text">{RATING_LABELS[i]}</span>
          </li>
        ))}
      </ul>
      <svg
        className="analytics-chart__svg"
        viewBox={`0 0 ${WIDTH} ${height}`}
        width={WIDTH}
        height={height}
        role="img"
        aria-labelledby={captionId}
        data-chart="ratings"
      >
        {interviewers.map((row, r) => {
          const y = r * ROW_H;
          const barY = y + (ROW_H - BAR_H) / 2;
          const textY = y + ROW_H / 2 + 4;
          const total = row.ratingDistribution.reduce((a, b) => a + b, 0);
          const mean = distributionMean(row.ratingDistribution);
          let x = LABEL_W;
          return (
            <g key={row.interviewer.id}>
              <text className="analytics-chart__label" x={LABEL_W - 12} y={textY} textAnchor="end">
                {truncate(row.interviewer.name)}
              </text>
              {total === 0 ? (
                <>
                  <rect className="analytics-chart__track" x={LABEL_W} y={barY} width={BAR_W} height={BAR_H} rx={4} />
                  <text className="analytics-chart__none" x={LABEL_W + 10} y={textY}>
                    no ratings
                  </text>
                </>
              ) : (
                row.ratingDistribution.map((n, i) => {
                  const w = (n / total) * BAR_W;
                  const segment = (
                    <g key={i}>
                      <rect className={`rating-fill--${i + 1}`} x={x} y={barY} width={w} height={BAR_H} />
                      {w >= MIN_LABELLED ? (
                        <text
                          className={`analytics-chart__segment rating-text--${i + 1}`}
                          x={x + w / 2}
                          y={textY}
                          textAnchor="middle"
                        >
                          {n}
                        </text>
                      ) : null}
                    </g>
                  );
                  x += w;
                  return segment;
                })
              )}
              <text className="analytics-chart__value" x={LABEL_W + BAR_W + 10} y={textY}>
                {plural(total, 'rating')}
                {mean === null ? null : (
                  <tspan className="analytics-chart__sample" dx={6}>
                    · mean {formatMean(mean)}
                  </tspan>
                )}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption id={captionId} className="analytics-chart__caption">
        Ratings given on the 1 to 4 scale, per interviewer. {interviewers.map(distributionSummary).join(' ')}
      </figcaption>
    </figure>
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
