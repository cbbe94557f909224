import { CandidateSort, CandidateSource, Stage, Tag, Uuid } from '@scorecard/contracts';
import { useEffect, useState, type ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import { PageHeader } from '@/components/ui/PageHeader';
import { Pagination } from '@/components/ui/Pagination';
import { EmptyState } from '@/components/ui/States';
import { listStates } from '@/components/ui/ListStates';
import { useSession } from '@/lib/session';
import { useDebouncedValue } from '@/lib/use-debounced-value';
import { useDocumentTitle } from '@/lib/use-document-title';
import type { CandidateListParams } from '../api/candidate-keys';
import { useCandidates, useOpeningChoices } from '../api/candidate-queries';
import { canUseCandidates } from '../candidate-access';
import { CandidateFilters } from '../components/CandidateFilters';
import { CandidatesTable } from '../components/CandidatesTable';
import { NoCandidatesAccess } from '../components/NoCandidatesAccess';

const PAGE_SIZE = 25;
const DEBOUNCE_MS = 300;

export default function CandidatesRoute() {
  useDocumentTitle('Candidates');
  const { user } = useSession();
  if (!canUseCandidates(user.role)) return <NoCandidatesAccess />;
  return <CandidatesList />;
}

type Changes = Partial<Omit<CandidateListParams, 'pageSize'>>;

/** Reads the list's search, filters, sort and page from the URL, so they survive reloads and back/forward. */
function useListParams() {
  const [sp, setSearchParams] = useSearchParams();
  const pick = <T,>(schema: { safeParse: (v: unknown) => { success: boolean; data?: T } }, key: string) => {
    const parsed = schema.safeParse(sp.get(key));
    return parsed.success ? (parsed.data as T) : undefined;
  };
  const pageParam = Number(sp.get('page'));
  const params: CandidateListParams = {
    page: Number.isInteger(pageParam) && pageParam > 0 ? pageParam : 1,
    pageSize: PAGE_SIZE,
    q: sp.get('q') ?? '',
    source: pick<CandidateSource>(CandidateSource, 'source') ?? '',
    stage: pick<Stage>(Stage, 'stage') ?? '',
    openingId: pick<string>(Uuid, 'openingId') ?? '',
    tag: pick<string>(Tag, 'tag') ?? '',
    sort: pick<CandidateSort>(CandidateSort, 'sort') ?? '-updatedAt',
  };
  const update = (changes: Changes, options?: { replace?: boolean }) => {
    const next = { ...params, page: 1, ...changes };
    const search = new URLSearchParams();
    for (const key of ['q', 'source', 'stage', 'openingId', 'tag'] as const) if (next[key]) search.set(key, next[key]);
    if (next.sort !== '-updatedAt') search.set('sort', next.sort);
    if (next.page > 1) search.set('page', String(next.page));
    setSearchParams(search, { replace: options?.replace ?? false });
  };
  return [params, update] as const;
}

function AddCandidateLink() {
  return (
    <Link to="/candidates/new" className="button button--primary">
      Add candidate
    </Link>
  );
}

function CandidatesList() {
  const [params, setParams] = useListParams();
  const [search, setSearch] = useState(params.q);
  const [tag, setTag] = useState(params.tag);
  const debouncedSearch = useDebouncedValue(search.trim(), DEBOUNCE_MS);
  const debouncedTag = useDebouncedValue(tag.trim(), DEBOUNCE_MS);
  const tagCheck = debouncedTag === '' ? null : Tag.safeParse(debouncedTag);
  const tagError = tagCheck && !tagCheck.success ? (tagCheck.error.issues[0]?.message ?? 'Not a tag.') : null;

  useEffect(() => {
    if (debouncedSearch !== params.q) setParams({ q: debouncedSearch }, { replace: true });
    // Only a settled search term touches the URL (and sends the user back to page 1).
  }, [debouncedSearch]);
  useEffect(() => {
    const value = tagCheck?.success ? tagCheck.data : '';
    if (tagCheck?.success === false) return;
    if (value !== params.tag) setParams({ tag: value }, { replace: true });
  }, [debouncedTag]);

  const openings = useOpeningChoices('all');
  const candidates = useCandidates(params);
  const filtered = Boolean(params.q || params.source || params.stage || params.openingId || params.tag);

  let body: ReactNode = listStates({
    query: candidates,
    noun: 'candidates',
    page: params.page,
    filtered,
    noAccess: <EmptyState title="You don’t have access to candidates" />,
    onFirstPage: () => setParams({ page: 1 }),
    onClearFilters: () => {
      setSearch('');
      setTag('');
      setParams({ q: '', source: '', stage: '', openingId: '', tag: '' });
    },
    noMatchTitle: 'No candidates match',
    noMatchHint: 'Try the start of another name, email, title or company, or fewer filters.',
    empty: (
      <EmptyState title="No candidates yet" action={<AddCandidateLink />}>
        <p>Add the people you are talking to, then apply them to an opening to follow them through the pipeline.</p>
      </EmptyState>
    ),
  });
  if (!body && candidates.data) {
    body = (
      <>
        <CandidatesTable candidates={candidates.data.items} busy={candidates.isFetching} />
        <Pagination
          label="Candidates pages"
          page={candidates.data.page}
          pageSize={candidates.data.pageSize}
          total={candidates.data.total}
          onPageChange={(page) => setParams({ ...params, page })}
        />
      </>
    );
  }

  return (
    <>
      <PageHeader
        title="Candidates"
        description="Everyone you are talking to, with where they came from and where they are in each pipeline."
        actions={
          <>
            <Link to="/candidates/import" className="button button--secondary">
              Import CSV
            </Link>
            <AddCandidateLink />
          </>
        }
      />
      <section className="panel" aria-label="Candidates list">
        <CandidateFilters
          search={search}
          onSearchChange={setSearch}
          tag={tag}
          tagError={tagError}
          onTagChange={setTag}
          source={params.source}
          onSourceChange={(source) => setParams({ source })}
          stage={params.stage}
          onStageChange={(stage) => setParams({ stage })}
          openingId={params.openingId}
          openings={openings.data}
          onOpeningChange={(openingId) => setParams({ openingId })}
          sort={params.sort}
          onSortChange={(sort) => setParams({ sort })}
        />
        {body}
      </section>
    </>
  );
}
