import { REASON_LABELS, STAGE_LABELS, type StageMove } from '@scorecard/contracts';

const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** Every stage move of an application, oldest first: from → to, who, when, why. */
export function StageTimeline({ history }: { history: StageMove[] }) {
  const moves = [...history].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  if (moves.length === 0) return <p className="muted">No moves recorded yet.</p>;
  return (
    <ol className="timeline" aria-label="Stage timeline">
      {moves.map((move) => (
        <li key={move.id} className="timeline__item">
          <p className="timeline__move">
            {move.from ? (
              <>
                {STAGE_LABELS[move.from]} → {STAGE_LABELS[move.to]}
              </>
            ) : (
              <>Started in {STAGE_LABELS[move.to]}</>
            )}
          </p>
          <p className="timeline__meta">
            {move.by?.name ?? 'Someone no longer here'} ·{' '}
            <time dateTime={move.at}>{when.format(new Date(move.at))}</time>
          </p>
          {move.reason ? <p className="timeline__reason">Reason: {REASON_LABELS[move.reason]}</p> : null}
          {move.note ? <p className="timeline__note">{move.note}</p> : null}
        </li>
      ))}
    </ol>
  );
}
