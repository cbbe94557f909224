import { STAGE_LABELS, type Application, type Stage, type StageReason } from '@scorecard/contracts';
import { STAGES_NEEDING_REASON, checkStageMove } from '@scorecard/domain';
import { useState } from 'react';
import { useMoveApplication } from './api/move-application';
import { isStaleMove, moveErrorMessage } from './pipeline-copy';

/** What is being moved, as the person saw it (the revision makes a move on stale data answer 409). */
export type MoveSubject = { applicationId: string; name: string; stage: Stage; revision: number };
/** The move dialog: choosing a stage (`to` null), or giving a reason for rejecting or withdrawing. */
export type MoveDialogState = { subject: MoveSubject; to: Stage | null } | null;
/** The move just made, which its author may undo for a few seconds (`checkUndo`). */
export type UndoableMove = {
  /** Changes with every move, so the toast restarts its countdown. */
  moveId: string;
  applicationId: string;
  name: string;
  from: Stage;
  to: Stage;
  revision: number;
};

type Options = {
  onMoved?: (application: Application, subject: MoveSubject) => void;
  /** Someone else moved it first: read it again. */
  onStale: () => void;
};

/**
 * The moves of one page (the board or an application): asks for a reason when the target needs
 * one, refuses moves the pipeline rules forbid before asking the API, and keeps a sentence for the
 * page's live region and one for a failure.
 */
export function useStageMover({ onMoved, onStale }: Options) {
  const move = useMoveApplication();
  const [dialog, setDialog] = useState<MoveDialogState>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [undoable, setUndoable] = useState<UndoableMove | null>(null);

  const perform = (subject: MoveSubject, to: Stage, reason?: StageReason, note = '') => {
    setFailure(null);
    setAnnouncement(`Moving ${subject.name} to ${STAGE_LABELS[to]}…`);
    move.mutate(
      { id: subject.applicationId, body: { to, note, revision: subject.revision, ...(reason ? { reason } : {}) } },
      {
        onSuccess: (application) => {
          setDialog(null);
          setAnnouncement(`Moved ${subject.name} to ${STAGE_LABELS[application.stage]}.`);
          const last = application.history.at(-1);
          setUndoable(
            last && last.to === application.stage
              ? {
                  moveId: last.id,
                  applicationId: application.id,
                  name: subject.name,
                  from: subject.stage,
                  to: application.stage,
                  revision: application.revision,
                }
              : null,
          );
          onMoved?.(application, subject);
        },
        onError: (error) => {
          setDialog(null);
          setAnnouncement('');
          setFailure(moveErrorMessage(error, subject.name));
          if (isStaleMove(error)) onStale();
        },
      },
    );
  };

  /** Takes back the move just made: a real move back, recorded in the timeline as an undo. */
  const undo = () => {
    const target = undoable;
    if (!target || move.isPending) return;
    setFailure(null);
    setAnnouncement(`Undoing: moving ${target.name} back to ${STAGE_LABELS[target.from]}…`);
    move.mutate(
      {
        id: target.applicationId,
        body: { to: target.from, note: '', revision: target.revision, undoOf: target.moveId },
      },
      {
        onSuccess: (application) => {
          setUndoable(null);
          setAnnouncement(`Undone: ${target.name} is back in ${STAGE_LABELS[application.stage]}.`);
          onMoved?.(application, {
            applicationId: target.applicationId,
            name: target.name,
            stage: target.to,
            revision: target.revision,
          });
        },
        onError: (error) => {
          setUndoable(null);
          setAnnouncement('');
          setFailure(`Not undone. ${moveErrorMessage(error, target.name)}`);
          if (isStaleMove(error)) onStale();
        },
      },
    );
  };

  /** Opens the menu of moves (no `to`), the reason dialog, or moves at once. */
  const request = (subject: MoveSubject, to?: Stage) => {
    if (move.isPending) return;
    setFailure(null);
    if (to !== undefined) setUndoable(null);
    if (to === undefined) {
      setDialog({ subject, to: null });
      return;
    }
    if (to === subject.stage) return;
    const verdict = checkStageMove({ from: subject.stage, to, reason: 'pending' });
    if (!verdict.ok) {
      setFailure(verdict.message);
      return;
    }
    if (STAGES_NEEDING_REASON.includes(to)) setDialog({ subject, to });
    else perform(subject, to);
  };

  // The toast (a status region too) says "Moved … to …" while it shows: the page's own live region
  // then stays quiet about it, so the move is announced once; anything else it still says.
  const toastSays = undoable ? `Moved ${undoable.name} to ${STAGE_LABELS[undoable.to]}.` : null;
  return {
    request,
    /** What the page's live region says (the toast speaks for the move it offers to undo). */
    liveAnnouncement: announcement === toastSays ? '' : announcement,
    perform,
    dialog,
    setDialog,
    closeDialog: () => setDialog(null),
    failure,
    clearFailure: () => setFailure(null),
    announcement,
    announce: setAnnouncement,
    pending: move.isPending,
    undoable,
    undo,
    dismissUndo: () => setUndoable(null),
  };
}

export type StageMover = ReturnType<typeof useStageMover>;
