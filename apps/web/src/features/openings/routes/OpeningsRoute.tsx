import { OpeningStatus } from '@scorecard/contracts';
import { useEffect, useState, type ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import { PageHeader } from '@/components/ui/PageHeader';
import { Pagination } from '@/components/ui/Pagination';
import { EmptyState } from '@/components/ui/States';
import { listStates } from '@/components/ui/ListStates';
import { useSession } from '@/lib/session';
import { useDebouncedValue } from '@/lib/use-debounced-value';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useOpenings } from '../api/list-openings';
import type { OpeningListParams } from '../api/opening-keys';
import { NoOpeningsAccess } from '../components/NoOpeningsAccess';
import { OpeningFilters } from '../components/OpeningFilters';
import { OpeningsTable } from '../components/OpeningsTable';
import { canEditOpenings, canReadOpenings } from '../opening-access';

const PAGE_SIZE = 20;
const SEARCH_DEBOUNCE_MS = 300;

export default function OpeningsRoute() {
  useDocumentTitle('Openings');
  const { user } = useSession();
  if (!canReadOpenings(user.role)) return <NoOpeningsAccess />;
  return <OpeningsList canEdit={canEditOpenings(user.role)} />;
}

/** Reads the list's filters from the URL, so they survive reloads and back/forward. */
function useListParams() {
  const [searchParams, setSearchParams] = useSearchParams();
  const statusParam = OpeningStatus.safeParse(searchParams.get('status'));
  const pageParam = Number(searchParams.get('page'));
  const params: OpeningListParams = {
    page: Number.isInteger(pageParam) && pageParam > 0 ? pageParam : 1,
    pageSize: PAGE_SIZE,
    q: searchParams.get('q') ?? '',
    status: statusParam.success ? statusParam.data : '',
  };
  const update = (changes: Partial<Omit<OpeningListParams, 'pageSize'>>, options?: { replace?: boolean }) => {
    const next = { ...params, page: 1, ...changes };
    const search = new URLSearchParams();
    if (next.q) search.set('q', next.q);
    if (next.status) search.set('status', next.status);
    if (next.page > 1) search.set('page', String(next.page));
    setSearchParams(search, { replace: options?.replace ?? false });
  };
  return [params, update] as const;
}

function NewOpeningLink() {
  return (
    <Link to="/openings/new" className="button button--primary">
      New opening
    </Link>
  );
}

function OpeningsList({ canEdit }: { canEdit: boolean }) {
  const [params, setParams] = useListParams();
  const [search, setSearch] = useState(params.q);
  const debouncedSearch = useDebouncedValue(search.trim(), SEARCH_DEBOUNCE_MS);

  useEffect(() => {
    if (debouncedSearch !== params.q) setParams({ q: debouncedSearch }, { replace: true });
    // Only a settled search term touches the URL (and sends the user back to page 1).
  }, [debouncedSearch]);

  const openings = useOpenings(params);
  const filtered = params.q !== '' || params.status !== '';

  let body: ReactNode = listStates({
    query: openings,
    noun: 'openings',
    page: params.page,
    filtered,
    noAccess: <EmptyState title="You don’t have access to openings" />,
    onFirstPage: () => setParams({ page: 1 }),
    onClearFilters: () => {
      setSearch('');
      setParams({ q: '', status: '' });
    },
    noMatchTitle: 'No openings match these filters',
    noMatchHint: 'Try another title or team, or another status.',
    empty: (
      <EmptyState title="No openings yet" action={canEdit ? <NewOpeningLink /> : undefined}>
        <p>
          {canEdit
            ? 'An opening states what the role is, what it offers, and how candidates will be interviewed.'
            : 'Hiring managers create openings; they will appear here.'}
        </p>
      </EmptyState>
    ),
  });
  if (!body && openings.data) {
    body = (
      <>
        <OpeningsTable openings={openings.data.items} busy={openings.isFetching} />
        <Pagination
          label="Openings pages"
          page={openings.data.page}
          pageSize={openings.data.pageSize}
          total={openings.data.total}
          onPageChange={(page) => setParams({ ...params, page })}
        />
      </>
    );
  }

  return (
    <>
      <PageHeader
        title="Openings"
        description="The roles you are hiring for, each with its profile and interview plan."
        actions={canEdit ? <NewOpeningLink /> : undefined}
      />
      <section className="panel" aria-label="Openings list">
        <OpeningFilters
          search={search}
          onSearchChange={setSearch}
          status={params.status}
          onStatusChange={(status) => setParams({ status })}
        />
        {body}
      </section>
    </>
  );
}
