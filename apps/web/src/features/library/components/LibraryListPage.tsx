import { useEffect, useState, type ReactNode } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { Alert } from '@/components/ui/Alert';
import { PageHeader } from '@/components/ui/PageHeader';
import { Pagination } from '@/components/ui/Pagination';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/States';
import { errorMessage, isApiError } from '@/lib/api';
import { useSession } from '@/lib/session';
import { useDebouncedValue } from '@/lib/use-debounced-value';
import { useDocumentTitle } from '@/lib/use-document-title';
import type { DocListQuery, DocSummary } from '../api/library-api';
import { useCreateDoc, useDuplicateDoc, useUpdateDoc } from '../api/library-mutations';
import { useDocList } from '../api/library-queries';
import type { KindConfig } from '../kinds';
import { canEditLibrary, canReadLibrary } from '../library-access';
import { DuplicateDialog, NameDialog } from './DocDialogs';
import { LibraryFilters } from './LibraryFilters';
import { LibraryTable } from './LibraryTable';
import { NoAccess } from './NoAccess';

const PAGE_SIZE = 20;
const SEARCH_DEBOUNCE_MS = 300;

type Notice = { tone: 'success' | 'error'; text: string };

export function LibraryListPage<C>({ config }: { config: KindConfig<C> }) {
  useDocumentTitle(config.title);
  const { user } = useSession();
  if (!canReadLibrary(user.role)) return <NoAccess title={config.title} />;
  return <LibraryList config={config} canEdit={canEditLibrary(user.role)} />;
}

/** Reads the list's filters from the URL, so they survive reloads and back/forward. */
function useListParams() {
  const [searchParams, setSearchParams] = useSearchParams();
  const pageParam = Number(searchParams.get('page'));
  const query: DocListQuery = {
    page: Number.isInteger(pageParam) && pageParam > 0 ? pageParam : 1,
    pageSize: PAGE_SIZE,
    q: searchParams.get('q') ?? '',
    archived: searchParams.get('show') === 'archived' ? 'true' : 'false',
  };
  const update = (changes: Partial<Omit<DocListQuery, 'pageSize'>>, options?: { replace?: boolean }) => {
    const next = { ...query, page: 1, ...changes };
    const search = new URLSearchParams();
    if (next.q) search.set('q', next.q);
    if (next.archived === 'true') search.set('show', 'archived');
    if (next.page > 1) search.set('page', String(next.page));
    setSearchParams(search, { replace: options?.replace ?? false });
  };
  return [query, update] as const;
}

