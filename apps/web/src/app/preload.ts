import type { QueryClient } from '@tanstack/react-query';
import { RatingsView, Uuid } from '@scorecard/contracts';
import type { Params } from 'react-router';
import { debriefQueryOptions } from '@/features/debriefs/api/debrief-queries';
import { isHiringTeam } from '@/features/debriefs/debrief-access';
import { recruiterHomeParams, recruiterHomeQueryOptions } from '@/features/home/api/recruiter-home';
import {
  browserTimeZone,
  hiringManagerHomeQueryOptions,
  interviewerHomeQueryOptions,
} from '@/features/home/api/work-queues';
import { homeFor } from '@/features/home/home-access';
import { kitQueryOptions } from '@/features/scorecards/api/kit-queries';
import { prefetchForScreen } from '@/lib/query-client';
import { meQueryOptions } from '@/lib/session';

// Data a screen asks for as soon as it renders, asked for at start-up instead: the page's first
// load is otherwise a waterfall (the entry, then `/api/v1/me`, then the route's chunk, then, once
// that has rendered, its data). Each function builds exactly the query the screen's hook builds (same
// options factory, same key), so the screen finds the answer, or the request in flight, in the
// cache and asks for nothing more. Failures are left to the screen, which asks again and shows them.

/** Where the address is, as a route's preload sees it. */
export interface PreloadContext {
  queryClient: QueryClient;
  params: Params;
  search: URLSearchParams;
}

/** The session, from the query the app shell waits on (started here if the shell has not yet). */
async function session(queryClient: QueryClient) {
  return queryClient.ensureQueryData(meQueryOptions);
}

/** The home of the signed-in person's role (which home depends on the role, so after `/me`). */
export async function preloadHome({ queryClient, search }: PreloadContext): Promise<void> {
  const me = await session(queryClient);
  if (!me) return;
  switch (homeFor(me.user.role)) {
    case 'recruiter':
      return prefetchForScreen(queryClient, recruiterHomeQueryOptions(recruiterHomeParams(search)));
    case 'hiring_manager':
      return prefetchForScreen(queryClient, hiringManagerHomeQueryOptions());
    case 'interviewer':
      return prefetchForScreen(queryClient, interviewerHomeQueryOptions(browserTimeZone()));
  }
}

/** An interview's kit and the caller's scorecard: it depends on the id alone, so beside `/me`. */
export async function preloadInterviewKit({ queryClient, params }: PreloadContext): Promise<void> {
  if (!Uuid.safeParse(params.id).success) return;
  return prefetchForScreen(queryClient, kitQueryOptions(params.id!));
}

/** A debrief, in the view of the ratings the page will show (the hiring team may ask for another). */
export async function preloadDebrief({ queryClient, params, search }: PreloadContext): Promise<void> {
  if (!Uuid.safeParse(params.id).success) return;
  const me = await session(queryClient);
  if (!me) return;
  const asked = RatingsView.safeParse(search.get('ratings'));
  const view: RatingsView = isHiringTeam(me.user.role) && asked.success ? asked.data : 'independent';
  return prefetchForScreen(queryClient, debriefQueryOptions(params.id!, view));
}
