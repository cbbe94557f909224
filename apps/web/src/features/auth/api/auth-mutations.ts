import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AuthSession, LoginRequest, Me, SignupRequest } from '@scorecard/contracts';
import { api } from '@/lib/api';
import { sessionKeys } from '@/lib/session';

/** A fresh session replaces everything cached for whoever was signed in before. */
function useStartSession() {
  const queryClient = useQueryClient();
  return (session: AuthSession) => {
    queryClient.removeQueries();
    const me: Me = { user: session.user, organization: session.organization };
    queryClient.setQueryData(sessionKeys.me, me);
  };
}

export function useLogin() {
  const startSession = useStartSession();
  return useMutation({
    mutationFn: (body: LoginRequest) => api('login', { body }),
    onSuccess: startSession,
  });
}

export function useSignup() {
  const startSession = useStartSession();
  return useMutation({
    mutationFn: (body: SignupRequest) => api('signup', { body }),
    onSuccess: startSession,
  });
}

/** Revokes the session. The caller leaves the signed-in shell first, then clears the cache. */
export function useLogout() {
  return useMutation({ mutationFn: () => api('logout') });
}
