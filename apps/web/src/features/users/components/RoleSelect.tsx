import { ROLE_LABELS, ROLES, type Role, type User } from '@scorecard/contracts';
import { useUpdateUser } from '../api/user-mutations';

type RoleSelectProps = {
  user: User;
  currentUserId: string;
  onDone: (result: { ok: true; role: Role } | { ok: false; role: Role; error: unknown }) => void;
};

/** Changes a user's role as soon as another is chosen; shows the chosen role while it saves. */
export function RoleSelect({ user, currentUserId, onDone }: RoleSelectProps) {
  const update = useUpdateUser(currentUserId);
  const value = update.isPending && update.variables.changes.role ? update.variables.changes.role : user.role;
  return (
    <select
      className="select select--compact"
      aria-label={`Role for ${user.name}`}
      value={value}
      disabled={update.isPending || !user.active}
      title={user.active ? undefined : 'Reactivate this user to change their role'}
      onChange={(e) => {
        const role = e.target.value as Role;
        update.mutate(
          { user, changes: { role } },
          {
            onSuccess: () => onDone({ ok: true, role }),
            onError: (error) => onDone({ ok: false, role, error }),
          },
        );
      }}
    >
      {ROLES.map((role) => (
        <option key={role} value={role}>
          {ROLE_LABELS[role]}
        </option>
      ))}
    </select>
  );
}
