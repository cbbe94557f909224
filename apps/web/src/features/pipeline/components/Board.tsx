import type { BoardCard as Card, PipelineBoard, Stage } from '@scorecard/contracts';
import { allowedMoves } from '@scorecard/domain';
import { useMemo, useRef, useState } from 'react';
import { arrowMove } from '../pipeline-copy';
import type { MoveSubject, StageMover } from '../use-stage-mover';
import type { CardHandlers } from './BoardCard';
import { BoardColumn } from './BoardColumn';
import '../pipeline.css';

function subjectOf(card: Card): MoveSubject {
  return { applicationId: card.applicationId, name: card.candidate.name, stage: card.stage, version: card.version };
}

type BoardProps = {
  board: PipelineBoard;
  mover: StageMover;
  /** An application whose card should take the focus (after a move); `onFocused` once it did. */
  focusTarget: string | null;
  onFocused: () => void;
};

/**
 * The columns of a pipeline. Cards move by drag and drop, or from the keyboard: arrow keys move a
 * focused card one active stage back or forward, M (or the card's Move button) opens every allowed move,
 * U undoes the move just made while its toast shows.
 */
export function Board({ board, mover, focusTarget, onFocused }: BoardProps) {
  const [dragging, setDragging] = useState<Card | null>(null);
  const now = useMemo(() => Date.now(), [board]);
  // Handlers read the latest mover through a ref, so cards (memoized) never re-render for them.
  const moverRef = useRef(mover);
  moverRef.current = mover;
  const draggingRef = useRef<Card | null>(null);

  const handlers = useMemo<CardHandlers>(
    () => ({
      onKeyDown: (card, event) => {
        if (event.target !== event.currentTarget || event.altKey || event.ctrlKey || event.metaKey) return;
        const m = moverRef.current;
        if (event.key === 'ArrowLeft' || event.key === 'ArrowRight') {
          event.preventDefault();
          if (m.pending) return;
          const result = arrowMove(card.stage, event.key === 'ArrowLeft' ? -1 : 1);
          if ('to' in result) m.request(subjectOf(card), result.to);
          else m.announce(result.refused);
        } else if (event.key === 'm' || event.key === 'M') {
          event.preventDefault();
          m.request(subjectOf(card));
        } else if ((event.key === 'u' || event.key === 'U') && m.undoable) {
          event.preventDefault();
          m.undo();
        }
      },
      onMove: (card) => moverRef.current.request(subjectOf(card)),
      onDragStart: (card, event) => {
        event.dataTransfer.effectAllowed = 'move';
        event.dataTransfer.setData('text/plain', card.applicationId);
        draggingRef.current = card;
        setDragging(card);
      },
      onDragEnd: () => {
        draggingRef.current = null;
        setDragging(null);
      },
    }),
    [],
  );

  const allowed = useMemo(() => (dragging ? new Set(allowedMoves(dragging.stage)) : null), [dragging]);
  const onDrop = useMemo(
    () => (stage: Stage) => {
      const card = draggingRef.current;
      draggingRef.current = null;
      setDragging(null);
      if (card && card.stage !== stage) moverRef.current.request(subjectOf(card), stage);
    },
    [],
  );

  return (
    <div
      className="board"
      role="group"
      aria-label={`Pipeline of ${board.opening.title}`}
      // A board without cards can still scroll sideways; then the board itself takes focus.
      tabIndex={board.columns.some((c) => c.cards.length > 0) ? undefined : 0}
    >
      {board.columns.map((column) => (
        <BoardColumn
          key={column.stage}
          stage={column.stage}
          count={column.count}
          cards={column.cards}
          now={now}
          stuckDays={board.stuckDays}
          handlers={handlers}
          canDrop={allowed ? allowed.has(column.stage) : null}
          onDrop={onDrop}
          focusTarget={focusTarget}
          onFocused={onFocused}
        />
      ))}
    </div>
  );
}
