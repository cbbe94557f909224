import type { ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import { PageHeader } from '@/components/ui/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/States';
import { isApiError } from '@/lib/api';
import { useSession } from '@/lib/session';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useAuditEvents } from '../api/audit-queries';
import { type AuditFilters, EMPTY_FILTERS, dateErrors, isFiltered, readFilters, writeFilters } from '../audit-filters';
import { AuditFilterBar } from '../components/AuditFilterBar';
import { AuditPager } from '../components/AuditPager';
import { AuditTable } from '../components/AuditTable';
import '../audit.css';

const PAGE_SIZE = 25;

export default function AuditRoute() {
  useDocumentTitle('Audit log');
  const { user } = useSession();
  if (user.role !== 'admin') return <NoAccess />;
  return <AuditLog />;
}

function NoAccess() {
  return (
    <>
      <PageHeader title="Audit log" />
      <div className="state state--locked" role="status">
        <h2 className="state__title">You don’t have access to the audit log</h2>
        <p className="state__text">Only admins can see who changed what in your organization.</p>
        <Link className="button button--secondary" to="/">
          Back to home
        </Link>
      </div>
    </>
  );
}

function AuditLog() {
  const { organization } = useSession();
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = readFilters(searchParams);
  const errors = dateErrors(filters);
  const events = useAuditEvents(filters, PAGE_SIZE, errors === null);

  // A new filter starts again from the newest events; paging keeps the filters.
  const setFilters = (changes: Partial<AuditFilters>) =>
    setSearchParams(writeFilters({ ...filters, before: '', after: '', ...changes }));
  const clearFilters = () => setSearchParams(writeFilters(EMPTY_FILTERS));
  const paged = Boolean(filters.before || filters.after);

  let body: ReactNode;
  if (errors) {
    body = <EmptyState title="Fix the dates to see events" />;
  } else if (events.isPending) {
    body = <LoadingState label="Loading the audit log…" />;
  } else if (events.isError) {
    body = isApiError(events.error, 'forbidden') ? (
      <NoAccess />
    ) : (
      <ErrorState
        title="Couldn’t load the audit log"
        error={events.error}
        onRetry={() => void events.refetch()}
        retrying={events.isFetching}
      />
    );
  } else if (events.data.items.length === 0) {
    body = paged ? (
      <EmptyState
        title="No events on this page"
        action={
          <button type="button" className="button button--secondary" onClick={() => setFilters({})}>
            Go to the newest events
          </button>
        }
      />
    ) : isFiltered(filters) ? (
      <EmptyState
        title="No events match these filters"
        action={
          <button type="button" className="button button--secondary" onClick={clearFilters}>
            Clear filters
          </button>
        }
      >
        <p>Try another person, action or date range.</p>
      </EmptyState>
    ) : (
      <EmptyState title="Nothing recorded yet">
        <p>Every change anyone makes in {organization.name} will be listed here.</p>
      </EmptyState>
    );
  } else {
    body = (
      <>
        <AuditTable events={events.data.items} busy={events.isFetching} />
        <AuditPager
          count={events.data.items.length}
          newer={events.data.newer}
          older={events.data.older}
          onNewer={(after) => setFilters({ after })}
          onOlder={(before) => setFilters({ before })}
        />
      </>
    );
  }

  return (
    <>
      <PageHeader
        title="Audit log"
        description={`Every change made in ${organization.name}: who, what, when, and which fields. Values and secrets are never recorded, and the log cannot be edited.`}
      />
      <section className="panel" aria-label="Audit events">
        <AuditFilterBar filters={filters} errors={errors} onChange={setFilters} onClear={clearFilters} />
        {body}
      </section>
    </>
  );
}
