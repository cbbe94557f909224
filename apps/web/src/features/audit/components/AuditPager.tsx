type AuditPagerProps = {
  count: number;
  newer: string | null;
  older: string | null;
  onNewer: (cursor: string) => void;
  onOlder: (cursor: string) => void;
};

/** Newer and older pages of the log; pages follow events, so none is repeated or skipped as new ones arrive. */
export function AuditPager({ count, newer, older, onNewer, onOlder }: AuditPagerProps) {
  return (
    <nav className="pagination" aria-label="Audit log pages">
      <p className="pagination__summary" aria-live="polite">
        {count === 1 ? 'Showing 1 event' : `Showing ${count} events`}, newest first
      </p>
      <div className="pagination__controls">
        <button
          type="button"
          className="button button--secondary button--small"
          disabled={!newer}
          onClick={() => newer && onNewer(newer)}
        >
          Newer<span className="visually-hidden"> events</span>
        </button>
        <button
          type="button"
          className="button button--secondary button--small"
          disabled={!older}
          onClick={() => older && onOlder(older)}
        >
          Older<span className="visually-hidden"> events</span>
        </button>
      </div>
    </nav>
  );
}
