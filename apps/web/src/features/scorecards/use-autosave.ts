import { useQueryClient } from '@tanstack/react-query';
import type { InterviewKit, Scorecard } from '@scorecard/contracts';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, api, errorMessage } from '@/lib/api';
import { scorecardKeys } from './api/scorecard-keys';
import { readLocalDraft, removeLocalDraft, writeLocalDraft } from './local-drafts';
import {
  bodyCoversDraft,
  draftFromScorecard,
  sameBody,
  toBody,
  type DraftContent,
  type ScorecardBody,
} from './scorecard-draft';

/** How long typing must pause before a save goes out. */
export const SAVE_DEBOUNCE_MS = 800;
/** Waits between retries of a save that could not reach the server (then every 30 s). */
const RETRY_DELAYS_MS = [2_000, 4_000, 8_000, 15_000, 30_000];

export type SaveStatus =
  /** Nothing changed since the page loaded. */
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date }
  /** The server could not be reached: the changes are kept in this browser and retried. */
  | { kind: 'offline' }
  | { kind: 'error'; message: string; retrying: boolean }
  /** The scorecard was saved elsewhere (another tab or device) after this page last saw it. */
  | { kind: 'conflict'; latest: Scorecard | null };

/** What the page found in this browser when it loaded. */
export type Restored = 'restored' | 'conflict' | null;

type Engine = {
  revision: number;
  content: DraftContent;
  /** The content the server holds, as last sent from here (or loaded). */
  acked: ScorecardBody;
  inFlight: Promise<boolean> | null;
  /** A change arrived while a save was in flight: send again as soon as it settles. */
  queued: boolean;
  conflict: boolean;
  stopped: boolean;
  /** The page has gone: finish what is out, but start no retries. */
  unmounted: boolean;
  attempt: number;
  debounce: number | undefined;
  retry: number | undefined;
  localOk: boolean;
};

type KitShape = Pick<InterviewKit, 'competencies' | 'redFlags'> & { interview: { id: string } };

/**
 * The draft scorecard's autosave. Every change is written to localStorage at once; a save goes to the
 * server after a pause in typing, never while another is in flight (the latest content is queued);
 * failures that may pass (no connection, a server error) are retried with backoff and when the
 * browser comes back online; a stale revision (409) stops saving and keeps the local text until the
 * person chooses which version to keep. On load, unsent changes kept in this browser are restored.
 */
