import { REASON_LABELS, STAGE_LABELS, type Application, type StageMove } from '@scorecard/contracts';
import '../pipeline.css';

const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

type InterviewEvent = Application['interviewEvents'][number];
type Entry = { kind: 'move'; at: string; move: StageMove } | { kind: 'interview'; at: string; event: InterviewEvent };

/**
 * An application's timeline, oldest first: every stage move (from → to, who, when, why; an undo says
 * so) and every interview scheduled or cancelled (the step, the interviewer and the slot).
 */
export function StageTimeline({
  history,
  interviewEvents = [],
}: {
  history: StageMove[];
  interviewEvents?: InterviewEvent[];
}) {
  const entries: Entry[] = [
    ...history.map((move): Entry => ({ kind: 'move', at: move.at, move })),
    ...interviewEvents.map((event): Entry => ({ kind: 'interview', at: event.at, event })),
  ].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  if (entries.length === 0) return <p className="muted">No moves recorded yet.</p>;
  return (
    <ol className="timeline" aria-label="Stage timeline">
      {entries.map((entry) =>
        entry.kind === 'move' ? (
          <MoveItem key={entry.move.id} move={entry.move} />
        ) : (
          <InterviewItem key={`${entry.event.kind}-${entry.event.interviewId}`} event={entry.event} />
        ),
      )}
    </ol>
  );
}

function MoveItem({ move }: { move: StageMove }) {
  return (
    <li className="timeline__item">
      <p className="timeline__move">
        {move.from ? (
          <>
            {STAGE_LABELS[move.from]} → {STAGE_LABELS[move.to]}
            {move.undoes ? <span className="timeline__undo">(undo of the move before)</span> : null}
          </>
        ) : (
          <>Started in {STAGE_LABELS[move.to]}</>
        )}
      </p>
      <p className="timeline__meta">
        {move.by?.name ?? 'Someone no longer here'} · <time dateTime={move.at}>{when.format(new Date(move.at))}</time>
      </p>
      {move.reason ? <p className="timeline__reason">Reason: {REASON_LABELS[move.reason]}</p> : null}
      {move.note ? <p className="timeline__note">{move.note}</p> : null}
    </li>
  );
}

function InterviewItem({ event }: { event: InterviewEvent }) {
  const scheduled = event.kind === 'interview_scheduled';
  return (
    <li className="timeline__item timeline__item--interview" data-event={event.kind}>
      <p className="timeline__move">
        {scheduled ? 'Interview scheduled' : 'Interview cancelled'}: {event.step} with {event.interviewer.name}
      </p>
      <p className="timeline__meta">
        {event.by?.name ?? 'Someone no longer here'} ·{' '}
        <time dateTime={event.at}>{when.format(new Date(event.at))}</time>
      </p>
      <p className="timeline__note">
        {scheduled ? 'For ' : 'Was for '}
        <time dateTime={event.startsAt}>{when.format(new Date(event.startsAt))}</time>
      </p>
    </li>
  );
}
