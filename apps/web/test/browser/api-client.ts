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

/** The answer's body when it has the expected status; otherwise the test fails with what came back. */
export async function ok<T>(res: Promise<{ status: number; body: unknown }>, status = 200): Promise<T> {
  const r = await res;
  if (r.status !== status) throw new Error(`Expected ${status}, got ${r.status}: ${JSON.stringify(r.body)}`);
  return r.body as T;
}

/**
 * A new candidate of the opening titled `openingTitle`, applied and moved to Interviews by the
 * recruiter, with what a test needs to schedule its interviews: the plan's steps and the people.
 */
export async function applicationInInterviews(
  recruiter: ApiSession,
  openingTitle: string,
  name: string,
  email: string,
) {
  const openings = await ok<{ items: { id: string; title: string }[] }>(
    recruiter.request('GET', `/api/v1/openings?q=${encodeURIComponent(openingTitle)}`),
  );
  const openingId = openings.items.find((o) => o.title === openingTitle)!.id;
  const candidate = await ok<{ id: string }>(
    recruiter.request('POST', '/api/v1/candidates', { name, email, source: 'referral' }),
    201,
  );
  let application = await ok<{ id: string; version: number }>(
    recruiter.request('POST', '/api/v1/applications', { candidateId: candidate.id, openingId }),
    201,
  );
  for (const to of ['screen', 'interviews']) {
    application = await ok(
      recruiter.request('POST', `/api/v1/applications/${application.id}/moves`, { to, version: application.version }),
    );
  }
  const opening = await ok<{ plan: { steps: { key: string }[] } }>(
    recruiter.request('GET', `/api/v1/openings/${openingId}`),
  );
  const people = await ok<{ items: { id: string; name: string }[] }>(
    recruiter.request('GET', '/api/v1/people?pageSize=100'),
  );
  return { openingId, applicationId: application.id, opening, people };
}
