import { afterEach, describe, expect, jest, test } from '@jest/globals';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { RemindNowButton } from './RemindNowButton';

const INTERVIEW = '7f0c2a4e-1b2c-4d3e-8f90-0a1b2c3d4e5f';
const NOW = Date.parse('2026-12-07T10:00:00.000Z');
const MINUTE = 60_000;

/** A fetch answer as `api` reads it (jsdom has no Response). */
const json = (status: number, body: unknown, headers: Record<string, string> = {}) => ({
  ok: status < 400,
  status,
  statusText: '',
  headers: { get: (name: string) => headers[name.toLowerCase()] ?? null },
  json: () => Promise.resolve(body),
});

function serve(answer: ReturnType<typeof json>) {
  const fetchMock = jest.fn(async () => answer);
  globalThis.fetch = fetchMock as unknown as typeof fetch;
  return fetchMock;
}

function renderButton(lastRemindedAt: string | null, onReminded = () => undefined) {
  const client = new QueryClient({ defaultOptions: { mutations: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <RemindNowButton
        interviewId={INTERVIEW}
        interviewerName="Ana Interviewer"
        lastRemindedAt={lastRemindedAt}
        now={NOW}
        onReminded={onReminded}
      />
    </QueryClientProvider>,
  );
}

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

describe('RemindNowButton', () => {
  test('is disabled for an hour after a reminder, saying how long ago it went out', () => {
    renderButton(new Date(NOW - 5 * MINUTE).toISOString());
    const button = screen.getByRole('button', { name: 'Reminded 5 min ago' });
    expect(button).toHaveProperty('disabled', true);
    expect(screen.getByRole('status').textContent).toMatch(/^Next reminder possible at /);
  });

  test('sends a reminder an hour after the last one, confirms it, and then shows it as sent', async () => {
    const fetchMock = serve(
      json(202, {
        interviewId: INTERVIEW,
        interviewer: { id: '0e8a1c2b-3d4e-4f5a-8b6c-7d8e9f0a1b2c', name: 'Ana Interviewer' },
        remindedAt: new Date(NOW).toISOString(),
        nextAllowedAt: new Date(NOW + 60 * MINUTE).toISOString(),
      }),
    );
    const onReminded = jest.fn(() => undefined);
    renderButton(new Date(NOW - 61 * MINUTE).toISOString(), onReminded);
    fireEvent.click(screen.getByRole('button', { name: /^Remind now\s*:\s*Ana Interviewer$/ }));
    await screen.findByText('Reminder sent to Ana Interviewer.');
    expect(screen.getByRole('button', { name: 'Reminded just now' })).toHaveProperty('disabled', true);
    expect(onReminded).toHaveBeenCalledTimes(1);
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe(`/api/v1/interviews/${INTERVIEW}/remind`);
    expect(init.method).toBe('POST');
  });

  test('says why when the API refuses, and turns throttled when someone else reminded them first', async () => {
    serve(
      json(
        429,
        {
          type: 'about:blank',
          title: 'Reminded recently',
          status: 429,
          code: 'reminder_too_soon',
          detail: 'A reminder went out 10 min ago; the next one is possible in 50 min.',
        },
        { 'retry-after': '3000' },
      ),
    );
    renderButton(null);
    fireEvent.click(screen.getByRole('button', { name: /^Remind now/ }));
    await screen.findByText('A reminder went out 10 min ago; the next one is possible in 50 min.');
    await waitFor(() => expect(screen.getByRole('button', { name: /^Reminded/ })).toHaveProperty('disabled', true));
  });
});
