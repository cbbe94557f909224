import type { UseQueryResult } from '@tanstack/react-query';
import { Uuid } from '@scorecard/contracts';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { isApiError } from '@/lib/api';
import { PageHeader } from './PageHeader';
import { EmptyState, ErrorState, LoadingState } from './States';

/** Where a "not found" or "no access" page leads back to. */
export type BackLink = { to: string; label: string };

const HOME: BackLink = { to: '/', label: 'Back to home' };

/** The `:id` of the route when it is a well-formed id, else null (the page then shows "not found"). */
export function useIdParam(): string | null {
  const { id = '' } = useParams();
  return Uuid.safeParse(id).success ? id : null;
}

type NotFoundStateProps = {
  /** The page's heading, such as "Candidate not found". */
  title: string;
  heading: string;
  back: BackLink;
  /** Above the heading, for example the breadcrumb of the page. */
  before?: ReactNode;
  children?: ReactNode;
};

/** What a page shows when its id names nothing of the organization: a way back to the list. */
export function NotFoundState({ title, heading, back, before, children }: NotFoundStateProps) {
  return (
    <>
      {before}
      <PageHeader title={title} />
      <EmptyState title={heading} action={<BackButton {...back} />}>
        <p>{children ?? 'It may have been removed, or the link is incomplete.'}</p>
      </EmptyState>
    </>
  );
}

type NoAccessStateProps = {
  /** The page's heading, such as "Candidates". */
  title: string;
  /** Defaults to "You don’t have access to <title>". */
  heading?: string;
  /** Defaults to the home page. */
  back?: BackLink;
  /** Who uses the page, and where the reader finds what they need instead. */
  children: ReactNode;
};

/** What a page shows to a role that may not open it: who it is for, and a way elsewhere. */
export function NoAccessState({ title, heading, back = HOME, children }: NoAccessStateProps) {
  return (
    <>
      <PageHeader title={title} />
      <div className="state state--locked" role="status">
        <h2 className="state__title">{heading ?? `You don’t have access to ${title}`}</h2>
        <p className="state__text">{children}</p>
        <BackButton {...back} />
      </div>
    </>
  );
}

function BackButton({ to, label }: BackLink) {
  return (
    <Link to={to} className="button button--secondary">
      {label}
    </Link>
  );
}

/** The words of a page that loads one thing, while it loads and when it fails. */
export type QueryPageCopy = {
  /** The page's heading while it failed. */
  title: string;
  loading: string;
  failed: string;
};

type QueryPageProps<T> = {
  query: UseQueryResult<T>;
  copy: QueryPageCopy;
  /**
   * Shown when the page is closed to the reader: `false` here (the role may not open it) or a
   * `forbidden` answer. Without it a `forbidden` answer shows as a failure.
   */
  noAccess?: { allowed: boolean; page: ReactNode };
  /** Shown when the id is malformed (`found: false`) or the API answers `not_found`. */
  notFound: { found: boolean; page: ReactNode };
  /** Above the heading of the failure, for example the breadcrumb of the page. */
  before?: ReactNode;
  /** The page itself, once the query has its data. */
  children: (data: T) => ReactNode;
};

/**
 * Every state of a page that loads one thing before it shows anything: no access, not found,
 * loading, and failed (with its heading and a retry); then the page.
 */
export function QueryPage<T>({ query, copy, noAccess, notFound, before, children }: QueryPageProps<T>) {
  if (noAccess && (!noAccess.allowed || isApiError(query.error, 'forbidden'))) return noAccess.page;
  if (!notFound.found || isApiError(query.error, 'not_found')) return notFound.page;
  if (query.isPending) return <LoadingState label={copy.loading} />;
  if (query.isError) {
    return (
      <>
        {before}
        <PageHeader title={copy.title} />
        <ErrorState
          title={copy.failed}
          error={query.error}
          onRetry={() => void query.refetch()}
          retrying={query.isFetching}
        />
      </>
    );
  }
  return children(query.data);
}
