import {
  DndContext,
  DragOverlay,
  PointerSensor,
  pointerWithin,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type DragStartEvent,
} from '@dnd-kit/core';
import type { BoardCard as Card, PipelineBoard, Stage } from '@scorecard/contracts';
import { allowedMoves } from '@scorecard/domain';
import { useMemo, useRef, useState } from 'react';
import { arrowMove } from '../pipeline-copy';
import type { MoveSubject, StageMover } from '../use-stage-mover';
import { BoardCardPreview, type CardHandlers } from './BoardCard';
import { BoardColumn } from './BoardColumn';
import '../pipeline.css';

function subjectOf(card: Card): MoveSubject {
  return { applicationId: card.applicationId, name: card.candidate.name, stage: card.stage, revision: card.revision };
}

/**
 * dnd-kit's own live region stays quiet: the page's live region already says "Moving … to …" and
 * "Moved … to …" for a drop, as it does for a keyboard move, so a move is announced once.
 */
const SILENT: Announcements = {
  onDragStart: () => undefined,
  onDragOver: () => undefined,
  onDragEnd: () => undefined,
  onDragCancel: () => undefined,
};
/** Cards are dragged with the pointer only (the keyboard has its own model, below), so no drag instructions. */
const ACCESSIBILITY = { announcements: SILENT, screenReaderInstructions: { draggable: '' } };
/** A press becomes a drag once the pointer travels this far (px): clicks on the name and Move button stay clicks. */
const DRAG_DISTANCE = 5;

type BoardProps = {
  board: PipelineBoard;
  mover: StageMover;
  /** An application whose card should take the focus (after a move), and its stage; `onFocused` once it did. */
  focusTarget: { id: string; stage: Stage } | null;
  onFocused: () => void;
};

/**
 * The columns of a pipeline. Cards move by drag and drop (dnd-kit, with the pointer: mouse, pen or
 * touch), or from the keyboard: arrow keys move a focused card one active stage back or forward, M (or
 * the card's Move button) opens every allowed move, U undoes the move just made while its toast shows.
 */
export function Board({ board, mover, focusTarget, onFocused }: BoardProps) {
  const [dragging, setDragging] = useState<Card | null>(null);
  // A new board (each refetch) is what moves "now" on, for the time-in-stage of every card.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `board` is the trigger, not an input
  const now = useMemo(() => Date.now(), [board]);
  // Handlers read the latest mover through a ref, so cards (memoized) never re-render for them.
  const moverRef = useRef(mover);
  moverRef.current = mover;
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: DRAG_DISTANCE } }));

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
    }),
    [],
  );

  const allowed = useMemo(() => (dragging ? new Set(allowedMoves(dragging.stage)) : null), [dragging]);
  const onDragStart = ({ active }: DragStartEvent) => setDragging((active.data.current as Card | undefined) ?? null);
  /** A drop on a column the card may move to asks for the move; anywhere else it goes back. */
  const onDragEnd = ({ over }: DragEndEvent) => {
    const card = dragging;
    setDragging(null);
    const stage = over?.id as Stage | undefined;
    if (card && stage && allowed?.has(stage) && card.stage !== stage) moverRef.current.request(subjectOf(card), stage);
  };

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={pointerWithin}
      accessibility={ACCESSIBILITY}
      onDragStart={onDragStart}
      onDragEnd={onDragEnd}
      onDragCancel={() => setDragging(null)}
    >
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
            openingId={board.opening.id}
            stage={column.stage}
            count={column.count}
            firstCards={column.cards}
            nextCursor={column.nextCursor}
            now={now}
            stuckDays={board.stuckDays}
            handlers={handlers}
            canDrop={allowed ? allowed.has(column.stage) : null}
            focusTarget={focusTarget?.stage === column.stage ? focusTarget.id : null}
            onFocused={onFocused}
          />
        ))}
      </div>
      <DragOverlay dropAnimation={null}>{dragging ? <BoardCardPreview card={dragging} /> : null}</DragOverlay>
    </DndContext>
  );
}
