import { useDroppable } from '@dnd-kit/core';
import { STAGE_LABELS, type BoardCard as Card, type Stage } from '@scorecard/contracts';
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { mergeCards, useColumnPages } from '../api/pipeline-queries';
import { isFinal } from '../pipeline-copy';
import { BoardCard, type CardHandlers } from './BoardCard';

/** A card's height before it is measured (name, two lines of role, meta and Move button, in px). */
const ESTIMATED_CARD_HEIGHT = 150;
/** The gap between cards (px). */
const CARD_GAP = 8;
/** Room above the first card and below the last for the focus outline (px; the sides are CSS padding). */
const EDGE = 4;
const estimateSize = () => ESTIMATED_CARD_HEIGHT;
/** The next page is asked for when the view comes this many cards from the last one loaded. */
const LOAD_AHEAD = 10;

/** Where the focus goes once more cards are in: a position, the column's last card, or an application. */
type PendingFocus = { index: number } | { end: true } | { id: string } | null;

type BoardColumnProps = {
  openingId: string;
  stage: Stage;
  count: number;
  /** The board's first page of this column, and where the next page starts (null: there is none). */
  firstCards: Card[];
  nextCursor: string | null;
  now: number;
  stuckDays: number;
  handlers: CardHandlers;
  /** Whether the card being dragged may be dropped here (null while nothing is dragged); Board takes the drop. */
  canDrop: boolean | null;
  /** An application whose card should take the focus (after a move); `onFocused` once it did. */
  focusTarget: string | null;
  onFocused: () => void;
};

/** Focuses the card of an application once it is rendered (the virtualizer renders it a frame later). */
function focusWhenRendered(container: HTMLElement | null, applicationId: string) {
  let tries = 0;
  const attempt = () => {
    const el = container?.querySelector<HTMLElement>(`[data-application-id="${applicationId}"]`);
    if (el) {
      el.focus({ preventScroll: true });
      el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    } else if (tries++ < 30) requestAnimationFrame(attempt);
  };
  requestAnimationFrame(attempt);
}

/**
 * One stage of the board. The board gives its count and first cards; the rest come a page at a
 * time when the view nears the last card loaded (or from Show more), so a column of 4,000 costs what
 * a column of 30 does until someone scrolls it. Its cards are virtualised: only those in view (and a
 * few either side) are in the DOM. The card holding the focus is always rendered, so scrolling never
 * drops the focus; ↑ / ↓ / Home / End move the focus through the whole column (↓ on the last card
 * loaded and End load what follows: End loads to the end), and each card says its position in the
 * whole column ("3 of 500") to assistive technology.
 */