export function useAutosave(kit: KitShape, scorecard: Scorecard) {
  const queryClient = useQueryClient();
  const [initial] = useState(() => initialState(scorecard, kit));
  const [content, setContent] = useState<DraftContent>(initial.content);
  const [status, setStatus] = useState<SaveStatus>(
    initial.restored === 'conflict' ? { kind: 'conflict', latest: scorecard } : { kind: 'idle' },
  );
  const [restored, setRestored] = useState<Restored>(initial.restored);
  const [localOk, setLocalOk] = useState(true);
  const engine = useRef<Engine>({
    revision: scorecard.revision,
    content: initial.content,
    acked: toBody(draftFromScorecard(scorecard), kit),
    inFlight: null,
    queued: false,
    conflict: initial.restored === 'conflict',
    stopped: false,
    unmounted: false,
    attempt: 0,
    debounce: undefined,
    retry: undefined,
    localOk: true,
  });
  const kitRef = useRef(kit);
  kitRef.current = kit;

  const persistLocal = useCallback(() => {
    const e = engine.current;
    const ok = writeLocalDraft(scorecard.id, {
      kind: 'draft',
      baseRevision: e.revision,
      content: e.content,
      changedAt: Date.now(),
      conflict: e.conflict,
    });
    if (ok !== e.localOk) {
      e.localOk = ok;
      setLocalOk(ok);
    }
  }, [scorecard.id]);

  const publish = useCallback(
    (saved: Scorecard) => {
      queryClient.setQueryData<InterviewKit>(scorecardKeys.kit(kitRef.current.interview.id), (old) =>
        old ? { ...old, scorecard: saved } : old,
      );
    },
    [queryClient],
  );

  // `flush` and `schedule` call each other through this ref, so neither closes over a stale copy.
  const flushRef = useRef<() => Promise<boolean>>(() => Promise.resolve(true));

  const clearTimers = () => {
    const e = engine.current;
    window.clearTimeout(e.debounce);
    window.clearTimeout(e.retry);
    e.debounce = undefined;
    e.retry = undefined;
  };

  const scheduleRetry = () => {
    const e = engine.current;
    const delay = RETRY_DELAYS_MS[Math.min(e.attempt, RETRY_DELAYS_MS.length - 1)]!;
    e.attempt += 1;
    window.clearTimeout(e.retry);
    e.retry = window.setTimeout(() => void flushRef.current(), delay);
  };

  const flush = async (): Promise<boolean> => {
    const e = engine.current;
    clearTimers();
    if (e.stopped || e.conflict) return false;
    if (e.inFlight) {
      e.queued = true;
      return e.inFlight.then(() => flushRef.current());
    }
    const body = toBody(e.content, kitRef.current);
    if (sameBody(body, e.acked)) {
      if (bodyCoversDraft(e.content)) removeLocalDraft(scorecard.id);
      setStatus((s) =>
        s.kind === 'saving' || s.kind === 'offline' || s.kind === 'error' ? { kind: 'saved', at: new Date() } : s,
      );
      return true;
    }
    setStatus({ kind: 'saving' });
    const request = (async (): Promise<boolean> => {
      try {
        const saved = await api('saveScorecard', {
          params: { id: scorecard.id },
          body: { ...body, revision: e.revision },
        });
        e.revision = saved.revision;
        // What was sent, not what came back: the server trims text, and comparing with its copy
        // would make trailing spaces look like a change forever.
        e.acked = body;
        e.attempt = 0;
        publish(saved);
        const pending = !sameBody(toBody(e.content, kitRef.current), body);
        if (pending || !bodyCoversDraft(e.content)) persistLocal();
        else removeLocalDraft(scorecard.id);
        if (!pending) setStatus({ kind: 'saved', at: new Date() });
        return true;
      } catch (error) {
        if (e.stopped || e.unmounted) return false;
        if (error instanceof ApiError && error.code === 'network_error') {
          setStatus({ kind: 'offline' });
          scheduleRetry();
        } else if (error instanceof ApiError && error.code === 'stale_revision') {
          e.conflict = true;
          persistLocal();
          setStatus({ kind: 'conflict', latest: null });
          try {
            const latest = await api('getScorecard', { params: { id: scorecard.id } });
            setStatus({ kind: 'conflict', latest });
          } catch {
            // The banner still explains; "Use my version" fetches the latest again.
          }
        } else if (error instanceof ApiError && error.code === 'invalid_transition') {
          e.stopped = true;
          setStatus({
            kind: 'error',
            // Submitted in another tab, or the interview was reassigned or cancelled: the server says which.
            message: errorMessage(error),
            retrying: false,
          });
          void queryClient.invalidateQueries({ queryKey: scorecardKeys.kit(kitRef.current.interview.id) });
        } else if (error instanceof ApiError && (error.status >= 500 || error.status === 429)) {
          setStatus({ kind: 'error', message: errorMessage(error), retrying: true });
          scheduleRetry();
        } else {
          const field = error instanceof ApiError ? error.fieldErrors[0]?.message : undefined;
          setStatus({ kind: 'error', message: field ?? errorMessage(error), retrying: false });
        }
        return false;
      }
    })();
    e.inFlight = request;
    const ok = await request;
    e.inFlight = null;
    if (ok && (e.queued || !sameBody(toBody(e.content, kitRef.current), e.acked))) {
      e.queued = false;
      // Changes made while the save was out: send them now rather than after another pause.
      return flushRef.current();
    }
    e.queued = false;
    return ok;
  };
  flushRef.current = flush;

  const schedule = () => {
    const e = engine.current;
    if (e.stopped || e.conflict) return;
    window.clearTimeout(e.debounce);
    e.debounce = window.setTimeout(() => void flushRef.current(), SAVE_DEBOUNCE_MS);
    setStatus((s) => (s.kind === 'offline' ? s : { kind: 'saving' }));
  };

  const update = useCallback(
    (recipe: (draft: DraftContent) => DraftContent) => {
      const e = engine.current;
      if (e.stopped) return;
      e.content = recipe(e.content);
      setContent(e.content);
      persistLocal();
      if (e.inFlight) e.queued = true;
      if (!e.conflict) schedule();
    },
    // `schedule` reads only refs.
    [persistLocal],
  );

  // Unsent changes restored on load go out at once.
  useEffect(() => {
    if (initial.restored === 'restored') void flushRef.current();
  }, [initial.restored]);

  // Back online, or the tab is being hidden: try now rather than wait.
  useEffect(() => {
    const now = () => {
      const e = engine.current;
      if (e.stopped || e.conflict) return;
      e.attempt = 0;
      void flushRef.current();
    };
    const hidden = () => {
      if (document.visibilityState === 'hidden') now();
    };
    window.addEventListener('online', now);
    document.addEventListener('visibilitychange', hidden);
    return () => {
      window.removeEventListener('online', now);
      document.removeEventListener('visibilitychange', hidden);
    };
  }, []);

  // Leaving the page: send what is pending (the local copy is there either way).
  useEffect(() => {
    const e = engine.current;
    e.unmounted = false;
    return () => {
      const pending = e.debounce !== undefined;
      clearTimers();
      if (pending && !e.stopped && !e.conflict) void flushRef.current();
      e.unmounted = true;
    };
  }, []);

  /** Saves what is pending now and resolves with the revision the server holds, or null if it could not. */
  const saveNow = useCallback(async (): Promise<number | null> => {
    const ok = await flushRef.current();
    return ok ? engine.current.revision : null;
  }, []);

  /** After a stale save: keep this page's version and save it over the latest. */
  const keepMine = useCallback(async () => {
    const e = engine.current;
    let latest = status.kind === 'conflict' ? status.latest : null;
    if (!latest) {
      try {
        latest = await api('getScorecard', { params: { id: scorecard.id } });
      } catch (error) {
        setStatus({ kind: 'conflict', latest: null });
        throw error;
      }
    }
    if (latest.status !== 'draft') {
      e.stopped = true;
      void queryClient.invalidateQueries({ queryKey: scorecardKeys.kit(kitRef.current.interview.id) });
      return;
    }
    e.revision = latest.revision;
    e.acked = toBody(draftFromScorecard(latest), kitRef.current);
    e.conflict = false;
    e.attempt = 0;
    setRestored(null);
    persistLocal();
    await flushRef.current();
  }, [persistLocal, queryClient, scorecard.id, status]);

  /** After a stale save: drop this page's changes and continue from the latest saved version. */
  const takeLatest = useCallback(async () => {
    const e = engine.current;
    const latest =
      status.kind === 'conflict' && status.latest
        ? status.latest
        : await api('getScorecard', { params: { id: scorecard.id } });
    const next = draftFromScorecard(latest);
    e.revision = latest.revision;
    e.acked = toBody(next, kitRef.current);
    e.content = next;
    e.conflict = false;
    setContent(next);
    setRestored(null);
    removeLocalDraft(scorecard.id);
    publish(latest);
    setStatus({ kind: 'saved', at: new Date(latest.updatedAt) });
    if (latest.status !== 'draft')
      void queryClient.invalidateQueries({ queryKey: scorecardKeys.kit(kitRef.current.interview.id) });
  }, [publish, queryClient, scorecard.id, status]);

  /** Submitted: nothing more is saved from this page, and the local copy has served its purpose. */
  const stop = useCallback(() => {
    engine.current.stopped = true;
    clearTimers();
    removeLocalDraft(scorecard.id);
  }, [scorecard.id]);

  return {
    content,
    update,
    status,
    restored,
    dismissRestored: () => setRestored(null),
    localOk,
    saveNow,
    keepMine,
    takeLatest,
    stop,
    retry: () => {
      engine.current.attempt = 0;
      void flushRef.current();
    },
  };
}

/**
 * Where the form starts: the server's scorecard, or the unsent changes this browser kept for it.
 * Changes made on the revision the server still has (or after its last save) are restored and sent;
 * changes older than a later save made elsewhere are shown too, but the person chooses which to keep.
 */
function initialState(scorecard: Scorecard, kit: KitShape): { content: DraftContent; restored: Restored } {
  const server = draftFromScorecard(scorecard);
  const local = readLocalDraft(scorecard.id);
  if (!local || local.kind !== 'draft') return { content: server, restored: null };
  if (sameBody(toBody(local.content, kit), toBody(server, kit))) {
    if (bodyCoversDraft(local.content)) {
      removeLocalDraft(scorecard.id);
      return { content: server, restored: null };
    }
    // Only evidence waiting for its rating differs: nothing to send, nothing to choose.
    return { content: local.content, restored: null };
  }
  // A save made just before the reload may have reached the server without its answer reaching
  // this page: changes made after the server's last save are still this page's to send.
  const newer =
    local.baseRevision >= scorecard.revision || (!local.conflict && local.changedAt > Date.parse(scorecard.updatedAt));
  return { content: local.content, restored: newer ? 'restored' : 'conflict' };
}
