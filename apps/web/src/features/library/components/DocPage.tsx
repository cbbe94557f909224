import type { VersionSummary } from '@scorecard/contracts';
import { useState, type ReactNode } from 'react';
import { Link, useLocation, useParams, useSearchParams } from 'react-router';
import { NoticeSlot } from '@/components/ui/Alert';
import { PageHeader } from '@/components/ui/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/States';
import { errorMessage, isApiError } from '@/lib/api';
import { useSession } from '@/lib/session';
import { useDocumentTitle } from '@/lib/use-document-title';
import type { DocVersion } from '../api/library-api';
import { useStartDraft } from '../api/library-mutations';
import { useDoc, useDocVersion } from '../api/library-queries';
import type { KindConfig } from '../kinds';
import { canEditLibrary, canReadLibrary } from '../library-access';
import { DocActions, type Notice } from './DocActions';
import { DocLayout, VersionBar } from './DocLayout';
import { NoAccess } from './NoAccess';
import { StatusBadges } from './StatusBadges';
import { VersionHistory } from './VersionHistory';

export type EditorArgs<C> = {
  draft: DocVersion<C>;
  published: DocVersion<C> | null;
  history: ReactNode;
  onPublished: (version: DocVersion<C>) => void;
  onReload: () => void;
};

type DocPageProps<C> = {
  config: KindConfig<C>;
  renderView: (content: C) => ReactNode;
  renderEditor: (args: EditorArgs<C>) => ReactNode;
  /** More header actions for those who may edit (the rubric's question bank). */
  extraActions?: (doc: { id: string }) => ReactNode;
};

/** One rubric or checklist: header and actions, the editor or a read-only version, and its history. */
export function DocPage<C>(props: DocPageProps<C>) {
  const { id = '' } = useParams();
  const { user } = useSession();
  if (!canReadLibrary(user.role)) return <NoAccess title={props.config.title} />;
  return <DocDetail key={id} id={id} canEdit={canEditLibrary(user.role)} {...props} />;
}

function DocDetail<C>({
  config,
  id,
  canEdit,
  renderView,
  renderEditor,
  extraActions,
}: DocPageProps<C> & { id: string; canEdit: boolean }) {
  const doc = useDoc(config.docApi, id);
  const location = useLocation();
  const [searchParams] = useSearchParams();
  const viewingId = searchParams.get('version');
  const [notice, setNotice] = useState<Notice | null>(
    () => (location.state as { notice?: Notice } | null)?.notice ?? null,
  );
  const [editorKey, setEditorKey] = useState(0);
  const startDraft = useStartDraft(config.docApi);
  useDocumentTitle(doc.data?.name ?? config.nounTitle);

  const back = (
    <nav aria-label="Breadcrumb" className="breadcrumb">
      <Link to={config.basePath}>{config.title}</Link>
    </nav>
  );

  if (doc.isPending) return <LoadingState label={`Loading ${config.noun}…`} />;
  if (doc.isError) {
    if (isApiError(doc.error, 'forbidden')) return <NoAccess title={config.title} />;
    const notFound = isApiError(doc.error, 'not_found') || isApiError(doc.error, 'bad_request');
    return (
      <>
        {back}
        <PageHeader title={notFound ? `${config.nounTitle} not found` : config.nounTitle} />
        {notFound ? (
          <EmptyState
            title={`This ${config.noun} doesn’t exist`}
            action={
              <Link className="button button--secondary" to={config.basePath}>
                Back to {config.title.toLowerCase()}
              </Link>
            }
          >
            <p>It may have been removed, or the link may be mistyped.</p>
          </EmptyState>
        ) : (
          <ErrorState
            title={`Couldn’t load this ${config.noun}`}
            error={doc.error}
            onRetry={() => void doc.refetch()}
            retrying={doc.isFetching}
          />
        )}
      </>
    );
  }

  const d = doc.data;
  const editing = canEdit && d.draft !== null && (viewingId === null || viewingId === d.draft.id);
  const current = editing ? d.draft : (d.published ?? d.draft);
  const viewing = viewingId !== null && viewingId !== current?.id ? viewingId : null;
  const hrefFor = (v: VersionSummary) =>
    v.id === current?.id ? location.pathname : `${location.pathname}?version=${v.id}`;
  const history = (
    <VersionHistory versions={d.versions} selectedId={viewing ?? current?.id ?? null} hrefFor={hrefFor} />
  );

  const edit = () =>
    startDraft.mutate(d.id, {
      onSuccess: (draft) => {
        setNotice({ tone: 'success', text: `Started draft version ${draft.version}. Publish it when it’s ready.` });
        requestAnimationFrame(() => document.querySelector<HTMLElement>('.editor .input')?.focus());
      },
      onError: (error) => setNotice({ tone: 'error', text: `Couldn’t start a draft. ${errorMessage(error)}` }),
    });

  let body: ReactNode;
  if (viewing !== null) {
    body = (
      <DocLayout aside={history}>
        <VersionViewer config={config} versionId={viewing} backTo={location.pathname} renderView={renderView} />
      </DocLayout>
    );
  } else if (editing && d.draft) {
    body = (
      <div key={`${d.draft.id}-${editorKey}`}>
        {renderEditor({
          draft: d.draft,
          published: d.published,
          history,
          onPublished: (version) => {
            setNotice({
              tone: 'success',
              text: `Published version ${version.version}. It can’t change now; editing again starts version ${version.version + 1}.`,
            });
            document.querySelector<HTMLElement>('[data-page-heading]')?.focus();
          },
          onReload: () => {
            setNotice(null);
            void doc.refetch().then(() => setEditorKey((k) => k + 1));
          },
        })}
      </div>
    );
  } else if (current) {
    body = (
      <DocLayout aside={history}>
        <VersionBar version={current}>
          {canEdit && d.draft === null ? (
            <button type="button" className="button button--primary" onClick={edit} disabled={startDraft.isPending}>
              {startDraft.isPending ? 'Starting draft…' : 'Edit'}
            </button>
          ) : null}
        </VersionBar>
        {renderView(current.content)}
      </DocLayout>
    );
  } else {
    body = <EmptyState title="No versions yet" />;
  }

  return (
    <>
      {back}
      <PageHeader
        title={d.name}
        description={
          <span className="doc-header__meta">
            {d.description ? <span className="doc-header__description">{d.description}</span> : null}
            <StatusBadges doc={d} />
          </span>
        }
        actions={
          canEdit ? (
            <>
              {extraActions?.(d)}
              <DocActions config={config} doc={d} onNotice={setNotice} />
            </>
          ) : null
        }
      />
      <NoticeSlot notice={notice} onDismiss={() => setNotice(null)} />
      {body}
    </>
  );
}

type VersionViewerProps<C> = {
  config: KindConfig<C>;
  versionId: string;
  backTo: string;
  renderView: (content: C) => ReactNode;
};

/** A past (or someone else's draft) version, read-only. */
function VersionViewer<C>({ config, versionId, backTo, renderView }: VersionViewerProps<C>) {
  const version = useDocVersion(config.docApi, versionId);
  if (version.isPending) return <LoadingState label="Loading version…" />;
  if (version.isError)
    return (
      <ErrorState
        title="Couldn’t load this version"
        error={version.error}
        onRetry={() => void version.refetch()}
        retrying={version.isFetching}
      />
    );
  return (
    <>
      <VersionBar version={version.data}>
        <Link className="button button--secondary" to={backTo}>
          Back to current version
        </Link>
      </VersionBar>
      {renderView(version.data.content)}
    </>
  );
}