export const BoardColumn = memo(function BoardColumn({
  openingId,
  stage,
  count,
  firstCards,
  nextCursor,
  now,
  stuckDays,
  handlers,
  canDrop,
  focusTarget,
  onFocused,
}: BoardColumnProps) {
  const { setNodeRef, isOver: over } = useDroppable({ id: stage });
  /** Whether the column was scrolled (or stepped) past its first page: only then are later pages asked for. */
  const [wanted, setWanted] = useState(false);
  const later = useColumnPages(openingId, stage, nextCursor, wanted);
  // Without a cursor the first page is the whole column: pages loaded before (the column was
  // longer then) are not refreshed any more, so they are left out.
  const laterPages = nextCursor === null ? undefined : later.data?.pages;
  const cards = useMemo(() => mergeCards(firstCards, laterPages), [firstCards, laterPages]);
  const hasMore = nextCursor !== null && (later.data ? later.hasNextPage : true);
  const loading = later.isFetchingNextPage || (later.isFetching && !later.data);
  const failed = later.isError;
  const loadMore = useCallback(() => {
    if (!wanted) setWanted(true);
    else if (later.hasNextPage && !later.isFetching) void later.fetchNextPage();
  }, [wanted, later]);
  const [pendingFocus, setPendingFocus] = useState<PendingFocus>(null);
  /** The application whose card has the focus in this column (kept rendered while scrolled away). */
  const [pinned, setPinned] = useState<string | null>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const indexOf = useMemo(() => new Map(cards.map((card, index) => [card.applicationId, index])), [cards]);
  const pinnedIndex = pinned === null ? undefined : indexOf.get(pinned);
  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      if (pinnedIndex === undefined || indexes.includes(pinnedIndex)) return indexes;
      return [...indexes, pinnedIndex].sort((a, b) => a - b);
    },
    [pinnedIndex],
  );
  const getItemKey = useCallback((index: number) => cards[index]!.applicationId, [cards]);
  const virtualizer = useVirtualizer({
    count: cards.length,
    getScrollElement: () => scrollRef.current,
    estimateSize,
    getItemKey,
    gap: CARD_GAP,
    paddingStart: EDGE,
    paddingEnd: EDGE,
    overscan: 4,
    rangeExtractor,
  });

  /** Scrolls card `index` into view and gives it the focus. */
  const reveal = useCallback(
    (index: number) => {
      const card = cards[index];
      if (!card) return;
      setPinned(card.applicationId);
      virtualizer.scrollToIndex(index, { align: 'auto' });
      focusWhenRendered(scrollRef.current, card.applicationId);
    },
    [cards, virtualizer],
  );

  useEffect(() => {
    if (focusTarget === null) return;
    onFocused();
    const index = indexOf.get(focusTarget);
    // A card moved here entered the stage now, so it is last: load up to it when it is not in yet.
    if (index === undefined) setPendingFocus({ id: focusTarget });
    else reveal(index);
  }, [focusTarget, indexOf, onFocused, reveal]);

  /** Focus asked for a card not loaded yet: load page after page until it is in (or there is no more). */
  useEffect(() => {
    if (pendingFocus === null) return;
    const target =
      'index' in pendingFocus
        ? pendingFocus.index < cards.length
          ? pendingFocus.index
          : undefined
        : 'id' in pendingFocus
          ? indexOf.get(pendingFocus.id)
          : hasMore
            ? undefined
            : cards.length - 1;
    if (target !== undefined) {
      setPendingFocus(null);
      reveal(target);
    } else if (!hasMore || failed) setPendingFocus(null);
    else if (!later.isFetching) loadMore();
  }, [pendingFocus, cards.length, indexOf, hasMore, failed, later.isFetching, loadMore, reveal]);

  /** Scrolled near the last card loaded: the next page. */
  const lastInView = virtualizer.range?.endIndex ?? -1;
  useEffect(() => {
    if (hasMore && !failed && !later.isFetching && lastInView >= cards.length - LOAD_AHEAD) loadMore();
  }, [hasMore, failed, later.isFetching, lastInView, cards.length, loadMore]);

  /**
   * ↑ / ↓ to the previous or next card, Home / End to the first or last (← / → and M, which move it,
   * are Board's); past the last card loaded, once the next page is in.
   */
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const target = event.target as HTMLElement;
    const id = target.dataset.applicationId;
    if (!id || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const index = indexOf.get(id);
    if (index === undefined) return;
    const next =
      event.key === 'ArrowDown'
        ? index + 1
        : event.key === 'ArrowUp'
          ? index - 1
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? cards.length - 1
              : null;
    if (next === null) return;
    event.preventDefault();
    if (event.key === 'End' && hasMore) setPendingFocus({ end: true });
    else if (next >= cards.length && hasMore) setPendingFocus({ index: next });
    else if (next >= 0 && next < cards.length && next !== index) reveal(next);
  };

  const titleId = `column-${stage}-title`;
  const className = [
    'board-column',
    isFinal(stage) ? 'board-column--final' : '',
    canDrop === true ? 'board-column--droppable' : '',
    canDrop === true && over ? 'board-column--over' : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <section ref={setNodeRef} className={className} aria-labelledby={titleId} data-stage={stage}>
      <h2 className="board-column__title" id={titleId}>
        {STAGE_LABELS[stage]} <span className="board-column__count">{count}</span>
        <span className="visually-hidden">{count === 1 ? ' application' : ' applications'}</span>
      </h2>
      {cards.length > 0 ? (
        // eslint-disable-next-line jsx-a11y/no-static-element-interactions -- ↑ / ↓ / Home / End from a card bubble here, to move the focus through the column (the cards are focusable)
        <div
          className="board-column__scroller"
          ref={scrollRef}
          onKeyDown={onKeyDown}
          onFocus={(e) => {
            const id = (e.target as HTMLElement).closest<HTMLElement>('[data-application-id]')?.dataset.applicationId;
            if (id) setPinned(id);
          }}
          onBlur={(e) => {
            // Focus moved elsewhere on the page (not just out of the window): the card may scroll away.
            if (e.relatedTarget && !e.currentTarget.contains(e.relatedTarget as Node)) setPinned(null);
          }}
        >
          <ul className="board-column__cards" aria-labelledby={titleId} style={{ height: virtualizer.getTotalSize() }}>
            {virtualizer.getVirtualItems().map((item) => (
              <BoardCard
                key={item.key}
                card={cards[item.index]!}
                index={item.index}
                setSize={Math.max(count, cards.length)}
                start={item.start}
                measure={virtualizer.measureElement}
                now={now}
                stuckDays={stuckDays}
                handlers={handlers}
              />
            ))}
          </ul>
        </div>
      ) : (
        <p className="board-column__empty">None</p>
      )}
      {failed ? (
        <p className="board-column__more" role="alert">
          Couldn’t load more cards.{' '}
          <button
            type="button"
            className="button button--ghost button--small"
            onClick={() => void (later.data ? later.fetchNextPage() : later.refetch())}
          >
            Try again
          </button>
        </p>
      ) : loading ? (
        <p className="board-column__more" role="status">
          Loading more… ({cards.length} of {count} shown)
        </p>
      ) : hasMore ? (
        <p className="board-column__more">
          Showing {cards.length} of {count}.{' '}
          <button type="button" className="button button--ghost button--small" onClick={loadMore}>
            Show more
          </button>
        </p>
      ) : null}
    </section>
  );
});
