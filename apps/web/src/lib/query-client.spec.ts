import { describe, expect, test } from '@jest/globals';
import { QueryObserver } from '@tanstack/react-query';
import { createQueryClient, prefetchForScreen, refetchOnMountUnlessPreloaded } from './query-client';

/** A query like the home's: refetched on every mount, except after a start-up preload. */
function homeLike() {
  let calls = 0;
  let release: () => void = () => undefined;
  let gate: Promise<void> | null = null;
  const options = {
    queryKey: ['home', 'test'] as const,
    queryFn: async () => {
      calls += 1;
      if (gate) await gate;
      return { calls };
    },
    staleTime: 0,
    refetchOnMount: refetchOnMountUnlessPreloaded,
  };
  return {
    options,
    calls: () => calls,
    hold: () => {
      gate = new Promise<void>((r) => (release = r));
    },
    release: () => release(),
  };
}

/**
 * A screen mounting as useQuery mounts it (React Query 5: an observer made with optimistic results,
 * looked at while rendering, then subscribed), and its unmounting.
 */
async function mount(client: ReturnType<typeof createQueryClient>, options: ReturnType<typeof homeLike>['options']) {
  const defaulted = { ...client.defaultQueryOptions(options), _optimisticResults: 'optimistic' as const };
  const observer = new QueryObserver(client, defaulted);
  observer.getOptimisticResult(defaulted);
  const unsubscribe = observer.subscribe(() => undefined);
  await new Promise((r) => setTimeout(r, 0));
  return unsubscribe;
}

describe('a query refetched on every mount, preloaded at start-up', () => {
  test('the first screen to mount takes the preloaded answer without asking again; the next mount asks', async () => {
    const client = createQueryClient();
    const q = homeLike();
    await prefetchForScreen(client, q.options);
    expect(q.calls()).toBe(1);

    const unmount = await mount(client, q.options);
    expect(q.calls()).toBe(1);
    unmount();

    // Coming back to the page later checks for news, as before.
    (await mount(client, q.options))();
    expect(q.calls()).toBe(2);
  });

  test('a screen that mounted while the preload was in flight shares it, and later mounts still ask', async () => {
    const client = createQueryClient();
    const q = homeLike();
    q.hold();
    const preload = prefetchForScreen(client, q.options);
    const unmount = await mount(client, q.options);
    q.release();
    await preload;
    expect(q.calls()).toBe(1);
    unmount();

    (await mount(client, q.options))();
    expect(q.calls()).toBe(2);
  });

  test('without a preload every mount asks', async () => {
    const client = createQueryClient();
    const q = homeLike();
    (await mount(client, q.options))();
    (await mount(client, q.options))();
    expect(q.calls()).toBe(2);
  });
});
