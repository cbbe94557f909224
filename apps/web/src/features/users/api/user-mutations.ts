import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateUserRequest, UpdateUserRequest, User } from '@scorecard/contracts';
import { api } from '@/lib/api';
import { sessionKeys } from '@/lib/session';
import { userKeys } from './user-keys';

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateUserRequest) => api('createUser', { body }),
    onSuccess: (user) => {
      queryClient.setQueryData(userKeys.detail(user.id), user);
      return queryClient.invalidateQueries({ queryKey: userKeys.lists() });
    },
  });
}

export type UpdateUserVariables = { user: User; changes: UpdateUserRequest };

/**
 * Renames a user, changes their role, or (de)activates them. When the change is to the signed-in
 * admin themselves, their session is re-read too (they may no longer be an admin).
 */
export function useUpdateUser(currentUserId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ user, changes }: UpdateUserVariables) =>
      api('updateUser', { params: { id: user.id }, body: changes }),
    onSuccess: async (updated) => {
      queryClient.setQueryData(userKeys.detail(updated.id), updated);
      await queryClient.invalidateQueries({ queryKey: userKeys.lists() });
      if (updated.id === currentUserId) await queryClient.invalidateQueries({ queryKey: sessionKeys.me });
    },
  });
}

export type InvitationAction = 'resend' | 'revoke';

/** Sends an invited user a new link (reopening a revoked invitation), or revokes their invitation. */
export function useInvitationAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ user, action }: { user: User; action: InvitationAction }) =>
      api(action === 'resend' ? 'resendInvitation' : 'revokeInvitation', { params: { id: user.id } }),
    onSuccess: (updated) => {
      queryClient.setQueryData(userKeys.detail(updated.id), updated);
      return queryClient.invalidateQueries({ queryKey: userKeys.lists() });
    },
  });
}
