import { RATING_LABELS } from '@scorecard/contracts';
import { distributionText } from '../question-bank-copy';

/** One small bar split into the share of 1s, 2s, 3s and 4s, with the counts beside it in words. */
export function DistributionBar({ distribution }: { distribution: readonly number[] }) {
  const total = distribution.reduce((a, b) => a + b, 0);
  const text = distributionText(distribution);
  return (
    <span className="qb-dist">
      <span className="qb-dist__bar" aria-hidden="true" title={text}>
        {total === 0
          ? null
          : distribution.map((n, i) =>
              n === 0 ? null : (
                <span
                  key={i}
                  className={`qb-dist__segment qb-level--${i + 1}`}
                  style={{ width: `${(n / total) * 100}%` }}
                  title={`${i + 1} (${RATING_LABELS[i]}): ${n}`}
                />
              ),
            )}
      </span>
      <span className="qb-dist__counts">
        <span aria-hidden="true">{distribution.join(' · ')}</span>
        <span className="visually-hidden">Ratings {text}</span>
      </span>
    </span>
  );
}
