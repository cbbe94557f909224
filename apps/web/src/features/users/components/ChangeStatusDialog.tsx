import type { User } from '@scorecard/contracts';
import { Alert } from '@/components/ui/Alert';
import { Dialog } from '@/components/ui/Dialog';
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

  return (
    <Dialog
      open={user !== null}
      onClose={close}
      role="alertdialog"
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
    >
      {user && update.isError ? (
        <Alert>{updateUserErrorMessage(update.error, user.name, deactivating ? 'deactivate' : 'reactivate')}</Alert>
      ) : null}
      <div className="form__actions">
        <button type="button" className="button button--secondary" onClick={close} autoFocus>
          Cancel
        </button>
        <button
          type="button"
          className={deactivating ? 'button button--danger' : 'button button--primary'}
          disabled={update.isPending || !user}
          onClick={() => {
            if (!user) return;
            update.mutate(
              { user, changes: { active: !deactivating } },
              {
                onSuccess: (updated) => {
                  update.reset();
                  onChanged(updated);
                },
              },
            );
          }}
        >
          {update.isPending
            ? deactivating
              ? 'Deactivating…'
              : 'Reactivating…'
            : deactivating
              ? 'Deactivate'
              : 'Reactivate'}
        </button>
      </div>
    </Dialog>
  );
}
