import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AcceptInvitationRequest,
  AuthSession,
  ConfirmPasswordResetRequest,
  LoginRequest,
  LoginResponse,
  Me,
  PasswordResetRequest,
  SignupRequest,
  TwoFactorLoginRequest,
  TwoFactorLoginResponse,
} from '@scorecard/contracts';
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

/** Email and password: a session, or a two-factor challenge to answer before there is one. */
export function useLogin() {
  const startSession = useStartSession();
  return useMutation({
    mutationFn: (body: LoginRequest) => api('login', { body }),
    onSuccess: (answer: LoginResponse) => {
      if ('token' in answer) startSession(answer);
    },
  });
}

/** At sign-in, when the organization requires two-factor: a new secret and QR code for the challenge. */
export function useSetupTwoFactorLogin() {
  return useMutation({
    mutationFn: (challenge: string) => api('setupTwoFactorLogin', { body: { challenge } }),
  });
}

/**
 * The code step of sign-in. The session starts at once, unless the answer carries recovery codes
 * (two-factor was just set up): the form shows them first and calls `startSession` when the person
 * has saved them.
 */
export function useCompleteTwoFactorLogin() {
  const startSession = useStartSession();
  const mutation = useMutation({
    mutationFn: (body: TwoFactorLoginRequest) => api('completeTwoFactorLogin', { body }),
    onSuccess: (answer: TwoFactorLoginResponse) => {
      if (!answer.recoveryCodes) startSession(answer);
    },
  });
  return { ...mutation, startSession };
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

export const invitationKeys = {
  info: (token: string) => ['invitation', token] as const,
};

/** Who an invitation link is for; a link that does not work fails at once (no retries). */
export function invitationInfoQueryOptions(token: string) {
  return queryOptions({
    queryKey: invitationKeys.info(token),
    queryFn: ({ signal }) => api('inspectInvitation', { body: { token }, signal }),
    retry: false,
    staleTime: Infinity,
  });
}

export function useInvitationInfo(token: string) {
  return useQuery(invitationInfoQueryOptions(token));
}

export function useAcceptInvitation() {
  const startSession = useStartSession();
  return useMutation({
    mutationFn: (body: AcceptInvitationRequest) => api('acceptInvitation', { body }),
    onSuccess: startSession,
  });
}

export function useRequestPasswordReset() {
  return useMutation({ mutationFn: (body: PasswordResetRequest) => api('requestPasswordReset', { body }) });
}

export function useConfirmPasswordReset() {
  const startSession = useStartSession();
  return useMutation({
    mutationFn: (body: ConfirmPasswordResetRequest) => api('confirmPasswordReset', { body }),
    onSuccess: startSession,
  });
}
