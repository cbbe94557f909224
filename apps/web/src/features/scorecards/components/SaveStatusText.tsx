import { formatTime } from '../scorecard-copy';
import type { SaveStatus } from '../use-autosave';

/** "Saved 10:42", "Saving…", "Offline: …", "Couldn't save: …": where the draft stands. */
export function saveStatusText(status: SaveStatus, lastSaved: Date): string {
  switch (status.kind) {
    case 'idle':
      return `Saved ${formatTime(lastSaved)}`;
    case 'saving':
      return 'Saving…';
    case 'saved':
      return `Saved ${formatTime(status.at)}`;
    case 'offline':
      return 'Offline: changes kept on this device, retrying';
    case 'error':
      return `Couldn’t save: ${status.message}${status.retrying ? ' Retrying…' : ''}`;
    case 'conflict':
      return 'Not saved: this scorecard changed elsewhere';
  }
}

type SaveStatusProps = { status: SaveStatus; lastSaved: Date; localOk: boolean; onRetry: () => void };

export function SaveStatusText({ status, lastSaved, localOk, onRetry }: SaveStatusProps) {
  const text = saveStatusText(status, lastSaved);
  const problem = status.kind === 'offline' || status.kind === 'error' || status.kind === 'conflict';
  return (
    <span className={problem ? 'save-status save-status--problem' : 'save-status'} data-save-status={status.kind}>
      <span className="save-status__dot" aria-hidden="true" />
      <span className="save-status__text">
        {text}
        {!localOk ? ' (this browser won’t keep a copy: keep the tab open until it saves)' : ''}
      </span>
      {status.kind === 'error' && !status.retrying ? (
        <button type="button" className="link-button" onClick={onRetry}>
          Try again
        </button>
      ) : null}
      {/* Screen readers hear about problems, not every "Saving…" while typing. */}
      <span className="visually-hidden" role="status">
        {problem ? `Scorecard not saved. ${text}` : ''}
      </span>
    </span>
  );
}
