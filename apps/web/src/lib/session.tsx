import { queryOptions } from '@tanstack/react-query';
import type { Me } from '@scorecard/contracts';
import { createContext, useContext } from 'react';
import { api, isApiError } from './api';

export const sessionKeys = {
  me: ['session', 'me'] as const,
};

/** The signed-in user, or `null` when signed out (a 401 is an answer here, not an error). */
export const meQueryOptions = queryOptions({
  queryKey: sessionKeys.me,
  queryFn: async ({ signal }): Promise<Me | null> => {
    try {
      return await api('me', { signal });
    } catch (error) {
      if (isApiError(error, 'unauthenticated') || (isApiError(error) && error.status === 401)) return null;
      throw error;
    }
  },
  staleTime: 60_000,
});

const SessionContext = createContext<Me | null>(null);
export const SessionProvider = SessionContext.Provider;

/** The signed-in user and organization; only inside the signed-in app shell. */
export function useSession(): Me {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession() used outside the signed-in app shell');
  return session;
}

/** Only a same-site path may be a post-sign-in target (never `//host` or an absolute URL). */
export function safeNextPath(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  if (next.startsWith('/login') || next.startsWith('/signup')) return '/';
  return next;
}

export function loginPath(next?: string): string {
  return next && next !== '/' ? `/login?next=${encodeURIComponent(next)}` : '/login';
}
