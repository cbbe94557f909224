import {
  createContext,
  useCallback,
  useContext,
  useDeferredValue,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import { get, useFormState, useWatch, type FieldValues } from 'react-hook-form';
import type { PublishIssue } from '@scorecard/domain';

type IssuesState = {
  /** What still stops publishing, recomputed as the user types. */
  issues: PublishIssue[];
  byPath: ReadonlyMap<string, string>;
  /** Whether fields show their publish problems inline (after a first attempt to publish). */
  showInline: boolean;
};

const IssuesContext = createContext<IssuesState>({ issues: [], byPath: new Map(), showInline: false });

/**
 * Watches the whole form and recomputes the publish issues. Only the components that read the
 * issues re-render as the user types; the fields themselves stay uncontrolled.
 */
export function IssuesProvider<C extends FieldValues>({
  issuesOf,
  showInline,
  children,
}: {
  issuesOf: (values: C) => PublishIssue[];
  showInline: boolean;
  children: ReactNode;
}) {
  const values = useDeferredValue(useWatch() as C);
  const value = useMemo(() => {
    const issues = issuesOf(values);
    return { issues, byPath: new Map(issues.map((i) => [i.path, i.message])), showInline };
  }, [values, issuesOf, showInline]);
  return <IssuesContext.Provider value={value}>{children}</IssuesContext.Provider>;
}

export function usePublishIssues(): IssuesState {
  return useContext(IssuesContext);
}

/** The message to show beside the field at `path`: a validation or server error, else a publish problem. */
export function useFieldMessage(path: string): string | undefined {
  const { errors } = useFormState({ name: path });
  const { byPath, showInline } = useContext(IssuesContext);
  const error = get(errors, path) as { message?: string; root?: { message?: string } } | undefined;
  return error?.message ?? error?.root?.message ?? (showInline ? byPath.get(path) : undefined);
}

type EditorUi = {
  /** Says something to screen-reader users (a move, a removal) without moving focus. */
  announce: (text: string) => void;
  /** Focuses the element with this id once React has rendered the change that is under way. */
  focusLater: (id: string, fallbackId?: string) => void;
};

const EditorUiContext = createContext<EditorUi>({ announce: () => undefined, focusLater: () => undefined });

export function EditorUiProvider({ children }: { children: ReactNode }) {
  const [message, setMessage] = useState('');
  const [pending, setPending] = useState<{ id: string; fallbackId: string | undefined } | null>(null);

  useEffect(() => {
    if (!pending) return;
    const el = document.getElementById(pending.id) as HTMLButtonElement | null;
    const target = el && !el.disabled ? el : pending.fallbackId ? document.getElementById(pending.fallbackId) : el;
    target?.focus();
    setPending(null);
  }, [pending]);

  const announce = useCallback((text: string) => {
    // A repeated message must still be read, so clear first.
    setMessage('');
    window.setTimeout(() => setMessage(text), 50);
  }, []);
  const focusLater = useCallback((id: string, fallbackId?: string) => setPending({ id, fallbackId }), []);
  const ui = useMemo(() => ({ announce, focusLater }), [announce, focusLater]);

  return (
    <EditorUiContext.Provider value={ui}>
      {children}
      <p className="visually-hidden" aria-live="polite" aria-atomic="true">
        {message}
      </p>
    </EditorUiContext.Provider>
  );
}

export function useEditorUi(): EditorUi {
  return useContext(EditorUiContext);
}
