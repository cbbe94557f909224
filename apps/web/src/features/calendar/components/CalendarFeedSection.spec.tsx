import { afterEach, beforeEach, describe, expect, jest, test } from '@jest/globals';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { CalendarFeedSection } from './CalendarFeedSection';

const LINK = {
  enabled: true,
  since: '2026-12-07T09:00:00.000Z',
  webcalUrl: 'webcal://scorecard.example.com/api/v1/calendar-feeds/abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG.ics',
  httpsUrl: 'https://scorecard.example.com/api/v1/calendar-feeds/abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG.ics',
};

/** A fetch answer as `api` reads it (jsdom has no Response). */
const json = (status: number, body: unknown) => ({
  ok: status < 400,
  status,
  statusText: '',
  headers: { get: () => null },
  json: () => Promise.resolve(body),
});

/** Answers the calendar-feed endpoints: `state` for GET (an error when it is a number), the link for POST. */
function serve(state: { enabled: boolean; since: string | null } | number) {
  const fetchMock = jest.fn(async (_url: RequestInfo | URL, init?: RequestInit) => {
    if (init?.method === 'POST') return json(200, LINK);
    if (typeof state === 'number') {
      return json(state, {
        type: 'about:blank',
        title: 'Service unavailable',
        status: state,
        code: 'service_unavailable',
        detail: 'The database does not answer.',
        requestId: 'req-1',
      });
    }
    return json(200, state);
  });
  globalThis.fetch = fetchMock as unknown as typeof fetch;
  return fetchMock;
}

function renderSection() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <CalendarFeedSection />
    </QueryClientProvider>,
  );
}

const realFetch = globalThis.fetch;
beforeEach(() => {
  Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true });
});
afterEach(() => {
  globalThis.fetch = realFetch;
});

describe('CalendarFeedSection', () => {
  test('says why the feed could not be loaded, and tries again on request', async () => {
    const fetchMock = serve(503);
    renderSection();
    expect(screen.getByRole('status').textContent).toContain('Loading your calendar feed');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Couldn’t load your calendar feed');
    expect(alert.textContent).toContain('The database does not answer.');
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(2));
  });

  test('subscribing shows the link read-only; without a clipboard, Copy selects it and says how to copy', async () => {
    serve({ enabled: false, since: null });
    renderSection();
    fireEvent.click(await screen.findByRole('button', { name: 'Subscribe' }));
    const input = (await screen.findByLabelText('Your calendar link')) as HTMLInputElement;
    expect(input.value).toBe(LINK.webcalUrl);
    expect(input.readOnly).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Copy' }));
    await screen.findByText('Selected: press Ctrl+C (⌘C) to copy.');
    expect(input.selectionStart).toBe(0);
    expect(input.selectionEnd).toBe(LINK.webcalUrl.length);
  });

  test('a feed that is on, after a reload, offers a reset instead of a link it no longer has', async () => {
    serve({ enabled: true, since: LINK.since });
    renderSection();
    await screen.findByText(/Your calendar feed is on since/);
    expect(screen.queryByLabelText('Your calendar link')).toBeNull();
    expect(screen.getByRole('button', { name: 'Reset link' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Turn off' })).toBeTruthy();
  });
});
