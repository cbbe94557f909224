import { onlineManager, useQueryClient } from '@tanstack/react-query';
import type { Scorecard } from '@scorecard/contracts';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { errorMessage, isApiError } from '@/lib/api';
import { scorecardKeys } from './api/scorecard-keys';
import { fetchScorecard, publishScorecard, saveIsStuck, useSaveScorecard } from './api/scorecard-mutations';
import {
  createAutosave,
  restoreDraft,
  type Autosave,
  type KitShape,
  type Restored,
  type SaveStatus,
} from './autosave-engine';

export { SAVE_DEBOUNCE_MS, type Restored, type SaveStatus } from './autosave-engine';

/** A save still out shows as waiting for the connection (paused or failing to connect) or as retrying. */
export function waitingStatus(save: {
  isPending: boolean;
  isPaused: boolean;
  failureReason: unknown;
}): SaveStatus | null {
  if (!save.isPending) return null;
  if (save.isPaused || isApiError(save.failureReason, 'network_error')) return { kind: 'offline' };
  if (save.failureReason) return { kind: 'error', message: errorMessage(save.failureReason), retrying: true };
  return null;
}

/**
 * The draft scorecard's autosave for React: the engine (autosave-engine.ts: local copy, pause in
 * typing, one save at a time, stale revisions) wired to the save mutation (api/scorecard-mutations.ts:
 * scope, retries, onlineManager) and to the page's events. On load, unsent changes kept in this
 * browser are restored.
 */
export function useAutosave(kit: KitShape, scorecard: Scorecard) {
  const queryClient = useQueryClient();
  const kitRef = useRef(kit);
  useLayoutEffect(() => {
    kitRef.current = kit;
  });
  const [start] = useState(() => restoreDraft(scorecard, kit));
  const [content, setContent] = useState(start.content);
  const [status, setStatus] = useState<SaveStatus>(
    start.restored === 'conflict' ? { kind: 'conflict', latest: scorecard } : { kind: 'idle' },
  );
  const [restored, setRestored] = useState<Restored>(start.restored);
  const [localOk, setLocalOk] = useState(true);
  const target = { interviewId: kit.interview.id, scorecardId: scorecard.id };
  // The save's retry asks the engine whether the page still wants it (set below, once it exists).
  const engineRef = useRef<Autosave | null>(null);
  const save = useSaveScorecard(target, () => engineRef.current?.keepTrying() ?? false);
  const { mutateAsync } = save;
  const [engine] = useState(() =>
    createAutosave(
      {
        scorecardId: scorecard.id,
        kit: () => kitRef.current,
        save: (request) => mutateAsync(request),
        fetchLatest: () => fetchScorecard(scorecard.id),
        saveIsStuck: () => saveIsStuck(queryClient, scorecard.id),
        reloadKit: () =>
          void queryClient.invalidateQueries({ queryKey: scorecardKeys.kit(kitRef.current.interview.id) }),
        publish: (latest) => publishScorecard(queryClient, kitRef.current.interview.id, latest),
        setStatus,
        setContent,
        setRestored,
        setLocalOk,
      },
      scorecard,
      start,
    ),
  );

  useLayoutEffect(() => {
    engineRef.current = engine;
  }, [engine]);

  // Unsent changes restored on load go out at once.
  useEffect(() => {
    if (start.restored === 'restored') void engine.flushNow();
  }, [engine, start.restored]);

  // Back online (the onlineManager also resumes a save it paused), or the tab is being hidden: send now.
  useEffect(() => {
    const unsubscribe = onlineManager.subscribe((online) => {
      if (online) void engine.flushNow();
    });
    const hidden = () => {
      if (document.visibilityState === 'hidden') void engine.flushNow();
    };
    document.addEventListener('visibilitychange', hidden);
    return () => {
      unsubscribe();
      document.removeEventListener('visibilitychange', hidden);
    };
  }, [engine]);

  // Leaving the page: send what is pending (the local copy is there either way).
  useEffect(() => {
    engine.enter();
    return () => engine.leave();
  }, [engine]);

  const conflictLatest = status.kind === 'conflict' ? status.latest : null;
  return {
    content,
    update: engine.update,
    status: waitingStatus(save) ?? status,
    restored,
    dismissRestored: () => setRestored(null),
    localOk,
    saveNow: engine.saveNow,
    keepMine: () => engine.keepMine(conflictLatest),
    takeLatest: () => engine.takeLatest(conflictLatest),
    stop: engine.stop,
    retry: () => void engine.flushNow(),
  };
}
