import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { isApiError } from '@/lib/api';
import { Pagination } from './Pagination';
import { EmptyState, ErrorState, LoadingState } from './States';

/** What the list's body needs of `useListParams`. */
type ListControls = {
  params: { page: number };
  filtered: boolean;
  setParams: (changes: { page: number }) => void;
  clearFilters: () => void;
};

type Page<T> = { items: T[]; page: number; pageSize: number; total: number };

/**
 * Every state of a paginated, filterable list: loading, no access, failed (with retry), a page
 * past the end, nothing matching the filters, nothing at all, and the rows with their pagination.
 */
export function ListBody<T>(o: {
  query: UseQueryResult<Page<T>>;
  /** The list's page and filters (see `useListParams`). */
  list: ListControls;
  /** Plural noun for messages: "users", "openings". */
  noun: string;
  noAccess: ReactNode;
  noMatchTitle: string;
  noMatchHint?: ReactNode;
  empty: ReactNode;
  /** The rows of a page. */
  rows: (items: T[]) => ReactNode;
  /** The pagination's label; by default "<Noun> pages". */
  pagesLabel?: string;
}): ReactNode {
  const { query, list } = o;
  const onPage = (page: number) => list.setParams({ page });
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
  const data = query.data;
  if (data.items.length > 0) {
    return (
      <>
        {o.rows(data.items)}
        <Pagination
          label={o.pagesLabel ?? `${o.noun.charAt(0).toUpperCase()}${o.noun.slice(1)} pages`}
          page={data.page}
          pageSize={data.pageSize}
          total={data.total}
          onPageChange={onPage}
        />
      </>
    );
  }
  if (data.total > 0 && list.params.page > 1) {
    return (
      <EmptyState
        title="This page is empty"
        action={
          <button type="button" className="button button--secondary" onClick={() => onPage(1)}>
            Go to the first page
          </button>
        }
      />
    );
  }
  if (list.filtered) {
    return (
      <EmptyState
        title={o.noMatchTitle}
        action={
          <button type="button" className="button button--secondary" onClick={list.clearFilters}>
            Clear filters
          </button>
        }
      >
        {o.noMatchHint ? <p>{o.noMatchHint}</p> : null}
      </EmptyState>
    );
  }
  return o.empty;
}
