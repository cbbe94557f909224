import { STAGE_LABELS } from '@scorecard/contracts';
import { UNDO_OFFER_SECONDS } from '@scorecard/domain';
import { useEffect, useRef, useState } from 'react';
import type { StageMover } from '../use-stage-mover';
import '../pipeline.css';

/**
 * "Moved Dana Okoro to Screen. [Undo]" for 10 seconds after a move. The countdown pauses while the
 * pointer or the focus is on the toast, so nobody loses it while reaching for it; Escape closes it.
 * It is a status region (announced politely) placed just before the board, with Undo last, so the
 * keyboard reaches Undo with Shift+Tab from the board's first card, or with U on any card.
 */
export function UndoToast({ mover }: { mover: StageMover }) {
  const move = mover.undoable;
  const [left, setLeft] = useState(UNDO_OFFER_SECONDS);
  const paused = useRef(false);
  const region = useRef<HTMLDivElement>(null);
  const { dismissUndo } = mover;

  useEffect(() => {
    if (!move) return;
    setLeft(UNDO_OFFER_SECONDS);
    // A new toast is paused only if the pointer or the focus is on it now: a button focused in an
    // earlier toast and removed with it sends no blur the region hears, which would pause this one forever.
    const el = region.current;
    paused.current = !!el && (el.matches(':hover') || el.contains(document.activeElement));
    const timer = window.setInterval(() => {
      if (paused.current) return;
      setLeft((s) => s - 1);
    }, 1000);
    return () => window.clearInterval(timer);
  }, [move]);

  useEffect(() => {
    if (move && left <= 0) dismissUndo();
  }, [left, move, dismissUndo]);

  return (
    // Keys and hover reach the region from the toast's button: Escape dismisses it, hover or focus pauses it.
    // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions -- the region takes no focus itself
    <div
      ref={region}
      className="undo-toast-region"
      role="status"
      aria-live="polite"
      onMouseEnter={() => (paused.current = true)}
      onMouseLeave={() => (paused.current = false)}
      onFocus={() => (paused.current = true)}
      onBlur={() => (paused.current = false)}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && move) {
          e.stopPropagation();
          dismissUndo();
        }
      }}
    >
      {move ? (
        <div className="undo-toast" data-testid="undo-toast">
          <p className="undo-toast__text">
            Moved {move.name} to {STAGE_LABELS[move.to]}.
          </p>
          <button type="button" className="undo-toast__close" aria-label="Close" onClick={dismissUndo}>
            ×
          </button>
          <span className="undo-toast__left" aria-hidden="true">
            {left} s
          </span>
          <button
            type="button"
            className="button button--small undo-toast__undo"
            disabled={mover.pending}
            onClick={mover.undo}
          >
            Undo<span className="visually-hidden"> the move of {move.name}</span>
          </button>
        </div>
      ) : null}
    </div>
  );
}
