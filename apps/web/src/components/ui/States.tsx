import type { ReactNode } from 'react';
import { ApiError, errorMessage } from '@/lib/api';

export function Spinner({ label }: { label?: string }) {
  return (
    <span
      className="spinner"
      role={label ? 'img' : undefined}
      aria-label={label}
      aria-hidden={label ? undefined : true}
    />
  );
}

export function LoadingState({ label = 'Loading…' }: { label?: string }) {
  return (
    <div className="state state--loading" role="status">
      <Spinner />
      <span>{label}</span>
    </div>
  );
}

type ErrorStateProps = {
  title?: string;
  error: unknown;
  onRetry?: () => void;
  retrying?: boolean;
};

export function ErrorState({ title = 'Something went wrong', error, onRetry, retrying = false }: ErrorStateProps) {
  const requestId = error instanceof ApiError ? error.requestId : undefined;
  return (
    <div className="state state--error" role="alert">
      <h2 className="state__title">{title}</h2>
      <p className="state__text">{errorMessage(error)}</p>
      {requestId ? <p className="state__meta">Reference: {requestId}</p> : null}
      {onRetry ? (
        <button type="button" className="button button--secondary" onClick={onRetry} disabled={retrying}>
          {retrying ? 'Retrying…' : 'Try again'}
        </button>
      ) : null}
    </div>
  );
}

type EmptyStateProps = { title: string; children?: ReactNode; action?: ReactNode };

export function EmptyState({ title, children, action }: EmptyStateProps) {
  return (
    <div className="state state--empty">
      <h2 className="state__title">{title}</h2>
      {children ? <div className="state__text">{children}</div> : null}
      {action}
    </div>
  );
}
