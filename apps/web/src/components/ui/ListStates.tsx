import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { isApiError } from '@/lib/api';
import { EmptyState, ErrorState, LoadingState } from './States';

/**
 * Every state of a paginated, filterable list other than "here are the rows": loading, no access,
 * failed (with retry), a page past the end, nothing matching the filters, and nothing at all.
 * Returns null when there are rows to show.
 */
export function listStates(o: {
  query: UseQueryResult<{ items: unknown[]; total: number }>;
  /** Plural noun for messages: "users", "openings". */
  noun: string;
  page: number;
  filtered: boolean;
  noAccess: ReactNode;
  onFirstPage: () => void;
  onClearFilters: () => void;
  noMatchTitle: string;
  noMatchHint: ReactNode;
  empty: ReactNode;
}): ReactNode | null {
  const { query } = o;
  if (query.isPending) return <LoadingState label={`Loading ${o.noun}…`} />;
  if (query.isError) {
    return isApiError(query.error, 'forbidden') ? (
      o.noAccess
    ) : (
      <ErrorState
        title={`Couldn’t load ${o.noun}`}
        error={query.error}
        onRetry={() => void query.refetch()}
        retrying={query.isFetching}
      />
    );
  }
  if (query.data.items.length > 0) return null;
  if (query.data.total > 0 && o.page > 1) {
    return (
      <EmptyState
        title="This page is empty"
        action={
          <button type="button" className="button button--secondary" onClick={o.onFirstPage}>
            Go to the first page
          </button>
        }
      />
    );
  }
  if (o.filtered) {
    return (
      <EmptyState
        title={o.noMatchTitle}
        action={
          <button type="button" className="button button--secondary" onClick={o.onClearFilters}>
            Clear filters
          </button>
        }
      >
        <p>{o.noMatchHint}</p>
      </EmptyState>
    );
  }
  return o.empty;
}
