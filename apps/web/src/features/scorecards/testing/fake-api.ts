// A fake server behind `fetch` for the scorecard flow's hook tests: it records each request and
// answers from a queue (a status and body, or `offline` for a refused connection); with the queue
// empty it answers 200 with a scorecard one revision on.
import { scorecard } from './fixtures';

export type Answer = { status: number; body: unknown } | 'offline';
export type Recorded = { url: string; method: string; body: unknown };

export function installFakeApi(): { requests: Recorded[]; answers: Answer[] } {
  const server = { requests: [] as Recorded[], answers: [] as Answer[] };
  const fakeFetch = (url: string, init: RequestInit): Promise<unknown> => {
    const body: unknown = init.body ? JSON.parse(String(init.body)) : undefined;
    server.requests.push({ url, method: String(init.method), body });
    const answer = server.answers.shift() ?? { status: 200, body: scorecard({ revision: server.requests.length + 1 }) };
    if (answer === 'offline') return Promise.reject(new TypeError('Failed to fetch'));
    return Promise.resolve({
      ok: answer.status < 400,
      status: answer.status,
      statusText: '',
      headers: { get: () => null },
      json: () => Promise.resolve(answer.body),
    });
  };
  globalThis.fetch = fakeFetch as unknown as typeof fetch;
  return server;
}
