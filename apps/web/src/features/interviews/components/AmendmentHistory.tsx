import type { Scorecard } from '@scorecard/contracts';
import { formatDateTime } from '../interview-copy';

/** Every amendment of a submitted scorecard: who, when and why (the originals are kept by the server). */
export function AmendmentHistory({ amendments }: { amendments: Scorecard['amendments'] }) {
  if (amendments.length === 0) return null;
  return (
    <div className="amendments">
      <h3 className="amendments__title">Amendments</h3>
      <ol className="amendments__list">
        {amendments.map((a, i) => (
          <li key={`${a.at}-${i}`}>
            <span className="amendments__meta">
              {a.by.name}, <time dateTime={a.at}>{formatDateTime(a.at)}</time>:
            </span>{' '}
            <span className="amendments__reason">{a.reason}</span>
          </li>
        ))}
      </ol>
    </div>
  );
}
