import type { Stat } from '@scorecard/contracts';
import { formatMean, formatSpread, statDetail } from '../debrief-copy';

const SCALE_MAX = 4;

/**
 * A small bar on the 0–4 scale: filled to the mean, with a line under it from the lowest to the
 * highest score (the spread). Decorative: the figures are always written beside it.
 */
export function ScoreBar({ stat, width = 120 }: { stat: Stat | null; width?: number }) {
  const x = (v: number) => (Math.max(0, Math.min(SCALE_MAX, v)) / SCALE_MAX) * width;
  return (
    <svg
      className="score-bar"
      width={width}
      height={14}
      viewBox={`0 0 ${width} 14`}
      aria-hidden="true"
      focusable="false"
    >
      <rect className="score-bar__track" x={0} y={1} width={width} height={7} rx={3.5} />
      {stat ? (
        <>
          <rect className="score-bar__fill" x={0} y={1} width={Math.max(3, x(stat.mean))} height={7} rx={3.5} />
          <line
            className="score-bar__range"
            x1={x(stat.min)}
            x2={Math.max(x(stat.min) + 1, x(stat.max))}
            y1={12}
            y2={12}
          />
          <line className="score-bar__range" x1={x(stat.min)} x2={x(stat.min)} y1={10} y2={14} />
          <line className="score-bar__range" x1={x(stat.max)} x2={x(stat.max)} y1={10} y2={14} />
        </>
      ) : null}
    </svg>
  );
}

/** "2.5 (n=2, spread 1)"; `compact` puts "n=2, spread 1" on its own line, for narrow table cells. */
export function StatFigure({
  stat,
  empty = 'Not assessed',
  compact = false,
}: {
  stat: Stat | null;
  empty?: string;
  compact?: boolean;
}) {
  if (!stat) return <span className="stat-figure stat-figure--none">{empty}</span>;
  return (
    <span className={compact ? 'stat-figure stat-figure--compact' : 'stat-figure'}>
      <span className="stat-figure__mean">{formatMean(stat.mean)}</span>{' '}
      <span className="stat-figure__detail">{compact ? statDetail(stat) : `(${statDetail(stat)})`}</span>
    </span>
  );
}

/** One interviewer's rating of a criterion: 1–4, or not assessed (which is never a zero). */
export function RatingChip({ rating }: { rating: number | null }) {
  if (rating === null) {
    return <span className="rating-chip rating-chip--none">Not assessed</span>;
  }
  return (
    <span className={`rating-chip rating-chip--${rating}`}>
      <span className="visually-hidden">Rated </span>
      {rating}
    </span>
  );
}

/** "from 1 to 4" */
export function rangeText(stat: Stat): string {
  return `from ${formatSpread(stat.min)} to ${formatSpread(stat.max)}`;
}
