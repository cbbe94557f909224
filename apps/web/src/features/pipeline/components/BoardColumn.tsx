import { STAGE_LABELS, type BoardCard as Card, type Stage } from '@scorecard/contracts';
import { memo, useState, type DragEvent } from 'react';
import { isFinal } from '../pipeline-copy';
import { BoardCard, type CardHandlers } from './BoardCard';

type BoardColumnProps = {
  stage: Stage;
  count: number;
  cards: Card[];
  now: number;
  handlers: CardHandlers;
  /** Whether the card being dragged may be dropped here (null while nothing is dragged). */
  canDrop: boolean | null;
  onDrop: (stage: Stage) => void;
};

export const BoardColumn = memo(function BoardColumn({
  stage,
  count,
  cards,
  now,
  handlers,
  canDrop,
  onDrop,
}: BoardColumnProps) {
  const [over, setOver] = useState(false);
  const titleId = `column-${stage}-title`;
  const className = [
    'board-column',
    isFinal(stage) ? 'board-column--final' : '',
    canDrop === true ? 'board-column--droppable' : '',
    canDrop === true && over ? 'board-column--over' : '',
  ]
    .filter(Boolean)
    .join(' ');
  const allow = (e: DragEvent) => {
    if (!canDrop) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'move';
  };
  return (
    <section
      className={className}
      aria-labelledby={titleId}
      data-stage={stage}
      onDragOver={allow}
      onDragEnter={(e) => {
        allow(e);
        setOver(true);
      }}
      onDragLeave={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setOver(false);
      }}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        if (canDrop) onDrop(stage);
      }}
    >
      <h2 className="board-column__title" id={titleId}>
        {STAGE_LABELS[stage]} <span className="board-column__count">{count}</span>
        <span className="visually-hidden">{count === 1 ? ' application' : ' applications'}</span>
      </h2>
      {cards.length > 0 ? (
        <ul className="board-column__cards" aria-labelledby={titleId}>
          {cards.map((card) => (
            <BoardCard key={card.applicationId} card={card} now={now} handlers={handlers} />
          ))}
        </ul>
      ) : (
        <p className="board-column__empty">None</p>
      )}
      {count > cards.length ? (
        <p className="board-column__more">
          Showing {cards.length} of {count}
        </p>
      ) : null}
    </section>
  );
});
