import { QueryClient, type FetchQueryOptions, type QueryKey } from '@tanstack/react-query';
import { ApiError } from './api';

/** Client errors (4xx) will not change on retry; network and server errors may. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: shouldRetry, staleTime: 30_000, refetchOnWindowFocus: true },
      mutations: { retry: false },
    },
  });
}

/**
 * Answers fetched by a start-up preload (app/preload.ts) before any screen showed them, with when.
 * Keyed by the query object, so a query the cache has dropped is forgotten with it.
 */
const preloaded = new WeakMap<object, number>();
/** How long a preloaded answer counts as what the first screen to mount asked for. */
const PRELOADED_FOR_MS = 10_000;

/** Prefetches `options` for the screen about to mount; see `refetchOnMountUnlessPreloaded`. */
export async function prefetchForScreen<TQueryFnData, TError, TData, TQueryKey extends QueryKey>(
  queryClient: QueryClient,
  options: FetchQueryOptions<TQueryFnData, TError, TData, TQueryKey>,
): Promise<void> {
  await queryClient.prefetchQuery(options);
  const query = queryClient.getQueryCache().find({ queryKey: options.queryKey, exact: true });
  // Already shown by a screen that mounted while it was in flight: nothing to spare.
  if (query?.state.status === 'success' && query.getObserversCount() === 0) preloaded.set(query, Date.now());
}

/**
 * `refetchOnMount` for a query refetched on every mount (`staleTime: 0`): the first mount after a
 * start-up preload takes the answer fetched a moment ago for this very page load instead of asking
 * again; every other mount checks for news as before. React Query asks this twice per mount: while
 * rendering (no observer subscribed yet: only look) and when the screen subscribes (its observer
 * counted: the preloaded answer is now taken, and the next mount asks again).
 */
export function refetchOnMountUnlessPreloaded(query: { getObserversCount(): number }): boolean {
  const at = preloaded.get(query);
  if (query.getObserversCount() > 0) preloaded.delete(query);
  return at === undefined || Date.now() - at > PRELOADED_FOR_MS;
}
