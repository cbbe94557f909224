import { STAGE_LABELS, type Stage } from '@scorecard/contracts';
import { STAGES_NEEDING_REASON, allowedMoves } from '@scorecard/domain';
import { Dialog } from '@/components/ui/Dialog';
import { moveLabel } from '../pipeline-copy';
import type { StageMover } from '../use-stage-mover';
import { ReasonForm } from './ReasonForm';

/** The menu of allowed moves for one application, then (for reject or withdraw) the reason form. */
export function MoveDialog({ mover }: { mover: StageMover }) {
  const state = mover.dialog;
  const title = !state
    ? 'Move'
    : state.to === 'rejected'
      ? `Reject ${state.subject.name}`
      : state.to === 'withdrawn'
        ? `Withdraw ${state.subject.name}`
        : `Move ${state.subject.name}`;
  return (
    <Dialog
      open={state !== null}
      onClose={mover.closeDialog}
      title={title}
      description={state ? `Now in ${STAGE_LABELS[state.subject.stage]}.` : undefined}
    >
      {state && state.to && STAGES_NEEDING_REASON.includes(state.to) ? (
        <ReasonForm
          to={state.to as 'rejected' | 'withdrawn'}
          name={state.subject.name}
          pending={mover.pending}
          onCancel={mover.closeDialog}
          onSubmit={(reason, note) => mover.perform(state.subject, state.to!, reason, note)}
        />
      ) : state ? (
        <MoveMenu
          from={state.subject.stage}
          pending={mover.pending}
          onChoose={(to) => mover.request(state.subject, to)}
        />
      ) : null}
    </Dialog>
  );
}

function MoveMenu({ from, pending, onChoose }: { from: Stage; pending: boolean; onChoose: (to: Stage) => void }) {
  const moves = allowedMoves(from);
  if (moves.length === 0) {
    return <p className="move-menu__none">{STAGE_LABELS[from]} is final. Apply the candidate again to reconsider.</p>;
  }
  return (
    <ul className="move-menu" aria-label="Allowed moves">
      {moves.map((to, index) => (
        <li key={to}>
          <button
            type="button"
            className={
              STAGES_NEEDING_REASON.includes(to)
                ? 'button button--secondary button--block move-menu__out'
                : 'button button--secondary button--block'
            }
            disabled={pending}
            autoFocus={index === 0}
            onClick={() => onChoose(to)}
          >
            {moveLabel(from, to)}
          </button>
        </li>
      ))}
    </ul>
  );
}
