import { useRef, type KeyboardEvent } from 'react';
import type { MyInterviewsView } from '../api/scorecard-keys';

export const VIEWS: readonly { view: MyInterviewsView; label: string }[] = [
  { view: 'awaiting', label: 'Awaiting feedback' },
  { view: 'upcoming', label: 'Upcoming' },
  { view: 'submitted', label: 'Submitted' },
];

export const tabId = (view: MyInterviewsView) => `my-interviews-tab-${view}`;
export const PANEL_ID = 'my-interviews-panel';

type ViewTabsProps = {
  view: MyInterviewsView;
  counts: Record<MyInterviewsView, number> | undefined;
  onChange: (view: MyInterviewsView) => void;
};

/** The three views as tabs: arrow keys, Home and End move between them and show the one they reach. */
export function ViewTabs({ view, counts, onChange }: ViewTabsProps) {
  const refs = useRef<Record<string, HTMLButtonElement | null>>({});
  // On each tab (the keys come from the focused one), not the tablist, which takes no focus.
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    const index = VIEWS.findIndex((v) => v.view === view);
    let next: number | null = null;
    if (event.key === 'ArrowRight') next = (index + 1) % VIEWS.length;
    else if (event.key === 'ArrowLeft') next = (index - 1 + VIEWS.length) % VIEWS.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = VIEWS.length - 1;
    if (next === null) return;
    event.preventDefault();
    const target = VIEWS[next]!.view;
    onChange(target);
    refs.current[target]?.focus();
  };
  return (
    <div className="view-tabs" role="tablist" aria-label="My interviews">
      {VIEWS.map(({ view: v, label }) => {
        const selected = v === view;
        const count = counts?.[v];
        return (
          <button
            key={v}
            ref={(el) => {
              refs.current[v] = el;
            }}
            type="button"
            role="tab"
            id={tabId(v)}
            aria-selected={selected}
            aria-controls={selected ? PANEL_ID : undefined}
            tabIndex={selected ? 0 : -1}
            className="view-tabs__tab"
            onClick={() => onChange(v)}
            onKeyDown={onKeyDown}
          >
            {label}
            {count === undefined ? null : <span className="view-tabs__count">{count}</span>}
          </button>
        );
      })}
    </div>
  );
}
