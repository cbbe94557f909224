// A few direct API calls for test set-up (the behaviour under test always goes through the UI).
import { baseUrl } from './harness';

export type ApiSession = {
  request: (method: string, path: string, body?: unknown) => Promise<{ status: number; body: unknown }>;
};

/** Signs in over HTTP and returns a caller that sends the session cookie and the CSRF header. */
export async function apiSignIn(email: string, password: string): Promise<ApiSession> {
  const res = await fetch(`${baseUrl()}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-requested-with': 'scorecard' },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`API sign-in as ${email} answered ${res.status}: ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return {
    async request(method, path, body) {
      const r = await fetch(`${baseUrl()}${path}`, {
        method,
        headers: {
          cookie,
          'x-requested-with': 'scorecard',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await r.text();
      return { status: r.status, body: text ? (JSON.parse(text) as unknown) : undefined };
    },
  };
}
