import { ROLE_LABELS, ROLES, type Role, type User } from '@scorecard/contracts';
import { OptionList } from '@/components/ui/Field';

type RoleSelectProps = {
  user: User;
  /** Another role was chosen: the caller confirms before anything changes. */
  onChoose: (role: Role) => void;
};

/**
 * A user's role. Choosing another asks for confirmation first (ChangeRoleDialog); the select keeps
 * showing the stored role until the change is confirmed and saved, so Cancel leaves it as it was.
 */
export function RoleSelect({ user, onChoose }: RoleSelectProps) {
  return (
    <select
      className="select select--compact"
      aria-label={`Role for ${user.name}`}
      value={user.role}
      disabled={!user.active}
      title={user.active ? undefined : 'Reactivate this user to change their role'}
      onChange={(e) => {
        const role = e.target.value as Role;
        if (role !== user.role) onChoose(role);
      }}
    >
      <OptionList values={ROLES} labels={ROLE_LABELS} />
    </select>
  );
}
