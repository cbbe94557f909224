import type { User } from '@scorecard/contracts';
import { Alert } from '@/components/ui/Alert';
import { ConfirmDialog } from '@/components/ui/Dialog';
import { useUpdateUser } from '../api/user-mutations';
import { updateUserErrorMessage } from '../user-errors';

type ChangeStatusDialogProps = {
  user: User | null;
  currentUserId: string;
  onClose: () => void;
  onChanged: (user: User) => void;
};

/** Confirms deactivating (or reactivating) a user, and explains a refusal such as `last_admin`. */
export function ChangeStatusDialog({ user, currentUserId, onClose, onChanged }: ChangeStatusDialogProps) {
  const update = useUpdateUser(currentUserId);
  const deactivating = user?.active ?? true;
  const close = () => {
    update.reset();
    onClose();
  };
  const done = (updated: User) => {
    update.reset();
    onChanged(updated);
  };

  return (
    <ConfirmDialog
      open={user !== null}
      onClose={close}
      title={user ? `${deactivating ? 'Deactivate' : 'Reactivate'} ${user.name}?` : ''}
      description={
        user ? (
          deactivating ? (
            <p>
              {user.name} ({user.email}) will no longer be able to sign in. Their account and history stay, and you can
              reactivate them later.
            </p>
          ) : (
            <p>
              {user.name} ({user.email}) will be able to sign in again with their existing password.
            </p>
          )
        ) : null
      }
      failure={
        user && update.isError ? (
          <Alert>{updateUserErrorMessage(update.error, user.name, deactivating ? 'deactivate' : 'reactivate')}</Alert>
        ) : null
      }
      danger={deactivating}
      confirmLabel={deactivating ? 'Deactivate' : 'Reactivate'}
      pendingLabel={deactivating ? 'Deactivating…' : 'Reactivating…'}
      pending={update.isPending}
      onConfirm={() => {
        if (user) update.mutate({ user, changes: { active: !deactivating } }, { onSuccess: done });
      }}
    />
  );
}
