import type { FieldError } from '@scorecard/contracts';
import type { PublishIssue } from '@scorecard/domain';
import { useEffect, useState, type ReactNode } from 'react';
import { FormProvider, type FieldValues, type Path, type UseFormReturn } from 'react-hook-form';
import { Alert } from '@/components/ui/Alert';
import { Badge } from '@/components/ui/Badge';
import { ApiError, errorMessage, isApiError } from '@/lib/api';
import type { DocApi, DocVersion } from '../api/library-api';
import { usePublishDraft, useSaveDraft } from '../api/library-mutations';
import { EditorUiProvider, IssuesProvider } from './EditorContext';
import { contentPath, fieldId, focusField } from './field-paths';
import { LeaveGuard } from './LeaveGuard';
import { PublishDialog } from './PublishDialog';
import { ReadinessPanel } from './ReadinessPanel';

type DraftFrameProps<C extends FieldValues> = {
  docApi: DocApi<C>;
  noun: string;
  draft: DocVersion<C>;
  /** The latest published version number, or null when nothing is published yet. */
  previousVersion: number | null;
  form: UseFormReturn<C>;
  issuesOf: (values: C) => PublishIssue[];
  describePath: (values: C, path: string) => string;
  /** What changed since the latest published version, as sentences. */
  changesOf: (values: C) => string[];
  /** Shown under the completeness check (the version history). */
  aside: ReactNode;
  onPublished: (version: DocVersion<C>) => void;
  /** Throws away local changes and loads the document again (after a conflict). */
  onReload: () => void;
  children: ReactNode;
};

type Conflict = 'stale_revision' | 'version_published';
const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

function savedLabel(at: Date): string {
  const today = new Date().toDateString() === at.toDateString();
  return `Saved ${today ? `at ${timeFormat.format(at)}` : dateTimeFormat.format(at)}`;
}

/**
 * The editing frame shared by rubrics and checklists: save (with the revision it is based on),
 * conflicts, the live completeness check, publishing and the unsaved-changes guard.
 */
