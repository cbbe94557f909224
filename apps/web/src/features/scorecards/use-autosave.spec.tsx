import { afterEach, beforeEach, describe, expect, jest, test } from '@jest/globals';
import { QueryClient, QueryClientProvider, notifyManager, onlineManager } from '@tanstack/react-query';
import type { Scorecard } from '@scorecard/contracts';
import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { installFakeApi } from './testing/fake-api';
import { SAVE_DEBOUNCE_MS } from './autosave-engine';
import { CRITERIA, kit, scorecard } from './testing/fixtures';
import { useAutosave } from './use-autosave';

let server: ReturnType<typeof installFakeApi>;

notifyManager.setScheduler(queueMicrotask);
let client: QueryClient;
const wrapper = ({ children }: { children: ReactNode }) => (
  <QueryClientProvider client={client}>{children}</QueryClientProvider>
);

function renderAutosave(start: Scorecard = scorecard()) {
  const hook = renderHook(() => useAutosave(kit(), start), { wrapper });
  const rate = (choice: 1 | 2 | 3 | 4) =>
    act(() => hook.result.current.update((d) => ({ ...d, ratings: { [CRITERIA[0]]: { choice, evidence: 'Seen.' } } })));
  const wait = (ms: number) => act(() => jest.advanceTimersByTimeAsync(ms));
  return { hook, rate, wait, status: () => hook.result.current.status };
}

beforeEach(() => {
  jest.useFakeTimers();
  window.localStorage.clear();
  server = installFakeApi();
  client = new QueryClient({ defaultOptions: { mutations: { retry: false } } });
  client.mount();
  onlineManager.setOnline(true);
});
afterEach(() => {
  client.unmount();
  client.clear();
  onlineManager.setOnline(true);
  jest.useRealTimers();
});

describe('useAutosave on the page', () => {
  test('a change is saved after the pause in typing, and the page then says "saved"', async () => {
    const { rate, wait, status } = renderAutosave();
    await rate(3);
    expect(status().kind).toBe('saving');
    await wait(SAVE_DEBOUNCE_MS);
    expect(server.requests).toMatchObject([{ method: 'PUT', body: { revision: 1 } }]);
    await wait(0);
    expect(status().kind).toBe('saved');
  });

  test('typed while offline: kept on this device, shown as offline, saved once the browser is back', async () => {
    const { rate, wait, status } = renderAutosave();
    act(() => onlineManager.setOnline(false));
    await rate(2);
    await wait(SAVE_DEBOUNCE_MS + 5_000);
    expect(server.requests).toHaveLength(0);
    expect(status()).toEqual({ kind: 'offline' });

    await act(async () => {
      onlineManager.setOnline(true);
      await jest.advanceTimersByTimeAsync(0);
    });
    await wait(0);
    expect(server.requests).toHaveLength(1);
    expect(status().kind).toBe('saved');
  });

  test('a connection that drops mid-save is retried, shown as offline meanwhile', async () => {
    server.answers = ['offline'];
    const { rate, wait, status } = renderAutosave();
    await rate(4);
    await wait(SAVE_DEBOUNCE_MS);
    expect(status()).toEqual({ kind: 'offline' });
    await wait(2_000);
    expect(server.requests).toHaveLength(2);
    expect(status().kind).toBe('saved');
  });

  test('a server error is retried and says so; a refused save is not', async () => {
    server.answers = [
      { status: 503, body: { title: 'Unavailable' } },
      { status: 400, body: { code: 'validation_failed', title: 'Too long' } },
    ];
    const { rate, wait, status } = renderAutosave();
    await rate(1);
    await wait(SAVE_DEBOUNCE_MS);
    expect(status()).toMatchObject({ kind: 'error', retrying: true });
    await wait(2_000);
    expect(status()).toMatchObject({ kind: 'error', retrying: false });
    await wait(60_000);
    expect(server.requests).toHaveLength(2);
  });

  test('a save refused as stale shows the conflict with the version saved elsewhere', async () => {
    const elsewhere = scorecard({ revision: 5, summary: 'Written in another tab.' });
    server.answers = [
      { status: 409, body: { code: 'stale_revision', title: 'Stale revision' } },
      { status: 200, body: elsewhere },
    ];
    const { rate, wait, status } = renderAutosave();
    await rate(3);
    await wait(SAVE_DEBOUNCE_MS);
    await wait(0);
    expect(status()).toEqual({ kind: 'conflict', latest: expect.objectContaining({ revision: 5 }) });
    expect(server.requests.map((r) => r.method)).toEqual(['PUT', 'GET']);
  });
});
