import { Link } from 'react-router';
import { ApiError } from '@/lib/api';

type LinkProblemProps = {
  copy: { title: string; text: string };
  /** The way forward (sign in, ask for a new link). */
  action?: { to: string; label: string } | undefined;
  /** An unexpected failure: its reference and a retry. */
  error?: unknown;
  onRetry?: () => void;
  retrying?: boolean;
};

/** Why an emailed link does not work, and what to do instead. */
export function LinkProblem({ copy, action, error, onRetry, retrying = false }: LinkProblemProps) {
  const requestId = error instanceof ApiError ? error.requestId : undefined;
  return (
    <div className="state state--error" role="alert">
      <h2 className="state__title">{copy.title}</h2>
      <p className="state__text">{copy.text}</p>
      {requestId ? <p className="state__meta">Reference: {requestId}</p> : null}
      {onRetry ? (
        <button type="button" className="button button--secondary" onClick={onRetry} disabled={retrying}>
          {retrying ? 'Retrying…' : 'Try again'}
        </button>
      ) : null}
      {action ? (
        <Link to={action.to} className="button button--primary">
          {action.label}
        </Link>
      ) : null}
    </div>
  );
}
