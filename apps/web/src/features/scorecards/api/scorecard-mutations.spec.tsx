import { afterEach, beforeEach, describe, expect, jest, test } from '@jest/globals';
import { QueryClient, QueryClientProvider, notifyManager, onlineManager } from '@tanstack/react-query';
import type { InterviewKit, SaveScorecardRequest } from '@scorecard/contracts';
import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { installFakeApi } from '../testing/fake-api';
import { ApiError } from '@/lib/api';
import { scorecard, uuid } from '../testing/fixtures';
import { waitingStatus } from '../use-autosave';
import { scorecardKeys } from './scorecard-keys';
import { isTransientFailure, saveRetryDelay, useSaveScorecard, useSubmitScorecard } from './scorecard-mutations';

let server: ReturnType<typeof installFakeApi>;

const target = { interviewId: uuid(1), scorecardId: uuid(2) };
const request = (revision: number): SaveScorecardRequest => ({
  ratings: [],
  redFlags: [],
  recommendation: null,
  summary: `revision ${revision}`,
  notes: '',
  revision,
});

let client: QueryClient;
const wrapper = ({ children }: { children: ReactNode }) => (
  <QueryClientProvider client={client}>{children}</QueryClientProvider>
);

// Observers hear about changes in a microtask rather than a real timer, so the fake clock drives everything.
notifyManager.setScheduler(queueMicrotask);

beforeEach(() => {
  jest.useFakeTimers();
  server = installFakeApi();
  client = new QueryClient({ defaultOptions: { mutations: { retry: false } } });
  onlineManager.setOnline(true);
});
afterEach(() => {
  client.clear();
  jest.useRealTimers();
});

describe('the save mutation', () => {
  test('a save that cannot reach the server is retried after 2 s, then 4 s, while the page keeps trying', async () => {
    server.answers = ['offline', 'offline'];
    const { result } = renderHook(() => useSaveScorecard(target, () => true), { wrapper });
    let saved: Promise<unknown> = Promise.resolve();
    act(() => {
      saved = result.current.mutateAsync(request(1));
    });
    await act(() => jest.advanceTimersByTimeAsync(0));
    expect(server.requests).toHaveLength(1);
    expect(waitingStatus(result.current)).toEqual({ kind: 'offline' });
    await act(() => jest.advanceTimersByTimeAsync(1_999));
    expect(server.requests).toHaveLength(1);
    await act(() => jest.advanceTimersByTimeAsync(1));
    expect(server.requests).toHaveLength(2);
    await act(() => jest.advanceTimersByTimeAsync(4_000));
    expect(server.requests).toHaveLength(3);
    await act(() => expect(saved).resolves.toMatchObject({ revision: 4 }));
    expect(waitingStatus(result.current)).toBeNull();
  });

  test('once the page has gone, a failing save is not retried', async () => {
    server.answers = ['offline'];
    const { result } = renderHook(() => useSaveScorecard(target, () => false), { wrapper });
    let saved: Promise<unknown> = Promise.resolve();
    act(() => {
      saved = result.current.mutateAsync(request(1));
    });
    await act(() => expect(saved).rejects.toMatchObject({ code: 'network_error' }));
    await act(() => jest.advanceTimersByTimeAsync(60_000));
    expect(server.requests).toHaveLength(1);
  });

  test('offline, a save waits without a request and goes out when the browser is back online', async () => {
    const { result } = renderHook(() => useSaveScorecard(target, () => true), { wrapper });
    client.mount();
    onlineManager.setOnline(false);
    act(() => {
      void result.current.mutateAsync(request(1));
    });
    await act(() => jest.advanceTimersByTimeAsync(10_000));
    expect(server.requests).toHaveLength(0);
    expect(result.current.isPaused).toBe(true);
    expect(waitingStatus(result.current)).toEqual({ kind: 'offline' });
    await act(async () => {
      onlineManager.setOnline(true);
      await jest.advanceTimersByTimeAsync(0);
    });
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]).toMatchObject({ method: 'PUT', body: { revision: 1 } });
    client.unmount();
  });

  test('a submit made while a save is out waits for it: one scope per scorecard keeps their order', async () => {
    server.answers = ['offline'];
    const save = renderHook(() => useSaveScorecard(target, () => true), { wrapper });
    const submit = renderHook(() => useSubmitScorecard(target), { wrapper });
    act(() => {
      void save.result.current.mutateAsync(request(1));
      void submit.result.current.mutateAsync({ revision: 2 });
    });
    await act(() => jest.advanceTimersByTimeAsync(0));
    expect(server.requests.map((c) => c.url)).toEqual([`/api/v1/scorecards/${target.scorecardId}`]);
    await act(() => jest.advanceTimersByTimeAsync(2_000));
    expect(server.requests.map((c) => c.method)).toEqual(['PUT', 'PUT', 'POST']);
  });

  test('a saved scorecard is put into the page’s kit, where the page reads it', async () => {
    client.setQueryData(scorecardKeys.kit(target.interviewId), { scorecard: scorecard() } as InterviewKit);
    server.answers = [{ status: 200, body: scorecard({ revision: 9 }) }];
    const { result } = renderHook(() => useSaveScorecard(target, () => true), { wrapper });
    await act(() => result.current.mutateAsync(request(1)));
    expect(client.getQueryData<InterviewKit>(scorecardKeys.kit(target.interviewId))?.scorecard.revision).toBe(9);
  });
});

describe('retry policy', () => {
  test.each([
    ['no connection', new ApiError({ status: 0, code: 'network_error', title: 'Offline' }), true],
    ['a server error', new ApiError({ status: 503, code: 'unknown', title: 'Unavailable' }), true],
    ['too many requests', new ApiError({ status: 429, code: 'rate_limited' as never, title: 'Slow down' }), true],
    ['a stale revision', new ApiError({ status: 409, code: 'stale_revision', title: 'Stale' }), false],
    ['a validation error', new ApiError({ status: 400, code: 'validation_failed' as never, title: 'Invalid' }), false],
    ['not an API error', new Error('bug'), false],
  ])('%s is retried: %s', (_name, error, transient) => {
    expect(isTransientFailure(error)).toBe(transient);
  });

  test.each([
    [0, 2_000],
    [1, 4_000],
    [3, 15_000],
    [4, 30_000],
    [40, 30_000],
  ])('retry after failure %i waits %i ms', (failureCount, delay) => {
    expect(saveRetryDelay(failureCount)).toBe(delay);
  });
});
