import { useDraggable } from '@dnd-kit/core';
import type { BoardCard as Card } from '@scorecard/contracts';
import { memo, type KeyboardEvent } from 'react';
import { Link } from 'react-router';
import { interviewProgress } from '@/lib/interview-progress';
import { timeInStage } from '../pipeline-copy';

export type CardHandlers = {
  onKeyDown: (card: Card, event: KeyboardEvent<HTMLElement>) => void;
  onMove: (card: Card) => void;
};

function cardClass(card: Card, extra = ''): string {
  return ['board-card', card.dealbreaker ? 'board-card--flagged' : '', card.stuck ? 'board-card--stuck' : '', extra]
    .filter(Boolean)
    .join(' ');
}

function role(card: Card): string {
  const { currentTitle, currentCompany } = card.candidate;
  if (currentTitle && currentCompany) return `${currentTitle} at ${currentCompany}`;
  return currentTitle || currentCompany || 'Current role not given';
}

type BoardCardProps = {
  card: Card;
  /** Its place in the column (0-based) and the column's length, for the virtual list. */
  index: number;
  setSize: number;
  /** Its offset from the top of the list, in px. */
  start: number;
  /** The virtualizer's measuring ref: it reads `data-index` and the rendered height. */
  measure: (element: HTMLElement | null) => void;
  now: number;
  /** The organization's stuck limit, for the stuck card's sentence. */
  stuckDays: number;
  handlers: CardHandlers;
};

/**
 * One application on the board: focusable, draggable with the pointer, with its own Move button. Kept
 * cheap to render. Only dnd-kit's pointer listeners are attached: its keyboard attributes (role,
 * description) are not, as the board's own keyboard model (Board) moves cards.
 */
export const BoardCard = memo(function BoardCard({
  card,
  index,
  setSize,
  start,
  measure,
  now,
  stuckDays,
  handlers,
}: BoardCardProps) {
  const { setNodeRef, listeners, isDragging } = useDraggable({ id: card.applicationId, data: card });
  const nameId = `card-${card.applicationId}-name`;
  const metaId = `card-${card.applicationId}-meta`;
  return (
    <li
      className="board-card-slot"
      ref={measure}
      data-index={index}
      aria-posinset={index + 1}
      aria-setsize={setSize}
      style={{ transform: `translateY(${start}px)` }}
    >
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions -- a card is a focusable item of the board's keyboard model (← / →, M, U): it stays an article, read as one card */}
      <article
        ref={setNodeRef}
        className={cardClass(card, isDragging ? 'board-card--dragging' : '')}
        data-stuck={card.stuck || undefined}
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- as above: cards take the focus to be moved
        tabIndex={0}
        data-application-id={card.applicationId}
        aria-labelledby={nameId}
        aria-describedby={metaId}
        {...listeners}
        onKeyDown={(e) => handlers.onKeyDown(card, e)}
      >
        <h3 className="board-card__name" id={nameId}>
          <Link to={`/applications/${card.applicationId}`} draggable={false}>
            {card.candidate.name}
          </Link>
        </h3>
        <div id={metaId}>
          <p className="board-card__role">{role(card)}</p>
          <p className="board-card__meta">
            <span>{timeInStage(card.stageEnteredAt, now)} in stage</span>
            <span>{interviewProgress(card.scorecardsIn, card.interviews)}</span>
          </p>
          {card.stuck ? <p className="board-card__stuck">Stuck: over {stuckDays} days in this stage</p> : null}
          {card.dealbreaker ? <p className="board-card__flag">Dealbreaker red flag</p> : null}
        </div>
        <button
          type="button"
          className="button button--ghost button--small board-card__move"
          onClick={() => handlers.onMove(card)}
        >
          Move<span className="visually-hidden"> {card.candidate.name}</span>
        </button>
      </article>
    </li>
  );
});

/** What follows the pointer while a card is dragged: its name and role, for the eye only (the card stays put). */
export function BoardCardPreview({ card }: { card: Card }) {
  return (
    <div className={cardClass(card, 'board-card--preview')} aria-hidden="true">
      <p className="board-card__name">{card.candidate.name}</p>
      <p className="board-card__role">{role(card)}</p>
    </div>
  );
}