function LibraryList<C>({ config, canEdit }: { config: KindConfig<C>; canEdit: boolean }) {
  const navigate = useNavigate();
  const [query, setQuery] = useListParams();
  const [search, setSearch] = useState(query.q ?? '');
  const debouncedSearch = useDebouncedValue(search.trim(), SEARCH_DEBOUNCE_MS);
  const [creating, setCreating] = useState(false);
  const [duplicating, setDuplicating] = useState<DocSummary | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const list = useDocList(config.docApi, { ...query, q: query.q || undefined });
  const create = useCreateDoc(config.docApi);
  const duplicate = useDuplicateDoc(config.docApi);
  const update = useUpdateDoc(config.docApi);

  useEffect(() => {
    if (debouncedSearch !== query.q) setQuery({ q: debouncedSearch }, { replace: true });
    // Only a settled search term touches the URL (and sends the user back to page 1).
  }, [debouncedSearch]);

  const archive = (doc: DocSummary) => {
    const archived = doc.archivedAt === null;
    update.mutate(
      { id: doc.id, changes: { archived } },
      {
        onSuccess: () =>
          setNotice({
            tone: 'success',
            text: archived
              ? `Archived “${doc.name}”. Openings that use it keep it; it is no longer offered for new ones.`
              : `“${doc.name}” is back in use.`,
          }),
        onError: (error) =>
          setNotice({
            tone: 'error',
            text: `Couldn’t ${archived ? 'archive' : 'restore'} “${doc.name}”. ${errorMessage(error)}`,
          }),
      },
    );
  };

  const filtered = Boolean(query.q) || query.archived === 'true';
  let body: ReactNode;
  if (list.isPending) {
    body = <LoadingState label={`Loading ${config.title.toLowerCase()}…`} />;
  } else if (list.isError) {
    body = isApiError(list.error, 'forbidden') ? (
      <NoAccess title={config.title} />
    ) : (
      <ErrorState
        title={`Couldn’t load ${config.title.toLowerCase()}`}
        error={list.error}
        onRetry={() => void list.refetch()}
        retrying={list.isFetching}
      />
    );
  } else if (list.data.items.length === 0) {
    body =
      list.data.total > 0 && query.page > 1 ? (
        <EmptyState
          title="This page is empty"
          action={
            <button type="button" className="button button--secondary" onClick={() => setQuery({ page: 1 })}>
              Go to the first page
            </button>
          }
        />
      ) : filtered ? (
        <EmptyState
          title={query.archived === 'true' && !query.q ? `No archived ${config.noun}s` : `No ${config.noun}s match`}
          action={
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                setSearch('');
                setQuery({ q: '', archived: 'false' });
              }}
            >
              Clear filters
            </button>
          }
        />
      ) : (
        <EmptyState title={`No ${config.noun}s yet`}>
          <p>
            {canEdit
              ? `Create the first ${config.noun} for your organization.`
              : 'An admin or hiring manager creates them.'}
          </p>
        </EmptyState>
      );
  } else {
    body = (
      <>
        <LibraryTable
          docs={list.data.items}
          caption={config.title}
          basePath={config.basePath}
          busy={list.isFetching}
          actions={
            canEdit
              ? (doc) => (
                  <span className="row-actions">
                    <button
                      type="button"
                      className="button button--ghost button--small"
                      onClick={() => setDuplicating(doc)}
                    >
                      Duplicate<span className="visually-hidden"> {doc.name}</span>
                    </button>
                    <button
                      type="button"
                      className="button button--ghost button--small"
                      disabled={update.isPending && update.variables.id === doc.id}
                      onClick={() => archive(doc)}
                    >
                      {doc.archivedAt ? 'Restore' : 'Archive'}
                      <span className="visually-hidden"> {doc.name}</span>
                    </button>
                  </span>
                )
              : undefined
          }
        />
        <Pagination
          label={`${config.title} pages`}
          page={list.data.page}
          pageSize={list.data.pageSize}
          total={list.data.total}
          onPageChange={(page) => setQuery({ ...query, page })}
        />
      </>
    );
  }

  return (
    <>
      <PageHeader
        title={config.title}
        description={config.listDescription}
        actions={
          canEdit ? (
            <button type="button" className="button button--primary" onClick={() => setCreating(true)}>
              New {config.noun}
            </button>
          ) : null
        }
      />
      <div className="notice-slot" aria-live="polite">
        {notice ? (
          <Alert tone={notice.tone} onDismiss={() => setNotice(null)}>
            {notice.text}
          </Alert>
        ) : null}
      </div>
      <section className="panel" aria-label={`${config.title} list`}>
        <LibraryFilters
          label={`Filter ${config.title.toLowerCase()}`}
          search={search}
          onSearchChange={setSearch}
          archived={query.archived === 'true'}
          onArchivedChange={(archived) => setQuery({ archived: archived ? 'true' : 'false' })}
        />
        {body}
      </section>
      <NameDialog
        open={creating}
        title={`New ${config.noun}`}
        description={`It starts as a draft. Publish it when it is complete, and openings can use it.`}
        submitLabel={`Create ${config.noun}`}
        pendingLabel="Creating…"
        failureTitle={`The ${config.noun} wasn’t created`}
        initial={{ name: '', description: '' }}
        onClose={() => setCreating(false)}
        onSubmit={async (values) => {
          const created = await create.mutateAsync({ ...values, content: config.emptyContent() });
          setCreating(false);
          await navigate(`${config.basePath}/${created.id}`);
        }}
      />
      <DuplicateDialog
        open={duplicating !== null}
        noun={config.noun}
        sourceName={duplicating?.name ?? ''}
        onClose={() => setDuplicating(null)}
        onSubmit={async (name) => {
          if (!duplicating) return;
          const source = duplicating.name;
          const copy = await duplicate.mutateAsync({ id: duplicating.id, name });
          setDuplicating(null);
          await navigate(`${config.basePath}/${copy.id}`, {
            state: { notice: { tone: 'success', text: `Made “${copy.name}”, a copy of “${source}”.` } },
          });
        }}
      />
    </>
  );
}
