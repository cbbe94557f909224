import { ROLE_LABELS, type Role, type User } from '@scorecard/contracts';
import { Alert } from '@/components/ui/Alert';
import { ConfirmDialog } from '@/components/ui/Dialog';
import { EmailText } from '@/components/ui/EmailText';
import { useUpdateUser } from '../api/user-mutations';
import { updateUserErrorMessage } from '../user-errors';

/** What each role may do, in a line, so the admin sees what the change gives or takes away. */
const ROLE_SCOPE: Record<Role, string> = {
  admin: 'manage users and roles, the rubric and red-flag libraries, the audit log, and candidates’ data',
  recruiter: 'add candidates, move applications through the pipeline and assign interviewers',
  hiring_manager: 'define openings and their interview plans, read debriefs and record hiring decisions',
  interviewer: 'see the interviews they are assigned and write their scorecards',
};

export type RoleChange = { user: User; role: Role };

type ChangeRoleDialogProps = {
  change: RoleChange | null;
  currentUserId: string;
  onClose: () => void;
  onChanged: (user: User) => void;
};

/**
 * Confirms a role change chosen in the users table: names the person, their role now and the new
 * one. Cancel (or Escape) changes nothing; a refusal such as `last_admin` is explained in place.
 */
export function ChangeRoleDialog({ change, currentUserId, onClose, onChanged }: ChangeRoleDialogProps) {
  const update = useUpdateUser(currentUserId);
  const close = () => {
    update.reset();
    onClose();
  };
  const user = change?.user;
  const from = user ? ROLE_LABELS[user.role] : '';
  const to = change ? ROLE_LABELS[change.role] : '';
  const self = user?.id === currentUserId;

  return (
    <ConfirmDialog
      open={change !== null}
      onClose={close}
      title={user ? `Change ${user.name}’s role?` : ''}
      description={
        change && user ? (
          <>
            <p>
              {user.name} (<EmailText email={user.email} />) changes from <strong>{from}</strong> to{' '}
              <strong>{to}</strong>.
            </p>
            <p>
              As {article(to)} {to.toLowerCase()} they can {ROLE_SCOPE[change.role]}.
              {self ? ' This is your own account: you may lose access to this page.' : ''}
            </p>
          </>
        ) : null
      }
      failure={
        change && user && update.isError ? (
          <Alert>{updateUserErrorMessage(update.error, user.name, 'role', change.role)}</Alert>
        ) : null
      }
      confirmLabel={`Change to ${to}`}
      pendingLabel="Changing role…"
      pending={update.isPending}
      onConfirm={() => {
        if (!change) return;
        const onSuccess = (updated: User) => {
          update.reset();
          onChanged(updated);
        };
        update.mutate({ user: change.user, changes: { role: change.role } }, { onSuccess });
      }}
    />
  );
}

export function article(word: string): 'a' | 'an' {
  return /^[aeiou]/i.test(word) ? 'an' : 'a';
}
