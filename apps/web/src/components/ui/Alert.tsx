import type { ReactNode } from 'react';

type AlertProps = {
  tone?: 'error' | 'success' | 'info';
  title?: string;
  children: ReactNode;
  onDismiss?: () => void;
};

/** A message in the flow of the page. Errors are announced at once (role=alert), others politely. */
export function Alert({ tone = 'error', title, children, onDismiss }: AlertProps) {
  return (
    <div className={`alert alert--${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      <div className="alert__content">
        {title ? <p className="alert__title">{title}</p> : null}
        <div className="alert__text">{children}</div>
      </div>
      {onDismiss ? (
        <button
          type="button"
          className="icon-button icon-button--small"
          aria-label="Dismiss message"
          onClick={onDismiss}
        >
          <svg viewBox="0 0 20 20" width="16" height="16" aria-hidden="true" focusable="false">
            <path d="M5 5l10 10M15 5L5 15" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
          </svg>
        </button>
      ) : null}
    </div>
  );
}

/** A dismissible notice: a success message as text, or a message with its tone. */
export type Notice = string | { tone: 'success' | 'error'; text: string };

/** Where a page announces what just happened; the slot stays in place so screen readers hear it. */
export function NoticeSlot({ notice, onDismiss }: { notice: Notice | null; onDismiss: () => void }) {
  const { tone, text } = typeof notice === 'string' ? { tone: 'success' as const, text: notice } : (notice ?? {});
  return (
    <div className="notice-slot" aria-live="polite">
      {notice ? (
        <Alert tone={tone} onDismiss={onDismiss}>
          {text}
        </Alert>
      ) : null}
    </div>
  );
}
