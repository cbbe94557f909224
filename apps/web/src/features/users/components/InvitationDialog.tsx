import { INVITATION_TTL_DAYS, type User } from '@scorecard/contracts';
import { Alert } from '@/components/ui/Alert';
import { ConfirmDialog } from '@/components/ui/Dialog';
import { ApiError, errorMessage } from '@/lib/api';
import { type InvitationAction, useInvitationAction } from '../api/user-mutations';

export type InvitationChange = { user: User; action: InvitationAction };

type InvitationDialogProps = {
  change: InvitationChange | null;
  onClose: () => void;
  onChanged: (user: User, action: InvitationAction) => void;
};

function invitationErrorMessage(error: unknown, name: string, action: InvitationAction): string {
  if (error instanceof ApiError) {
    if (error.code === 'not_invited') return `${name} has already accepted the invitation and chosen a password.`;
    if (error.code === 'not_found') return `${name} no longer exists in this organization. Refresh the list.`;
  }
  return `Couldn’t ${action} the invitation of ${name}. ${errorMessage(error)}`;
}

/** Confirms resending or revoking a user's invitation, and explains a refusal in place. */
export function InvitationDialog({ change, onClose, onChanged }: InvitationDialogProps) {
  const mutation = useInvitationAction();
  const user = change?.user;
  const resending = change?.action !== 'revoke';
  const close = () => {
    mutation.reset();
    onClose();
  };
  return (
    <ConfirmDialog
      open={change !== null}
      onClose={close}
      title={user ? `${resending ? 'Resend the invitation to' : 'Revoke the invitation of'} ${user.name}?` : ''}
      description={
        user ? (
          resending ? (
            <p>
              We’ll email {user.email} a new link to choose a password, valid for {INVITATION_TTL_DAYS} days. Any
              earlier link stops working.
            </p>
          ) : (
            <p>
              The link we emailed to {user.email} stops working and {user.name} is deactivated. You can resend the
              invitation later.
            </p>
          )
        ) : null
      }
      failure={
        user && change && mutation.isError ? (
          <Alert>{invitationErrorMessage(mutation.error, user.name, change.action)}</Alert>
        ) : null
      }
      danger={!resending}
      confirmLabel={resending ? 'Resend invitation' : 'Revoke invitation'}
      pendingLabel={resending ? 'Sending…' : 'Revoking…'}
      pending={mutation.isPending}
      onConfirm={() => {
        if (!change) return;
        mutation.mutate(change, {
          onSuccess: (updated) => {
            mutation.reset();
            onChanged(updated, change.action);
          },
        });
      }}
    />
  );
}
