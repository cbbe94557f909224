import { useState } from 'react';
import { useNavigate } from 'react-router';
import { NoticeSlot, type Notice } from '@/components/ui/Alert';
import { PageHeader } from '@/components/ui/PageHeader';
import { ListBody } from '@/components/ui/ListStates';
import { EmptyState } from '@/components/ui/States';
import { errorMessage } from '@/lib/api';
import { useSession } from '@/lib/session';
import { useDocumentTitle } from '@/lib/use-document-title';
import { textField, useListParams, type ListFields } from '@/lib/use-list-params';
import type { DocListFilters, DocSummary } from '../api/library-api';
import { useCreateDoc, useDuplicateDoc, useUpdateDoc } from '../api/library-mutations';
import { useDocList } from '../api/library-queries';
import type { KindConfig } from '../kinds';
import { canEditLibrary, canReadLibrary } from '../library-access';
import { DuplicateDialog, NameDialog } from './DocDialogs';
import { LibraryFilters } from './LibraryFilters';
import { LibraryTable } from './LibraryTable';
import { NoAccess } from './NoAccess';

const PAGE_SIZE = 20;

export function LibraryListPage<C>({ config }: { config: KindConfig<C> }) {
  useDocumentTitle(config.title);
  const { user } = useSession();
  if (!canReadLibrary(user.role)) return <NoAccess title={config.title} />;
  return <LibraryList config={config} canEdit={canEditLibrary(user.role)} />;
}

const FIELDS: ListFields<DocListFilters> = {
  q: textField,
  archived: {
    param: 'show',
    empty: 'false',
    parse: (raw) => (raw === 'archived' ? 'true' : 'false'),
    format: () => 'archived',
  },
};

function LibraryList<C>({ config, canEdit }: { config: KindConfig<C>; canEdit: boolean }) {
  const navigate = useNavigate();
  const list = useListParams(FIELDS, PAGE_SIZE);
  const query = list.params;
  const [creating, setCreating] = useState(false);
  const [duplicating, setDuplicating] = useState<DocSummary | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const docs = useDocList(config.docApi, { ...query, q: query.q || undefined });
  const create = useCreateDoc(config.docApi);
  const duplicate = useDuplicateDoc(config.docApi);
  const update = useUpdateDoc(config.docApi);

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

  const rowActions = (doc: DocSummary) => (
    <span className="row-actions">
      <button type="button" className="button button--ghost button--small" onClick={() => setDuplicating(doc)}>
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
  );

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
      <NoticeSlot notice={notice} onDismiss={() => setNotice(null)} />
      <section className="panel" aria-label={`${config.title} list`}>
        <LibraryFilters label={`Filter ${config.title.toLowerCase()}`} list={list} />
        <ListBody
          query={docs}
          list={list}
          noun={config.title.toLowerCase()}
          pagesLabel={`${config.title} pages`}
          noAccess={<NoAccess title={config.title} />}
          noMatchTitle={
            query.archived === 'true' && !query.q ? `No archived ${config.noun}s` : `No ${config.noun}s match`
          }
          empty={
            <EmptyState title={`No ${config.noun}s yet`}>
              <p>
                {canEdit
                  ? `Create the first ${config.noun} for your organization.`
                  : 'An admin or hiring manager creates them.'}
              </p>
            </EmptyState>
          }
          rows={(items) => (
            <LibraryTable
              docs={items}
              caption={config.title}
              basePath={config.basePath}
              busy={docs.isFetching}
              actions={canEdit ? rowActions : undefined}
            />
          )}
        />
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