export function DraftFrame<C extends FieldValues>(props: DraftFrameProps<C>) {
  const { docApi, noun, draft, previousVersion, form, issuesOf, describePath, changesOf, aside, children } = props;
  const [revision, setRevision] = useState(draft.revision);
  const [savedAt, setSavedAt] = useState(() => new Date(draft.updatedAt));
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [failure, setFailure] = useState<{ error: unknown; unplaced: FieldError[] } | null>(null);
  const [showInline, setShowInline] = useState(false);
  const [publishOpen, setPublishOpen] = useState(false);
  const [publishError, setPublishError] = useState<unknown>(null);
  const [changes, setChanges] = useState<string[]>([]);
  /** A field to focus once the publish dialog (if open) has closed and returned focus to its opener. */
  const [focusPath, setFocusPath] = useState<string | null>(null);
  const save = useSaveDraft(docApi);
  const publish = usePublishDraft(docApi);
  const { isDirty } = form.formState;

  useEffect(() => {
    if (focusPath === null || publishOpen) return;
    focusField(focusPath);
    setFocusPath(null);
  }, [focusPath, publishOpen]);

  /** Shows a failed save or publish: a conflict, problems beside their fields, or a message. */
  const showFailure = (error: unknown) => {
    if (isApiError(error, 'stale_revision') || isApiError(error, 'version_published')) {
      setConflict(error.code as Conflict);
      return;
    }
    if (error instanceof ApiError && error.fieldErrors.length > 0) {
      const unplaced: FieldError[] = [];
      let first: string | null = null;
      for (const fieldError of error.fieldErrors) {
        const path = contentPath(fieldError.path);
        if (!document.getElementById(fieldId(path))) {
          unplaced.push({ path, message: fieldError.message });
          continue;
        }
        form.setError(path as Path<C>, { type: 'server', message: fieldError.message });
        first ??= path;
      }
      setFocusPath(first);
      setShowInline(true);
      setFailure(unplaced.length > 0 ? { error, unplaced } : null);
      return;
    }
    setFailure({ error, unplaced: [] });
  };

  const persist = async (values: C) => {
    const snapshot = structuredClone(form.getValues());
    const saved = await save.mutateAsync({ versionId: draft.id, content: values, revision });
    setRevision(saved.revision);
    setSavedAt(new Date(saved.updatedAt));
    form.reset(snapshot, { keepValues: true });
    return saved;
  };

  const onSave = form.handleSubmit(async (values) => {
    setFailure(null);
    try {
      await persist(values);
    } catch (error) {
      showFailure(error);
    }
  });

  const openPublish = async () => {
    setFailure(null);
    setPublishError(null);
    const values = form.getValues();
    const issues = issuesOf(values);
    if (issues.length > 0) {
      setShowInline(true);
      focusField(issues[0]!.path);
      return;
    }
    if (!(await form.trigger(undefined, { shouldFocus: true }))) return;
    setChanges(changesOf(values));
    setPublishOpen(true);
  };

  const confirmPublish = form.handleSubmit(
    async (values) => {
      setPublishError(null);
      try {
        const base = form.formState.isDirty ? (await persist(values)).revision : revision;
        const published = await publish.mutateAsync({ versionId: draft.id, revision: base });
        setPublishOpen(false);
        props.onPublished(published);
      } catch (error) {
        // Conflicts and problems with fields are shown on the page; anything else in the dialog.
        const onPage =
          isApiError(error, 'stale_revision') ||
          isApiError(error, 'version_published') ||
          (error instanceof ApiError && error.fieldErrors.length > 0);
        if (!onPage) {
          setPublishError(error);
          return;
        }
        setPublishOpen(false);
        showFailure(error);
      }
    },
    () => setPublishOpen(false),
  );

  const status = save.isPending ? 'Saving…' : isDirty ? 'Unsaved changes' : savedLabel(savedAt);

  return (
    <FormProvider {...form}>
      <IssuesProvider issuesOf={issuesOf} showInline={showInline}>
        <EditorUiProvider>
          <div className="doc-layout">
            {/* eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions -- Ctrl+S from any field inside saves the draft */}
            <form
              className="doc-layout__main editor"
              onSubmit={onSave}
              noValidate
              aria-label={`Draft version ${draft.version}`}
              onKeyDown={(event) => {
                if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
                  event.preventDefault();
                  void onSave();
                }
              }}
            >
              <div className="editor-bar">
                <div className="editor-bar__status">
                  <Badge tone="accent">Draft v{draft.version}</Badge>
                  <span className={isDirty ? 'editor-bar__state editor-bar__state--dirty' : 'editor-bar__state'}>
                    {status}
                  </span>
                </div>
                <div className="editor-bar__actions">
                  <button type="submit" className="button button--secondary" disabled={save.isPending}>
                    {save.isPending ? 'Saving…' : 'Save draft'}
                  </button>
                  <button type="button" className="button button--primary" onClick={() => void openPublish()}>
                    Publish…
                  </button>
                </div>
              </div>
              <div className="notice-slot" aria-live="polite">
                {conflict ? <ConflictAlert conflict={conflict} noun={noun} onReload={props.onReload} /> : null}
                {failure ? (
                  <Alert title="Not saved" onDismiss={() => setFailure(null)}>
                    {failure.unplaced.length > 0 ? (
                      <ul className="plain-list">
                        {failure.unplaced.map((f) => (
                          <li key={f.path}>{f.message}</li>
                        ))}
                      </ul>
                    ) : (
                      errorMessage(failure.error)
                    )}
                  </Alert>
                ) : null}
              </div>
              {children}
            </form>
            <div className="doc-layout__aside">
              <ReadinessPanel describe={(path) => describePath(form.getValues(), path)} />
              {aside}
            </div>
          </div>
          <PublishDialog
            open={publishOpen}
            noun={noun}
            version={draft.version}
            previousVersion={previousVersion}
            changes={changes}
            unsaved={isDirty}
            pending={publish.isPending || save.isPending}
            error={publishError}
            onConfirm={() => void confirmPublish()}
            onClose={() => setPublishOpen(false)}
          />
          <LeaveGuard when={isDirty} />
        </EditorUiProvider>
      </IssuesProvider>
    </FormProvider>
  );
}

function ConflictAlert({ conflict, noun, onReload }: { conflict: Conflict; noun: string; onReload: () => void }) {
  return (
    <Alert title={conflict === 'stale_revision' ? 'Someone else saved this draft' : 'This draft was just published'}>
      <p>
        {conflict === 'stale_revision'
          ? `Another person saved this ${noun} while you were editing, so your save was stopped rather than overwrite their work.`
          : `Someone published this draft while you were editing, so it can no longer change.`}{' '}
        Reload to see the latest version. Your unsaved changes here will be lost: copy anything you want to keep first.
      </p>
      <div className="alert__actions">
        <button type="button" className="button button--secondary button--small" onClick={onReload}>
          Reload the latest version
        </button>
      </div>
    </Alert>
  );
}
