import { useQueryClient } from '@tanstack/react-query';
import { DEBRIEF_EVENT_NAMES, DebriefEvent, endpoints, type DebriefEventKind } from '@scorecard/contracts';
import { useEffect, useState } from 'react';
import { debriefKeys } from './debrief-keys';

const MAX_RETRY_MS = 30_000;

export type DebriefLive = {
  /** `live` once the stream said `ready`; `reconnecting` after it dropped. */
  status: 'connecting' | 'live' | 'reconnecting';
  /** The last change heard, once the refetched debrief is in. */
  update: { kind: DebriefEventKind | 'unknown'; at: number } | null;
};

function eventsUrl(applicationId: string): string {
  return endpoints.debriefEvents.path.replace(':id', encodeURIComponent(applicationId));
}

/**
 * Keeps an open debrief current: listens to its server-sent events and refetches the debrief on
 * every `changed` (events never carry feedback; the refetch applies the independence rule). The
 * browser reconnects a dropped stream by itself; a refused one (the stream closed) is retried with
 * a growing delay. A reconnect refetches too, in case something landed meanwhile. Closed on unmount.
 */
export function useDebriefEvents(applicationId: string, enabled: boolean): DebriefLive {
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<DebriefLive['status']>('connecting');
  const [update, setUpdate] = useState<DebriefLive['update']>(null);

  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return;
    const queryKey = debriefKeys.debrief(applicationId);
    let source: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let attempts = 0;
    let heardReady = false;
    let stopped = false;

    const refetch = async (kind: DebriefLive['update']) => {
      await queryClient.invalidateQueries({ queryKey });
      if (!stopped && kind) setUpdate(kind);
    };

    const connect = () => {
      const es = new EventSource(eventsUrl(applicationId), { withCredentials: true });
      source = es;
      es.addEventListener(DEBRIEF_EVENT_NAMES.ready, () => {
        attempts = 0;
        setStatus('live');
        // Back after a drop: something may have landed while nobody was listening.
        if (heardReady) void refetch(null);
        heardReady = true;
      });
      es.addEventListener(DEBRIEF_EVENT_NAMES.changed, (event: MessageEvent<string>) => {
        let kind: DebriefEventKind | 'unknown' = 'unknown';
        try {
          const parsed = DebriefEvent.safeParse(JSON.parse(event.data));
          if (parsed.success) kind = parsed.data.kind;
        } catch {
          // Not JSON: still a change; refetch all the same.
        }
        void refetch({ kind, at: Date.now() });
      });
      es.onerror = () => {
        setStatus(heardReady ? 'reconnecting' : 'connecting');
        if (es.readyState !== EventSource.CLOSED || stopped) return; // the browser is reconnecting
        es.close();
        const delay = Math.min(MAX_RETRY_MS, 1000 * 2 ** attempts++);
        retry = setTimeout(connect, delay);
      };
    };

    connect();
    return () => {
      stopped = true;
      clearTimeout(retry);
      source?.close();
      setStatus('connecting');
    };
  }, [applicationId, enabled, queryClient]);

  return { status, update };
}
